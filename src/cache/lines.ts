/**
 * Composed paragraphs by content: (fonts, style, measure, text) → lines. Layout asks for the
 * same paragraph many times (trial measures, balancing, every rebuild in watch mode); the
 * composer runs once per distinct request. The table can be saved to and loaded from the
 * persistent store, so a fresh process after a small edit composes only what changed.
 */
import { createHash } from 'node:crypto';
import type { FontBook } from '../font/book.js';
import { primeGlyphRecords, type Composer, type ComposeRequest, type Line, type PlacedGlyph } from '../model/line.js';
import { shapeParagraph } from '../shape/index.js';
import type { CacheStore } from './store.js';

interface Entry {
  lines: Line[];
  /** Some character had no glyph: such paragraphs are composed again so the warning is reported. */
  missing: boolean;
}

/** How many composed paragraphs to keep: a booklet has about a thousand. */
const CAPACITY = 20000;

export class LineMemo {
  private entries = new Map<string, Entry>();
  /**
   * A content identity for every glyph array this table handed out: the same id, in any process,
   * means the same glyphs (same fonts, style, measure and text, and line number). Render keys the
   * page content it keeps in `.cache/` by these instead of hashing every glyph.
   */
  private ids = new WeakMap<readonly PlacedGlyph[], { key: string; line: number }>();
  /** Digests of table keys, made when an id is first asked for (composing never pays for them). */
  private digests = new Map<string, string>();
  /** Keys asked for since the last save: what the current booklet uses. */
  private used = new Set<string>();

  /** Keys asked for while `recording` runs. */
  private recorder: Set<string> | null = null;

  constructor(private readonly storeKey: string) {}

  /** Runs `f` and returns, with its value, the keys of every paragraph it composed or looked up. */
  recording<T>(f: () => T): { value: T; keys: string[] } {
    const outer = this.recorder;
    const mine = new Set<string>();
    this.recorder = mine;
    try {
      const value = f();
      return { value, keys: [...mine] };
    } finally {
      this.recorder = outer;
      if (outer) for (const k of mine) outer.add(k);
    }
  }

  /** While set, every request is composed anew (and the table refreshed): the watcher's rehearsal. */
  private anew = false;

  /** Runs `f` with every paragraph it asks for composed again, not taken from the table. */
  recomposing<T>(f: () => T): T {
    const was = this.anew;
    this.anew = true;
    try {
      return f();
    } finally {
      this.anew = was;
    }
  }

  /** Counts these keys as used by the current booklet (its results were reused without asking). */
  touch(keys: Iterable<string>): void {
    for (const k of keys) this.used.add(k);
  }

  /** A composer that answers from the table and fills it from `inner`. */
  wrap(inner: Composer, fonts: FontBook): Composer {
    return {
      compose: (req: ComposeRequest): Line[] => {
        const key = `${JSON.stringify(req.style)}\u0000${req.measure}\u0000${req.text}`;
        this.used.add(key);
        this.recorder?.add(key);
        const hit = this.entries.get(key);
        if (hit && !hit.missing && !this.anew) return hit.lines;
        const lines = inner.compose(req);
        const missing = req.text.length > 0 && shapeParagraph(fonts, req.style.face, req.text).missing.length > 0;
        if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { lines, missing });
        if (!missing) this.name(key, lines);
        return lines;
      },
    };
  }

  /** The content identity of a glyph array from this table (see `ids`); undefined for any other. */
  glyphsId = (glyphs: readonly PlacedGlyph[]): string | undefined => {
    const id = this.ids.get(glyphs);
    if (!id) return undefined;
    let base = this.digests.get(id.key);
    if (base === undefined) {
      base = createHash('sha1').update(this.storeKey).update('\u0000').update(id.key).digest('base64');
      if (this.digests.size >= CAPACITY) this.digests.clear();
      this.digests.set(id.key, base);
    }
    return `${base}#${id.line}`;
  };

  private name(key: string, lines: readonly Line[]): void {
    lines.forEach((l, line) => this.ids.set(l.glyphs, { key, line }));
  }

  /** Takes the entries of an earlier process; anything unreadable is dropped. */
  load(store: CacheStore): void {
    primeGlyphRecords();
    const bytes = store.get(this.storeKey);
    if (!bytes) return;
    try {
      const { faces, entries } = JSON.parse(bytes.toString('utf8')) as Saved;
      for (const [key, saved] of entries) {
        if (this.entries.has(key)) continue;
        const lines = saved.map((l) => inflate(l, faces));
        this.entries.set(key, { lines, missing: false });
        this.name(key, lines);
      }
    } catch {
      // A corrupt entry is a miss.
    }
  }

  /** Saves the entries the last build used (paragraphs with missing glyphs are not saved). */
  save(store: CacheStore): void {
    const faces: string[] = [];
    const faceIndex = new Map<string, number>();
    const entries: [string, SavedLine[]][] = [];
    for (const key of this.used) {
      const e = this.entries.get(key);
      if (!e || e.missing) continue;
      entries.push([key, e.lines.map((l) => deflate(l, faces, faceIndex))]);
    }
    this.used.clear();
    store.set(this.storeKey, JSON.stringify({ faces, entries } satisfies Saved));
  }
}

/** A line as saved: glyphs as flat tuples [face index, gid, x, dy, advance, text]. */
type SavedGlyph = [number, number, number, number, number, string];
type SavedLine = [SavedGlyph[], number, number, number, number, number, boolean];
interface Saved {
  faces: string[];
  entries: [string, SavedLine[]][];
}

function deflate(l: Line, faces: string[], index: Map<string, number>): SavedLine {
  const glyphs = l.glyphs.map((g): SavedGlyph => {
    let f = index.get(g.face);
    if (f === undefined) {
      f = faces.push(g.face) - 1;
      index.set(g.face, f);
    }
    return [f, g.gid, g.x, g.dy, g.advance, g.text];
  });
  return [glyphs, l.size, l.measure, l.width, l.start, l.end, l.last];
}

function inflate(l: SavedLine, faces: string[]): Line {
  const glyphs = l[0].map((g): PlacedGlyph => ({ face: faces[g[0]]!, gid: g[1], x: g[2], dy: g[3], advance: g[4], text: g[5] }));
  return { glyphs, size: l[1], measure: l[2], width: l[3], start: l[4], end: l[5], last: l[6] };
}
