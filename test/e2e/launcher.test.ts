import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root, tempDir } from './helpers.js';

/**
 * bin/banmian.js started as a program: its first lines are a shell script that starts Node on the
 * same file without NODE_EXTRA_CA_CERTS (Node 20 parses the certificates at start-up), with one
 * background thread for V8 and a heap that starts at 64 MB. A file that does not exist makes Node warn at start-up, so the warning
 * tells whether Node saw the variable; the build's statistics tell how Node was started.
 */
const CERT_WARNING = /Ignoring extra certs/;
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-ca.pem', BANMIAN_CACHE: 'off', BANMIAN_STATS: '1' };

const execArgv = (stderr: string): string[] => JSON.parse(stderr.split('\n').find((l) => l.startsWith('{"stats"')) ?? '{"stats":{}}').stats.execArgv;

describe('the launcher started as a program', () => {
  it('starts Node without NODE_EXTRA_CA_CERTS, with one V8 thread and a larger first heap, through a symlink like npm’s bin link, with arguments as given', () => {
    const links = tempDir('launcher-bin');
    const link = join(links, 'banmian');
    symlinkSync(bin, link);
    const seeds = tempDir('launcher-seeds');
    copyFileSync(join(root, 'test/fixtures/copy/101_short_feature.txt'), join(seeds, '101_short_feature.txt'));
    // A space in a path: "$@" must hand each argument on whole.
    const out = join(tempDir('launcher-out'), 'with space');
    const r = spawnSync(link, ['build', '--quiet', '--seeds', seeds, '--out', out, '--templates', join(root, 'templates'), '--fonts', join(root, 'fonts')], {
      cwd: links,
      encoding: 'utf8',
      env,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(CERT_WARNING);
    expect(execArgv(r.stderr)).toEqual(['--v8-pool-size=1', '--initial-heap-size=64']);
    expect(existsSync(join(out, 'supplement.pdf'))).toBe(true);
    expect(existsSync(join(out, 'supplement-print.pdf'))).toBe(true);
  });

  it('gives Node the heap flag the launcher sets for the code cache’s sake', () => {
    const text = readFileSync(bin, 'utf8');
    const shell = /^':' \/\/;.*; exec node (.*) "\$0" "\$@"$/m.exec(text)![1]!.split(' ');
    const heap = /const HEAP_FLAGS = '([^']*)'/.exec(text)![1]!.split(' ');
    for (const flag of heap) expect(shell).toContain(flag);
  });

  it('passes the exit status on', () => {
    const r = spawnSync(bin, ['no-such-command'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(CERT_WARNING);
  });

  it('run by `node` it still works, and Node has seen the variable and has no pool setting (what the shell lines spare)', () => {
    const seeds = tempDir('launcher-node-seeds');
    copyFileSync(join(root, 'test/fixtures/copy/101_short_feature.txt'), join(seeds, '101_short_feature.txt'));
    const out = tempDir('launcher-node-out');
    const r = spawnSync(process.execPath, [bin, 'build', '--quiet', '--seeds', seeds, '--out', out], { cwd: root, encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(CERT_WARNING);
    expect(execArgv(r.stderr)).toEqual([]);
  });
});
