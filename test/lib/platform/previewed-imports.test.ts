import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildExport } from '@/lib/domain/ledger/export';
import type { Decision, PublicKey } from '@/lib/domain/ledger/records';
import { chainSigningText, decisionSigningText, publicKeyOf, signText } from '@/lib/domain/ledger/signing';
import { utf8Length } from '@/lib/domain/ledger/import';
import { changeListOf, listedChanges, PREVIEW_FIRST_ROWS } from '@/lib/domain/ledger/admin';
import { LARGE_LEDGER, largeChain } from '../ledger/large-ledger';
import { Uploads, UPLOAD_KEEP_MS } from '@/lib/ledger/uploads';
import { MAX_PREVIEWS, PREVIEW_KEEP_MS, PreviewedImports } from '@/lib/platform/previewed-imports';
import { chainOf, OTHER_LEDGER } from '../domain/ledger/fixtures';
import { testHub, type TestHub } from './test-hub';

/**
 * Issue 12, item 5: the options page sends a file once, for its preview; the import names the preview
 * (`apply-previewed`) and the background takes the file it kept, without checking its signatures again.
 */
const NOW = new Date('2026-11-28T12:00:00Z');
const N = 700;

/** A colleague's export as their Scopekeeper writes it: every decision signed, the chain head too. */
async function signedFile(): Promise<string> {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKey: PublicKey = publicKeyOf(await crypto.subtle.exportKey('jwk', keys.publicKey));
  const chain: Decision[] = [];
  for (const d of await chainOf(N, OTHER_LEDGER))
    chain.push({ ...d, sig: await signText(keys.privateKey, decisionSigningText(d.hash)) });
  const file = buildExport(OTHER_LEDGER, [], new Map([[OTHER_LEDGER, chain]]), NOW);
  return JSON.stringify({
    ...file,
    publicKey,
    chainHeadSignature: await signText(keys.privateKey, chainSigningText(OTHER_LEDGER, file.chainHead)),
  });
}
let text: string;

describe('previewed files kept by the background', () => {
  it('are taken once, dropped on cancel, forgotten after their time, and at most a few are kept', () => {
    let now = 0;
    const previews = new PreviewedImports(() => now);
    const a = previews.keep('file a');
    expect(previews.has(a)).toBe(true);
    expect(previews.take(a)).toEqual({ text: 'file a' });
    expect(previews.take(a)).toBeUndefined();

    const b = previews.keep('file b');
    previews.drop(b);
    expect(previews.take(b)).toBeUndefined();

    const c = previews.keep('file c');
    now += PREVIEW_KEEP_MS;
    expect(previews.has(c)).toBe(true);
    now += 1;
    expect(previews.has(c)).toBe(false);
    expect(previews.take(c)).toBeUndefined();

    const kept = Array.from({ length: MAX_PREVIEWS + 1 }, (_, i) => previews.keep(`file ${i}`));
    expect(previews.size).toBe(MAX_PREVIEWS);
    // The oldest went first.
    expect(previews.has(kept[0]!)).toBe(false);
    expect(previews.take(kept.at(-1)!)).toEqual({ text: `file ${MAX_PREVIEWS}` });
  });
});

describe('an import by its preview, through the background', () => {
  let t: TestHub;
  let now: Date;
  beforeEach(async () => {
    fakeBrowser.reset();
    text ??= await signedFile();
    now = NOW;
    t = testHub({ now: () => now });
  });
  afterEach(() => t.close());

  const preview = async () => {
    const r = await t.ask('ledgerAdmin', { type: 'plan-import', text });
    if (!r.ok || r.value.type !== 'import' || !r.value.preview) throw new Error('no preview');
    expect(r.value.applied).toBe(false);
    expect(r.value.summary.addDecisions).toBe(N);
    return r.value.preview;
  };
  const apply = (id: string, commandKey = crypto.randomUUID()) =>
    t.ask('ledgerAdmin', { type: 'apply-previewed', preview: id, trust: [], acceptKeys: [], commandKey });

  it('imports the previewed file without it being sent again, checking no signature twice', async () => {
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const id = await preview();
    // The preview checked the signature that ends the file's one run of signed decisions (it attests the
    // rest through the chain, whose every hash is checked: lib/domain/ledger/signing.ts checkRunSignatures)
    // and the chain head's.
    expect(verify.mock.calls.length).toBe(2);
    verify.mockClear();
    const r = await apply(id);
    expect(r).toMatchObject({
      ok: true,
      value: { type: 'import', applied: true, summary: { addDecisions: N } },
    });
    // Only the chain head's again (the run's end was checked by the preview, with this key); then, after the
    // import answered, the background check of every decision's own signature (lib/ledger/signature-audit.ts).
    await t.store.signatureAuditSettled();
    expect(verify.mock.calls.length).toBe(1 + N);
    verify.mockRestore();
    const chain = await t.store.chain(OTHER_LEDGER);
    expect(chain).toHaveLength(N);
    expect(chain.every((d) => /^[0-9a-f]{128}$/.test(d.sig ?? ''))).toBe(true);
  });

  it('refuses a second import of the same preview, but answers a retry of the same action with its first answer', async () => {
    const id = await preview();
    const commandKey = crypto.randomUUID();
    const first = await apply(id, commandKey);
    expect(first).toMatchObject({ ok: true, value: { applied: true } });
    // The page lost the answer and sends the same action again: the same answer, nothing written twice.
    expect(await apply(id, commandKey)).toEqual(first);
    // Another "Import" of the same preview: it is gone.
    expect(await apply(id)).toEqual({ ok: false, error: { code: 'import-preview-gone' } });
    expect(await t.store.chain(OTHER_LEDGER)).toHaveLength(N);
  });

  it('says the preview is gone when it is unknown, cancelled or expired, and imports nothing', async () => {
    const gone = { ok: false, error: { code: 'import-preview-gone' } };
    expect(await apply(crypto.randomUUID())).toEqual(gone);

    const cancelled = await preview();
    expect(await t.ask('ledgerAdmin', { type: 'keep-preview', preview: cancelled })).toEqual({
      ok: true,
      value: { type: 'preview', kept: true },
    });
    expect(await t.ask('ledgerAdmin', { type: 'drop-preview', preview: cancelled })).toEqual({
      ok: true,
      value: { type: 'preview', kept: false },
    });
    expect(await t.ask('ledgerAdmin', { type: 'keep-preview', preview: cancelled })).toEqual({
      ok: true,
      value: { type: 'preview', kept: false },
    });
    expect(await apply(cancelled)).toEqual(gone);

    const expired = await preview();
    now = new Date(NOW.getTime() + PREVIEW_KEEP_MS + 1);
    expect(await apply(expired)).toEqual(gone);
    expect(await t.store.chain(OTHER_LEDGER)).toEqual([]);
  });

  it('previews a file the options page stored in IndexedDB, named by its id, and takes it from there once', async () => {
    const uploads = new Uploads(undefined, () => now.getTime());
    const upload = await uploads.put(new Blob([text], { type: 'application/json' }));
    const r = await t.ask('ledgerAdmin', { type: 'plan-upload', upload });
    expect(r).toMatchObject({
      ok: true,
      value: { type: 'import', applied: false, summary: { addDecisions: N } },
    });
    // The stored file is gone from IndexedDB: its preview holds it now, for the import.
    expect(await uploads.take(upload)).toBeUndefined();
    expect(await t.ask('ledgerAdmin', { type: 'plan-upload', upload })).toEqual({
      ok: false,
      error: { code: 'import-preview-gone' },
    });
    if (!r.ok || r.value.type !== 'import') throw new Error('no preview');
    expect(await apply(r.value.preview!)).toMatchObject({ ok: true, value: { applied: true } });
    expect(await t.store.chain(OTHER_LEDGER)).toHaveLength(N);

    // A file a page stored and never named is removed once it is older than its time.
    const left = await uploads.put(new Blob(['{}']));
    now = new Date(now.getTime() + UPLOAD_KEEP_MS + 1);
    // Its text, and its size in bytes as the file gives it (UTF-8: "é" is two).
    const later = await uploads.put(new Blob(['{"later":"é"}']));
    expect(await uploads.take(later)).toEqual({ text: '{"later":"é"}', bytes: 14 });
    expect(await uploads.take(left)).toBeUndefined();
    uploads.close();
  });

  it('checks the signatures again when the file changed hands: a tampered signature in another text is refused', async () => {
    await preview();
    const file = JSON.parse(text) as { decisions: Decision[] };
    // The run's last signature, the one that attests the others.
    const last = file.decisions.at(-1)!;
    const sig = last.sig!;
    last.sig = `${sig.slice(0, -2)}${sig.endsWith('00') ? '11' : '00'}`;
    const r = await t.ask('ledgerAdmin', { type: 'plan-import', text: JSON.stringify(file) });
    expect(r).toMatchObject({ ok: false, error: { code: 'import-signature-bad' } });
  });
});

describe('a preview of many changes, through the background', () => {
  // After the last of the large chain's decisions (one every quarter of an hour from November 1st).
  const LATER = new Date('2026-12-20T12:00:00Z');
  let t: TestHub;
  beforeEach(() => {
    fakeBrowser.reset();
    t = testHub({ now: () => LATER });
  });
  afterEach(() => t.close());

  it('answers with each list’s counts and first rows, keeps the rest with the preview, and gives them on demand', async () => {
    const chain = await largeChain(1200);
    const file = JSON.stringify(buildExport(LARGE_LEDGER, [], new Map([[LARGE_LEDGER, chain]]), LATER));
    // The whole list, as a preview listed it before it was paged.
    const whole = await t.store.planImport(file, file.length, { now: LATER });
    if (!whole.ok) throw new Error(JSON.stringify(whole.error));
    const all = listedChanges(whole.plan.changes).filter((c) => changeListOf(c) === LARGE_LEDGER);
    expect(all.length).toBeGreaterThan(PREVIEW_FIRST_ROWS + 150);

    const r = await t.ask('ledgerAdmin', { type: 'plan-import', text: file });
    if (!r.ok || r.value.type !== 'import' || !r.value.preview) throw new Error('no preview');
    const { summary, preview } = r.value;
    const mine = summary.changes.filter((c) => changeListOf(c) === LARGE_LEDGER);
    expect(mine).toEqual(all.slice(0, PREVIEW_FIRST_ROWS));
    const counted = (kind: string) => all.filter((c) => c.kind === kind).length;
    expect(summary.lists).toContainEqual({
      list: LARGE_LEDGER,
      total: all.length,
      accept: counted('accept'),
      revoke: counted('revoke'),
      extend: counted('extend'),
    });
    // The rest, a page at a time, in the list's order; past the end, nothing.
    const page = (from: number, count: number) =>
      t.ask('ledgerAdmin', { type: 'preview-changes', preview, list: LARGE_LEDGER, from, count });
    const rest: unknown[] = [];
    for (let from = PREVIEW_FIRST_ROWS; from < all.length; from += 100) {
      const more = await page(from, 100);
      if (!more.ok || more.value.type !== 'preview-changes') throw new Error('no rows');
      rest.push(...more.value.changes);
    }
    expect(rest).toEqual(all.slice(PREVIEW_FIRST_ROWS));
    expect(await page(all.length, 10)).toEqual({
      ok: true,
      value: { type: 'preview-changes', changes: [], names: {} },
    });
    // Once the preview is imported (or cancelled), its lists go with it.
    await t.ask('ledgerAdmin', { type: 'drop-preview', preview });
    expect(await page(PREVIEW_FIRST_ROWS, 10)).toEqual({
      ok: false,
      error: { code: 'import-preview-gone' },
    });
  });

  it('lists a short preview whole, without counts', async () => {
    const chain = await largeChain(40);
    const file = JSON.stringify(buildExport(LARGE_LEDGER, [], new Map([[LARGE_LEDGER, chain]]), LATER));
    const r = await t.ask('ledgerAdmin', { type: 'plan-import', text: file });
    if (!r.ok || r.value.type !== 'import') throw new Error('no preview');
    expect(r.value.summary.lists).toBeUndefined();
    expect(r.value.summary.changes.length).toBeGreaterThan(0);
  });
});

describe('the size of a file’s text', () => {
  it('is its UTF-8 size, counted without encoding it', () => {
    for (const text of [
      '',
      'abc',
      'Sjöbod café',
      '€ 5',
      'emoji 😀 here',
      'lone \ud800 high',
      'lone \udc00 low',
      'end \ud83d',
    ])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
