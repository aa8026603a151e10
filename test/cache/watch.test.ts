import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root, tempDir, tool } from '../e2e/helpers.js';

/** Lines of a running `banmian watch`, on stdout and stderr, with a wait for the next matching one. */
function watchProcess(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, 'watch', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { re: RegExp; from: number; resolve: (l: string) => void }[] = [];
  const feed = (stream: NodeJS.ReadableStream) => {
    let buf = '';
    stream.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        for (const w of [...waiters]) {
          const hit = lines.slice(w.from).find((l) => w.re.test(l));
          if (hit) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(hit);
          }
        }
      }
    });
  };
  feed(child.stdout);
  feed(child.stderr);
  return {
    lines,
    /** The next line (after the `from`-th) matching `re`; rejects after `ms`. */
    next(re: RegExp, from = lines.length, ms = 30_000): Promise<string> {
      const hit = lines.slice(from).find((l) => re.test(l));
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no line matching ${re} in ${ms} ms; got:\n${lines.join('\n')}`)), ms);
        waiters.push({ re, from, resolve: (l) => (clearTimeout(t), resolve(l)) });
      });
    },
    stop: () => child.kill('SIGINT'),
  };
}

const valid = (pdf: string): string => {
  tool('qpdf', ['--check', pdf]);
  return tool('pdftotext', ['-raw', pdf, '-']);
};

/**
 * A seeds folder with the first source only (one article keeps a test short) and its editor copy,
 * the file the tests edit.
 */
function oneSourceCopy(name: string): { seeds: string; md: string; original: string } {
  const seeds = tempDir(name);
  const raw = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0]!;
  const md = raw.replace(/\.txt$/, '.md');
  copyFileSync(join(root, 'seeds', raw), join(seeds, raw));
  if (existsSync(join(root, 'seeds', md))) copyFileSync(join(root, 'seeds', md), join(seeds, md));
  else writeFileSync(join(seeds, md), tool(process.execPath, [bin, 'import', join(seeds, raw)]));
  return { seeds, md, original: readFileSync(join(seeds, md), 'utf8') };
}

describe('watch mode', () => {
  it('rebuilds after each edit, keeps the last good PDF through a broken file, and recovers after its repair', async () => {
    const { seeds, md, original } = oneSourceCopy('watch-seeds');
    const out = tempDir('watch-out');
    const cache = tempDir('watch-cache');
    const pdf = join(out, 'supplement.pdf');

    const w = watchProcess(
      ['--seeds', seeds, '--out', out, '--templates', join(root, 'templates'), '--fonts', join(root, 'fonts')],
      { BANMIAN_CACHE: cache },
    );
    try {
      await w.next(/^watching /, 0, 60_000);
      expect(w.lines.find((l) => l.startsWith('build 1 '))).toMatch(/pages/);
      valid(pdf);

      // A paragraph edit: one more build, the new words in the PDF.
      const lines = original.split('\n');
      const i = lines.findIndex((l) => /[\u4e00-\u9fff]{20}/.test(l) && !l.startsWith('#') && !l.includes(':'));
      expect(i).toBeGreaterThan(0);
      lines[i] = lines[i]!.replace(/。$/, '') + '，监视测试第一次修改。';
      let from = w.lines.length;
      writeFileSync(join(seeds, md), lines.join('\n'));
      await w.next(/^build 2 /, from);
      expect(valid(pdf).replace(/\s/g, '')).toContain('监视测试第一次修改');

      // A broken file: the build fails with the file named, and the last good PDF stays.
      const good = readFileSync(pdf);
      from = w.lines.length;
      writeFileSync(join(seeds, md), '---\ntitle: "unclosed\n---\n正文。\n');
      const failed = await w.next(/^build failed /, from);
      expect(failed).toContain(md);
      expect(readFileSync(pdf).equals(good)).toBe(true);
      valid(pdf);

      // The repair: builds again, with a second edit in the PDF.
      lines[i] = lines[i]!.replace('第一次', '第二次');
      from = w.lines.length;
      writeFileSync(join(seeds, md), lines.join('\n'));
      await w.next(/^build 3 /, from);
      const text = valid(pdf).replace(/\s/g, '');
      expect(text).toContain('监视测试第二次修改');
      expect(text).not.toContain('监视测试第一次修改');

      // And a revert to the original copy takes the edit out again.
      from = w.lines.length;
      writeFileSync(join(seeds, md), original);
      await w.next(/^build 4 /, from);
      expect(valid(pdf).replace(/\s/g, '')).not.toContain('监视测试');
    } finally {
      w.stop();
    }
  }, 120_000);

  it('builds an edit saved while it gets ready (after the first build, before it reports watching)', async () => {
    const { seeds, md, original } = oneSourceCopy('watch-early-seeds');
    const out = tempDir('watch-early-out');
    const w = watchProcess(['--seeds', seeds, '--out', out, '--templates', join(root, 'templates'), '--fonts', join(root, 'fonts')], { BANMIAN_CACHE: 'off' });
    try {
      await w.next(/^build 1 /, 0, 60_000);
      // Saved while the watcher rehearses (it says "watching" only after that).
      writeFileSync(join(seeds, md), original.replace(/。\n/, '，就绪前的修改。\n'));
      const built = await w.next(/^build 2 /, 0, 60_000);
      expect(built).toContain(md);
      expect(w.lines.some((l) => l.startsWith('watching '))).toBe(true);
      expect(valid(join(out, 'supplement.pdf')).replace(/\s/g, '')).toContain('就绪前的修改');
    } finally {
      w.stop();
    }
  }, 120_000);
});
