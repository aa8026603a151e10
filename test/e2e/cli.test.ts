import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli, root, tempDir } from './helpers.js';

describe('banmian command line', () => {
  it.each([[['--help']], [['build', '--help']], [['import', '--help']], [['watch', '--help']], [['proof', '--help']]])(
    'prints help for %j and exits 0',
    (args) => {
      const r = cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: banmian/);
    },
  );

  it('stops watching cleanly on Ctrl-C right after the first build, writing the persistent cache', async () => {
    const seeds = tempDir('sigint-seeds');
    copyFileSync(join(root, 'test/fixtures/copy/101_short_feature.txt'), join(seeds, '101_short_feature.txt'));
    const out = tempDir('sigint-out');
    const cache = tempDir('sigint-cache');
    const code = await new Promise<number | null>((resolveExit) => {
      const child = spawn(process.execPath, [bin, 'watch', '--seeds', seeds, '--out', out], { cwd: root, env: { ...process.env, BANMIAN_CACHE: cache }, stdio: ['ignore', 'pipe', 'pipe'] });
      let seen = '';
      child.stdout.on('data', (chunk) => {
        seen += chunk;
        // Between the first build and "watching": the rehearsals.
        if (/^build 1 /m.test(seen) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolveExit(c));
    });
    expect(code).toBe(0);
    expect(readdirSync(out)).toContain('supplement.pdf');
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  }, 60_000);

  it('exits 2 on a usage error', () => {
    expect(cli(['build', '--no-such-flag']).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['import']).status).toBe(2);
  });

  it('names a missing seeds folder in one line and exits 1, writing nothing', () => {
    const out = tempDir('out');
    const r = cli(['build', '--seeds', '/no/such/folder', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/no/such/folder');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(out)).toEqual([]);
  });

  it('names an empty seed file and exits 1', () => {
    const seeds = tempDir('seeds');
    writeFileSync(join(seeds, 'empty.txt'), '');
    const r = cli(['import', join(seeds, 'empty.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('empty.txt');
  });

  it('keeps the last good PDF when a later build fails', () => {
    const seeds = tempDir('seeds');
    const out = tempDir('out');
    const raw = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[4]!;
    copyFileSync(join(root, 'seeds', raw), join(seeds, raw));
    const ok = cli(['build', '--seeds', seeds, '--out', out]);
    expect(ok.status, ok.stderr).toBe(0);
    const pdf = join(out, 'supplement.pdf');
    const before = readFileSync(pdf);
    // Broken front matter: an unclosed quote in the YAML.
    writeFileSync(join(seeds, raw.replace('.txt', '.md')), '---\ntitle: "unclosed\n---\n正文。\n');
    const bad = cli(['build', '--seeds', seeds, '--out', out]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(raw.replace('.txt', '.md'));
    expect(readFileSync(pdf).equals(before)).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the editable Markdown of a raw file with its front matter', () => {
    const raw = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[4]!;
    const r = cli(['import', join(root, 'seeds', raw)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('---\n')).toBe(true);
    expect(r.stdout).toMatch(/^title: .+$/m);
    expect(r.stdout).toContain(`source: ${raw}`);
  });
});
