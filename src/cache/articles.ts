/**
 * Laid-out articles by content. An article's pages (ops and bookmarks, before running heads and
 * folios, which the booklet adds) depend only on the article itself, the templates, the fonts, the
 * code and the figures it reads; in watch mode an edit to one paragraph lays out that one article
 * again and reuses the pages of all the others. Diagnostics the article raised are replayed on
 * reuse, and the paragraphs it composed count as used, so the persistent line cache keeps them.
 */
import { resolve } from 'node:path';
import type { Article } from '../model/article.js';
import type { Diagnostic } from '../model/source.js';
import type { ArticlePage, LayoutContext } from '../layout/index.js';
import { fileIdentity } from './identity.js';
import type { LineMemo } from './lines.js';
import { hashOf } from './store.js';

interface Entry {
  pages: ArticlePage[];
  diagnostics: Diagnostic[];
  /** Line-memo keys the layout asked for. */
  keys: string[];
}

export type ArticleLayout = (article: Article, ctx: LayoutContext) => ArticlePage[];

export class ArticleLayouts {
  /** Entries of the last finished build; a build keeps only what it used. */
  private entries = new Map<string, Entry>();
  private next = new Map<string, Entry>();
  /** Ids of the articles laid out (not reused) by the current build. */
  laidOut: string[] = [];

  /**
   * A layoutArticle for one build. `context` identifies everything besides the article that its
   * pages depend on (templates content, fonts identity); empty means "do not reuse". `capture`
   * runs a layout and returns every diagnostic reported meanwhile (by layout or the composer).
   */
  wrap(
    inner: ArticleLayout,
    context: string,
    memo: LineMemo,
    capture: <T>(f: () => T) => { value: T; diagnostics: Diagnostic[] },
    /** Articles to lay out again even if unchanged (the watcher's rehearsal). */
    again: (article: Article) => boolean = () => false,
  ): ArticleLayout {
    this.next = new Map();
    this.laidOut = [];
    return (article, ctx) => {
      const figures = article.blocks.flatMap((b) => (b.kind === 'figure' && b.src ? [fileIdentity(resolve(ctx.seedsDir, b.src))] : []));
      const key = context ? hashOf(context, resolve(ctx.seedsDir), JSON.stringify(article), ...figures) : '';
      const hit = key && !again(article) ? (this.next.get(key) ?? this.entries.get(key)) : undefined;
      if (hit) {
        this.next.set(key, hit);
        memo.touch(hit.keys);
        for (const d of hit.diagnostics) ctx.report(d);
        return hit.pages;
      }
      this.laidOut.push(article.id);
      // A rehearsed article is composed anew too, so the rehearsal runs the code an edited paragraph does.
      const layout = () => memo.recording(() => inner(article, ctx));
      const { value, diagnostics } = capture(() => (again(article) ? memo.recomposing(layout) : layout()));
      if (key) this.next.set(key, { pages: value.value, diagnostics, keys: value.keys });
      return value.value;
    };
  }

  /** The build succeeded: keep what it used, drop the rest. */
  finish(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}
