import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/model/line.js';
import { body, composer, r2, solid } from './helpers.js';

const em = solid.size;

function line(text: string, style = solid, measure = 400): Line {
  const lines = composer.compose({ text, style, measure });
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

/** Width in em taken by the marks between the first and second `汉` of `汉…汉`. */
function between(marks: string, style = solid): number {
  const l = line(`汉${marks}汉`, style);
  const first = l.glyphs[0]!;
  const second = l.glyphs[l.glyphs.length - 1]!;
  return r2((second.x - (first.x + first.advance)) / em);
}

describe('punctuation compression (GB, clreq adjacent marks)', () => {
  it.each([
    ['close + close: 。”', '。”', 1.5],
    ['close + 点号: ”，', '”，', 1.5],
    ['close + 点号: ）、', '）、', 1.5],
    ['点号 + close: 。」', '。」', 1.5],
    ['close + open: ”“', '”“', 1.5],
    ['点号 + open: 。（', '。（', 1.5],
    ['open + open: （《', '（《', 1.5],
    ['open + close keeps 2 em: （）', '（）', 2],
    ['three marks: 》）。 → 2 em', '》）。', 2],
    ['interpunct is half an em', '·', 0.5],
    ['a lone mark keeps its em', '，', 1],
    ['two-em dash is 2 em (ZHS locl)', '——', 2],
    ['ellipsis is 2 em', '……', 2],
  ])('%s', (_name, marks, width) => {
    expect(between(marks)).toBe(width);
  });

  it("'fullwidth' style compresses nothing", () => {
    expect(between('。”', { ...solid, punct: 'fullwidth' })).toBe(2);
    expect(between('（《', { ...solid, punct: 'fullwidth' })).toBe(2);
  });

  it('a closing mark ending a line is half-width (GB/T 15834 §5.1.10)', () => {
    expect(r2(line('汉字汉字。').width / em)).toBe(4.5);
    expect(r2(line('汉字汉字。”').width / em)).toBe(5);
  });

  it('an opening mark starting a line loses its left blank', () => {
    const lines = composer.compose({ text: '汉字汉字汉字“汉字”', style: { ...body, indent: 0 }, measure: 6 * em });
    expect(lines[1]!.glyphs[0]!.text).toBe('“');
    expect(r2(lines[1]!.glyphs[0]!.x / em)).toBe(-0.5);
  });

  it('fullwidth style keeps line-end marks full', () => {
    expect(r2(line('汉字汉字。', { ...solid, punct: 'fullwidth' }).width / em)).toBe(5);
  });
});

describe('中西间距 (clreq ¼ em)', () => {
  it('¼ em between Han and Latin letters or digits', () => {
    const l = line('汉A汉');
    const [h1, a, h2] = l.glyphs;
    expect(r2((a!.x - (h1!.x + h1!.advance)) / em)).toBe(0.25);
    expect(r2((h2!.x - (a!.x + a!.advance)) / em)).toBe(0.25);
  });

  it('none next to Chinese punctuation', () => {
    const l = line('汉，2025年');
    const comma = l.glyphs[1]!;
    const two = l.glyphs[2]!;
    expect(r2(two.x - comma.x)).toBe(r2(comma.advance));
  });

  it('none at the line edges', () => {
    const l = line('AI汉字');
    expect(l.glyphs[0]!.x).toBe(0);
    const tail = line('汉字AI');
    const last = tail.glyphs[tail.glyphs.length - 1]!;
    expect(r2(tail.width)).toBe(r2(last.x + last.advance));
  });

  it('Latin words and numbers are never letter-spaced', () => {
    const lines = composer.compose({ text: '北碚区今年新增学位1.26万个，其中AI课程覆盖98.6%的学生，这是2021-2023年规划的一部分。', style: body, measure: 13 * em });
    for (const l of lines) {
      for (let i = 0; i + 1 < l.glyphs.length; i++) {
        const a = l.glyphs[i]!;
        const b = l.glyphs[i + 1]!;
        if (/[0-9A-Za-z.%-]/.test(a.text) && /[0-9A-Za-z.%-]/.test(b.text)) expect(r2(b.x - (a.x + a.advance))).toBe(0);
      }
    }
  });
});

describe('squeezing to fit a line (先挤进，后推出)', () => {
  it('never sets a mark of a compressed pair on the origin of the one before it', () => {
    // 在西彭镇第一小学，“跳绳小将”… at 12 em with a 2 em indent: the pair ，“ must stay 1.5 em wide
    // (the line gives up a character instead), or readers see the second mark start a new line.
    const text = '在西彭镇第一小学，“跳绳小将”的身影时时可见。二十多年来，西彭一小坚持“跳绳+”特色发展。';
    for (const l of composer.compose({ text, style: body, measure: 12 * body.size })) {
      for (let i = 1; i < l.glyphs.length; i++) {
        const a = l.glyphs[i - 1]!;
        const b = l.glyphs[i]!;
        if (!a.text || !b.text) continue;
        expect(a.x + a.advance - b.x, `${a.text}${b.text}`).toBeLessThanOrEqual(0.5 * body.size + 0.01);
      }
    }
  });
});

describe('lines of unbreakable Latin in a narrow column', () => {
  it.each([
    '外籍教师 Alexander Montgomery-Fitzgerald 与 Светлана Кузнецова 一起讲授 α 粒子、β 衰变和 γ 射线。',
    '项目负责人 Maria-Theresa Gonzalez-Villanueva 说：“Learning by doing 是我们的核心理念。”',
  ])('never spreads the Han of a neighbouring line by whole ems: %s', (text) => {
    const lines = composer.compose({ text, style: body, measure: 12 * body.size });
    // A line that cannot be filled without spreading stays short instead: rare, never a lone character.
    const short = lines.slice(0, -1).filter((l) => r2(l.width) < r2(l.measure));
    expect(short.length).toBeLessThanOrEqual(2);
    for (const l of short) expect([...l.glyphs.map((g) => g.text).join('').trim()].length).toBeGreaterThanOrEqual(2);
    for (const l of lines.slice(0, -1)) {
      const gaps: number[] = [];
      for (let i = 1; i < l.glyphs.length; i++) {
        const a = l.glyphs[i - 1]!;
        const b = l.glyphs[i]!;
        if (/\p{Script=Han}/u.test(a.text) && /\p{Script=Han}/u.test(b.text)) gaps.push(b.x - a.x - a.advance);
      }
      for (const g of gaps) expect(g / body.size).toBeLessThan(0.5);
    }
  });
});
