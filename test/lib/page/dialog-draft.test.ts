import { describe, expect, it } from 'vitest';
import { mergeDialogDraft } from '@/lib/page/dialog-draft';
import { page, person, snapshot } from '../domain/rules/helpers';

const step = (p: ReturnType<typeof person>) => snapshot([p], 'invite-dialog');
const anonymous = () => ({
  ...person('New invitation', 'x@y.z'),
  email: undefined,
  portfolioAccess: undefined,
});

describe('mergeDialogDraft', () => {
  it('keeps what earlier steps showed while the dialog stays open', () => {
    const first = mergeDialogDraft(
      undefined,
      step(person('new@agency.example', 'new@agency.example', { portfolioAccess: undefined })),
      {
        who: true,
        access: false,
        expiry: false,
        assets: false,
      },
    );
    const second = mergeDialogDraft(
      first.draft,
      {
        ...step({ ...anonymous(), portfolioAccess: 'full-control' }),
        readStatus: 'partial',
        readProblems: [{ code: 'dialog-missing-invitee' }],
      },
      {
        who: false,
        access: true,
        expiry: true,
        assets: false,
      },
    );
    expect(second.snapshot.principals[0]).toMatchObject({
      email: 'new@agency.example',
      portfolioAccess: 'full-control',
    });
    expect(second.snapshot.readStatus).toBe('ok');
    expect(second.renamed.get('person-name:New invitation')).toBe('person:new@agency.example');
    const third = mergeDialogDraft(
      second.draft,
      step({ ...anonymous(), assets: [page('Sjöbod Café', 'partial', ['ads'])] }),
      {
        who: false,
        access: false,
        expiry: false,
        assets: true,
      },
    );
    expect(third.snapshot.principals[0]).toMatchObject({
      email: 'new@agency.example',
      portfolioAccess: 'full-control',
      assets: [page('Sjöbod Café', 'partial', ['ads'])],
    });
  });

  it('forgets the draft when the dialog closes, and takes what a step shows over what was remembered', () => {
    const first = mergeDialogDraft(
      undefined,
      step(person('a@x.example', 'a@x.example', { portfolioAccess: 'full-control' })),
      {
        who: true,
        access: true,
        expiry: true,
        assets: true,
      },
    );
    const changed = mergeDialogDraft(
      first.draft,
      step(person('a@x.example', 'a@x.example', { portfolioAccess: 'partial' })),
      {
        who: true,
        access: true,
        expiry: true,
        assets: true,
      },
    );
    expect(changed.snapshot.principals[0]!.portfolioAccess).toBe('partial');
    expect(mergeDialogDraft(changed.draft, snapshot([], 'people'), undefined).draft).toBeUndefined();
  });
});
