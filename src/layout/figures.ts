import { InputError } from '../model/source.js';
import type { Block } from '../model/article.js';
import type { DrawOp } from '../model/page.js';
import type { PageTemplate } from '../template/types.js';
import { composeText, styleOf } from './compose.js';
import { spanWidth, stackLines } from './grid.js';
import { probeImage, type ImageInfo } from './images.js';
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
  const variants: BlockVariant[] = [];
  for (let span = Math.min(spec.span, grid.columns); span >= 1; span--) {
    const width = spanWidth(grid, span);
    const caption = composeText(ctx, block.caption, capStyle, width, block.source);
    const capHeight = caption.length * capStyle.leading;
    const below = (caption.length ? GAP_CAPTION * L + capHeight : 0) + GAP_BELOW * L;
    const want = Math.min(width * aspect, spec.maxLines * L);
    // Round the whole figure to grid lines; the picture frame absorbs the difference.
    const slots = Math.max(Math.round((GAP_ABOVE * L + want + below) / L), Math.ceil((GAP_ABOVE * L + MIN_PICTURE_LINES * L + below) / L));
    if (slots > grid.lines) continue;
    const frame = slots * L - GAP_ABOVE * L - below;
    variants.push({
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
          if (mark[0]) ops.push(...stackLines([mark[0]], markStyle, x, y + frame / 2 - markStyle.leading / 2, width, 'Artifact').ops);
        }
        if (caption.length) ops.push(...stackLines(caption, capStyle, x, y + frame + GAP_CAPTION * L, width, 'Caption', struct).ops);
        return ops;
      },
    });
  }
  if (variants.length === 0) {
    // Even one column is too tall for a page: only a runaway caption does that.
    throw new InputError(`article ${articleId}: figure caption too long to fit a column (${block.caption.length} characters)`, block.source);
  }
  return { kind: 'block', variants, float: true, keepNext: 0, struct, source: block.source };
}
