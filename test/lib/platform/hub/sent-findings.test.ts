import { describe, expect, it } from 'vitest';
import { FINDINGS_PART } from '@/lib/domain/badge-findings';
import { SentFindings } from '@/lib/platform/hub/sent-findings';

/** A page that takes what it is sent as the content script does: parts held until the last one. */
function fakePage() {
  const page = { messages: [] as string[], held: [] as unknown[], drawn: [] as unknown[][], gone: false };
  const deliver = async (name: 'showFindings' | 'moreFindings', part: unknown[]) => {
    if (page.gone) return false;
    page.messages.push(`${name}:${part.length}`);
    page.held = [...page.held, ...part];
    if (name === 'showFindings') {
      page.drawn.push(page.held);
      page.held = [];
    }
    return true;
  };
  return { page, deliver };
}

const list = (n: number, tag = 'f') => Array.from({ length: n }, (_, i) => ({ subject: `${tag}${i}` }));

describe("sending a page its badges' findings (issue 12)", () => {
  it('sends a long list in parts, in order, the last one as showFindings, and the page gets it whole', async () => {
    const { page, deliver } = fakePage();
    const findings = list(FINDINGS_PART * 2 + 1);
    await new SentFindings().send(7, {}, findings, deliver);
    expect(page.messages).toEqual([
      `moreFindings:${FINDINGS_PART}`,
      `moreFindings:${FINDINGS_PART}`,
      'showFindings:1',
    ]);
    expect(page.drawn).toEqual([findings]);
  });

  it('sends the same findings for the same read once, and again for a new read or other findings', async () => {
    const { page, deliver } = fakePage();
    const sent = new SentFindings();
    const read = {};
    await sent.send(7, read, list(3), deliver);
    await sent.send(7, read, list(3), deliver);
    expect(page.drawn).toHaveLength(1);
    await sent.send(7, {}, list(3), deliver);
    expect(page.drawn).toHaveLength(2);
    await sent.send(7, read, list(2), deliver);
    expect(page.drawn).toHaveLength(3);
    // An empty list is sent too (the page clears its badges).
    await sent.send(7, read, [], deliver);
    expect(page.drawn.at(-1)).toEqual([]);
  });

  it('does not take a list cut off midway for sent, and empties what the page held before the next', async () => {
    const { page, deliver } = fakePage();
    const sent = new SentFindings();
    const read = {};
    const findings = list(FINDINGS_PART + 5);
    // The page goes away after the first part (another site, the back/forward cache).
    let calls = 0;
    await sent.send(7, read, findings, async (name, part) => (++calls > 1 ? false : deliver(name, part)));
    expect(page.held).toHaveLength(FINDINGS_PART);
    expect(page.drawn).toEqual([]);
    // Back again: the same read's findings go again, after the held part was emptied.
    await sent.send(7, read, findings, deliver);
    expect(page.messages.slice(1)).toEqual([
      'showFindings:0',
      `moreFindings:${FINDINGS_PART}`,
      'showFindings:5',
    ]);
    expect(page.drawn.at(-1)).toEqual(findings);
    // Sent whole now: not again.
    await sent.send(7, read, findings, deliver);
    expect(page.drawn).toHaveLength(2);
  });

  it('sends again what did not get there at all, without emptying anything first', async () => {
    const { page, deliver } = fakePage();
    const sent = new SentFindings();
    const read = {};
    page.gone = true;
    await sent.send(7, read, list(3), deliver);
    page.gone = false;
    await sent.send(7, read, list(3), deliver);
    expect(page.messages).toEqual(['showFindings:3']);
  });
});
