import { describe, expect, it } from 'vitest';
import { blobText } from '@/lib/domain/blob-text';

describe('a file read as text', () => {
  it('is what Blob.text() gives: a byte order mark dropped, malformed bytes replaced, any script kept', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('{"by":"Sjöbod Café — 😀"}'),
      0xc3,
      0x28,
      0xff,
    ]);
    const blob = new Blob([bytes]);
    expect(await blobText(blob)).toBe(await blob.text());
    expect(await blobText(blob)).toBe('{"by":"Sjöbod Café — 😀"}\uFFFD(\uFFFD');
    expect(await blobText(new Blob([]))).toBe('');
  });
});
