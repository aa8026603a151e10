// npm run bench: the figures an editor feels. Prints them and writes dist/bench.json.
//  - cold: a fresh `banmian build` process with .cache/ deleted (median of 5), from spawning it to its
//    report that the PDFs are written (and, separately, to its exit once the persistent cache is written)
//  - warm: the same with the persistent cache left in place after a one-paragraph edit (median of 5)
//  - watch: rebuild after editing one paragraph while `banmian watch` runs (median of 10)
//  - cold without V8's code cache (lib/cli.v8cache moved aside; median of 3)
//  - peak memory (max RSS of the build process), PDF bytes, and where the time goes (start-up, ingest,
//    templates, fonts, layout with its shaping and composition, PDF writing)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
// Started as a program, the way `npm start`, `npx banmian` and the bin link start it: its first lines
// are a shell script that starts Node (see bin/banmian.js).
const bin = join(root, 'bin/banmian.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Work on a copy of the seeds so the edits never touch the real copy.
const work = mkdtempSync(join(tmpdir(), 'banmian-bench-'));
const seeds = join(work, 'seeds');
const out = join(work, 'dist');
cpSync(join(root, 'seeds'), seeds, { recursive: true });
const args = ['build', '--seeds', seeds, '--out', out, '--templates', join(root, 'templates'), '--fonts', join(root, 'fonts')];
const cacheDir = join(root, '.cache');

// The file and paragraph an editor touches: the first body paragraph of the first editor copy (or raw file).
const editable = readdirSync(seeds).filter((f) => f.endsWith('.md')).sort()[0] ?? readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()[0];
const editFile = join(seeds, editable);
const original = readFileSync(editFile, 'utf8');
let edits = 0;
function editOneParagraph() {
  edits++;
  // Append a short clause to the first long line of Chinese text: one paragraph changes.
  const lines = original.split('\n');
  const i = lines.findIndex((l) => /[\u4e00-\u9fff]{30}/.test(l) && !l.startsWith('#') && !l.includes(':'));
  lines[i] = lines[i].replace(/。$/, `，第${edits}次修改。`);
  writeFileSync(editFile, lines.join('\n'));
}

/**
 * One fresh `banmian build` process. `ms` is from spawning it to its report that the PDFs are in
 * place (what an editor waits for); `exitMs` adds writing the persistent cache and Node's exit.
 */
function runBuild(env = {}) {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, args, { env: { ...process.env, BANMIAN_STATS: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let ms = null;
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (ms === null && out.includes('banmian:')) ms = performance.now() - t0;
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - t0;
      if (code !== 0 || ms === null) return reject(new Error(`build failed (${code}): ${err}`));
      const stats = JSON.parse(err.split('\n').find((l) => l.startsWith('{"stats"')) ?? '{"stats":{}}').stats;
      resolveRun({ ms, exitMs, stats });
    });
  });
}

const cold = [];
const coldExit = [];
let lastStats = {};
let peakKiB = 0;
for (let i = 0; i < 5; i++) {
  rmSync(cacheDir, { recursive: true, force: true });
  const r = await runBuild();
  cold.push(r.ms);
  coldExit.push(r.exitMs);
  lastStats = r.stats;
  peakKiB = Math.max(peakKiB, r.stats.maxRssKiB ?? 0);
}
// The same without V8's code cache (lib/cli.v8cache, written by the bundle step): what the first build
// after installing on another Node version costs. The installed cache is put back afterwards.
const codeCache = join(root, 'lib/cli.v8cache');
const noCodeCache = [];
if (existsSync(codeCache)) {
  const kept = readFileSync(codeCache);
  for (let i = 0; i < 3; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(codeCache, { force: true });
    noCodeCache.push((await runBuild()).ms);
  }
  writeFileSync(codeCache, kept);
}
const warm = [];
for (let i = 0; i < 5; i++) {
  editOneParagraph();
  warm.push((await runBuild()).ms);
}

// Watch mode: one long-lived process, ten edits, read its one-line-per-build log.
let watchPeakKiB = null;
const watchTimes = await new Promise((resolveDone, reject) => {
  const child = spawn(bin, ['watch', ...args.slice(1)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const times = [];
  let buffer = '';
  const timeout = setTimeout(() => { child.kill(); reject(new Error('watch bench timed out')); }, 120_000);
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const m = /^build (\d+) .* (\d+) ms$/.exec(line);
      if (line.startsWith('watching')) setTimeout(editOneParagraph, 300);
      if (!m) continue;
      if (Number(m[1]) > 1) times.push(Number(m[2]));
      if (times.length >= 10) {
        clearTimeout(timeout);
        // Peak memory of the watching process (Linux), read before it stops.
        try {
          watchPeakKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) || null;
        } catch {
          watchPeakKiB = null;
        }
        child.kill('SIGINT');
        resolveDone(times);
      }
      else if (Number(m[1]) > 1) setTimeout(editOneParagraph, 150);
    }
  });
  child.on('exit', (code) => { if (times.length < 10) reject(new Error(`watch exited early (${code})`)); });
});
writeFileSync(editFile, original);

const pdf = join(out, 'supplement.pdf');
const result = {
  date: new Date().toISOString(),
  node: process.version,
  coldBuildMs: Math.round(median(cold)),
  coldRunsMs: cold.map(Math.round),
  coldProcessExitMs: Math.round(median(coldExit)),
  coldWithoutCodeCacheMs: noCodeCache.length ? Math.round(median(noCodeCache)) : null,
  cachedBuildAfterEditMs: Math.round(median(warm)),
  watchRebuildMs: median(watchTimes),
  watchRunsMs: watchTimes,
  peakRssMiB: peakKiB ? Math.round(peakKiB / 1024) : null,
  watchPeakRssMiB: watchPeakKiB ? Math.round(watchPeakKiB / 1024) : null,
  pdfBytes: statSync(pdf).size,
  printPdfBytes: statSync(join(out, 'supplement-print.pdf')).size,
  breakdownMs: lastStats.timings ?? {},
};
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/bench.json'), JSON.stringify(result, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
console.log(`cold build (fresh process, no cache), median of 5: ${result.coldBuildMs} ms to the PDFs  [${result.coldRunsMs.join(', ')}]; ${result.coldProcessExitMs} ms to exit (cache written)`);
if (result.coldWithoutCodeCacheMs !== null) console.log(`cold build without V8's code cache (first build on another Node), median of 3: ${result.coldWithoutCodeCacheMs} ms`);
console.log(`fresh process after a one-paragraph edit, cache kept:  ${result.cachedBuildAfterEditMs} ms`);
console.log(`watch-mode rebuild after a one-paragraph edit, median of 10: ${result.watchRebuildMs} ms  [${watchTimes.join(', ')}]`);
console.log(`peak memory: ${result.peakRssMiB} MiB (build), ${result.watchPeakRssMiB} MiB (watch after 10 edits);  supplement.pdf: ${(result.pdfBytes / 1024).toFixed(0)} KB;  supplement-print.pdf: ${(result.printPdfBytes / 1024).toFixed(0)} KB`);
// Parts of a step (`layout.shaping`) are shown in brackets after it.
const steps = Object.entries(result.breakdownMs).filter(([k]) => !k.includes('.'));
const parts = (step) => Object.entries(result.breakdownMs).filter(([k]) => k.startsWith(`${step}.`)).map(([k, v]) => `${k.slice(step.length + 1)} ${Math.round(v)}`);
console.log(`where the time goes (cold, ms): ${steps.map(([k, v]) => `${k} ${Math.round(v)}${parts(k).length ? ` (${parts(k).join(', ')})` : ''}`).join(', ')}`);
console.log('written to dist/bench.json');
