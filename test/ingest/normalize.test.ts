import { describe, expect, it } from 'vitest';
import { joinLines, normalizeText, unifyRadicals } from '../../src/ingest/index.js';

describe('normalizeText', () => {
  // Fragments of seeds/002 (half-width marks, wrap spaces) and made-up cases for the rest.
  const cases: Array<[string, string, string]> = [
    ['wrap spaces between Han', '关乎民族复 兴,承载万家期盼。', '关乎民族复兴，承载万家期盼。'],
    ['space around Chinese punctuation', '察势者智, 驭势者赢。', '察势者智，驭势者赢。'],
    ['Han–Latin space removed', 'AI 智能系统', 'AI智能系统'],
    ['Han–digit space removed', '全能特等奖 8 个、', '全能特等奖8个、'],
    ['Latin words keep their space', 'Hello world 你好', 'Hello world你好'],
    ['half-width marks widened', '哪些好处?名校资源开放化;例如:', '哪些好处？名校资源开放化；例如：'],
    ['brackets widened', '联赛(散打项目)中', '联赛（散打项目）中'],
    ['digit separators kept', '时间 10:30,人数 1,000 人', '时间10:30，人数1,000人'],
    ['ASCII quotes curled', '高擎"教育强区"旗 帜', '高擎“教育强区”旗帜'],
    ['ellipsis', '全市领先...江北', '全市领先……江北'],
    ['full-width comma stays', '北碚区，物产丰富', '北碚区，物产丰富'],
    ['radicals unified', '⼀所所学校⻓大', '一所所学校长大'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [, input] of cases) expect(normalizeText(normalizeText(input))).toBe(normalizeText(input));
  });

  it('keeps the space that separates headline parts when asked', () => {
    expect(normalizeText('七彩课程放异彩  创新机制促"双减"', { keepSpaces: true })).toBe('七彩课程放异彩 创新机制促“双减”');
  });

  it('never turns full-width marks into ASCII (no NFKC)', () => {
    expect(normalizeText('，。！？：；（）')).toBe('，。！？：；（）');
  });
});

describe('radicals', () => {
  it('maps every Kangxi radical to a unified ideograph', () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      const out = unifyRadicals(String.fromCodePoint(cp)).codePointAt(0)!;
      expect(out >= 0x4e00 && out <= 0x9fff).toBe(true);
    }
  });
});

describe('joinLines', () => {
  it('joins Chinese lines without a space and Latin words with one', () => {
    expect(joinLines(['宽敞明亮的综合教学楼、设施齐全的功', '能室、规范整洁的塑胶操场'])).toBe('宽敞明亮的综合教学楼、设施齐全的功能室、规范整洁的塑胶操场');
    expect(joinLines(['STEM', 'education'])).toBe('STEM education');
    expect(joinLines(['投入300', '余万元'])).toBe('投入300余万元');
  });
});
