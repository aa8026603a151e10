import type { FontBook } from './book.js';

/** Per face: code point → whether the face has a glyph for it (cmap lookups are cheap, but not free). */
const coverage = new WeakMap<object, Map<number, boolean>>();

/** Whether face `id` of the book maps code point `cp` to a real glyph. */
export function faceHas(fonts: FontBook, id: string, cp: number): boolean {
  const face = fonts.get(id);
  let m = coverage.get(face.font);
  if (!m) {
    m = new Map();
    coverage.set(face.font, m);
  }
  let has = m.get(cp);
  if (has === undefined) {
    has = face.font.hasGlyphForCodePoint(cp);
    m.set(cp, has);
  }
  return has;
}

/**
 * The face to draw `cp` with: the style's face if it has it, else the first of `fonts.fallbacks`
 * that does, else `undefined` (no face has it; the caller reports and substitutes).
 */
export function faceFor(fonts: FontBook, primary: string, cp: number): string | undefined {
  if (faceHas(fonts, primary, cp)) return primary;
  for (const id of fonts.fallbacks) if (id !== primary && faceHas(fonts, id, cp)) return id;
  return undefined;
}
