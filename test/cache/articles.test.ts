import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../e2e/helpers.js';

const root = resolve(import.meta.dirname, '../..');

/** A copy of the fixture copy, and a function that changes one paragraph of its first file. */
function workCopy(): { seeds: string; edit(n: number): void } {
  const seeds = join(tempDir('articles'), 'seeds');
  cpSync(join(root, 'test/fixtures/copy'), seeds, { recursive: true });
  const file = join(seeds, readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()[0]!);
  const original = readFileSync(file, 'utf8');
  return {
    seeds,
    edit(n) {
      const lines = original.split('\n');
      const i = lines.findIndex((l) => /[\u4e00-\u9fff]{20}。/.test(l));
      lines[i] = lines[i]!.replace('。', `，第${n}次修改。`);
      writeFileSync(file, lines.join('\n'));
    },
  };
}

const options = (seeds: string, out: string) => ({ seeds, out, templates: join(root, 'templates'), fonts: join(root, 'fonts') });

describe('laid-out articles by content (watch mode)', () => {
  it('after a one-paragraph edit lays out only that article, and writes what a fresh process writes', async () => {
    const work = workCopy();
    const out = tempDir('articles-out');
    const { build } = await import('../../src/build.js');
    const first = await build(options(work.seeds, out));
    expect(first.laidOut.length).toBeGreaterThan(3);
    const again = await build(options(work.seeds, out));
    expect(again.laidOut).toEqual([]);

    work.edit(1);
    const edited = await build(options(work.seeds, out));
    expect(edited.laidOut).toHaveLength(1);
    const rebuilt = edited.files.map((f) => readFileSync(f));

    // A fresh module graph: no article, paragraph, template or subset from the builds above.
    vi.resetModules();
    const fresh = await import('../../src/build.js');
    const cold = await fresh.build(options(work.seeds, tempDir('articles-cold')));
    expect(cold.laidOut.length).toBe(first.laidOut.length);
    const coldBytes = cold.files.map((f) => readFileSync(f));
    expect(rebuilt.map((b, i) => b.equals(coldBytes[i]!))).toEqual([true, true]);
    expect(edited.diagnostics.map((d) => d.message).sort()).toEqual(cold.diagnostics.map((d) => d.message).sort());
  });

  it('a rehearsal lays out one source file again and writes nothing', async () => {
    const work = workCopy();
    const out = tempDir('rehearse-out');
    const { build } = await import('../../src/build.js');
    const first = await build(options(work.seeds, out));
    const before = first.files.map((f) => readFileSync(f));
    const stems = [...new Set(readdirSync(work.seeds).map((f) => f.replace(/\.(txt|md)$/, '')))].sort();
    const rehearsal = await build({ ...options(work.seeds, out), rehearse: stems.length + 1 });
    expect(rehearsal.files).toEqual([]);
    // File number 1 (modulo the count): its articles, and only those, were laid out again.
    expect(rehearsal.laidOut.length).toBeGreaterThan(0);
    expect(rehearsal.laidOut.every((id) => id.startsWith(stems[1]!))).toBe(true);
    expect(first.files.map((f, i) => readFileSync(f).equals(before[i]!))).toEqual([true, true]);
    expect(rehearsal.pages).toBe(first.pages);
    // Its paragraphs were composed anew (new lines, the same text); the other articles' pages were reused.
    // (Running heads and folios, artifacts, are the booklet's, made from the composed-line table as always.)
    const runs = (r: typeof first, id: (s: string) => boolean) =>
      r.booklet.pages
        .filter((p) => p.articleId && id(p.articleId))
        .flatMap((p) => p.ops.flatMap((op) => (op.op === 'text' && op.role !== 'Artifact' ? [op.glyphs] : [])));
    const rehearsed = (s: string) => s.startsWith(stems[1]!);
    const [was, now] = [runs(first, rehearsed), runs(rehearsal, rehearsed)];
    expect(now.length).toBe(was.length);
    expect(now.some((g, i) => g === was[i])).toBe(false);
    expect(now.map((g) => g.map((x) => x.text).join(''))).toEqual(was.map((g) => g.map((x) => x.text).join('')));
    const [otherWas, otherNow] = [runs(first, (s) => !rehearsed(s)), runs(rehearsal, (s) => !rehearsed(s))];
    expect(otherNow.every((g, i) => g === otherWas[i])).toBe(true);
  });
});
