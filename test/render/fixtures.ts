/** Synthetic booklets for renderer tests: real fonts, real shaping, hand-placed ops. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { loadFontBook, type FontBook } from '../../src/font/book.js';
import type { PlacedGlyph } from '../../src/model/line.js';
import type { Booklet, DrawOp, Page, TextRole } from '../../src/model/page.js';
import { mm } from '../../src/model/units.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
let book: FontBook | null = null;
export const fonts = (): FontBook => (book ??= loadFontBook(join(ROOT, 'fonts')));

/** Shapes `text` like composition does (hani/ZHS) and places glyphs at natural advances plus `tracking` pt. */
export function shape(text: string, face: string, size: number, tracking = 0): PlacedGlyph[] {
  const f = fonts().get(face);
  const run = f.font.layout(text, [], 'hani', 'ZHS ');
  const k = size / f.unitsPerEm;
  const out: PlacedGlyph[] = [];
  let x = 0;
  // fontkit caches a glyph with the code points it first met, so take the text from the string
  // itself when glyphs and characters pair up one to one (as composition does with clusters).
  const chars = [...text];
  const oneToOne = chars.length === run.glyphs.length;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i]!;
    out.push({ face, gid: g.id, x: x + p.xOffset * k, dy: p.yOffset * k, advance: g.advanceWidth * k, text: oneToOne ? chars[i]! : String.fromCodePoint(...g.codePoints) });
    x += p.xAdvance * k + tracking;
  });
  return out;
}

export function textOp(text: string, x: number, y: number, opts: { face?: string; size?: number; role?: TextRole; color?: string; tracking?: number; struct?: string } = {}): DrawOp {
  const size = opts.size ?? 10;
  return {
    op: 'text',
    x,
    y,
    size,
    color: opts.color ?? 'text',
    glyphs: shape(text, opts.face ?? 'serif', size, opts.tracking ?? 0),
    role: opts.role ?? 'P',
    ...(opts.struct ? { struct: opts.struct } : {}),
  };
}

/** A w×h RGB PNG (solid colour), written to a temp dir. */
export function pngFile(w: number, h: number): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([200, 40, 40], y * (w * 3 + 1) + 1 + x * 3);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  const file = join(tmpdir_(), `img-${w}x${h}.png`);
  writeFileSync(file, png);
  return file;
}

let dir: string | null = null;
export const tmpdir_ = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'banmian-render-')));

export const A5: [number, number] = [mm(148), mm(210)];

export function page(ops: DrawOp[], extra: Partial<Page> = {}): Page {
  return { width: A5[0], height: A5[1], kind: 'article', folio: null, ops, bookmarks: [], ...extra };
}

export const palette = {
  text: { rgb: [0, 0, 0] as [number, number, number], cmyk: [0, 0, 0, 100] as [number, number, number, number] },
  accent: { rgb: [200, 30, 40] as [number, number, number], cmyk: [0, 90, 80, 10] as [number, number, number, number] },
  rich: { rgb: [10, 10, 10] as [number, number, number], cmyk: [60, 40, 40, 100] as [number, number, number, number] },
  tint: { rgb: [230, 240, 250] as [number, number, number], cmyk: [10, 0, 0, 0] as [number, number, number, number] },
};

export const BODY = '版面编排：新闻标题与正文，读者复制粘贴应得原文。';

/** A small booklet exercising every op kind; `title` may carry XML specials. */
export function sampleBooklet(opts: { title?: string; body?: string; pages?: number } = {}): Booklet {
  const n = opts.pages ?? 4;
  const pages: Page[] = [];
  for (let i = 0; i < n; i++) {
    const ops: DrawOp[] = [
      textOp(`第${i + 1}版 专题`, 30, 30, { role: 'Artifact', size: 8, face: 'sans' }),
      textOp('春天的故事', 40, 80, { role: 'H1', size: 24, face: 'sans-bold', color: 'accent' }),
      { op: 'rule', x1: 40, y1: 90, x2: 380, y2: 90, width: 0.5, color: 'text' },
      textOp(opts.body ?? BODY, 40, 120, { struct: `p${i}`, tracking: 0.5 }),
      textOp('第二行正文继续。', 40, 136, { struct: `p${i}` }),
      { op: 'rect', x: 40, y: 160, width: 120, height: 40, fill: 'tint' },
      textOp('框内文字', 50, 185, { role: 'Caption', size: 9 }),
      { op: 'rect', x: 200, y: 160, width: 120, height: 40, stroke: 'text', lineWidth: 0.5 },
    ];
    if (i === 0) ops.push({ op: 'link', x: 40, y: 300, width: 100, height: 20, page: n - 1 });
    pages.push(
      page(ops, {
        folio: i + 1,
        articleId: `a${Math.floor(i / 2)}`,
        bookmarks: i % 2 === 0 ? [{ title: `文章${i / 2 + 1}`, level: 1, y: 60 }, { title: `小标题${i}`, level: 2, y: 110 }] : [],
      }),
    );
  }
  return {
    meta: { title: opts.title ?? '版面 & <测试> 专刊', subject: '专题', author: '本报编辑部', keywords: ['新闻', 'A&B'], lang: 'zh-CN', date: '2025-04-02' },
    pages,
    palette,
  };
}

/** Runs a command-line tool and returns its stdout as text. */
export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}
