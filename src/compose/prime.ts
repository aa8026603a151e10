/**
 * A rehearsal of composition over a made-up paragraph, run once per process before the first real
 * one. V8 optimises a function after it has run a while, for the kinds of values and the branches it
 * has seen; a branch never taken by then is compiled as "leave optimised code", and taking it later
 * throws the compiled code away and compiles the function again. Chinese text reaches the rare
 * branches (a word space, an interpunct, a ragged caption, a kana) only pages in, after buildUnits
 * and the line breaker were compiled, so a cold build compiled each of them three or four times.
 * The made-up paragraph takes every branch first.
 *
 * Nothing is kept: the objects are made with the shapes real ones have (a cluster as shaping
 * makes it, a style by `textStyle`) so the feedback V8 records is the real one. No font is read.
 */
import { textStyle, type TextStyle } from '../model/style.js';
import type { ShapedCluster, ShapedGlyph } from '../shape/index.js';
import { buildUnits } from './items.js';
import { breakLines, DEFAULT_BREAK_OPTIONS } from './knuthPlass.js';
import { breakOpportunities } from './opportunities.js';
import { setLine } from './justify.js';

/**
 * Every character class, in the pairs the rules treat apart: ideographs, kana, full-width letters and
 * symbols, word spaces, Latin words and numbers with their punctuation, quotes, brackets, 点号, an
 * interpunct, dashes and ellipses.
 */
export const SAMPLE = '北碚区“双减”后，アＡ组织了 30 场活动（含 AI 课程）、《读书·分享》——共计 1.5 万人次，增长 12％……就是这样。Hello, world. 你好！';

let primed = false;

export function primeComposition(): void {
  if (primed) return;
  primed = true;
  const clusters: ShapedCluster[] = [];
  for (let i = 0; i < SAMPLE.length; ) {
    const len = SAMPLE.codePointAt(i)! > 0xffff ? 2 : 1;
    const glyph: ShapedGlyph = { face: 'prime', gid: 1, advance: SAMPLE.charCodeAt(i) < 0x2e80 ? 0.5 : 1, dx: 0, dy: 0 };
    // One cluster of two glyphs (a base and its mark), as shaping makes for a ligature or a mark.
    const glyphs = SAMPLE[i] === '—' ? [glyph, { face: 'prime', gid: 2, advance: 0, dx: 0.1, dy: 0 }] : [glyph];
    clusters.push({ start: i, end: i + len, glyphs, advance: glyph.advance });
    i += len;
  }
  const ends = clusters.map((c) => c.end);
  const breaks = breakOpportunities(SAMPLE, ends);
  const base: TextStyle = { face: 'prime', size: 9.5, leading: 16, color: 'text', align: 'justify', indent: 2, tracking: 0, punct: 'gb', hanging: false, cjkLatinSpace: 0.25 };
  for (const style of [textStyle(base), textStyle({ ...base, align: 'start', hanging: true, indent: 0, tracking: 0.05 })]) {
    const ragged = style.align !== 'justify';
    // Two measures: lines that must stretch, and lines short enough to need shrinking and hanging.
    for (const measure of [11.5 * style.size, 7.25 * style.size]) {
      const units = buildUnits(SAMPLE, clusters, style, breaks);
      const lines = breakLines(units, [measure - style.indent * style.size, measure], { ...DEFAULT_BREAK_OPTIONS, ragged });
      lines.forEach((l, i) => setLine(units, l.start, l.end, i === 0 ? style.indent * style.size : 0, measure, !ragged && i < lines.length - 1));
    }
  }
}
