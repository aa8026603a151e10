/**
 * The fast path for Chinese runs. fontkit's `layout()` costs tens of microseconds per
 * character (GSUB/GPOS lookups over the whole run); Han ideographs in the Noto CJK faces are
 * context-free — one cmap lookup, the hmtx advance, no offsets — so they are mapped directly.
 * Everything else in a Chinese run (punctuation, dashes, ellipses, brackets) is cut into
 * pieces between ideographs and each distinct piece is shaped once with the real `layout()`
 * (script `hani`, language `ZHS`), so `——` stays one 2-em glyph and quotes stay full-width.
 *
 * test/shape/fast.test.ts checks that this gives the same glyphs and advances as shaping
 * the whole run with `layout()`, for every paragraph of the seeds.
 */
import type { Face } from '../font/book.js';
import { advanceWidth, glyphIdFor } from '../font/metrics.js';
import type { ShapedCluster, ShapedGlyph } from './shape.js';

/** CJK Unified Ideographs, Extension A, and Extensions B–F (the planes the faces cover). */
export function isIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ebef);
}

/**
 * Characters that change how their neighbour is shaped (variation selectors, joiners,
 * combining marks): a run with any of them goes through `layout()` whole.
 */
function isContextual(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x3099 && cp <= 0x309a) ||
    cp === 0x200c ||
    cp === 0x200d
  );
}

/** Per face: ideograph code point → its one-glyph array (shared, never mutated). */
const ideographs = new WeakMap<Face, Map<number, ShapedGlyph[]>>();
/** Per face: a piece of non-ideograph text → its clusters from `layout()` (offsets from 0). */
const pieces = new WeakMap<Face, Map<string, ShapedCluster[]>>();

/** The one-glyph array for an ideograph (shared by every cluster of it, never changed). */
function ideograph(face: Face, m: Map<number, ShapedGlyph[]>, cp: number): ShapedGlyph[] {
  let g = m.get(cp);
  if (!g) {
    const gid = glyphIdFor(face.font, cp);
    g = [{ face: face.id, gid, advance: advanceWidth(face.font, gid) / face.unitsPerEm, dx: 0, dy: 0 }];
    m.set(cp, g);
  }
  return g;
}

/**
 * Shapes a `hani` run, or returns null when it must go through `layout()` whole.
 * `full` is the real shaper, used for the pieces between ideographs.
 */
export function shapeHanRun(face: Face, text: string, full: (text: string) => ShapedCluster[]): ShapedCluster[] | null {
  const out: ShapedCluster[] = [];
  return shapeHanInto(face, text, 0, text.length, full, out) ? out : null;
}

/**
 * Shapes `text[start, end)` as a `hani` run, appending its clusters (offsets into `text`) to `out`.
 * Returns false, with `out` as it was, when the run must go through `layout()` whole. Writing
 * into the paragraph's own array spares a second cluster object per character.
 */
export function shapeHanInto(face: Face, text: string, start: number, end: number, full: (text: string) => ShapedCluster[], out: ShapedCluster[]): boolean {
  let m = pieces.get(face);
  if (!m) pieces.set(face, (m = new Map()));
  let glyphOf = ideographs.get(face);
  if (!glyphOf) ideographs.set(face, (glyphOf = new Map()));
  const before = out.length;
  let pieceStart = -1;
  const flush = (to: number) => {
    const piece = text.slice(pieceStart, to);
    let shaped = m.get(piece);
    if (!shaped) m.set(piece, (shaped = full(piece)));
    // Glyph arrays are shared, never changed (composition copies what it positions).
    for (const c of shaped) out.push({ start: c.start + pieceStart, end: c.end + pieceStart, glyphs: c.glyphs, advance: c.advance });
    pieceStart = -1;
  };
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (isContextual(cp)) {
      out.length = before;
      return false;
    }
    if (isIdeograph(cp)) {
      if (pieceStart >= 0) flush(i);
      const glyphs = ideograph(face, glyphOf, cp);
      out.push({ start: i, end: i + len, glyphs, advance: glyphs[0]!.advance });
    } else if (pieceStart < 0) {
      pieceStart = i;
    }
    i += len;
  }
  if (pieceStart >= 0) flush(end);
  return true;
}
