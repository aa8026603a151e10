import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/font/book.js';
import { cmapLookup } from '../../src/font/cmap.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

interface Internals {
  directory: { tables: Record<string, { offset: number; length: number }> };
  _cmapProcessor: { lookup(cp: number): number };
}

/** The font read whole by fontkit alone: its own lookup is the reference. */
function reference(id: string) {
  const bytes = readFileSync(fonts.get(id).file);
  const font = fontkit.create(bytes) as unknown as Internals;
  return { bytes, table: font.directory.tables.cmap!, lookup: (cp: number) => font._cmapProcessor.lookup(cp) };
}

/** A cmap table holding only the subtable for (platform, encoding) of `bytes`' cmap. */
function onlySubtable(bytes: Buffer, table: { offset: number }, platform: number, encoding: number): Buffer | null {
  const n = bytes.readUInt16BE(table.offset + 2);
  for (let i = 0; i < n; i++) {
    const rec = table.offset + 4 + i * 8;
    if (bytes.readUInt16BE(rec) !== platform || bytes.readUInt16BE(rec + 2) !== encoding) continue;
    const sub = table.offset + bytes.readUInt32BE(rec + 4);
    const format = bytes.readUInt16BE(sub);
    const length = format === 4 ? bytes.readUInt16BE(sub + 2) : bytes.readUInt32BE(sub + 4);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(1, 2);
    header.writeUInt16BE(platform, 4);
    header.writeUInt16BE(encoding, 6);
    header.writeUInt32BE(12, 8);
    return Buffer.concat([header, bytes.subarray(sub, sub + length)]);
  }
  return null;
}

describe('cmap lookups read from the bytes', () => {
  it.each(fonts.ids)('map every BMP code point and a sweep of the others as fontkit does (%s)', (id) => {
    const ref = reference(id);
    const ours = cmapLookup(ref.bytes, ref.table.offset, ref.table.length);
    expect(ours).not.toBeNull();
    let mapped = 0;
    for (let cp = 0; cp <= 0xffff; cp++) {
      const want = ref.lookup(cp);
      if (ours!(cp) !== want) expect([cp, ours!(cp)]).toEqual([cp, want]);
      if (want) mapped++;
    }
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 37) if (ours!(cp) !== ref.lookup(cp)) expect([cp, ours!(cp)]).toEqual([cp, ref.lookup(cp)]);
    expect(mapped).toBeGreaterThan(20000);
  });

  it('reads a format 4 subtable (the fonts’ 16-bit one, on its own) as fontkit maps the BMP', () => {
    const ref = reference('serif');
    const table = onlySubtable(ref.bytes, ref.table, 3, 1);
    expect(table).not.toBeNull();
    expect(table!.readUInt16BE(12)).toBe(4);
    const ours = cmapLookup(table!, 0, table!.length)!;
    for (let cp = 0; cp <= 0xffff; cp++) if (ours(cp) !== ref.lookup(cp)) expect([cp, ours(cp)]).toEqual([cp, ref.lookup(cp)]);
  });

  it('is what the font book’s faces answer with', () => {
    const face = fonts.get('sans');
    const ref = reference('sans');
    for (const ch of '北碚“双减”——2025年AI课堂 STEM 98.6%！〓') expect(face.font.glyphForCodePoint(ch.codePointAt(0)!).id).toBe(ref.lookup(ch.codePointAt(0)!));
    expect(face.font.hasGlyphForCodePoint(0x10ffff)).toBe(false);
  });
});
