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
  /** Per-line style and structure id where lines differ (the byline and credit unit). */
  perLine?: Array<{ style: TextStyle; struct: string }>;
  /** Never split across columns (署名 and 图片提供 stay one unit). */
  whole?: boolean;
  /** Lines of the previous text unit that must stand in the same column before this one. */
  keepWithPrev?: number;
  /** An ornament drawn in the first line's indent, emitted just before that line (block quotes). */
  marker?: { line: Line; style: TextStyle };
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
  /**
   * The variants at most `slots` grid lines tall, preferred first, none below the block's
   * least size (a smaller cap leaves it there). Only for keeping an article's last floats
   * on a page with text: a placeholder has no size of its own, a picture keeps its proportions.
   */
  shrink?(slots: number): BlockVariant[];
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
  /**
   * A float (figure, panel): read before the page's columns, right after the page's
   * furniture, so a picture and its caption never interrupt a paragraph in the text order
   * (readers, search, copy and paste), not even one that runs on from the previous page.
   */
  float: boolean;
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
  /** occ[c * lines + s] = 1: grid line s of column c holds something. */
  occ: Uint8Array;
  /** Grid lines of text (not blocks) per column. */
  textLines: number[];
}

/** A float put at a fixed place before the text flows (last-page arrangement). */
export interface FixedFloat {
  unit: number;
  variant: BlockVariant;
  col: number;
  slot: number;
}

/** Choices the flow leaves open, used when arranging an article's last page. */
export interface FillOptions {
  /** Grid lines each column may use. */
  limits?: readonly number[];
  /** Floats placed first, at given places; the flow skips them. */
  fixed?: readonly FixedFloat[];
  /** A head unit that takes one more grid line of space above it. */
  grow?: number;
}

/** An article page before booklet assembly adds running heads and folios. */
export interface ArticlePage {
  template: PageTemplate;
  ops: DrawOp[];
  bookmarks: Bookmark[];
}
