import type { Face } from '../font/book.js';
import { LruCache } from './cache.js';
import { shapeHanInto } from './fast.js';

/** One glyph of a shaped run, size-independent. */
export interface ShapedGlyph {
  /** Face id in the font book. */
  face: string;
  gid: number;
  /** Advance in em (font units / unitsPerEm). */
  advance: number;
  /** GPOS placement in em. */
  dx: number;
  dy: number;
}

/** The glyphs standing for one piece of source text (one character, or a ligature's characters). */
export interface ShapedCluster {
  /** UTF-16 offsets into the run's text: [start, end). */
  start: number;
  end: number;
  glyphs: ShapedGlyph[];
  /** Sum of the glyph advances in em. */
  advance: number;
}

/** OpenType script tag for a run: Chinese runs get `hani` + `ZHS` so `——` is a 2-em glyph and quotes are full-width. */
export type ShapeScript = 'hani' | 'latn';

/** How many runs shaped by `layout()` to keep: every Latin run and number of a booklet, in every face it is set in. */
export const SHAPE_CACHE_SIZE = 20000;

const cache = new LruCache<string, ShapedCluster[]>(SHAPE_CACHE_SIZE);

/** A run through fontkit's `layout()`, cached per (face file, script, text) for the life of the process. */
function laidOutRun(face: Face, text: string, script: ShapeScript): ShapedCluster[] {
  const key = `${face.file}\u0000${face.id}\u0000${script}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const clusters = layoutRun(face, text, script);
  cache.set(key, clusters);
  return clusters;
}

/**
 * Shapes `text[start, end)` with one face, appending its clusters (offsets into `text`) to `out`.
 * Chinese runs take the fast path of fast.ts and are not kept: redoing them costs less than
 * keeping a cluster per character alive (the line cache keeps what was composed from them).
 * Runs that need the real shaper (Latin, numbers, pieces between ideographs) are cached.
 */
export function shapeRunInto(face: Face, text: string, start: number, end: number, script: ShapeScript, out: ShapedCluster[]): void {
  if (script === 'hani' && shapeHanInto(face, text, start, end, (piece) => laidOutRun(face, piece, script), out)) return;
  for (const c of laidOutRun(face, text.slice(start, end), script)) out.push({ start: c.start + start, end: c.end + start, glyphs: c.glyphs, advance: c.advance });
}

/** Shapes `text` with one face (offsets from 0). */
export function shapeRun(face: Face, text: string, script: ShapeScript): ShapedCluster[] {
  const out: ShapedCluster[] = [];
  shapeRunInto(face, text, 0, text.length, script, out);
  return out;
}

/** Shapes `text` with fontkit's full OpenType shaper, uncached (the reference the fast path must match). */
export function layoutRun(face: Face, text: string, script: ShapeScript): ShapedCluster[] {
  const run = face.font.layout(text, [], script, script === 'hani' ? 'ZHS ' : 'dflt');
  const upem = face.unitsPerEm;
  const clusters: ShapedCluster[] = [];
  let offset = 0;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i]!;
    const glyph: ShapedGlyph = { face: face.id, gid: g.id, advance: p.xAdvance / upem, dx: p.xOffset / upem, dy: p.yOffset / upem };
    const units = g.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
    const prev = clusters[clusters.length - 1];
    // Marks and glyphs with no characters of their own belong to the cluster before them.
    if (prev && (units === 0 || g.isMark)) {
      prev.glyphs.push(glyph);
      prev.advance += glyph.advance;
      prev.end += units;
    } else {
      clusters.push({ start: offset, end: offset + units, glyphs: [glyph], advance: glyph.advance });
    }
    offset += units;
  });
  // A shaper that consumed fewer code units than the text has (should not happen) must not lose text.
  const last = clusters[clusters.length - 1];
  if (last && offset < text.length) last.end = text.length;
  return clusters;
}

/** Empties the run cache (tests). */
export function clearShapeCache(): void {
  cache.clear();
}
