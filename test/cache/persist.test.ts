import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../e2e/helpers.js';

const root = resolve(import.meta.dirname, '../..');

/** A fresh module graph each time: what a new `banmian build` process would have. */
async function freshBuild(seeds: string, cache?: string) {
  vi.resetModules();
  const { build } = await import('../../src/build.js');
  const r = await build({ seeds, out: tempDir('persist-out'), templates: join(root, 'templates'), fonts: join(root, 'fonts'), ...(cache ? { cache } : {}) });
  r.persist();
  return { files: r.files.map((f) => readFileSync(f)), laidOut: r.laidOut, pages: r.pages, drawn: r.pagesDrawn };
}

describe('the persistent cache (.cache/) between processes', () => {
  it('after a one-paragraph edit, a process that reads it writes what a process without it writes', async () => {
    const seeds = join(tempDir('persist'), 'seeds');
    cpSync(join(root, 'test/fixtures/copy'), seeds, { recursive: true });
    const cache = tempDir('persist-cache');
    // A first process fills the cache: composed paragraphs, balancing decisions, subsets, deflated fonts.
    await freshBuild(seeds, cache);
    expect(readdirSync(cache).length).toBeGreaterThan(3);

    const file = join(seeds, readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()[1]!);
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => /[\u4e00-\u9fff]{20}。/.test(l));
    // Words the copy already has (no new glyph), so every page the edit leaves alone is kept.
    const words = /[\u4e00-\u9fff]{6}/.exec(lines[i]!)![0];
    lines[i] = lines[i]!.replace('。', `，${words}。`);
    writeFileSync(file, lines.join('\n'));

    const warm = await freshBuild(seeds, cache);
    const cold = await freshBuild(seeds);
    expect(warm.files.map((b, k) => b.equals(cold.files[k]!))).toEqual([true, true]);
    // The warm process drew only the pages the edit changed; the cold one drew them all.
    expect(cold.drawn).toBe(2 * cold.pages);
    expect(warm.drawn).toBeGreaterThan(0);
    expect(warm.drawn).toBeLessThan(cold.drawn / 2);
  }, 120_000);
});
