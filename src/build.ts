import { join } from 'node:path';
import { readArticles } from './ingest/index.js';
import { loadFontBook } from './font/book.js';
import { createComposer } from './compose/index.js';
import { clearShapeCache } from './shape/index.js';
import type { Templates } from './template/index.js';
import { folderIdentity, shippedTemplates } from './template/shipped.js';
import { textStyle } from './model/style.js';
import { balanceDecisions, layoutArticle, layoutBooklet, restoreBalanceDecisions } from './layout/index.js';
import { renderPdf, imposeBooklet, savePages, usePageStore, useSubsetStore } from './render/index.js';
import type { Booklet, Diagnostic } from './model/index.js';
import { writeAtomic } from './util/atomic.js';
import { ArticleLayouts, codeVersion, flushStores, fontsIdentity, hashOf, LineMemo, openStore, type CacheStore } from './cache/index.js';
import { now } from './util/clock.js';

export interface BuildOptions {
  /** Folder of raw copy (`*.txt`) and editors' copies (`*.md`). */
  seeds: string;
  /** Output folder for the PDFs. */
  out: string;
  templates: string;
  fonts: string;
  /** Issue date (yyyy-mm-dd) printed on the pages and used as the PDF dates; default from templates/booklet.yaml. */
  date?: string;
  /** Also write the 2-up imposed press sheets. */
  impose?: boolean;
  /** A CMYK ICC profile for the press edition's output intent. */
  icc?: string;
  /** Folder of the persistent cache (`.cache/`); none when absent. */
  cache?: string;
  /**
   * A rehearsal (watch mode, before the first edit): source file number `rehearse` (modulo their
   * count) is parsed and laid out again as if edited, both editions are rendered, nothing is
   * written. It takes the code an edit runs through V8's tiers, so the editor's first rebuilds
   * are as quick as the later ones.
   */
  rehearse?: number;
}

export interface BuildResult {
  files: string[];
  pages: number;
  diagnostics: Diagnostic[];
  /** Milliseconds per step, in pipeline order. */
  timings: Record<string, number>;
  booklet: Booklet;
  /** Ids of the articles this build laid out; the others were reused from the previous build of this process. */
  laidOut: string[];
  /** Pages drawn afresh, both editions together; the others' content was reused (this process or `.cache/`). */
  pagesDrawn: number;
  /** Writes what this build composed to the persistent cache (off the path to the PDFs). */
  persist(): void;
}

/**
 * What survives between builds of one process (watch mode): composed paragraphs per font set,
 * the loaded templates per content of the templates folder.
 */
const lineMemos = new Map<string, LineMemo>();
let templatesMemo: { key: string; templates: Templates } | undefined;
/** Freshly loaded templates not yet in the persistent cache (written by the next persist). */
let templatesToSave: (() => void) | undefined;
const articleLayouts = new ArticleLayouts();
/** Where last-page balancing decisions persist (plain JSON; the store keys everything by code version). */
const DECISIONS_KEY = 'layout\u0000balance';
let decisionsRead = false;

/**
 * Templates from the process memo or the persistent cache when the folder is unchanged, or from
 * the bundle when it is the shipped folder (template/shipped.ts); otherwise loaded (Handlebars and
 * the validator are imported only then).
 */
async function templatesFor(dir: string, store: CacheStore | null): Promise<{ templates: Templates; key: string }> {
  const identity = folderIdentity(dir);
  const key = identity.key;
  if (key && templatesMemo?.key === key) return templatesMemo;
  const storeKey = `templates\u0000${dir}\u0000${key}`;
  let templates: Templates | undefined;
  const saved = key ? store?.get(storeKey) : undefined;
  if (saved) {
    try {
      templates = JSON.parse(saved.toString('utf8')) as Templates;
    } catch {
      templates = undefined;
    }
  }
  templates ??= shippedTemplates(identity, dir);
  // Styles read back from JSON are remade as loading makes them (model/style.ts): one hidden class
  // for every style, or the composer's compiled code meets a new one and is thrown away.
  if (templates) templates = { ...templates, styles: Object.fromEntries(Object.entries(templates.styles).map(([name, s]) => [name, textStyle(s)])) };
  if (!templates) {
    const { loadTemplates } = await import('./template/index.js');
    const loaded = (templates = loadTemplates(dir));
    // Written with the rest of the persistent cache, after the PDFs (by whichever build persists
    // next). Only plain data survives JSON; anything else is not cached.
    templatesToSave = () => {
      const json = JSON.stringify(loaded);
      if (key && store && JSON.stringify(JSON.parse(json)) === json) store.set(storeKey, json);
    };
  }
  if (key) templatesMemo = { key, templates };
  return { templates, key };
}

/**
 * The whole pipeline. Every step produces plain data for the next; the PDFs are written only
 * once all of them succeeded, each by an atomic rename, so a failed build leaves dist/ as it was.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const { booklet, fonts, diagnostics, timings, report, memo, store, laidOut } = await laidOutBooklet(opts);
  // Pages → the distribution PDF (RGB, tagged, outline) and the press PDF (CMYK, bleed, marks).
  const creationDate = new Date(`${booklet.meta.date}T00:00:00Z`);
  const t0 = now();
  const glyphsId = memo.glyphsId;
  const counts = { drawn: 0, reused: 0 };
  const screen = await renderPdf(booklet, fonts, { edition: 'screen', creationDate, report, glyphsId, counts });
  const print = await renderPdf(booklet, fonts, { edition: 'print', creationDate, report, glyphsId, counts, ...(opts.icc ? { iccProfile: opts.icc } : {}) });
  const imposed = opts.impose ? await imposeBooklet(print) : undefined;
  timings.render = now() - t0;
  if (opts.rehearse !== undefined) return { files: [], pages: booklet.pages.length, diagnostics, timings, booklet, laidOut, pagesDrawn: counts.drawn, persist: () => undefined };

  const files = [join(opts.out, 'supplement.pdf'), join(opts.out, 'supplement-print.pdf')];
  writeAtomic(files[0]!, screen);
  writeAtomic(files[1]!, print);
  if (imposed) {
    files.push(join(opts.out, 'supplement-imposed.pdf'));
    writeAtomic(files[2]!, imposed);
  }
  const persist = () => {
    if (!store) return;
    templatesToSave?.();
    templatesToSave = undefined;
    memo.save(store);
    store.set(DECISIONS_KEY, JSON.stringify(balanceDecisions()));
    savePages();
    flushStores();
  };
  return { files, pages: booklet.pages.length, diagnostics, timings, booklet, laidOut, pagesDrawn: counts.drawn, persist };
}

/** Ingest, templates, fonts and layout: everything before the PDFs. */
async function laidOutBooklet(opts: BuildOptions) {
  const diagnostics: Diagnostic[] = [];
  let sink: Diagnostic[] | null = null;
  const report = (d: Diagnostic) => {
    diagnostics.push(d);
    sink?.push(d);
  };
  const capture = <T>(f: () => T): { value: T; diagnostics: Diagnostic[] } => {
    const outer = sink;
    const mine: Diagnostic[] = [];
    sink = mine;
    try {
      return { value: f(), diagnostics: mine };
    } finally {
      sink = outer;
      outer?.push(...mine);
    }
  };
  const timings: Record<string, number> = {};
  const step = <T>(name: string, f: () => T): T => {
    const t0 = now();
    const r = f();
    timings[name] = (timings[name] ?? 0) + now() - t0;
    return r;
  };
  // Entries carry the code version: another build of banmian never reads them.
  const store = opts.cache ? openStore(opts.cache, codeVersion()) : null;
  useSubsetStore(store);
  usePageStore(store);

  // Raw copy and editors' Markdown → articles (blocks in reading order).
  const again = new Set<string>();
  // A rehearsal shapes from scratch as well (fontkit decodes each face's layout tables on first use).
  if (opts.rehearse !== undefined) clearShapeCache();
  const rehearse = opts.rehearse;
  const reread =
    rehearse === undefined
      ? undefined
      : (file: string, i: number, n: number) => {
          if (i !== rehearse % n) return false;
          again.add(file);
          return true;
        };
  const articles = step('ingest', () => readArticles(opts.seeds, report, reread));
  // Page templates and named styles → validated page descriptions.
  const t1 = now();
  const { templates, key: templatesKey } = await templatesFor(opts.templates, store);
  timings.templates = now() - t1;
  // Font files → parsed faces (once per process).
  const fonts = step('fonts', () => loadFontBook(opts.fonts));
  // Every paragraph composed into lines (once per distinct paragraph, style and measure), flowed into columns and pages.
  const fontsKey = fontsIdentity(fonts);
  let memo = lineMemos.get(fontsKey);
  if (!memo) {
    memo = new LineMemo(`lines\u0000${fontsKey}`);
    if (store) step('cache', () => memo!.load(store));
    lineMemos.set(fontsKey, memo);
  }
  // Balancing decisions of an earlier process (see layout/balance.ts), once per process.
  if (store && !decisionsRead) {
    decisionsRead = true;
    step('cache', () => {
      try {
        restoreBalanceDecisions(JSON.parse(store.get(DECISIONS_KEY)?.toString('utf8') ?? 'null'));
      } catch {
        // A corrupt entry is a miss.
      }
    });
  }
  // Where composing paragraphs spends its time, inside the layout step's.
  const composeTimes = { shaping: 0, composing: 0 };
  const composer = memo.wrap(createComposer(fonts, report, {}, composeTimes), fonts);
  // Articles unchanged since the last build of this process keep their pages (see cache/articles.ts).
  const articleLayout = articleLayouts.wrap(layoutArticle, templatesKey ? hashOf(templatesKey, fontsKey) : '', memo, capture, (a) => again.has(a.source.file));
  const booklet = step('layout', () =>
    layoutBooklet(articles, templates, composer, { seedsDir: opts.seeds, ...(opts.date ? { date: opts.date } : {}), report, articleLayout }),
  );
  timings['layout.shaping'] = composeTimes.shaping;
  timings['layout.composition'] = composeTimes.composing;
  const laidOut = articleLayouts.laidOut;
  articleLayouts.finish();
  return { booklet, fonts, diagnostics, timings, report, memo, store, laidOut };
}
