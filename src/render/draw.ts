/**
 * Draws one page's ops into its content stream. Coordinates stay as layout gave them (pt from
 * the trim's top-left, y down): PDFKit opens every page with a y-flip, and the print edition
 * adds one translation to the trim, so no op is transformed here.
 */
import type { DrawOp, Page } from '../model/page.js';
import type { Report } from '../model/source.js';
import type { Edition, Paint } from './editions.js';
import type { ImagePlacer } from './images.js';
import type { KitDocument } from './kit.js';
import { num } from './num.js';
import type { GlyphWriter } from './pdfGlyphs.js';
import type { Tagger } from './tagging.js';

/** Name of the overprint ExtGState in page resources. */
export const OVERPRINT_GS = 'GsOP';

export interface DrawContext {
  doc: KitDocument;
  edition: Edition;
  glyphs: GlyphWriter;
  tagger: Tagger;
  images: ImagePlacer;
  /** Every content string goes through here, so the document digest sees it. */
  write(s: string): void;
  /** Page dictionaries by booklet page index, for link destinations. */
  pageRefs: unknown[];
  /** The overprint ExtGState (print edition only). */
  overprint: unknown;
  report: Report;
}

function gsFor(ctx: DrawContext, p: Paint): string {
  if (!p.overprint) return '';
  ctx.doc.page.ext_gstates[OVERPRINT_GS] ??= ctx.overprint;
  return `/${OVERPRINT_GS} gs\n`;
}

function drawOp(ctx: DrawContext, page: Page, op: DrawOp): void {
  const { edition, tagger } = ctx;
  switch (op.op) {
    case 'text':
      // drawPage writes text ops itself, a paragraph's lines in one sequence (textRun): only empty ones come here.
      return;
    case 'rule': {
      const p = edition.paint(op.color, op.width < 2 ? 'line' : 'area');
      tagger.artifact(() => {
        ctx.write(
          `q\n${gsFor(ctx, p)}${p.stroke}\n${num(op.width)} w\n${num(op.x1)} ${num(op.y1)} m\n${num(op.x2)} ${num(op.y2)} l\nS\nQ`,
        );
      });
      return;
    }
    case 'rect': {
      if (!op.fill && !op.stroke) return;
      const fill = op.fill ? edition.paint(op.fill, 'area') : null;
      const stroke = op.stroke ? edition.paint(op.stroke, (op.lineWidth ?? 1) < 2 ? 'line' : 'area') : null;
      const paintOp = fill && stroke ? 'B' : fill ? 'f' : 'S';
      tagger.artifact(() => {
        let s = 'q\n';
        // Only a stroke-only box may overprint: a fill overprinting would leave the colour below visible.
        if (stroke && !fill) s += gsFor(ctx, stroke);
        if (fill) s += `${fill.fill}\n`;
        if (stroke) s += `${stroke.stroke}\n${num(op.lineWidth ?? 1)} w\n`;
        ctx.write(`${s}${num(op.x)} ${num(op.y)} ${num(op.width)} ${num(op.height)} re\n${paintOp}\nQ`);
      });
      return;
    }
    case 'image':
      tagger.figure(page, () => ctx.images.place(op));
      return;
    case 'link': {
      if (!edition.links) return;
      const target = ctx.pageRefs[op.page];
      if (!target) {
        ctx.report({ level: 'warning', message: `link to page ${op.page + 1}, which the booklet does not have` });
        return;
      }
      ctx.doc.annotate(op.x, op.y, op.width, op.height, {
        Subtype: 'Link',
        Dest: [target, 'Fit'],
        structParent: ctx.tagger.link(page),
      });
      return;
    }
  }
}

type TextOp = Extract<DrawOp, { op: 'text' }>;

function writeText(ctx: DrawContext, op: TextOp): void {
  const p = ctx.edition.paint(op.color, 'text');
  ctx.write(`q\n${gsFor(ctx, p)}${p.fill}\n${ctx.glyphs.run(op.x, op.y, op.size, op.glyphs)}\nQ`);
}

/**
 * How many ops from `i` are lines of one piece of text: consecutive text ops of one paragraph
 * (the same structure id and role), or of the page furniture. They share one marked-content
 * sequence: a paragraph's lines in a column are one span of content for its structure element,
 * not one each (fewer marked-content ids, a smaller parent tree).
 */
function textRun(ops: readonly DrawOp[], i: number): number {
  const first = ops[i]!;
  if (first.op !== 'text' || first.glyphs.length === 0) return 0;
  if (first.struct === undefined && first.role !== 'Artifact') return 1;
  let j = i + 1;
  for (; j < ops.length; j++) {
    const op = ops[j]!;
    if (op.op !== 'text' || op.glyphs.length === 0 || op.role !== first.role || op.struct !== first.struct) break;
  }
  return j - i;
}

/** All ops of one page, in order (their order is the reading order for tagging). */
export function drawPage(ctx: DrawContext, page: Page): void {
  const off = ctx.edition.offset;
  if (off) ctx.write(`q\n1 0 0 1 ${num(off)} ${num(off)} cm`);
  const ops = page.ops;
  for (let i = 0; i < ops.length; ) {
    const n = textRun(ops, i);
    if (n === 0) {
      drawOp(ctx, page, ops[i]!);
      i++;
      continue;
    }
    const first = ops[i] as TextOp;
    const end = i + n;
    ctx.tagger.text(page, first.role, first.struct, () => {
      for (let k = i; k < end; k++) writeText(ctx, ops[k] as TextOp);
    });
    i = end;
  }
  if (off) ctx.write('Q');
}

const nothing = (): void => undefined;

/**
 * The structure calls `drawPage` makes for this page, drawing nothing: a page whose content is
 * reused (pageMemo.ts) still gets its marked-content ids and structure elements, in the same order.
 * Keep in step with `drawPage` and `drawOp`.
 */
export function tagPage(ctx: DrawContext, page: Page): void {
  const ops = page.ops;
  for (let i = 0; i < ops.length; ) {
    const n = textRun(ops, i);
    const op = ops[i]!;
    if (n > 0) {
      ctx.tagger.text(page, (op as TextOp).role, (op as TextOp).struct, nothing);
      i += n;
      continue;
    }
    if (op.op === 'rule' || (op.op === 'rect' && (op.fill || op.stroke))) ctx.tagger.artifact(nothing);
    i++;
  }
}
