import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, ArticleMeta, Block } from '../../src/model/article.js';
import { hanCount } from '../../src/ingest/chars.js';
import { fileMarkdown } from '../../src/ingest/emit.js';
import { importText, normalizeText, parseMarkdown } from '../../src/ingest/index.js';
import { missingPieces } from './audit.js';
import { printedLines } from './printed.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const raws = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/** Compare text the way the audit does: widths and quotes normalized, no whitespace. */
const canon = (s: string): string =>
  normalizeText(s).replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, '');

/** Everything of an article that gets printed, one piece per line. */
function printed(meta: ArticleMeta, blocks: readonly Block[]): string {
  return printedLines(meta, blocks).map(canon).join('\n');
}

/** Raw lines worth checking: at least 6 Han characters, Markdown marks removed (the audit-piece test below checks where `>` must stay). */
function rawLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/^\s*(#+|>)\s*/u, '')).filter((l) => hanCount(l) >= 6).map(canon);
}

describe.each(raws)('fidelity of %s', (name) => {
  const raw = readFileSync(join(SEEDS, name), 'utf8');
  const lines = rawLines(raw);
  const sentences = lines.flatMap((l) => l.split(/(?<=[。！？])/u)).filter((s) => hanCount(s) >= 6);

  const check = (all: string): void => {
    const missing = [...lines, ...sentences].filter((l) => !all.includes(l));
    expect(missing).toEqual([]);
  };

  it('every raw line and sentence is in the import', () => {
    check(importText(raw, name).map((d) => printed(d.meta, d.blocks)).join('\n'));
  });

  it('every raw line and sentence is in the editor copy', () => {
    const md = readFileSync(join(SEEDS, name.replace(/\.txt$/, '.md')), 'utf8');
    check(parseMarkdown(md, name, () => {}).map((a) => printed(a.meta, a.blocks)).join('\n'));
  });

  it('every piece the print audit looks for is in the editor copy', () => {
    const md = readFileSync(join(SEEDS, name.replace(/\.txt$/, '.md')), 'utf8');
    const text = parseMarkdown(md, name, () => {}).map((a) => printed(a.meta, a.blocks)).join('\n');
    expect(missingPieces(raw, text)).toEqual([]);
  });

  it('round trip: the imported Markdown parses back to the same articles', () => {
    const drafts = importText(raw, name);
    const strip = (blocks: readonly Block[]) => blocks.map(({ source: _s, ...rest }) => rest);
    const back = parseMarkdown(fileMarkdown(drafts), `${name}.md`, () => {});
    expect(back.map((a) => a.meta)).toEqual(drafts.map((d) => d.meta));
    expect(back.map((a) => strip(a.blocks))).toEqual(drafts.map((d) => strip(d.blocks)));
  });
});

describe('editor copies', () => {
  it('000 holds two articles and every copy has a title, district and byline', () => {
    const arts: Array<Pick<Article, 'meta'>> = raws.flatMap((name) =>
      parseMarkdown(readFileSync(join(SEEDS, name.replace(/\.txt$/, '.md')), 'utf8'), name, () => {}),
    );
    expect(arts.length).toBe(raws.length + 1);
    for (const a of arts) {
      expect(a.meta.title).not.toBe('');
      expect(a.meta.district).toBeTruthy();
      expect(a.meta.byline).toMatch(/^\p{Script=Han}{2,3}( \p{Script=Han}{2,3})+$/u);
    }
  });
});
