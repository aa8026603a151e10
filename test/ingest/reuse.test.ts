import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/source.js';
import { readArticles } from '../../src/ingest/index.js';

const root = mkdtempSync(join(tmpdir(), 'ingest-reuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const A = '# 北碚 第一篇\n\n教育兴，则文化兴；教育盛，则城市盛。\n';
/** "# 江北 落实双减 喜人变化\n\n教育兴，则文化兴；教育盛，则城市盛。\n" in GB18030. */
const GB = Buffer.from(
  '2320bdadb1b120c2e4cab5cbabbcf520cfb2c8cbb1e4bbaf0a0abdccd3fdd0cba3acd4f2cec4bbafd0cba3bbbdccd3fdcaa2a3acd4f2b3c7cad0caa2a1a30a',
  'hex',
);
const B = '# 江北 第二篇\n\n“双减”之下，课后服务覆盖全部学校。\n';

function run(dir: string, reread?: (file: string, i: number, n: number) => boolean) {
  const diags: Diagnostic[] = [];
  const articles = readArticles(dir, (d) => diags.push(d), reread);
  return { articles, diags };
}

describe('articles reused by file content (watch mode)', () => {
  it('an unchanged file gives the same articles and replays its warnings; an edited one is read again', () => {
    const dir = mkdtempSync(join(root, 'case-'));
    // GB18030 bytes: decoded with a warning, which a reuse must report again.
    writeFileSync(join(dir, 'a.txt'), GB);
    writeFileSync(join(dir, 'b.txt'), B);
    const first = run(dir);
    expect(first.articles.map((a) => a.meta.title)).toEqual(['江北 落实双减 喜人变化', '江北 第二篇']);
    expect(first.diags.some((d) => /GB18030/.test(d.message))).toBe(true);

    const second = run(dir);
    expect(second.articles[0]).toBe(first.articles[0]);
    expect(second.articles[1]).toBe(first.articles[1]);
    expect(second.diags).toEqual(first.diags);

    writeFileSync(join(dir, 'b.txt'), B.replace('全部', '全区'));
    const third = run(dir);
    expect(third.articles[0]).toBe(first.articles[0]);
    expect(third.articles[1]).not.toBe(first.articles[1]);
    expect(JSON.stringify(third.articles[1])).toContain('全区');
  });

  it('`reread` parses a file again even when its bytes did not change', () => {
    const dir = mkdtempSync(join(root, 'case-'));
    writeFileSync(join(dir, 'a.txt'), A);
    writeFileSync(join(dir, 'b.txt'), B);
    const first = run(dir);
    const seen: Array<[number, number]> = [];
    const again = run(dir, (_f, i, n) => (seen.push([i, n]), i === 1));
    expect(seen).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(again.articles[0]).toBe(first.articles[0]);
    expect(again.articles[1]).not.toBe(first.articles[1]);
    expect(again.articles[1]).toEqual(first.articles[1]);
  });
});
