/**
 * Horizontal metrics straight from the hmtx bytes. fontkit's `glyph.advanceWidth` also works out
 * the vertical metrics, and without a vmtx table that decodes the glyph's outline header (and, the
 * first time, the whole loca table) for a number nobody here reads; its hmtx entries are decoded
 * one object at a time. Variable fonts (whose advances HVAR adjusts) are left to fontkit.
 */
import type * as fontkit from 'fontkit';

interface RawHmtx {
  bytes: Uint8Array;
  /** Offset of the hmtx table in `bytes`, its length, and the number of long metrics. */
  offset: number;
  length: number;
  longMetrics: number;
}

interface KitFontInternals {
  stream?: { buffer?: Uint8Array };
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  hhea?: { numberOfMetrics?: number };
  _variationProcessor?: unknown;
}

const raw = new WeakMap<fontkit.Font, RawHmtx | null>();

function rawHmtx(font: fontkit.Font): RawHmtx | null {
  let r = raw.get(font);
  if (r !== undefined) return r;
  r = null;
  const f = font as unknown as KitFontInternals;
  const bytes = f.stream?.buffer;
  const table = f.directory?.tables?.hmtx;
  const longMetrics = f.hhea?.numberOfMetrics;
  if (!f._variationProcessor && bytes && table && longMetrics && longMetrics > 0 && table.offset + table.length <= bytes.length && longMetrics * 4 <= table.length) {
    r = { bytes, offset: table.offset, length: table.length, longMetrics };
  }
  raw.set(font, r);
  return r;
}

const u16 = (b: Uint8Array, p: number) => (b[p]! << 8) | b[p + 1]!;
const i16 = (b: Uint8Array, p: number) => ((b[p]! << 24) >> 16) | b[p + 1]!;

/** Advance width of glyph `gid` in font units, exactly as `font.getGlyph(gid).advanceWidth`. */
export function advanceWidth(font: fontkit.Font, gid: number): number {
  const r = rawHmtx(font);
  if (!r) return font.getGlyph(gid).advanceWidth;
  return u16(r.bytes, r.offset + 4 * Math.min(gid, r.longMetrics - 1));
}

/**
 * Advance and left side bearing of glyph `gid`, as fontkit's `_getTableMetrics(hmtx)`;
 * undefined for a font this cannot read directly (variable fonts: fontkit adjusts their metrics).
 */
export function horizontalMetrics(font: fontkit.Font, gid: number): { advance: number; bearing: number } | undefined {
  const r = rawHmtx(font);
  if (!r) return undefined;
  const { bytes, offset, longMetrics } = r;
  if (gid < longMetrics) return { advance: u16(bytes, offset + 4 * gid), bearing: i16(bytes, offset + 4 * gid + 2) };
  const at = offset + 4 * longMetrics + 2 * (gid - longMetrics);
  return { advance: u16(bytes, offset + 4 * (longMetrics - 1)), bearing: at + 2 <= offset + r.length ? i16(bytes, at) : 0 };
}

/**
 * The glyph id `cp` maps to (0: none), from the cmap alone. fontkit's `glyphForCodePoint` also
 * builds (and keeps) a glyph object for it, which shaping a few thousand distinct ideographs per
 * face does not need.
 */
export function glyphIdFor(font: fontkit.Font, cp: number): number {
  const cmap = (font as unknown as { _cmapProcessor?: { lookup(cp: number): number } })._cmapProcessor;
  return cmap ? cmap.lookup(cp) : font.glyphForCodePoint(cp).id;
}
