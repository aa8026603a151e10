import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontBook, loadOutlines, useOwnGlyfTable } from '../../src/font/book.js';
import { openSparseFont } from '../../src/font/sparse.js';
import { fastAddGlyph, type KitTtfSubset } from '../../src/render/pdfGlyphs.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

describe('fonts read without their outlines', () => {
  const file = fonts.get('sans').file;
  const whole = readFileSync(file);
  const font = fontkit.create(whole) as fontkit.Font;
  const gids = [...'教育专刊，“北碚”——AQ'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);

  it('reads loca as fontkit decodes it (byte offsets), and the book hands fontkit that table', () => {
    const sparse = openSparseFont(file)!;
    const own = (font as unknown as { loca: { version: number; offsets: number[] } }).loca;
    const fast = sparse.loca();
    expect(fast.version).toBe(own.version);
    expect(Array.from(fast.offsets)).toEqual(own.offsets);
    const booked = fonts.get('sans').font as unknown as { _tables: Record<string, unknown> };
    expect(booked._tables.loca).toMatchObject({ _processed: true });
    expect(Array.from((booked._tables.loca as { offsets: ArrayLike<number> }).offsets)).toEqual(own.offsets);
  });

  it('has every table but glyf from the start, ends where glyf (the last table) starts, and reads glyf as zeros', () => {
    const sparse = openSparseFont(file)!;
    const glyf = (font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables.glyf!;
    // V8 counts a buffer's whole length as memory held: one of the file's size would count 10–15 MB.
    expect(sparse.bytes.length).toBe(glyf.offset);
    expect(sparse.bytes.equals(whole.subarray(0, glyf.offset))).toBe(true);
    const stream = sparse.glyfStream!();
    stream.pos += 12345;
    expect([stream.readUInt16BE(), stream.readUInt16BE(), stream.pos]).toEqual([0, 0, 0]);
  });

  it('gives the same subset as the whole file once the outlines are loaded (as render subsets it)', () => {
    const lazy = fonts.get('sans').font;
    const encode = (f: fontkit.Font, fast: boolean) => {
      const s = f.createSubset() as unknown as KitTtfSubset & { includeGlyph(gid: number): number; glyphs: number[]; encode(): Uint8Array };
      if (fast) fastAddGlyph(s);
      for (const g of gids) s.includeGlyph(g);
      // As render does: the subset's glyphs (with .notdef) are loaded right before encoding.
      loadOutlines(f, s.glyphs);
      return Buffer.from(s.encode());
    };
    expect(encode(lazy, true).equals(encode(font, false))).toBe(true);
  });

  it('shapes like the whole file without any outline', () => {
    const sparse = openSparseFont(file)!;
    const lazy = fontkit.create(sparse.bytes) as fontkit.Font;
    useOwnGlyfTable(lazy, sparse);
    const a = lazy.layout('“教育——专刊”', [], 'hani', 'ZHS ');
    const b = font.layout('“教育——专刊”', [], 'hani', 'ZHS ');
    expect(a.glyphs.map((g) => g.id)).toEqual(b.glyphs.map((g) => g.id));
    expect(a.positions).toEqual(b.positions);
  });

  it('reads many glyphs (near and far apart, read in spans) exactly, keeps them packed, and reads nothing between them', () => {
    const sparse = openSparseFont(file)!;
    const own = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const glyf = (font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables.glyf!;
    // Every 7th glyph of the first 3000 (gaps of a few hundred bytes) and every 997th after (far apart).
    const wanted = [...Array.from({ length: 430 }, (_, i) => 1 + i * 7), ...Array.from({ length: 60 }, (_, i) => 3000 + i * 997)].filter((g) => g < own.length - 1);
    sparse.loadOutlines(wanted);
    for (const g of wanted) {
      const [a, b] = [glyf.offset + own[g]!, glyf.offset + own[g + 1]!];
      expect(Buffer.from(sparse.outline(g)!).equals(whole.subarray(a, b))).toBe(true);
    }
    // A glyph nobody asked for (between two that were read together) is not there.
    const skipped = 1 + 3 * 7 + 3;
    expect(own[skipped + 1]!).toBeGreaterThan(own[skipped]!);
    expect(sparse.outline(skipped)).toBeUndefined();
    // Simple glyphs are not written where fontkit reads glyf: it still reads zeros, and no table was made.
    expect(sparse.glyfStream!().buffer.length).toBeLessThan(1024);
  });

  it('reads a composite glyph, writes it where fontkit reads it, and reads the glyphs it is made of', () => {
    // The Noto faces have no composites: one glyph of a copy is rewritten as one (two components).
    const own = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
    const glyf = (font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables.glyf!;
    const [composite, first, second] = gids as [number, number, number];
    expect(own[composite + 1]! - own[composite]!).toBeGreaterThanOrEqual(26);
    const copy = Buffer.from(whole);
    const at = glyf.offset + own[composite]!;
    copy.writeInt16BE(-1, at);
    // Component records: flags (word arguments, x/y values, more to come), glyph id, dx, dy.
    copy.writeUInt16BE(0x0001 | 0x0002 | 0x0020, at + 10);
    copy.writeUInt16BE(first, at + 12);
    copy.writeInt32BE(0, at + 14);
    copy.writeUInt16BE(0x0001 | 0x0002, at + 18);
    copy.writeUInt16BE(second, at + 20);
    copy.writeInt32BE(0, at + 22);
    const file = join(tmpdir(), `banmian-composite-${process.pid}.ttf`);
    writeFileSync(file, copy);
    const sparse = openSparseFont(file)!;
    sparse.loadOutlines([composite]);
    const bytesOf = (g: number) => copy.subarray(glyf.offset + own[g]!, glyf.offset + own[g + 1]!);
    expect(Buffer.from(sparse.outline(composite)!).equals(bytesOf(composite))).toBe(true);
    // fontkit reads the composite where glyf has it, to rewrite its component ids when subsetting.
    const table = sparse.glyfStream!().buffer as Uint8Array;
    expect(Buffer.from(table.subarray(own[composite]!, own[composite + 1]!)).equals(bytesOf(composite))).toBe(true);
    for (const g of [first, second]) {
      expect(Buffer.from(sparse.outline(g)!).equals(bytesOf(g))).toBe(true);
      // A simple glyph stays out of that table.
      expect(table.subarray(own[g]!, own[g + 1]!).some((x) => x !== 0)).toBe(false);
    }
    // Subsetting the composite through fontkit reads it there, and its components' outlines.
    const lazy = fontkit.create(sparse.bytes) as fontkit.Font;
    useOwnGlyfTable(lazy, sparse);
    const glyph = lazy.getGlyph(composite) as unknown as { _decode(): { numberOfContours: number; components: { glyphID: number }[] } };
    expect(glyph._decode().numberOfContours).toBe(-1);
    expect(glyph._decode().components.map((c) => c.glyphID)).toEqual([first, second]);
    expect(sparse.outline(gids[3]!)).toBeUndefined();
  });
});
