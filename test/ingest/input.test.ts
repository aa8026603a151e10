import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { InputError, type Diagnostic } from '../../src/model/source.js';
import { importFile, readArticles } from '../../src/ingest/index.js';

const root = mkdtempSync(join(tmpdir(), 'ingest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh folder with the given files (text as UTF-8, or raw bytes). */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = join(root, `case${n++}`);
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const SEED = '# 江北 落实“双减”创新有为 喜人变化可见可感\n\n教育兴，则文化兴；教育盛，则城市盛。\n\n谭莹 胡忠英\n图片由江北区教委提供\n';

function collect(): { diags: Diagnostic[]; report: (d: Diagnostic) => void } {
  const diags: Diagnostic[] = [];
  return { diags, report: (d) => diags.push(d) };
}

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('bad input', () => {
  it('empty file', () => {
    const dir = folder({ 'a.txt': '' });
    expect(thrown(() => importFile(join(dir, 'a.txt'), () => {})).message).toMatch(/empty/);
    const ws = folder({ 'a.txt': '  \n\n ' });
    expect(thrown(() => readArticles(ws, () => {})).message).toMatch(/empty/);
  });

  it('binary file with NUL bytes', () => {
    const dir = folder({ 'a.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    const e = thrown(() => importFile(join(dir, 'a.txt'), () => {}));
    expect(e.message).toMatch(/binary/);
    expect(e.source?.file).toBe(join(dir, 'a.txt'));
  });

  it('invalid UTF-8 that is not GB18030 either', () => {
    const dir = folder({ 'a.txt': new Uint8Array([0xe6, 0x95, 0x99, 0xff, 0xff, 0x80, 0x0a]) });
    expect(thrown(() => importFile(join(dir, 'a.txt'), () => {})).message).toMatch(/binary/);
  });

  it('GB18030 file is decoded with a warning', () => {
    // "# 江北 落实双减 喜人变化\n\n教育兴，则文化兴；教育盛，则城市盛。\n" in GB18030.
    const hex = '2320bdadb1b120c2e4cab5cbabbcf520cfb2c8cbb1e4bbaf0a0abdccd3fdd0cba3acd4f2cec4bbafd0cba3bbbdccd3fdcaa2a3acd4f2b3c7cad0caa2a1a30a';
    const dir = folder({ 'a.txt': Buffer.from(hex, 'hex') });
    const { diags, report } = collect();
    const [a] = readArticles(dir, report);
    expect(a!.meta.title).toBe('江北 落实双减 喜人变化');
    expect(a!.blocks[0]).toMatchObject({ text: '教育兴，则文化兴；教育盛，则城市盛。' });
    expect(diags.some((d) => d.level === 'warning' && /GB18030/.test(d.message))).toBe(true);
  });

  it('UTF-8 BOM is stripped and CRLF is normalized', () => {
    const plain = importFile(join(folder({ 'a.txt': SEED }), 'a.txt'), () => {});
    const bom = importFile(join(folder({ 'a.txt': `\uFEFF${SEED.replace(/\n/g, '\r\n')}` }), 'a.txt'), () => {});
    expect(bom).toBe(plain);
    expect(bom).not.toMatch(/[\uFEFF\r]/);
    expect(plain).toMatch(/title: 江北 落实/);
  });

  it('a 2 MB file imports in linear time', () => {
    const para = '宽敞明亮的综合教学楼、设施齐全的功\n能室、规范整洁的塑胶操场、绿意融融的园\n林小景。从外观上看，很难想象这是一所镇\n级小学——北碚区复兴小学。\n\n';
    const count = Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(para));
    const dir = folder({ 'big.txt': ` 奏响教育优质均衡发展强音\n\n${para.repeat(count)}` });
    const t0 = performance.now();
    const [a] = readArticles(dir, () => {});
    const ms = performance.now() - t0;
    expect(a!.blocks.length).toBe(count);
    expect(ms).toBeLessThan(10_000);
  });

  it('broken front matter names the YAML line', () => {
    const dir = folder({ 'a.md': '---\nsource: a.txt\ntitle: [unclosed\n---\n\n正文。\n' });
    const e = thrown(() => readArticles(dir, () => {}));
    expect(e.message).toMatch(/^front matter/);
    expect(e.source).toMatchObject({ file: join(dir, 'a.md') });
    expect(e.source!.line).toBeGreaterThanOrEqual(3);
    expect(e.format()).toMatch(/a\.md:\d+: front matter/);
  });

  it('front matter without a title, or not closed', () => {
    expect(thrown(() => readArticles(folder({ 'a.md': '---\nsource: a.txt\n---\n\n正文。\n' }), () => {})).message).toMatch(/no title/);
    expect(thrown(() => readArticles(folder({ 'a.md': '---\ntitle: 标题\n\n正文。\n' }), () => {})).message).toMatch(/not closed/);
  });

  it('missing seeds folder', () => {
    const e = thrown(() => readArticles(join(root, 'nope'), () => {}));
    expect(e.message).toMatch(/not found/);
  });

  it('folder with no sources', () => {
    const e = thrown(() => readArticles(folder({ 'notes.pdf': 'x' }), () => {}));
    expect(e.message).toMatch(/no sources/);
  });
});

describe('readArticles', () => {
  it('prefers the .md beside a .txt, reads an .md alone, keeps file order', () => {
    const md = '---\ntitle: 编辑稿标题\ndistrict: 江北\n---\n\n## 小标题一\n## 小标题二\n\n正文。\n\n![图片说明]()\n\n::: lead 核心提示\n\n导语。\n\n:::\n';
    const dir = folder({ 'b.txt': SEED, 'b.md': md, 'a.txt': SEED, 'c.md': md.replace('编辑稿标题', '只有编辑稿') });
    const arts = readArticles(dir, () => {});
    expect(arts.map((a) => [a.id, a.meta.title])).toEqual([
      ['a', '江北 落实“双减”创新有为 喜人变化可见可感'],
      ['b', '编辑稿标题'],
      ['c', '只有编辑稿'],
    ]);
    expect(arts[1]!.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'figure', 'lead']);
    expect(arts[1]!.blocks[0]).toMatchObject({ lines: ['小标题一', '小标题二'], source: { file: join(dir, 'b.md'), line: 6 } });
    expect(arts[1]!.blocks[3]).toMatchObject({ label: '核心提示', paragraphs: ['导语。'] });
  });

  it('gives each article of a multi-article file its own id', () => {
    const two = `---\ntitle: 甲\n---\n\n正文一。\n\n---\ntitle: 乙\n---\n\n正文二。\n`;
    const arts = readArticles(folder({ 'x.md': two }), () => {});
    expect(arts.map((a) => a.id)).toEqual(['x-1', 'x-2']);
    expect(arts[1]!.source.line).toBe(7);
  });
});
