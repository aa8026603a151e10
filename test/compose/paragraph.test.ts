import { describe, expect, it } from 'vitest';
import { body, composer, r2, reports } from './helpers.js';

const em = body.size;
const han = /\p{Script=Han}/u;
const PARA =
  '坐落于缙云山麓、嘉陵江畔的北碚区，物产丰富，人杰地灵。陶行知、晏阳初、梁漱溟等一大批教育家曾在这里躬耕育人，兴教报国，留下宝贵的教育理念；' +
  '侯光炯、袁隆平、吴明珠等院士在此求学研究，创造了举世瞩目的成绩。2022年9月，江津区印发《基础教育品质提升行动实施方案》，通过实施“立德树人”' +
  '“上档升级”“课堂提质”五大提升行动25项工作举措——争取实现：到2025年，全区基础教育发展水平明显提升……';

describe('justification', () => {
  it.each([13, 14, 15.5, 17, 20])('every line but the last ends on the measure (%s em)', (ems) => {
    const measure = ems * em;
    const lines = composer.compose({ text: PARA, style: body, measure });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(0, -1)) {
      expect(Math.abs(l.width - measure)).toBeLessThan(0.01);
      const last = l.glyphs[l.glyphs.length - 1]!;
      // The last glyph's advance reaches the measure, or passes it by a trimmed closing blank.
      expect(last.x + last.advance).toBeGreaterThan(measure - 0.01);
      expect(last.x + last.advance).toBeLessThan(measure + 0.5 * em + 0.01);
    }
    const end = lines[lines.length - 1]!;
    expect(end.last).toBe(true);
    expect(end.width).toBeLessThanOrEqual(measure + 0.01);
  });

  it('covers the text exactly once, in order', () => {
    const lines = composer.compose({ text: PARA, style: body, measure: 15 * em });
    expect(lines.map((l) => l.glyphs.map((g) => g.text).join('')).join('')).toBe(PARA);
    lines.forEach((l, i) => expect(l.start).toBe(i === 0 ? 0 : lines[i - 1]!.end));
  });

  it('keeps Han–Han gaps equal within a line and never negative', () => {
    const lines = composer.compose({ text: PARA, style: body, measure: 15 * em });
    for (const l of lines) {
      const gaps = new Set<number>();
      for (let i = 0; i + 1 < l.glyphs.length; i++) {
        const a = l.glyphs[i]!;
        const b = l.glyphs[i + 1]!;
        if (han.test(a.text) && han.test(b.text)) gaps.add(r2(b.x - (a.x + a.advance)));
      }
      expect(gaps.size).toBeLessThanOrEqual(1);
      for (const g of gaps) expect(g).toBeGreaterThanOrEqual(0);
    }
  });

  it('leaves the last line at natural spacing', () => {
    const lines = composer.compose({ text: PARA, style: body, measure: 15 * em });
    const end = lines[lines.length - 1]!;
    for (let i = 0; i + 1 < end.glyphs.length; i++) {
      const a = end.glyphs[i]!;
      const b = end.glyphs[i + 1]!;
      if (han.test(a.text) && han.test(b.text)) expect(r2(b.x - (a.x + a.advance))).toBe(0);
    }
  });

  it('sets pure Han text on the character grid when the measure is whole ems', () => {
    const text = '北碚区把优先发展教育事业作为推进县域整体发展的先导性工程来抓持续加大教育投入不断改善办学条件让每一个孩子都能享有公平而有质量的教育';
    const lines = composer.compose({ text, style: body, measure: 15 * em });
    expect(lines[0]!.glyphs.length).toBe(13);
    for (const l of lines) l.glyphs.forEach((g, i) => expect(r2(g.x)).toBe(r2((i + (l === lines[0] ? 2 : 0)) * em)));
  });
});

describe('paragraph rules', () => {
  it('indents the first line by style.indent em', () => {
    const lines = composer.compose({ text: PARA, style: body, measure: 15 * em });
    expect(lines[0]!.glyphs[0]!.x).toBe(2 * em);
    expect(lines[1]!.glyphs[0]!.x).toBe(0);
  });

  it('never leaves a single Han character on the last line (孤字)', () => {
    // 13 + 15 + 1 characters at 15 em with a 2-em indent would leave 。 and one character.
    const text = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九。';
    for (const ems of [13, 14, 15, 16]) {
      const lines = composer.compose({ text, style: body, measure: ems * em });
      const end = lines[lines.length - 1]!;
      expect([...text.slice(end.start, end.end)].filter((c) => han.test(c)).length).not.toBe(1);
    }
  });

  it('centres and end-aligns without justifying', () => {
    const style = { ...body, indent: 0, align: 'center' as const };
    const [l] = composer.compose({ text: '版面标题', style, measure: 10 * em });
    expect(r2(l!.glyphs[0]!.x)).toBe(3 * em);
    expect(r2(l!.width)).toBe(7 * em);
    const [r] = composer.compose({ text: '版面标题', style: { ...style, align: 'end' }, measure: 10 * em });
    expect(r2(r!.glyphs[0]!.x)).toBe(6 * em);
  });

  it('adds tracking between characters', () => {
    const [l] = composer.compose({ text: '版面标题', style: { ...body, indent: 0, align: 'start', tracking: 0.5 }, measure: 20 * em });
    expect(l!.glyphs.map((g) => r2(g.x / em))).toEqual([0, 1.5, 3, 4.5]);
    expect(r2(l!.width / em)).toBe(5.5);
  });

  it('hangs a line-end comma past the measure when hanging is on', () => {
    const text = '一二三四五六七八九十一二三四五，六七八九十';
    const style = { ...body, indent: 0, hanging: true };
    const lines = composer.compose({ text, style, measure: 15 * em });
    expect(text.slice(lines[0]!.start, lines[0]!.end)).toBe('一二三四五六七八九十一二三四五，');
    expect(r2(lines[0]!.width)).toBe(15.5 * em);
    const plain = composer.compose({ text, style: { ...style, hanging: false }, measure: 15 * em });
    expect(r2(plain[0]!.width)).toBe(15 * em);
  });

  it('reports a character no font has and keeps it in the text', () => {
    reports.length = 0;
    const lines = composer.compose({ text: '汉\u{1F600}字', style: body, measure: 20 * em, source: { file: 'seeds/x.txt', line: 7 } });
    expect(lines[0]!.glyphs.map((g) => g.text).join('')).toBe('汉\u{1F600}字');
    expect(lines[0]!.glyphs.every((g) => g.gid !== 0)).toBe(true);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.source).toEqual({ file: 'seeds/x.txt', line: 7 });
    expect(reports[0]!.message).toContain('U+1F600');
  });

  it('returns no lines for an empty paragraph', () => {
    expect(composer.compose({ text: '', style: body, measure: 100 })).toEqual([]);
  });
});
