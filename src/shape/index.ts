import type { FontBook } from '../font/book.js';
import { itemize } from './itemize.js';
import { LruCache } from './cache.js';
import { clearShapeCache as clearRunCache, shapeRun, shapeRunInto, type ShapedCluster } from './shape.js';

export { shapeRun, layoutRun, SHAPE_CACHE_SIZE } from './shape.js';
export { shapeHanRun, isIdeograph } from './fast.js';
export type { ShapedCluster, ShapedGlyph, ShapeScript } from './shape.js';
export { itemize } from './itemize.js';
export type { ShapeRunSpec } from './itemize.js';
export { LruCache } from './cache.js';

/** How many shaped paragraphs `shapeParagraph` remembers. */
const PARAGRAPH_MEMORY = 32;
/**
 * The last paragraphs shaped, per (face, text). Composing asks for a paragraph again right away (the
 * line cache checks it for missing characters; a title is tried at several sizes). A longer memory
 * would keep a cluster per character alive for nothing: composed lines are cached by the line cache.
 */
const paragraphs = new LruCache<string, ShapedParagraph>(PARAGRAPH_MEMORY);

/**
 * Placeholder drawn for a character no face has: 〓 (geta mark), the traditional Chinese
 * compositor's sign for a missing sort; the source character stays in the glyph's text.
 */
export const MISSING_PLACEHOLDER = '〓';



/** A paragraph shaped: clusters in text order with paragraph offsets, plus what no font could draw. */
export interface ShapedParagraph {
  clusters: ShapedCluster[];
  /** UTF-16 offsets of characters no face has. */
  missing: number[];
}

/** Shapes a whole paragraph in the style's face, with per-character fallback faces. */
export function shapeParagraph(fonts: FontBook, face: string, text: string): ShapedParagraph {
  const key = `${fonts.get(face).file}\u0000${face}\u0000${text}`;
  const hit = paragraphs.get(key);
  if (hit) return hit;
  // Line ends and tabs inside a paragraph are word spaces; same length keeps offsets stable.
  const clean = text.replace(/[\t\n\r]/g, ' ');
  const clusters: ShapedCluster[] = [];
  const missing: number[] = [];
  for (const run of itemize(fonts, face, clean)) {
    if (run.missing) {
      const part = clean.slice(run.start, run.end);
      const ph = shapeRun(fonts.get(run.face), MISSING_PLACEHOLDER, 'hani')[0];
      for (let i = 0; i < part.length; ) {
        const len = part.codePointAt(i)! > 0xffff ? 2 : 1;
        missing.push(run.start + i);
        clusters.push({ start: run.start + i, end: run.start + i + len, glyphs: ph ? ph.glyphs : [], advance: ph ? ph.advance : 1 });
        i += len;
      }
      continue;
    }
    shapeRunInto(fonts.get(run.face), clean, run.start, run.end, run.script, clusters);
  }
  const shaped = { clusters, missing };
  paragraphs.set(key, shaped);
  return shaped;
}

/** Empties the shaping caches (tests, measurements). */
export function clearShapeCache(): void {
  clearRunCache();
  paragraphs.clear();
}
