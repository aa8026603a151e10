import { InputError } from '../model/source.js';
import type { Block } from '../model/article.js';
import type { DrawOp } from '../model/page.js';
import type { PageTemplate } from '../template/types.js';
import { composeText, styleOf } from './compose.js';
import { spanWidth, stackLines } from './grid.js';
import { probeImage, type ImageInfo } from './images.js';
import { blockUnit } from './shapes.js';
import type { BlockUnit, BlockVariant, Grid, LayoutContext } from './types.js';

type FigureBlock = Extract<Block, { kind: 'figure' }>;

/** Space between a figure and the text above it, in grid lines (the picture never touches a line). */
const GAP_ABOVE = 0.25;
/** Space between picture and caption, and below the caption, in grid lines. */
const GAP_CAPTION = 0.3;
const GAP_BELOW = 0.45;
/** A picture is at least this many grid lines tall, however wide the aspect. */
const MIN_PICTURE_LINES = 3;
/**
 * How far a real picture may be scaled down (share of its natural height) when that keeps
 * it on the page with the text that refers to it.
 */
const MIN_IMAGE_SCALE = 0.6;

/**
 * A figure as a float: a picture (or an honest placeholder) with its caption below, in
 * whole grid lines, spanning the template's preferred columns or fewer when space is short.
 */
export function figureUnit(block: FigureBlock, struct: string, articleId: string, tpl: PageTemplate, grid: Grid, ctx: LayoutContext): BlockUnit {
  const spec = tpl.figure!;
  const image: ImageInfo | null = block.src ? probeImage(block.src, ctx.seedsDir, articleId, block.source) : null;
  const aspect = image ? image.height / image.width : spec.aspect;
  const capStyle = styleOf(ctx, spec.captionStyle);
  const markStyle = styleOf(ctx, spec.placeholder.markStyle);
  const L = grid.pitch;
  // Per span: the natural size in grid lines and the least it may be shrunk to.
  const measures: Record<number, { width: number; caption: ReturnType<typeof composeText>; below: number; slots: number; least: number }> = {};
  const spans: number[] = [];
  for (let span = Math.min(spec.span, grid.columns); span >= 1; span--) {
    const width = spanWidth(grid, span);
    const caption = composeText(ctx, block.caption, capStyle, width, block.source);
    const capHeight = caption.length * capStyle.leading;
    const below = (caption.length ? GAP_CAPTION * L + capHeight : 0) + GAP_BELOW * L;
    const want = Math.min(width * aspect, spec.maxLines * L);
    const lines = (picture: number): number => (GAP_ABOVE * L + picture + below) / L;
    // Round the whole figure to grid lines; the picture frame absorbs the difference.
    const slots = Math.max(Math.round(lines(want)), Math.ceil(lines(MIN_PICTURE_LINES * L)));
    if (slots > grid.lines) continue;
    // A placeholder has no size of its own; a picture keeps its proportions and only so much of its size.
    const least = Math.min(slots, Math.ceil(lines(Math.max(MIN_PICTURE_LINES * L, image ? MIN_IMAGE_SCALE * want : 0)) - 1e-9));
    measures[span] = { width, caption, below, slots, least };
    spans.push(span);
  }
  /** The figure spanning `span` columns in `slots` grid lines; the picture frame takes what the caption leaves. */
  const variantOf = (span: number, slots: number): BlockVariant => {
    const { width, caption, below } = measures[span]!;
    const frame = slots * L - GAP_ABOVE * L - below;
    return {
      span,
      slots,
      draw: (x, top) => {
        const y = top + GAP_ABOVE * L;
        const ops: DrawOp[] = [];
        if (image) {
          // Fit inside the frame, keeping the picture's proportions.
          const w = Math.min(width, frame / aspect);
          const h = w * aspect;
          ops.push({ op: 'image', file: image.file, x: x + (width - w) / 2, y: y + (frame - h) / 2, width: w, height: h });
        } else {
          const b = spec.placeholder.box;
          ops.push({ op: 'rect', x, y, width, height: frame, fill: b.fill, stroke: b.stroke, lineWidth: b.lineWidth });
          const mark = composeText(ctx, spec.placeholder.mark, markStyle, width);
          if (mark[0]) ops.push(...stackLines([mark[0]], markStyle, x, y + frame / 2 - markStyle.leading / 2, 'Artifact').ops);
        }
        if (caption.length) ops.push(...stackLines(caption, capStyle, x, y + frame + GAP_CAPTION * L, 'Caption', struct).ops);
        return ops;
      },
    };
  };
  const variants = spans.map((span) => variantOf(span, measures[span]!.slots));
  if (variants.length === 0) {
    // Even one column is too tall for a page: only a runaway caption does that.
    throw new InputError(`article ${articleId}: figure caption too long to fit a column (${block.caption.length} characters)`, block.source);
  }
  // Never below the least size: a cap under it leaves the figure there.
  const shrink = (most: number): BlockVariant[] => spans.map((span) => variantOf(span, Math.max(measures[span]!.least, Math.min(measures[span]!.slots, most))));
  return blockUnit({ variants, float: true, shrink, keepNext: 0, struct, source: block.source });
}
