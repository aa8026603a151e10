import type { Article } from '../model/article.js';
import type { Composer } from '../model/line.js';
import type { Booklet, BookletMeta, Page } from '../model/page.js';
import type { Report } from '../model/source.js';
import type { PageTemplate, Templates } from '../template/types.js';
import { layoutArticle } from './article.js';
import { drawChrome, type Entry, type Tokens } from './chrome.js';
import { chineseDate } from './dates.js';
import type { ArticlePage, LayoutContext } from './types.js';

export interface LayoutOptions {
  seedsDir: string;
  /** Issue date, ISO yyyy-mm-dd; defaults to booklet.yaml's. */
  date?: string;
  report: Report;
  /** Lays out one article (default layoutArticle); a cache wraps it to reuse unchanged articles. */
  articleLayout?: (article: Article, ctx: LayoutContext) => ArticlePage[];
}

/** Pages of a saddle-stitched booklet come in sheets of four. */
export const PAGES_PER_SHEET = 4;

/** A page before chrome: its template and the article it belongs to. */
interface Draft {
  tpl: PageTemplate;
  kind: Page['kind'];
  article?: Article;
  page?: Omit<Page, 'folio' | 'width' | 'height' | 'kind'>;
}

/**
 * Articles → the booklet: cover, contents, the features (each from a new page), then
 * padding so the count is a multiple of 4, the last padding page being the back page.
 * Part order comes from booklet.yaml.
 */
export function layoutBooklet(articles: Article[], templates: Templates, composer: Composer, opts: LayoutOptions): Booklet {
  const ctx: LayoutContext = { templates, composer, seedsDir: opts.seedsDir, report: opts.report };
  const spec = templates.booklet;
  const iso = opts.date ?? spec.date;
  const { date, weekday } = chineseDate(iso);
  const districts = [...new Set(articles.map((a) => a.meta.district).filter((d): d is string => !!d))];

  const features: Draft[] = articles.flatMap((a) =>
    (opts.articleLayout ?? layoutArticle)(a, ctx).map((p): Draft => ({ tpl: p.template, kind: 'article', article: a, page: { articleId: a.id, ops: p.ops, bookmarks: p.bookmarks } })),
  );
  const part = (name: string, kind: Page['kind']): Draft => ({ tpl: templates.pages[name]!, kind });
  const drafts: Draft[] = [];
  for (const p of spec.order) {
    if (p === 'cover') drafts.push(part(spec.cover, 'cover'));
    if (p === 'contents') drafts.push(part(spec.contents, 'contents'));
    if (p === 'features') drafts.push(...features);
    if (p === 'padding') {
      const fixed = spec.order.filter((o) => o === 'cover' || o === 'contents').length + features.length;
      const pad = (PAGES_PER_SHEET - (fixed % PAGES_PER_SHEET)) % PAGES_PER_SHEET;
      for (let i = 0; i < pad; i++) drafts.push(i === pad - 1 ? part(spec.back, 'back') : part(spec.blank, 'blank'));
    }
  }

  // Each article's first page, for the contents and cover lists.
  const entries: Entry[] = [];
  drafts.forEach((d, i) => {
    if (d.article && drafts[i - 1]?.article !== d.article) {
      const m = d.article.meta;
      entries.push({ pageIndex: i, tokens: { title: m.title, kicker: m.kicker ?? '', subtitle: m.subtitle ?? '', district: m.district ?? '', page: String(i + 1) } });
    }
  });

  const common: Tokens = { publication: spec.publication, supplement: spec.supplement, date, weekday, isoDate: iso, districts: districts.join(' · ') };
  const pages: Page[] = drafts.map((d, i) => {
    const number = i + 1;
    const printed = d.kind === 'article' || d.kind === 'contents';
    const tokens: Tokens = { ...common, folio: String(number), district: d.article?.meta.district ?? '', title: d.article?.meta.title ?? '' };
    const chrome = drawChrome(d.tpl, ctx, tokens, number, d.kind === 'cover' || d.kind === 'contents' ? entries : []);
    const page: Page = { width: d.tpl.width, height: d.tpl.height, kind: d.kind, folio: printed ? number : null, ops: [...chrome, ...(d.page?.ops ?? [])], bookmarks: d.page?.bookmarks ?? [] };
    if (d.page?.articleId) page.articleId = d.page.articleId;
    return page;
  });

  const meta: BookletMeta = {
    title: `${spec.publication} ${spec.supplement}`,
    subject: `${spec.supplement} ${date}${districts.length ? `：${districts.join('、')}` : ''}`,
    author: spec.author,
    keywords: [...new Set([...spec.keywords, spec.supplement, ...districts])],
    lang: 'zh-CN',
    date: iso,
  };
  return { meta, pages, palette: templates.palette };
}
