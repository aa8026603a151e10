import type { PlacedGlyph } from './line.js';
import type { Pt } from './units.js';

/** Structure role of a text op, for tagged PDF and reading order. */
export type TextRole = 'H1' | 'H2' | 'H3' | 'P' | 'Lead' | 'Caption' | 'Byline' | 'Artifact';

/**
 * Positioned drawing primitives: the only input of the renderer.
 * Coordinates in pt from the page's top-left corner (trim box); y grows downwards.
 */
export type DrawOp =
  /** A run of glyphs on one baseline at (x, y). */
  | { op: 'text'; x: Pt; y: Pt; size: Pt; color: string; glyphs: PlacedGlyph[]; role: TextRole; struct?: string }
  | { op: 'rule'; x1: Pt; y1: Pt; x2: Pt; y2: Pt; width: Pt; color: string }
  | { op: 'rect'; x: Pt; y: Pt; width: Pt; height: Pt; fill?: string; stroke?: string; lineWidth?: Pt }
  /** An image file (absolute path, already checked to lie inside the seeds folder). */
  | { op: 'image'; file: string; x: Pt; y: Pt; width: Pt; height: Pt }
  /** A clickable area that jumps to another page (index into Booklet.pages). */
  | { op: 'link'; x: Pt; y: Pt; width: Pt; height: Pt; page: number };

/** An outline entry pointing into a page. */
export interface Bookmark {
  title: string;
  /** 1 = article, 2 = section head. */
  level: 1 | 2;
  /** Top of the target in pt from the page top. */
  y: Pt;
}

export interface Page {
  /** Trim size in pt. */
  width: Pt;
  height: Pt;
  kind: 'cover' | 'contents' | 'article' | 'blank' | 'back';
  /** Printed page number, or null where none is printed. */
  folio: number | null;
  articleId?: string;
  ops: DrawOp[];
  bookmarks: Bookmark[];
}

/** Document-level information for PDF metadata. */
export interface BookletMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  lang: string;
  /** Issue date, ISO yyyy-mm-dd; also the PDF's creation date unless told otherwise. */
  date: string;
}

/** The laid-out booklet: what layout gives the renderer. */
export interface Booklet {
  meta: BookletMeta;
  pages: Page[];
  /** Colour roles used by ops, resolved per edition. */
  palette: Record<string, import('./style.js').Color>;
}
