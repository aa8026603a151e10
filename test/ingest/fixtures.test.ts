import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/article.js';
import { fileMarkdown } from '../../src/ingest/emit.js';
import { importText, parseMarkdown, readArticles } from '../../src/ingest/index.js';
import { missingPieces } from './audit.js';
import { printedLines } from './printed.js';

/**
 * Copy nobody here had seen when the importer was written (test/fixtures/copy, made up in
 * the style of PDF extractions of newspaper features): nothing of it may be lost, and the
 * structure must come out plausible.
 */
const COPY = join(import.meta.dirname, '../fixtures/copy');
const files = readdirSync(COPY).filter((f) => f.endsWith('.txt')).sort();

/** What each fixture must come out as: title, heads (first line of each), figures, byline. */
const EXPECT: Record<string, { title: string; heads: number; maxHeads?: number; firstHead?: string; figures?: number; byline: string; kicker?: string; subtitle?: string; lead?: boolean }> = {
  '101_short_feature.txt': { title: '南岸 小小菜园里的大课堂', heads: 0, byline: '刘晓雯 邓川' },
  '102_long_feature.txt': { title: '沙坪坝 以高质量教育托举城市未来', heads: 20, firstHead: '优化资源布局', byline: '本报记者 张立新 通讯员 黄敏', kicker: '聚焦教育强区建设 回应群众美好期盼', subtitle: '全区教育事业发展综述' },
  // No heads; the stray caption 学生在重庆工业博物馆写生 is still read as one (allowed, not wanted).
  '103_captions.txt': { title: '大渡口 校园里的艺术节 每个孩子都是主角', heads: 0, maxHeads: 1, figures: 6, byline: '陈思远 何佳' },
  // Long unbreakable names in a 12-character column: composition must neither split nor spread them.
  '105_long_names.txt': { title: '綦江 AI 课堂与 STEM 教育', heads: 0, byline: '记者 钱七' },
  '104_latin_numbers.txt': { title: '两江 数字课堂连接世界 STEM教育跑出加速度', heads: 3, firstHead: '从Scratch到Python', byline: '杨帆 苏婧', lead: true },
};

const heads = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');

describe.each(files)('unseen copy %s', (name) => {
  const raw = readFileSync(join(COPY, name), 'utf8');
  const drafts = importText(raw, name);
  const want = EXPECT[name]!;

  it('is what the fixture set expects', () => {
    expect(want).toBeDefined();
  });

  it('every sentence and raw line the print audit looks for is in the import', () => {
    expect(missingPieces(raw, drafts.flatMap((d) => printedLines(d.meta, d.blocks)).join('\n'))).toEqual([]);
  });

  it('every sentence and raw line is in the imported Markdown read back', () => {
    const back = parseMarkdown(fileMarkdown(drafts), `${name}.md`, () => {});
    expect(missingPieces(raw, back.flatMap((a) => printedLines(a.meta, a.blocks)).join('\n'))).toEqual([]);
  });

  it('structure: one article, title, heads, figures, byline', () => {
    expect(drafts).toHaveLength(1);
    const [d] = drafts;
    expect(d!.meta.title).toBe(want.title);
    expect(d!.meta.byline).toBe(want.byline);
    expect(d!.meta.kicker).toBe(want.kicker);
    expect(d!.meta.subtitle).toBe(want.subtitle);
    const n = heads(d!.blocks).length;
    if (want.maxHeads !== undefined) expect(n).toBeLessThanOrEqual(want.maxHeads);
    else expect(n).toBe(want.heads);
    if (want.firstHead) expect(heads(d!.blocks)[0]!.lines[0]).toBe(want.firstHead);
    if (want.figures !== undefined) expect(d!.blocks.filter((b) => b.kind === 'figure')).toHaveLength(want.figures);
    if (want.lead) expect(d!.blocks[0]!.kind).toBe('lead');
    expect(d!.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(3);
  });

  it('no paragraph starts with a closing mark or ends with an opening one', () => {
    const texts = drafts.flatMap((d) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'lead' || b.kind === 'panel' ? b.paragraphs : [])));
    expect(texts.filter((t) => /^[，。、；：！？”’）》]|[“‘（《]$/u.test(t))).toEqual([]);
  });
});

describe('unseen copy as a seeds folder', () => {
  const articles = readArticles(COPY, () => {});

  it('readArticles keeps every piece of every file', () => {
    for (const name of files) {
      const raw = readFileSync(join(COPY, name), 'utf8');
      const own = articles.filter((a) => a.id === name.replace(/\.txt$/u, ''));
      expect(own, name).toHaveLength(1);
      expect(missingPieces(raw, own.flatMap((a) => printedLines(a.meta, a.blocks)).join('\n')), name).toEqual([]);
    }
  });

  it('the long feature is long, hard-wrapped and broken into columns mid-sentence', () => {
    const raw = readFileSync(join(COPY, '102_long_feature.txt'), 'utf8');
    expect([...raw].length).toBeGreaterThanOrEqual(25_000);
    const blocks = raw.split(/\n{2,}/u).filter((b) => b.split('\n').length > 3);
    expect(blocks.some((b) => !/[。！？”]$/u.test(b.trim()))).toBe(true);
  });

  it('a photo credit (记者 … 摄) stays with its caption', () => {
    const a = articles.find((x) => x.id === '103_captions')!;
    expect(a.blocks.find((b) => b.kind === 'figure')).toMatchObject({ caption: expect.stringMatching(/《山城印象》记者罗静摄$/u) });
  });
});
