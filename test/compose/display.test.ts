import { describe, expect, it } from 'vitest';
import { breakDisplay, breaksInsideQuote, phraseBoundaries, type DisplayUnit } from '../../src/compose/display.js';

/** One unit per character, 1 em wide; a break allowed after any character (kinsoku aside). */
function units(text: string): DisplayUnit[] {
  return Array.from(text).map((ch) => ({ text: ch, width: 1, gap: 0, startTrim: 0, endTrim: /\s/.test(ch) ? 1 : 0, penalty: 0 }));
}

/** The lines of `text` set `measure` characters wide, as strings. */
function lines(text: string, measure: number): string[] | null {
  const us = units(text);
  const r = breakDisplay(us, [measure]);
  return r && r.map((l) => us.slice(l.start, l.end + 1).map((u) => u.text).join('').trim());
}

describe('display line breaking', () => {
  it.each([
    // A quoted phrase stays whole: break before the opening quote or after the closing one.
    ['从“一枝独秀”走向“百花齐放”', 12, ['从“一枝独秀”', '走向“百花齐放”']],
    ['激活教育优质均衡“软实力”', 12, ['激活教育优质均衡', '“软实力”']],
    // A space separates phrases in titles.
    ['落实“双减” 喜人变化看得见', 12, ['落实“双减”', '喜人变化看得见']],
    // After a 点号, balanced rather than greedy.
    ['建好学校、办好入学、护好学生', 10, ['建好学校、', '办好入学、护好学生']],
    // No phrase boundary that fits: anywhere, balanced (7 + 7, not 12 + 2).
    ['精准推动城乡教育优质均衡发展', 12, ['精准推动城乡教', '育优质均衡发展']],
    // Fits: one line.
    ['深入推进集团办学', 12, ['深入推进集团办学']],
  ])('%s in %i', (text, measure, want) => {
    expect(lines(text, measure)).toEqual(want);
  });

  it('never leaves a line of one or two characters under a long one when a better split exists', () => {
    for (const text of ['教育均衡发展优质学校课堂老师', '城乡资源改革创新集团办学课程质']) {
      const got = lines(text, 12)!;
      expect(got.length).toBe(2);
      expect(Math.abs(got[0]!.length - got[1]!.length)).toBeLessThanOrEqual(1);
    }
  });

  it('respects forbidden breaks (kinsoku) when it must break anywhere', () => {
    const us = units('一二三四五六七八九十甲乙');
    for (const u of us) u.penalty = Infinity;
    us[8]!.penalty = 0;
    expect(breakDisplay(us, [10])).toEqual([{ start: 0, end: 8 }, { start: 9, end: 11 }]);
  });

  it('gives null when a unit is wider than the measure', () => {
    expect(breakDisplay([{ text: 'W', width: 20, gap: 0, startTrim: 0, endTrim: 0, penalty: 0 }, ...units('字')], [10])).toBeNull();
  });

  it('finds phrase boundaries only outside quotation and title marks', () => {
    const b = phraseBoundaries(units('从“一，二”走《三、四》'));
    // after 从 (before “), after ” , after 走 (before 《); not after ， or 、 inside marks
    expect(b.map((x, i) => (x ? i : -1)).filter((i) => i >= 0)).toEqual([0, 5, 6]);
    expect(breaksInsideQuote('走向“百花齐放”', [4])).toBe(true);
    expect(breaksInsideQuote('走向“百花齐放”', [2])).toBe(false);
  });
});
