// Draws the toolbar icons (a shield with a keyhole) as PNGs without any image library: run once with
// `node scripts/make-icons.mjs`; the PNGs are committed in public/icon/.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function draw(size) {
  const px = (x, y) => {
    // Coordinates in a 0..1 box, sampled 4×4 per pixel for smooth edges.
    let cover = 0;
    let hole = 0;
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const u = (x + (sx + 0.5) / 4) / size;
        const v = (y + (sy + 0.5) / 4) / size;
        const halfWidth = v < 0.55 ? 0.4 : 0.4 * Math.max(0, (1 - v) / 0.45);
        const inShield = v > 0.08 && v < 0.97 && Math.abs(u - 0.5) < halfWidth;
        if (!inShield) continue;
        cover++;
        const inCircle = (u - 0.5) ** 2 + (v - 0.42) ** 2 < 0.1 ** 2;
        const inStem = Math.abs(u - 0.5) < 0.045 && v > 0.42 && v < 0.7;
        if (inCircle || inStem) hole++;
      }
    const a = cover / 16;
    const h = hole / Math.max(1, cover);
    // #0866ff shield, white keyhole.
    return [Math.round(8 + (255 - 8) * h), Math.round(102 + (255 - 102) * h), 255, Math.round(a * 255)];
  };
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...px(x, y));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, draw(size));
