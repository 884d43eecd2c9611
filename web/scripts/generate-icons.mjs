// Draws the app icons (a small network: three nodes and their links) as PNGs, without dependencies.
// Run once after changing the design: node web/scripts/generate-icons.mjs — the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [11, 102, 96];
const FG = [255, 255, 255];
const NODES = [
  [0.3, 0.36],
  [0.7, 0.36],
  [0.5, 0.7],
];
const NODE_RADIUS = 0.1;
const LINK_WIDTH = 0.05;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Is (x, y) in [0,1]² on the symbol, scaled by `scale` around the centre? */
function onSymbol(x, y, scale) {
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  if (NODES.some(([nx, ny]) => Math.hypot(u - nx, v - ny) <= NODE_RADIUS)) return true;
  for (let i = 0; i < NODES.length; i++) {
    if (distanceToSegment(u, v, NODES[i], NODES[(i + 1) % NODES.length]) <= LINK_WIDTH / 2) return true;
  }
  return false;
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function draw(size, { cornerRadius, scale }) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(x, y, cornerRadius)) continue;
          if (onSymbol(x, y, scale)) fg++;
          else bg++;
        }
      }
      const total = samples * samples;
      const alpha = (bg + fg) / total;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        rgba[i + c] = bg + fg ? Math.round((BG[c] * bg + FG[c] * fg) / (bg + fg)) : 0;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, rgba);
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), draw(192, { cornerRadius: 0.22, scale: 1 }));
writeFileSync(new URL('icon-512.png', out), draw(512, { cornerRadius: 0.22, scale: 1 }));
// Maskable: full bleed, the symbol inside the central 80 % safe zone.
writeFileSync(new URL('icon-maskable-512.png', out), draw(512, { cornerRadius: 0, scale: 0.72 }));
writeFileSync(new URL('apple-touch-icon.png', out), draw(180, { cornerRadius: 0, scale: 0.85 }));

const circles = NODES.map(([x, y]) => `<circle cx="${x * 64}" cy="${y * 64}" r="${NODE_RADIUS * 64}"/>`).join(
  '',
);
const links = NODES.map(([x, y]) => `${x * 64} ${y * 64}`).join(' L');
writeFileSync(
  new URL('favicon.svg', out),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><title>mentorNET</title><rect width="64" height="64" rx="${0.22 * 64}" fill="rgb(${BG})"/><path d="M${links}Z" fill="none" stroke="#fff" stroke-width="${LINK_WIDTH * 64}"/><g fill="#fff">${circles}</g></svg>\n`,
);
console.log('icons written to web/public/icons/');
