import type { Article } from '../model/article.js';
import type { Report, SourceRef } from '../model/source.js';
import type { Composer, Line } from '../model/line.js';
import type { Bookmark, DrawOp, TextRole } from '../model/page.js';
import type { TextStyle } from '../model/style.js';
import type { Pt } from '../model/units.js';
import type { PageTemplate, Templates } from '../template/types.js';

export type { Article };

/** What every layout step may consult: injected, never global. */
export interface LayoutContext {
  templates: Templates;
  composer: Composer;
  /** Absolute or relative seeds folder; figure sources must stay inside it. */
  seedsDir: string;
  report: Report;
}

/** The body grid of one page template, resolved to pt. */
export interface Grid {
  columns: number;
  /** Grid lines per column. */
  lines: number;
  /** Line pitch (body leading) in pt. */
  pitch: Pt;
  /** Body character size in pt. */
  em: Pt;
  colWidth: Pt;
  gutter: Pt;
  left: Pt;
  top: Pt;
  typeWidth: Pt;
  /** Left edge of each column. */
  colX: Pt[];
}

/** A run of body-grid lines: one grid line per composed line. */
export interface TextUnit {
  kind: 'text';
  lines: Line[];
  style: TextStyle;
  role: TextRole;
  /** Structure id shared by all lines of one paragraph (tagging, fidelity checks). */
  struct: string;
  source: SourceRef;
}

/** One way to set a block: how many columns it spans and how many grid lines it takes. */
export interface BlockVariant {
  span: number;
  slots: number;
  /** Ops for the block with its top-left corner at (x, top). */
  draw(x: Pt, top: Pt): DrawOp[];
  bookmarks?(top: Pt): Bookmark[];
}

/** Something placed whole: a section head, a figure, a panel. */
export interface BlockUnit {
  kind: 'block';
  /** Preferred first; later variants are narrower fallbacks. */
  variants: BlockVariant[];
  /** Floats may wait for a later column head while text flows on (figures, panels). */
  float: boolean;
  /** Body lines that must follow in the same column (keep-with-next for heads); 0 = none. */
  keepNext: number;
  struct: string;
  source: SourceRef;
}

export type Unit = TextUnit | BlockUnit;

/** Where the flow stands between pages. */
export interface FlowState {
  /** Next unit to place. */
  unit: number;
  /** Next line inside a text unit. */
  line: number;
  /** Floats waiting for a column head, in order. */
  pending: number[];
}

/** One thing put on the grid: a column, a first grid line, its ops. */
export interface Placed {
  col: number;
  slot: number;
  ops: DrawOp[];
  bookmarks: Bookmark[];
}

/** The outcome of filling one page. */
export interface PageFill {
  placed: Placed[];
  end: FlowState;
  /** Used grid lines per column: index of the last occupied line + 1. */
  heights: number[];
  /** crossed[g][s]: a block spans gutter g at grid line s (the column rule stops there). */
  crossed: boolean[][];
  /** Grid lines at the top of every column taken by the headline band and lead. */
  reserved: number;
}

/** An article page before booklet assembly adds running heads and folios. */
export interface ArticlePage {
  template: PageTemplate;
  ops: DrawOp[];
  bookmarks: Bookmark[];
}
