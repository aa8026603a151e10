import type { SourceRef } from './source.js';
import type { TextStyle } from './style.js';
import type { Pt } from './units.js';

/** One glyph where composition put it. */
export interface PlacedGlyph {
  /** Face id in the font book (may be a fallback face, not the style's). */
  face: string;
  /** Glyph id in that face. */
  gid: number;
  /** Left edge of the glyph's advance box, in pt from the line's start. */
  x: Pt;
  /** Vertical offset from the baseline in pt, positive up (GPOS y placement). */
  dy: Pt;
  /** The glyph's own advance at this size in pt (the width the PDF font dictionary gives it). */
  advance: Pt;
  /** The source characters this glyph stands for (for copy and paste); '' for the 2nd glyph of a cluster. */
  text: string;
}

/** A composed line: glyphs positioned on one baseline. */
export interface Line {
  glyphs: PlacedGlyph[];
  /** Font size in pt of the line's style. */
  size: Pt;
  /** The measure the line was set to, in pt. */
  measure: Pt;
  /** Right edge of the last glyph's visible advance in pt (≤ measure unless hanging). */
  width: Pt;
  /** UTF-16 offsets into the paragraph text: [start, end). */
  start: number;
  end: number;
  /** The paragraph's last line (not justified). */
  last: boolean;
}

/** What layout asks of composition: one paragraph, one style, one measure. */
export interface ComposeRequest {
  text: string;
  style: TextStyle;
  /** Line length in pt. */
  measure: Pt;
  /** For messages: where the paragraph came from. */
  source?: SourceRef;
}

/** Composition as layout sees it: injected, so layout tests can use a fake with fixed widths. */
export interface Composer {
  compose(req: ComposeRequest): Line[];
}

let shapeKeeper: [PlacedGlyph, Line] | null = null;

/**
 * Makes one glyph record, first, with fractional positions, and keeps it. V8 gives all objects built
 * with these properties in this order one hidden-class chain and fixes each field's representation
 * from the first values it sees: a first glyph at x = 0 would make `x` a small-integer field, and the
 * next fractional x would deprecate the class and migrate every glyph record built so far (some
 * 60,000 in a booklet; a whole cached booklet read back in a fresh process). Called by composition and
 * by the line cache before either builds one.
 */
export function primeGlyphRecords(): void {
  // The same for lines (a few thousand), whose sizes and widths are fractional too.
  shapeKeeper ??= [
    { face: '', gid: 0, x: 0.5, dy: 0.5, advance: 0.5, text: '' },
    { glyphs: [], size: 0.5, measure: 0.5, width: 0.5, start: 0, end: 0, last: false },
  ];
}
