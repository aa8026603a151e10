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
