// The npm registry this project is built against serves rollup's platform packages only for the
// platform that installed them, so `npm install` writes a lock without the other platforms' entries
// and `npm ci` then refuses the lock as out of sync. This adds the missing optional entries (with the
// os/cpu/libc that make npm skip them elsewhere). Run after changing dependencies:
//   node scripts/lock-platforms.mjs && npm ci --dry-run
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  if (!key.endsWith('node_modules/rollup')) continue;
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const entry = `node_modules/${name}`;
    if (lock.packages[entry]) continue;
    const [os, cpu, ...rest] = name.split('/')[1].replace(/^rollup-/, '').split('-');
    const e = { version, cpu: [cpu], dev: true, license: 'MIT', optional: true, os: [os] };
    if (os === 'linux') e.libc = [rest.includes('musl') ? 'musl' : 'glibc'];
    lock.packages[entry] = e;
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platforms: ${added} optional platform entries added`);
