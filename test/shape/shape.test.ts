import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/font/book.js';
import { itemize, LruCache, shapeParagraph, shapeRun } from '../../src/shape/index.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

/** Compact `text=advance` per cluster, advances in em to 3 decimals. */
const dump = (text: string, face = 'serif'): string =>
  shapeParagraph(fonts, face, text)
    .clusters.map((c) => `${text.slice(c.start, c.end)}=${c.advance.toFixed(3)}`)
    .join(' ');

describe('shaping with hani/ZHS', () => {
  it('sets —— as one 2-em glyph and …… as two 1-em glyphs', () => {
    expect(dump('——')).toBe('——=2.000');
    expect(dump('……')).toBe('…=1.000 …=1.000');
  });

  it('gives Chinese quotes and 点号 a full em', () => {
    expect(dump('“，”。')).toBe('“=1.000 ，=1.000 ”=1.000 。=1.000');
  });

  it('keeps UTF-16 offsets of every cluster, ligatures included', () => {
    const text = '汉office 𠀀字';
    const { clusters } = shapeParagraph(fonts, 'serif', text);
    expect(clusters.map((c) => text.slice(c.start, c.end)).join('')).toBe(text);
    for (let i = 1; i < clusters.length; i++) expect(clusters[i]!.start).toBe(clusters[i - 1]!.end);
  });

  it('shapes a Latin run once per process, and an ideograph once per face (later runs share its glyphs)', () => {
    const face = fonts.get('sans');
    const a = shapeRun(face, 'office 2024', 'latn');
    const b = shapeRun(face, 'office 2024', 'latn');
    expect(b.map((c) => c.glyphs)).toEqual(a.map((c) => c.glyphs));
    b.forEach((c, i) => expect(c.glyphs).toBe(a[i]!.glyphs));
    expect(shapeRun(face, '学校', 'hani')[1]!.glyphs).toBe(shapeRun(face, '北碚区的每一所学校', 'hani')[8]!.glyphs);
  });

  it('offsets the clusters of a run shaped into a paragraph', () => {
    const { clusters } = shapeParagraph(fonts, 'serif', '共2024名学生“AI”课');
    const text = '共2024名学生“AI”课';
    expect(clusters.map((c) => text.slice(c.start, c.end))).toEqual(['共', '2', '0', '2', '4', '名', '学', '生', '“', 'A', 'I', '”', '课']);
  });

  it('splits Latin from Chinese runs and keeps spaces with their neighbours', () => {
    const runs = itemize(fonts, 'serif', '使用AI technology技术');
    expect(runs.map((r) => `${r.script}:${'使用AI technology技术'.slice(r.start, r.end)}`)).toEqual(['hani:使用', 'latn:AI technology', 'hani:技术']);
  });

  it('marks characters no face has, and draws a placeholder glyph for them', () => {
    const { clusters, missing } = shapeParagraph(fonts, 'serif', '汉\u{1F600}字');
    expect(missing).toEqual([1]);
    expect(clusters[1]!.glyphs[0]!.gid).not.toBe(0);
  });
});

describe('LruCache', () => {
  it('forgets the least recently used entry beyond capacity', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.size).toBe(2);
  });
});
