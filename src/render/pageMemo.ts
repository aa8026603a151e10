/**
 * Page content by what the page draws. A watch rebuild after a one-paragraph edit draws the same
 * ops on most pages: the article's ops are reused whole, and the running heads and folios are
 * made again from the same composed lines (the same glyph arrays). When the document also numbers
 * its glyphs the same way and has the same palette, such a page's content stream is the last
 * build's, byte for byte. What drawing does besides writing content is replayed by the caller:
 * the marked-content structure (draw.ts `tagPage`) and the page's font and graphics-state
 * resources, recorded here.
 */
import type { DrawOp, Page } from '../model/page.js';

export interface PageContent {
  /** The ops drawn, by reference (a text op's glyph array too), on a page of this size. */
  ops: readonly DrawOp[];
  width: number;
  height: number;
  /** The page's index in its document. */
  index: number;
  /** Edition, palette and glyph numbering of the document it was drawn in. */
  context: string;
  /** The content stream, deflated, and the SHA-256 of its plain text (for the document digest). */
  deflated: Buffer;
  digest: Buffer;
  /** Resource names the page used: fonts (`F1`, …) and graphics states. */
  fonts: string[];
  gstates: string[];
}

/** Same op: the same object, or the same fields with glyph arrays compared by reference. */
function sameOp(a: DrawOp, b: DrawOp): boolean {
  if (a === b) return true;
  if (a.op !== b.op) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

/** Links and images have effects besides content (annotations, image objects): such pages are drawn afresh. */
export function reusablePage(page: Page): boolean {
  return page.ops.every((op) => op.op !== 'link' && op.op !== 'image');
}

/** The pages drawn by the last document of each edition. */
export class PageMemo {
  private last = new Map<string, PageContent[]>();
  private next = new Map<string, PageContent[]>();

  /** The content of a page drawn like `page`, looked for first where `page` stood last time (its index). */
  find(edition: string, context: string, page: Page, index: number): PageContent | undefined {
    const last = this.last.get(edition);
    if (!last) return undefined;
    const same = (p: PageContent | undefined): boolean =>
      !!p && p.context === context && p.width === page.width && p.height === page.height && p.ops.length === page.ops.length && p.ops.every((op, i) => sameOp(op, page.ops[i]!));
    const there = last.find((p) => p.index === index);
    return same(there) ? there : last.find((p) => p !== there && same(p));
  }

  /** A document of `edition` starts (what an unfinished one kept is dropped). */
  begin(edition: string): void {
    this.next.set(edition, []);
  }

  keep(edition: string, content: PageContent): void {
    let list = this.next.get(edition);
    if (!list) this.next.set(edition, (list = []));
    list.push(content);
  }

  /** The document of `edition` is finished: its pages are the ones to compare with next time. */
  finish(edition: string): void {
    this.last.set(edition, this.next.get(edition) ?? []);
    this.next.delete(edition);
  }
}
