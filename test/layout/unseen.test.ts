import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticles } from '../../src/ingest/index.js';
import { layoutBooklet } from '../../src/layout/index.js';
import type { Article } from '../../src/model/article.js';
import { composer } from '../compose/helpers.js';
import { box, noReport, overlaps, templates, texts } from './fake.js';

/** Raw copy nobody has seen, written at test time: each folder one kind of feature. */
const HAN = '教育均衡发展优质学校课堂老师学生家长城乡资源改革创新集团办学课程质量提升实验社团活动阅读科学';
function sentence(i: number, n = 40): string {
  let s = '';
  for (let k = 0; s.length < n; k++) s += HAN[(i * 13 + k * 7) % HAN.length];
  return `${s.slice(0, n / 2)}，${s.slice(n / 2)}。`;
}
const paragraph = (i: number, sentences = 3): string => Array.from({ length: sentences }, (_, k) => sentence(i * 10 + k, 30 + ((i + k) % 4) * 6)).join('');

const COPY: Record<string, string> = {
  short: ['# 沙坪坝 小小课堂里的大变化', '', paragraph(1), '', paragraph(2), '', paragraph(3), '', '记者 张三'].join('\n'),
  long: [
    '# 南岸 十年耕耘 一路芬芳',
    '',
    ...Array.from({ length: 120 }, (_, i) => (i % 6 === 0 ? `## 第${i / 6 + 1}部分“学有所教”走向“学有优教”\n\n${paragraph(i, 6)}\n` : `${paragraph(i, 5)}\n`)),
    '记者 李四 王五',
  ].join('\n'),
  captions: [
    '# 大足 艺术节上的孩子们',
    '',
    ...Array.from({ length: 8 }, (_, i) => `${paragraph(i, 4)}\n\n▲${sentence(100 + i, 16).replace('。', '')}\n`),
    '记者 赵六 摄',
  ].join('\n'),
  latin: [
    '# 綦江 AI 课堂与 STEM 教育',
    '',
    '学校引入 Raspberry Pi 4 和 Arduino Uno R3 开发板，共计 1,280 套，覆盖 36 所学校、12,345 名学生，课时占比达 12.5%。',
    '',
    '外籍教师 Alexander Montgomery-Fitzgerald 与 Светлана Кузнецова 一起讲授 α 粒子、β 衰变和 γ 射线，学生用 Python 3.12 记录 2024—2025 学年的数据。',
    '',
    `${paragraph(7)}International Baccalaureate Diploma Programme 的 CAS 项目也在 2025 年 9 月启动，首批 48 人。`,
    '',
    '项目负责人 Maria-Theresa Gonzalez-Villanueva 说：“Learning by doing 是我们的核心理念。”ΔT = 3.5 ℃，误差 ±0.1%。',
    '',
    '记者 钱七',
  ].join('\n'),
};

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function seedsOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `banmian-${name}-`));
  made.push(dir);
  writeFileSync(join(dir, `900_${name}.txt`), COPY[name]!);
  return dir;
}

/** Letters and digits of a text, ignoring spaces and marks: what must survive layout. */
const core = (s: string): string => s.replace(/[\s\u3000]/g, '');

describe('copy nobody has seen', () => {
  it.each(Object.keys(COPY))('%s: lays out without overlaps, off-page ink or lost text', (name) => {
    const seeds = seedsOf(name);
    const articles: Article[] = readArticles(seeds, noReport);
    expect(articles.length).toBe(1);
    const booklet = layoutBooklet(articles, templates, composer, { seedsDir: seeds, report: noReport });
    expect(booklet.pages.length % 4).toBe(0);
    const all = booklet.pages.flatMap((p) => texts(p.ops));
    const a = articles[0]!;
    a.blocks.forEach((b, i) => {
      const got = core(all.filter((o) => o.struct === `${a.id}/${i}`).map((o) => o.glyphs.map((g) => g.text).join('')).join(''));
      if (b.kind === 'paragraph') expect(got, `${name} block ${i}`).toBe(core(b.text));
      if (b.kind === 'heading') expect(got).toBe(core(b.lines.join('')));
      if (b.kind === 'figure') expect(got).toBe(core(b.caption));
    });
    if (name === 'long') expect(a.blocks.filter((b) => b.kind === 'paragraph').reduce((n, b) => n + (b.kind === 'paragraph' ? b.text.length : 0), 0)).toBeGreaterThan(25000);
    if (name === 'captions') expect(a.blocks.filter((b) => b.kind === 'figure').length).toBeGreaterThan(5);
    for (const page of booklet.pages) {
      const ts = texts(page.ops).filter((o) => o.glyphs.length > 0);
      const boxes = ts.map(box);
      for (let i = 0; i < boxes.length; i++) {
        expect(boxes[i]!.x1).toBeGreaterThanOrEqual(0);
        expect(boxes[i]!.x2).toBeLessThanOrEqual(page.width);
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!, 0.5), `${name} '${ts[i]!.glyphs.map((g) => g.text).join('')}' × '${ts[j]!.glyphs.map((g) => g.text).join('')}'`).toBe(false);
      }
    }
  });
});
