import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/font/book.js';
import { itemize, layoutRun, shapeHanRun, type ShapedCluster } from '../../src/shape/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fonts = loadFontBook(join(root, 'fonts'));
const seeds = join(root, 'seeds');

/** Every distinct line of every seed (raw and editor copy): all the Chinese text the booklet sets. */
const lines = [
  ...new Set(
    readdirSync(seeds)
      .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
      .flatMap((f) => readFileSync(join(seeds, f), 'utf8').split('\n'))
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  ),
];

/** Glyph ids, advances and offsets per cluster, with the text each cluster covers. */
const dump = (text: string, cs: readonly ShapedCluster[]): string[] =>
  cs.map((c) => `${text.slice(c.start, c.end)}|${c.glyphs.map((g) => `${g.face}:${g.gid}:${g.advance}:${g.dx}:${g.dy}`).join(',')}|${c.advance}`);

describe('fast path for Chinese runs', () => {
  it('covers the seeds: there is Chinese text to compare', () => {
    expect(lines.join('').length).toBeGreaterThan(20000);
  });

  // Every face in fonts.json, since a template may set any paragraph in any of them.
  for (const id of fonts.ids) {
    it(`gives the same glyphs and advances as full shaping for every seed line in ${id}`, () => {
      const face = fonts.get(id);
      let compared = 0;
      const diffs: string[] = [];
      for (const line of lines) {
        const text = line.replace(/[\t\n\r]/g, ' ');
        for (const run of itemize(fonts, id, text)) {
          if (run.script !== 'hani' || run.missing || run.face !== id) continue;
          const part = text.slice(run.start, run.end);
          const fast = shapeHanRun(face, part, (piece) => layoutRun(face, piece, 'hani'));
          if (!fast) continue;
          compared += part.length;
          const a = dump(part, fast);
          const b = dump(part, layoutRun(face, part, 'hani'));
          if (a.join('\n') !== b.join('\n')) diffs.push(part);
        }
      }
      expect(diffs.slice(0, 5)).toEqual([]);
      expect(compared).toBeGreaterThan(20000);
    });
  }

  it('keeps —— one 2-em glyph and quotes full-width next to ideographs', () => {
    const face = fonts.get('serif');
    const text = '他说：“教育——就是未来……”';
    const fast = shapeHanRun(face, text, (p) => layoutRun(face, p, 'hani'))!;
    expect(dump(text, fast)).toEqual(dump(text, layoutRun(face, text, 'hani')));
    expect(fast.find((c) => text.slice(c.start, c.end) === '——')?.advance).toBe(2);
  });

  it('leaves runs with variation selectors to the full shaper', () => {
    expect(shapeHanRun(fonts.get('serif'), '葛\u{E0100}', () => [])).toBeNull();
  });
});
