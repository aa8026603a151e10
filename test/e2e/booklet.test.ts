import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { readArticles } from '../../src/ingest/index.js';
import type { Article } from '../../src/model/index.js';
import { root, stext, tempDir, tool, type StextChar } from './helpers.js';
import { hasPdfTools } from '../pdfTools.js';

// Builds the real supplement from seeds/ once and reads the PDFs back as a reader's software does.
let result: BuildResult;
let articles: Article[];
let pages: StextChar[][];
let screen: string;
let print: string;
const out = tempDir('booklet');
const options = {
  seeds: join(root, 'seeds'),
  out,
  templates: join(root, 'templates'),
  fonts: join(root, 'fonts'),
};

const squash = (s: string) => s.replace(/[\s\u3000]/g, '');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Found whole, or in two halves at most 200 characters apart: a sentence may run over a page turn,
 * with the next page's running head between its halves. */
const found = (piece: string, text: string) => {
  if (text.includes(piece)) return true;
  for (let cut = 2; cut < piece.length - 1; cut++) {
    if (new RegExp(`${escape(piece.slice(0, cut))}[^]{1,200}?${escape(piece.slice(cut))}`).test(text)) return true;
  }
  return false;
};

beforeAll(async () => {
  if (!hasPdfTools) return;
  result = await build(options);
  articles = readArticles(options.seeds, () => {});
  screen = join(out, 'supplement.pdf');
  print = join(out, 'supplement-print.pdf');
  pages = stext(screen);
});

describe.skipIf(!hasPdfTools)('the built supplement', () => {
  it('holds every article title, head, paragraph, caption, byline and credit as text', () => {
    const text = squash(tool('pdftotext', ['-raw', screen, '-']));
    const missing: string[] = [];
    for (const a of articles) {
      const wanted = [a.meta.title, a.meta.kicker, a.meta.subtitle, a.meta.byline, a.meta.credit];
      for (const b of a.blocks) {
        if (b.kind === 'paragraph') wanted.push(b.text);
        if (b.kind === 'heading') wanted.push(...b.lines);
        if (b.kind === 'figure') wanted.push(b.caption);
        if (b.kind === 'lead' || b.kind === 'panel') wanted.push(...b.paragraphs);
      }
      for (const w of wanted) {
        if (!w) continue;
        // Paragraphs may be split across columns and pages by running heads: check each sentence.
        for (const piece of squash(w).split(/(?<=[。！？])/)) {
          if (piece.length >= 4 && !found(piece, text)) missing.push(`${a.id}: ${piece.slice(0, 20)}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('embeds subset Noto Serif SC and Noto Sans SC with ToUnicode maps', () => {
    const rows = tool('pdffonts', [screen]).split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    const names = rows.map((r) => r.split(/\s+/)[0]);
    expect(names.some((n) => /\+NotoSerifSC/.test(n!))).toBe(true);
    expect(names.some((n) => /\+NotoSansSC/.test(n!))).toBe(true);
    // One font program per face: no face embedded twice.
    expect(new Set(names).size).toBe(names.length);
  });

  it('sets each title at least twice the body size', () => {
    const sizes = new Map<number, number>();
    for (const p of pages) for (const c of p) if (/\p{Script=Han}/u.test(c.c)) sizes.set(c.size, (sizes.get(c.size) ?? 0) + 1);
    const body = [...sizes].sort((a, b) => b[1] - a[1])[0]![0];
    for (const a of articles) {
      const first = [...a.meta.title.replace(/\s/g, '')][0]!;
      const biggest = Math.max(...pages.flat().filter((c) => c.c === first).map((c) => c.size));
      expect(biggest, a.meta.title).toBeGreaterThanOrEqual(2 * body);
    }
  });

  it('has a page count that is a multiple of 4', () => {
    const n = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [screen]))![1]);
    expect(n).toBe(result.pages);
    expect(n % 4).toBe(0);
  });

  it('gives every press page a TrimBox and a BleedBox 3 mm outside it', () => {
    const info = tool('pdfinfo', ['-box', '-f', '1', '-l', '999', print]);
    const trims = [...info.matchAll(/Page\s+\d+ TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/g)];
    const bleeds = [...info.matchAll(/Page\s+\d+ BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/g)];
    expect(trims.length).toBe(result.pages);
    expect(bleeds.length).toBe(result.pages);
    const mm3 = (3 * 72) / 25.4;
    trims.forEach((t, i) => {
      const b = bleeds[i]!;
      expect(Number(t[1]) - Number(b[1])).toBeCloseTo(mm3, 1);
      expect(Number(b[3]) - Number(t[3])).toBeCloseTo(mm3, 1);
    });
  });

  it('is byte-identical when built twice from the same inputs', async () => {
    const first = readFileSync(screen);
    const firstPrint = readFileSync(print);
    await build(options);
    expect(readFileSync(screen).equals(first)).toBe(true);
    expect(readFileSync(print).equals(firstPrint)).toBe(true);
  });

  it('passes qpdf --check', () => {
    expect(tool('qpdf', ['--check', screen])).toMatch(/No syntax or stream encoding errors/);
    expect(tool('qpdf', ['--check', print])).toMatch(/No syntax or stream encoding errors/);
  });
});
