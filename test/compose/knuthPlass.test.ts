import { describe, expect, it } from 'vitest';
import { breakLines, type BreakItem } from '../../src/compose/knuthPlass.js';

/** Han-like units: width 10, justifiable glue (stretch 1.5) after each, breaks allowed everywhere. */
function han(n: number, over: Partial<BreakItem> = {}): BreakItem[] {
  return Array.from({ length: n }, () => ({ width: 10, gap: 0, stretch: 1.5, shrink: 0, penalty: 0, startTrim: 0, endTrim: 0, endShrink: 0, han: 1, ...over }));
}

const spans = (lines: { start: number; end: number }[]): string => lines.map((l) => `${l.start}-${l.end}`).join(' ');

describe('breakLines (pure, no fonts)', () => {
  it('fills whole-em lines exactly: 20 units in 50 pt lines → 5 per line, ratio 0', () => {
    const lines = breakLines(han(20), [50]);
    expect(spans(lines)).toBe('0-4 5-9 10-14 15-19');
    expect(lines.every((l) => l.ratio === 0)).toBe(true);
  });

  it('honours the first line width (indent)', () => {
    expect(spans(breakLines(han(13), [30, 50]))).toBe('0-2 3-7 8-12');
  });

  it('never breaks where penalty is Infinity', () => {
    const items = han(10);
    items[4]!.penalty = Infinity; // e.g. before a 。
    const lines = breakLines(items, [50]);
    expect(lines.map((l) => l.end)).not.toContain(4);
    expect(lines[lines.length - 1]!.end).toBe(9);
  });

  it('avoids an orphan (single Han on the last line) by re-breaking', () => {
    // Greedy would give 5 + 5 + 1.
    const lines = breakLines(han(11), [50]);
    const last = lines[lines.length - 1]!;
    expect(last.end - last.start + 1).toBeGreaterThan(1);
    expect(lines.every((l) => l.ratio <= 20)).toBe(true);
  });

  it('does not count a trailing mark as a second Han character', () => {
    const items = han(12);
    items[11] = { ...items[11]!, han: 0, endTrim: 5 }; // 。 after the 11th character
    items[10]!.penalty = Infinity;
    const lines = breakLines(items, [50]);
    const last = lines[lines.length - 1]!;
    let hanCount = 0;
    for (let i = last.start; i <= last.end; i++) hanCount += items[i]!.han;
    expect(hanCount).toBeGreaterThanOrEqual(2);
  });

  it('squeezes first (先挤进): a closing mark trimmed at line end lets the line fit', () => {
    // 4 Han + a mark of width 10 whose right half (5) is trimmed at line end: 45 pt natural in a 45 pt line.
    const items = [...han(4), { ...han(1)[0]!, han: 0, endTrim: 5 }, ...han(4)];
    items[3]!.penalty = Infinity;
    const lines = breakLines(items, [45]);
    expect(lines[0]!.end).toBe(4);
    expect(lines[0]!.ratio).toBe(0);
  });

  it('uses shrinkable glue at punctuation before pushing a character down', () => {
    // 4 Han, a mark with 5 pt of mid-line shrink, 1 Han, then a forbidden break: 60 pt natural in 55.
    const items = [...han(4), { ...han(1)[0]!, han: 0, shrink: 5 }, ...han(1), ...han(5)];
    items[5]!.penalty = 0;
    const lines = breakLines(items, [55]);
    expect(lines[0]!.end).toBe(5);
    expect(lines[0]!.ratio).toBe(-1);
  });

  it('falls back to first-fit when a unit is wider than the measure', () => {
    const items = [...han(2), { ...han(1)[0]!, width: 80 }, ...han(2)];
    const lines = breakLines(items, [50]);
    expect(lines.map((l) => l.end)).toContain(2);
    expect(lines[lines.length - 1]!.end).toBe(4);
  });

  it('ragged mode fills lines without needing stretch', () => {
    const items = han(7, { stretch: 0 });
    const lines = breakLines(items, [50], { ragged: true });
    expect(spans(lines)).toBe('0-4 5-6');
  });

  it('returns nothing for nothing', () => {
    expect(breakLines([], [50])).toEqual([]);
  });
});

describe('breakLines over long paragraphs and many measures', () => {
  it('covers every unit once, and every line fits its own measure, with five measures and 3,000 units', () => {
    const n = 3000;
    const items = han(n).map((it, i) => ({ ...it, width: 9 + (i % 3), stretch: [1.5, 3, 0.5][i % 3]!, shrink: 1 }));
    const widths = [35, 45, 55, 65, 50];
    const lines = breakLines(items, widths);
    expect(lines[0]!.start).toBe(0);
    expect(lines[lines.length - 1]!.end).toBe(n - 1);
    lines.forEach((l, i) => {
      if (i > 0) expect(l.start).toBe(lines[i - 1]!.end + 1);
      if (i === lines.length - 1) return;
      const lw = widths[Math.min(i, widths.length - 1)]!;
      let natural = 0;
      let stretch = 0;
      let shrink = 0;
      for (let k = l.start; k <= l.end; k++) {
        natural += items[k]!.width;
        if (k < l.end) {
          stretch += items[k]!.stretch;
          shrink += items[k]!.shrink;
        }
      }
      expect(natural - shrink, `line ${i}`).toBeLessThanOrEqual(lw + 1e-9);
      expect(natural + stretch * (l.ratio > 0 ? l.ratio : 0), `line ${i}`).toBeCloseTo(l.ratio >= 0 ? lw : natural, 6);
    });
  });
});
