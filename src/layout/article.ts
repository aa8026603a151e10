import type { Article } from '../model/article.js';
import { InputError } from '../model/source.js';
import type { DrawOp } from '../model/page.js';
import type { PageTemplate } from '../template/types.js';
import { balancePage } from './balance.js';
import { columnRules } from './columns.js';
import { fillPage, isDone } from './flow.js';
import { gridOf } from './grid.js';
import { headlineBand } from './headline.js';
import { mendLastTurn } from './lastturn.js';
import type { ArticlePage, FlowState, LayoutContext, Unit } from './types.js';
import { buildUnits } from './units.js';

/** The page template an article asks for (front matter `template:`), or the booklet default. */
export function templateFor(article: Article, ctx: LayoutContext): PageTemplate {
  const name = article.meta.template ?? ctx.templates.booklet.defaultTemplate;
  const tpl = ctx.templates.pages[name];
  if (!tpl || tpl.kind !== 'article') {
    const known = Object.values(ctx.templates.pages).filter((t) => t.kind === 'article').map((t) => t.name);
    throw new InputError(`article ${article.id}: unknown template '${name}' (article templates: ${known.join(', ')})`, article.source);
  }
  return tpl;
}

/**
 * Lay out one article: the headline band on its first page, the body flowing column to
 * column and page to page, the last page balanced. Every page comes from the article's
 * template; running heads and folios are added when the booklet is assembled.
 */
export function layoutArticle(article: Article, ctx: LayoutContext): ArticlePage[] {
  const tpl = templateFor(article, ctx);
  const grid = gridOf(tpl, ctx.templates);
  const band = headlineBand(article, tpl, grid, ctx);
  const leadIndex = band.leadInBand ? article.blocks.findIndex((b) => b.kind === 'lead') : -1;
  const units = buildUnits(article, tpl, grid, ctx, leadIndex);

  const pages: ArticlePage[] = [];
  let state: FlowState = { unit: 0, line: 0, pending: [] };
  do {
    const first = pages.length === 0;
    const reserved = first ? band.slots : 0;
    let fill = fillPage(units, grid, reserved, state);
    if (!first && !progressed(state, fill.end)) throw stuck(article, units, state);
    // Never a last page of floats, a byline or a few lines alone: fit them here or carry text on with them.
    const mended = mendLastTurn(units, grid, reserved, state, fill);
    if (mended) fill = mended;
    else if (isDone(fill.end, units)) fill = balancePage(units, grid, reserved, state, fill);
    // Reading order: heads, the page's floats, then column by column, top to bottom.
    const key = (p: (typeof fill.placed)[number]): number => (p.float ? -1e4 : 0) + p.col * 1e3 + p.slot;
    const placed = [...fill.placed].sort((a, b) => key(a) - key(b));
    const ops: DrawOp[] = [...columnRules(fill, grid, tpl.columnRule), ...(first ? band.ops : []), ...placed.flatMap((p) => p.ops)];
    const bookmarks = [...(first ? band.bookmarks : []), ...placed.flatMap((p) => p.bookmarks)];
    pages.push({ template: tpl, ops, bookmarks });
    state = fill.end;
  } while (!isDone(state, units));
  return pages;
}

function progressed(a: FlowState, b: FlowState): boolean {
  return a.unit !== b.unit || a.line !== b.line || a.pending.length !== b.pending.length;
}

/** A fresh page that takes nothing can only mean a unit larger than any column. */
function stuck(article: Article, units: Unit[], state: FlowState): InputError {
  const u = units[state.pending[0] ?? state.unit]!;
  const amount = u.kind === 'text' ? `${u.lines.length - state.line} lines` : `${Math.min(...u.variants.map((v) => v.slots))} grid lines`;
  return new InputError(`article ${article.id}: paragraph ${u.struct} cannot be placed (${amount} left over)`, u.source);
}
