/**
 * A TrueType subset for a PDF font program: the tables PDF asks for (head, hhea, loca, maxp,
 * cvt, prep, glyf, hmtx, fpgm) with the glyphs renumbered in subset order. It writes the same
 * bytes as fontkit's TTFSubset.encode (a test compares them), by copying tables and outlines
 * instead of decoding and re-encoding them through restructure, which in a fresh process takes
 * ~20 ms for a booklet's seven subsets.
 *
 * Glyph outlines are copied as they are, so a composite glyph (whose component ids would need
 * renumbering) or a variable font is left to fontkit: `null`.
 */
import type * as fontkit from 'fontkit';
import { outlineOf } from './book.js';
import { horizontalMetrics } from './metrics.js';

interface KitFontTables {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { version: number; offsets: ArrayLike<number> };
  _variationProcessor?: unknown;
}

/** The tables in the order fontkit writes them (the order of its table object). */
const ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/**
 * A glyph whose outline can be copied as it is: its bytes and horizontal metrics. Null for a
 * composite (its component ids would need renumbering), or a glyph of a font whose metrics or
 * glyph table this does not read directly (variable fonts).
 */
export function copiableGlyph(font: fontkit.Font, gid: number): { outline: Uint8Array; advance: number; bearing: number } | null {
  const f = font as unknown as KitFontTables;
  const glyf = f.directory?.tables?.glyf;
  const bytes = f.stream?.buffer;
  const metrics = horizontalMetrics(font, gid);
  const cur = f.loca.offsets[gid];
  const next = f.loca.offsets[gid + 1];
  if (!glyf || !bytes || !metrics || cur === undefined || next === undefined || next < cur) return null;
  // A font read sparsely keeps its outlines on the side (font/sparse.ts); one read whole, in its bytes.
  const outline = outlineOf(font, gid) ?? bytes.subarray(glyf.offset + cur, glyf.offset + next);
  // numberOfContours < 0: a composite glyph.
  if (outline.length >= 2 && outline[0]! & 0x80) return null;
  return { outline, advance: metrics.advance, bearing: metrics.bearing };
}

export function encodeSubset(font: fontkit.Font, glyphs: readonly number[]): Uint8Array | null {
  const f = font as unknown as KitFontTables;
  const dir = f.directory?.tables;
  const bytes = f.stream?.buffer;
  if (!dir || !bytes || f._variationProcessor || !dir.head || !dir.hhea || !dir.maxp || !dir.glyf) return null;
  // A short loca stores offsets halved: unpadded outlines (copied as they are) may not fit it.
  if (f.loca.version !== 1) return null;
  const outlines: Uint8Array[] = [];
  const advances = new Uint8Array(glyphs.length * 4);
  const view = new DataView(advances.buffer);
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = copiableGlyph(font, glyphs[i]!);
    if (!glyph) return null;
    outlines.push(glyph.outline);
    view.setUint16(i * 4, glyph.advance);
    view.setInt16(i * 4 + 2, glyph.bearing);
  }

  const raw = (tag: string): Uint8Array | null => {
    const t = dir[tag];
    return t && t.length > 0 ? bytes.subarray(t.offset, t.offset + t.length) : null;
  };
  const patched = (tag: string, at: number, value: number): Uint8Array => {
    const copy = Uint8Array.from(raw(tag)!);
    new DataView(copy.buffer).setUint16(at, value);
    return copy;
  };
  let glyfLength = 0;
  for (const o of outlines) glyfLength += o.length;
  const locaBytes = new Uint8Array((glyphs.length + 1) * 4);
  const locaView = new DataView(locaBytes.buffer);
  for (let i = 0, at = 0; i <= glyphs.length; i++) {
    locaView.setUint32(i * 4, at);
    if (i < glyphs.length) at += outlines[i]!.length;
  }
  const tables: Record<(typeof ORDER)[number], Uint8Array | readonly Uint8Array[] | null> = {
    // indexToLocFormat (offset 50) stays the font's own: long.
    head: raw('head'),
    // numberOfHMetrics: every subset glyph has a full metric.
    hhea: patched('hhea', 34, glyphs.length),
    loca: locaBytes,
    // numGlyphs.
    maxp: patched('maxp', 4, glyphs.length),
    'cvt ': raw('cvt '),
    prep: raw('prep'),
    glyf: outlines,
    hmtx: advances,
    fpgm: raw('fpgm'),
  };
  const present = ORDER.filter((tag) => tables[tag] !== null);
  const sizeOf = (t: Uint8Array | readonly Uint8Array[]): number => (t instanceof Uint8Array ? t.length : glyfLength);
  const header = 12 + 16 * present.length;
  let total = header;
  for (const tag of present) total += sizeOf(tables[tag]!);
  const out = new Uint8Array(total);
  const o = new DataView(out.buffer);
  // fontkit writes the 'true' tag, no checksums and no padding between tables.
  out.set([0x74, 0x72, 0x75, 0x65], 0);
  const n = present.length;
  const power = 2 ** Math.floor(Math.log2(n));
  o.setUint16(4, n);
  o.setUint16(6, power * 16);
  o.setUint16(8, Math.log2(power));
  o.setUint16(10, n * 16 - power * 16);
  let at = header;
  present.forEach((tag, i) => {
    const t = tables[tag]!;
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    o.setUint32(rec + 8, at);
    o.setUint32(rec + 12, sizeOf(t));
    if (t instanceof Uint8Array) {
      out.set(t, at);
      at += t.length;
    } else {
      for (const piece of t) {
        out.set(piece, at);
        at += piece.length;
      }
    }
  });
  return out;
}
