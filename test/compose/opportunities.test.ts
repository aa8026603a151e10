import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breakOpportunities } from '../../src/compose/opportunities.js';

/** Marks every allowed break with `|`, one unit per code point. */
function show(text: string): string {
  const units = [...text];
  const ends: number[] = [];
  let o = 0;
  for (const u of units) ends.push((o += u.length));
  const b = breakOpportunities(text, ends);
  return units.map((u, i) => u + (b[i] ? '|' : '')).join('');
}

describe('break opportunities: GB法 kinsoku over UAX #14', () => {
  it.each([
    // [name, input, expected]
    ['interpunct never starts a line', '娜·罗宾', '娜·|罗|宾'],
    ['number + 万 is one quantity (house rule)', '约1.26万吨', '约|1.26万|吨'],
    ['number + 亿', '3.45亿公里', '3.45亿|公|里'],
    ['two-em dash is one unit, may start a line', '说——好', '说|——|好'],
    ['ellipsis is one unit', '说……好', '说|……|好'],
    ['curly quotes are opening/closing, not QU', '汉“字”汉', '汉|“字”|汉'],
    ['brackets', '汉（字）汉', '汉|（字）|汉'],
    ['currency sign stays with its number', '¥100元', '¥100|元'],
    ['Latin word is not split', '汉ABC字', '汉|ABC|字'],
    ['colon and opening quote', '说：“好。”然后', '说：|“好。”|然|后'],
    ['percent stays with its number', '98.6%的人', '98.6%|的|人'],
    ['arithmetic is one number', '2+5+5+1', '2+5+5+1'],
    ['year range is one number', '2021-2023年', '2021-2023|年'],
    ['single dash never starts a line', '北京—上海', '北|京—|上|海'],
    ['书名号 and 顿号', '书《红楼梦》、', '书|《红|楼|梦》、'],
    ['solidus neither starts nor ends a line (GB法)', 'and/or', 'and/or'],
    ['word space is a break', '用use AI技术', '用|use |AI|技|术'],
    ['点号 never start a line', '一、二。三！四？五；六：七，八', '一、|二。|三！|四？|五；|六：|七，|八'],
    ['nested brackets stay together', '（《书》）', '（《书》）'],
    ['single quotes', '‘好’的', '‘好’|的'],
    ['tilde never starts a line', '3～5天', '3～5|天'],
  ])('%s', (_name, input, expected) => {
    expect(show(input)).toBe(expected);
  });
});

describe('Latin words in Chinese text', () => {
  it.each([
    ['外籍教师 Alexander Montgomery-Fitzgerald 与', 'Montgomery-', 'Fitzgerald'],
    ['项目负责人 Maria-Theresa 说', 'Maria-', 'Theresa'],
    ['新冠 COVID-19 疫情', 'COVID-', '19'],
  ])('never breaks a hyphenated word after its hyphen: %s', (text, left, right) => {
    const at = text.indexOf(left) + left.length;
    const ends = [...text].map((_, i, all) => all.slice(0, i + 1).join('').length);
    const k = ends.indexOf(at);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(breakOpportunities(text, ends)[k], `${left}|${right}`).toBe(false);
  });
});

describe('short cuts over UAX #14 give what the whole-text breaker and every rule give', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const seedLines = [
    ...new Set(
      ['seeds', 'test/fixtures/copy']
        .flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.txt')).map((f) => join(root, d, f)))
        .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
        .map((l) => l.trim())
        .filter((l) => l.length > 0),
    ),
  ];
  /** One unit per code point, except that a few ideograph pairs share one (a ligature's cluster). */
  const unitEnds = (text: string, join: (i: number) => boolean): number[] => {
    const ends: number[] = [];
    let o = 0;
    [...text].forEach((u, i) => {
      o += u.length;
      if (!join(i) || o === text.length) ends.push(o);
    });
    return ends;
  };
  const compare = (text: string, ends: number[]): string | null => {
    const fast = breakOpportunities(text, ends);
    const all = breakOpportunities(text, ends, { exhaustive: true });
    const k = fast.findIndex((v, i) => v !== all[i]);
    return k < 0 ? null : `${JSON.stringify(text)} at unit ${k}: ${fast[k]} vs ${all[k]}`;
  };

  it('on every line of the seeds and the fixtures', () => {
    expect(seedLines.join('').length).toBeGreaterThan(20000);
    const diffs = seedLines.map((l) => compare(l, unitEnds(l, () => false))).filter((d) => d !== null);
    expect(diffs).toEqual([]);
  });

  it('on random mixes of ideographs, marks, Latin, digits, spaces, joiners and combining marks', () => {
    // Every kind of character the rules or UAX #14's pair table treat apart, and ideographs from
    // both ends of the settled ranges and just past them (U+9FA6, U+4DB6 and Extension B).
    const alphabet = [
      ...'中国的人一龥丂㐀䶵鿿䶶', '\u{20000}', '\u{2A6D6}', ...'，。、；：？！…—“”‘’（）《》·～-–/％%¥$',
      ...'aZ09٣ 　\t', '\u200d', '\u200b', '\u0301', '\ufe00', '\u00ad', '\u{1f1e8}', '\u{1f1f3}', ...'万亿', '\u3005', '\u30fc', 'ー', '\n',
    ];
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const diffs: string[] = [];
    for (let t = 0; t < 3000; t++) {
      let text = '';
      const len = 1 + rand(24);
      for (let i = 0; i < len; i++) text += alphabet[rand(3) === 0 ? rand(alphabet.length) : rand(4)]!;
      const d = compare(text, unitEnds(text, () => rand(8) === 0));
      if (d) diffs.push(d);
    }
    expect(diffs).toEqual([]);
  });

  it('across every settled ideograph, each between other characters', () => {
    let text = '';
    for (let cp = 0x3400; cp <= 0x4db5; cp++) text += String.fromCodePoint(cp) + (cp % 7 === 0 ? 'a' : cp % 5 === 0 ? '，' : '');
    for (let cp = 0x4e00; cp <= 0x9fa5; cp++) text += String.fromCodePoint(cp) + (cp % 7 === 0 ? '1 ' : cp % 5 === 0 ? '“' : '');
    expect(compare(text, unitEnds(text, () => false))).toBeNull();
  });
});
