/**
 * Page content kept in `.cache/` for the next process (pageMemo.ts keeps it within one). A fresh
 * process after a one-paragraph edit draws again only the pages whose ops changed: the others'
 * deflated content streams are read back, and their structure and resources replayed as for an
 * in-process reuse.
 *
 * Keys are content, never identity: a page is named by its ops, with each text op's glyph array
 * named by the content id composition gave it (the line cache's key and line number; a glyph array
 * without one makes the page not kept), and a document by its edition, palette and glyph numbering
 * (each face's glyphs and texts, in registration order). Equal keys mean an equal content stream.
 */
import { createHash } from 'node:crypto';
import type { PlacedGlyph } from '../model/line.js';
import type { Page } from '../model/page.js';
import type { PageContent } from './pageMemo.js';

/** Where kept pages persist (the build's cache store, or none). */
export interface PageStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, payload: string): void;
}

/** A glyph array's content id, or undefined when it has none. */
export type GlyphsId = (glyphs: readonly PlacedGlyph[]) => string | undefined;

export interface SavedPage {
  deflated: string;
  digest: string;
  fonts: string[];
  gstates: string[];
}

let store: PageStore | null = null;
/**
 * The last document of each edition as read from the store (read once per edition and process).
 * One entry per edition, overwritten by each save, so `.cache/` does not grow with every glyph set.
 */
const read = new Map<string, { doc: string; pages: Map<string, SavedPage> }>();
/** Per edition: the last finished document's key and its kept pages (both worked out only when saved). */
const last = new Map<string, { doc: () => string; pages: KeptPage[]; glyphsId: GlyphsId }>();

/** A page of a finished document, with its content key when it was already worked out. */
export interface KeptPage {
  page: Page;
  content: PageContent;
  key?: string;
}

/** Sets (or with null removes) the store. */
export function usePageStore(s: PageStore | null): void {
  store = s;
}

export function pageStoreActive(): boolean {
  return store !== null;
}

/** The document key: what every page's content stream of one document depends on besides its ops. */
export function documentKey(edition: string, palette: unknown, numbering: string): string {
  return createHash('sha1').update(`${edition}\u0000${JSON.stringify(palette)}\u0000${numbering}`).digest('base64');
}

/**
 * Keys already worked out, by page: both editions look up the same pages, and saving names them
 * again. A page's ops do not change once laid out, and content ids mean the same in any document.
 */
const pageKeys = new WeakMap<Page, string | null>();

/** The content key of a page, or null when one of its glyph arrays has no content id. */
export function pageKey(page: Page, glyphsId: GlyphsId): string | null {
  let key = pageKeys.get(page);
  if (key === undefined) pageKeys.set(page, (key = pageKeyOf(page, glyphsId)));
  return key;
}

function pageKeyOf(page: Page, glyphsId: GlyphsId): string | null {
  const h = createHash('sha1').update(`${page.width} ${page.height} ${page.ops.length}\u0000`);
  for (const op of page.ops) {
    if (op.op === 'text') {
      const id = op.glyphs.length ? glyphsId(op.glyphs) : '';
      if (id === undefined) return null;
      const { glyphs: _glyphs, ...rest } = op;
      h.update(JSON.stringify(rest)).update(id).update('\u0000');
    } else {
      h.update(JSON.stringify(op)).update('\u0000');
    }
  }
  return h.digest('base64');
}

/**
 * Pages an earlier process kept of document `doc` of `edition`, or null (none, or another document).
 * The key is asked for only when the store holds a document of this edition.
 */
export function savedDocument(edition: string, doc: () => string): ReadonlyMap<string, SavedPage> | null {
  if (!store) return null;
  let saved = read.get(edition);
  if (!saved) {
    saved = { doc: '', pages: new Map() };
    try {
      const bytes = store.get(`pages\u0000${edition}`);
      if (bytes) {
        const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as { doc: string; pages: Record<string, SavedPage> };
        saved = { doc: String(json.doc), pages: new Map(Object.entries(json.pages)) };
      }
    } catch {
      // A corrupt entry is a miss.
    }
    read.set(edition, saved);
  }
  return saved.doc !== '' && saved.doc === doc() ? saved.pages : null;
}

/** The page named `key` among `pages`, or undefined. */
export function savedPage(pages: ReadonlyMap<string, SavedPage>, key: string): Pick<PageContent, 'deflated' | 'digest' | 'fonts' | 'gstates'> | undefined {
  const p = pages.get(key);
  if (!p || typeof p.deflated !== 'string' || typeof p.digest !== 'string' || !Array.isArray(p.fonts) || !Array.isArray(p.gstates)) return undefined;
  return { deflated: Buffer.from(p.deflated, 'base64'), digest: Buffer.from(p.digest, 'base64'), fonts: p.fonts, gstates: p.gstates };
}

/** The kept pages of the finished document of `edition`, for `savePages`. */
export function lastDocument(edition: string, doc: () => string, pages: KeptPage[], glyphsId: GlyphsId): void {
  last.set(edition, { doc, pages, glyphsId });
}

/** Writes the last document of each edition to the store (off the path to the PDFs: pages are named here). */
export function savePages(): void {
  if (!store) return;
  for (const [edition, { doc, pages, glyphsId }] of last) {
    const out: Record<string, SavedPage> = {};
    for (const { page, content, key: known } of pages) {
      const key = known ?? pageKey(page, glyphsId);
      if (key) out[key] = { deflated: content.deflated.toString('base64'), digest: content.digest.toString('base64'), fonts: content.fonts, gstates: content.gstates };
    }
    store.set(`pages\u0000${edition}`, JSON.stringify({ doc: doc(), pages: out }));
  }
  last.clear();
}
