import type { Color, TextStyle } from '../model/style.js';
import type { Pt } from '../model/units.js';
import type { Page } from '../model/page.js';

/** Horizontal placement of a chrome line; `outer`/`inner` flip with the page side (odd pages are rectos). */
export type ChromeAlign = 'start' | 'center' | 'end' | 'outer' | 'inner';

/** A box: tint and/or frame, colours are palette roles. */
export interface BoxSpec {
  fill?: string;
  stroke?: string;
  /** Frame width in pt (0 = none). */
  lineWidth: Pt;
}

/** A rule as drawn: width in pt, colour role. */
export interface RuleSpec {
  width: Pt;
  color: string;
}

/**
 * Fixed furniture of a page (running heads, folios, rules, tints, lists). Text may hold
 * `{token}`s filled per page: publication, supplement, date, isoDate, weekday, district, folio, title.
 */
export type ChromeItem =
  /** One line of text; `y` is its baseline. */
  | { kind: 'text'; text: string; style: string; x: Pt; y: Pt; width: Pt; align: ChromeAlign; source: TemplateRef }
  | { kind: 'rule'; x1: Pt; y1: Pt; x2: Pt; y2: Pt; width: Pt; color: string }
  | { kind: 'rect'; x: Pt; y: Pt; width: Pt; height: Pt; box: BoxSpec }
  /**
   * One entry per article (cover: the districts inside; contents: titles and pages).
   * `text` may use title, kicker, subtitle, district, page; `page` (if set) is set flush right with a leader rule.
   */
  | {
      kind: 'list';
      text: string;
      style: string;
      x: Pt;
      y: Pt;
      width: Pt;
      /** Baseline-to-baseline distance between entries in pt. */
      step: Pt;
      align: ChromeAlign;
      page?: { text: string; style: string; leader?: RuleSpec };
      /** A label before the text in its own style and fixed width (contents: the district). */
      label?: { text: string; style: string; width: Pt };
      /** A second line under the text in a lighter style, drawn only when it fits on one line (contents: the subtitle). */
      sub?: { text: string; style: string };
      /** Put a link op over each entry pointing at the article's first page. */
      link: boolean;
      source: TemplateRef;
    };

/** Where a template value came from, for messages. */
export interface TemplateRef {
  file: string;
  line: number;
}

/** The body grid: everything in the flow sits on it. */
export interface GridSpec {
  /** Body style name: its size is the grid character, its leading the line pitch. */
  style: string;
  columns: number;
  /** Column width in body characters (an integer, so justified lines need no odd spacing). */
  columnChars: number;
  /** Gutter in body characters (≥ 1). */
  gutterChars: number;
  /** Grid lines per column. */
  lines: number;
  /** Top of the first grid line in pt from the page top. */
  top: Pt;
  /** Left edge of the type area in pt (resolved from `auto` = centred). */
  left: Pt;
}

/** The headline band on an article's first page. */
export interface HeadlineSpec {
  kicker: string;
  title: string;
  /** Title sizes tried largest first; the first that sets in ≤ maxLines lines wins. */
  titleSizes: Pt[];
  titleMaxLines: number;
  subtitle: string;
  /** Put before a subtitle that does not already start with a dash (通讯 convention: ——). */
  subtitlePrefix: string;
  rule?: RuleSpec;
}

export interface LeadSpec {
  style: string;
  labelStyle: string;
  /** Box for a labelled lead (核心提示). */
  box?: BoxSpec;
  /** Rule under an unlabelled lead (导语). */
  rule?: RuleSpec;
  /** Inner margin of the box in body characters. */
  insetChars: number;
}

export interface FigureSpec {
  /** Columns a figure spans by preference; falls back to fewer when the page has no room. */
  span: number;
  /** Placeholder height/width when the image size is unknown. */
  aspect: number;
  /** Largest picture height in grid lines. */
  maxLines: number;
  captionStyle: string;
  placeholder: { box: BoxSpec; mark: string; markStyle: string };
}

export interface PanelSpec {
  span: number;
  titleStyle: string;
  style: string;
  box: BoxSpec;
  insetChars: number;
}

/** One page master: plain data, validated. */
export interface PageTemplate {
  name: string;
  file: string;
  kind: Page['kind'];
  width: Pt;
  height: Pt;
  chrome: ChromeItem[];
  /** Article pages only. */
  grid?: GridSpec;
  columnRule?: RuleSpec;
  headline?: HeadlineSpec;
  lead?: LeadSpec;
  /** Section head style; heads are kept with ≥ `minLinesAfter` body lines. */
  heading?: { style: string; minLinesAfter: number };
  figure?: FigureSpec;
  panel?: PanelSpec;
  byline?: { style: string };
  credit?: { style: string };
}

/** booklet.yaml: the publication and the order of its parts. */
export interface BookletSpec {
  publication: string;
  supplement: string;
  /** Default issue date, ISO yyyy-mm-dd. */
  date: string;
  author: string;
  keywords: string[];
  order: Array<'cover' | 'contents' | 'features' | 'padding'>;
  /** Template names of the parts. */
  cover: string;
  contents: string;
  blank: string;
  back: string;
  /** Template used when an article names none. */
  defaultTemplate: string;
}

/** Everything layout needs from templates/: loaded and validated once. */
export interface Templates {
  dir: string;
  booklet: BookletSpec;
  styles: Record<string, TextStyle>;
  palette: Record<string, Color>;
  pages: Record<string, PageTemplate>;
}
