// Builds the web app when dist/web is missing or older than web/src, so `npm start` always serves
// the current app without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const out = path.resolve('dist/web/index.html');
function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const stale = !fs.existsSync(out) || fs.statSync(out).mtimeMs < Math.max(newest('web'), newest('src/shared'));
if (stale) {
  console.log('Building the web app …');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
