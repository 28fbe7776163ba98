import fs from 'node:fs';
import crypto from 'node:crypto';
const NS = '6f1c2b7e-4d3a-5b8c-9e0f-b120d0c0ffee';
export function uuid5(name) {
  const ns = Buffer.from(NS.replace(/-/g, ''), 'hex');
  const h = crypto.createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  const b = Buffer.from(h.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x50; b[8] = (b[8] & 0x3f) | 0x80;
  const x = b.toString('hex');
  return `${x.slice(0,8)}-${x.slice(8,12)}-${x.slice(12,16)}-${x.slice(16,20)}-${x.slice(20)}`;
}
const SEEDDIR = process.env.SEEDS_DIR ?? new URL('../../../shared/seeds', import.meta.url).pathname;
const files = fs.readdirSync(SEEDDIR);
const cache = {};
export function lines(seed) {
  if (!cache[seed]) cache[seed] = fs.readFileSync(`${SEEDDIR}/${files.find((f) => f.startsWith(seed + '_'))}`, 'utf8').split('\n');
  return cache[seed];
}
/** First line at or after `from` (1-based) containing `text` (case-insensitive). */
export function findLine(seed, text, from = 1) {
  const L = lines(seed); const n = (x) => x.toLowerCase().replace(/\s+/g, ' '); const t = n(text);
  for (let i = Math.max(0, from - 1); i < L.length; i++) if (n(L[i]).includes(t)) return i + 1;
  throw new Error(`not found: ${seed} «${text}» from ${from}`);
}
