import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tempDir } from './helpers.js';

/**
 * The launcher (bin/banmian.js) compiles the bundle from V8's code cache. A copy of the installed
 * command in a temporary folder, so the real lib/ is never touched while other tests run it.
 */
function installedCopy() {
  const dir = tempDir('codecache');
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'lib'));
  copyFileSync(join(root, 'bin/banmian.js'), join(dir, 'bin/banmian.js'));
  copyFileSync(join(root, 'bin/package.json'), join(dir, 'bin/package.json'));
  copyFileSync(join(root, 'lib/cli.cjs'), join(dir, 'lib/cli.cjs'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const seeds = tempDir('codecache-seeds');
  copyFileSync(join(root, 'test/fixtures/copy/101_short_feature.txt'), join(seeds, '101_short_feature.txt'));
  const out = tempDir('codecache-out');
  const cache = join(dir, 'lib/cli.v8cache');
  /** A build run by `node` (as the install's first build), or run as a program (through the shell lines). */
  const build = (asProgram = false) => {
    const launcher = join(dir, 'bin/banmian.js');
    const args = ['build', '--quiet', '--seeds', seeds, '--out', out, '--templates', join(root, 'templates'), '--fonts', join(root, 'fonts')];
    const r = spawnSync(asProgram ? launcher : process.execPath, asProgram ? args : [launcher, ...args], {
      encoding: 'utf8',
      env: { ...process.env, BANMIAN_CACHE: 'off' },
    });
    expect(r.status, r.stderr).toBe(0);
    return existsSync(join(out, 'supplement.pdf'));
  };
  /**
   * `banmian watch` until it reports that it watches, then Ctrl-C; run by `node` or as a program. The
   * exit status, and Node's command line while it watched (the shell lines replace themselves by Node).
   */
  const watchOnce = (asProgram = false) =>
    new Promise<{ code: number | null; cmdline: string[] }>((resolveExit) => {
      const launcher = join(dir, 'bin/banmian.js');
      const args = ['watch', '--seeds', seeds, '--out', out, '--templates', join(root, 'templates'), '--fonts', join(root, 'fonts')];
      const child = spawn(asProgram ? launcher : process.execPath, asProgram ? args : [launcher, ...args], {
        env: { ...process.env, BANMIAN_CACHE: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let seen = '';
      let cmdline: string[] = [];
      child.stdout.on('data', (chunk) => {
        seen += chunk;
        if (!seen.includes('watching')) return;
        cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
        child.kill('SIGINT');
      });
      child.on('exit', (code) => resolveExit({ code, cmdline }));
    });
  return { cache, build, watchOnce };
}

describe('the launcher’s code cache', () => {
  it('is written by a run without one, and taken as it is by the next run', () => {
    const { cache, build } = installedCopy();
    expect(existsSync(cache)).toBe(false);
    expect(build()).toBe(true);
    expect(existsSync(cache)).toBe(true);
    const written = readFileSync(cache);
    const mtime = statSync(cache).mtimeMs;
    // A cache V8 rejected (made under other flags, say) would be written again at exit.
    expect(build()).toBe(true);
    expect(statSync(cache).mtimeMs).toBe(mtime);
    expect(readFileSync(cache).equals(written)).toBe(true);
  }, 60_000);

  it('is one cache for a run by `node` and a run as a program (whose shell lines give Node flags)', () => {
    const { cache, build } = installedCopy();
    for (const [first, second] of [[false, true], [true, false]] as const) {
      rmSync(cache, { force: true });
      expect(build(first)).toBe(true);
      const written = readFileSync(cache);
      const mtime = statSync(cache).mtimeMs;
      expect(build(second)).toBe(true);
      expect(statSync(cache).mtimeMs).toBe(mtime);
      expect(readFileSync(cache).equals(written)).toBe(true);
    }
  }, 60_000);

  it('written by a watch process (which changes V8 flags as it runs), is taken by the next build', async () => {
    const { cache, build, watchOnce } = installedCopy();
    expect((await watchOnce()).code).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const mtime = statSync(cache).mtimeMs;
    expect(build()).toBe(true);
    expect(statSync(cache).mtimeMs).toBe(mtime);
  }, 60_000);

  it('is taken by a watch process run as a program, which starts Node without the build’s heap flag', async () => {
    const { cache, build, watchOnce } = installedCopy();
    expect(build()).toBe(true);
    const mtime = statSync(cache).mtimeMs;
    const { code, cmdline } = await watchOnce(true);
    expect(code).toBe(0);
    expect(cmdline).toContain('--v8-pool-size=1');
    expect(cmdline.some((a) => a.startsWith('--initial-heap-size'))).toBe(false);
    expect(statSync(cache).mtimeMs).toBe(mtime);
  }, 60_000);

  it('is replaced when V8 rejects it, and the build still succeeds', () => {
    const { cache, build } = installedCopy();
    writeFileSync(cache, Buffer.alloc(4096, 7));
    expect(build()).toBe(true);
    expect(readFileSync(cache).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(statSync(cache).size).toBeGreaterThan(100_000);
  }, 60_000);
});
