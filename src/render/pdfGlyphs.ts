/**
 * Glyph runs written straight into the content stream, bypassing PDFKit's text layout.
 *
 * Composition has already positioned every glyph, so PDFKit's own `text()` (which re-shapes the
 * string without script/language and cannot justify CJK) is useless here. This file is the only
 * place that touches PDFKit's undocumented font internals (EmbeddedFont: `subset`, `widths`,
 * `unicode`, `ref()`), the same way react-pdf's renderGlyphs/encodeGlyphs do.
 */
import { createHash } from 'node:crypto';
import type * as fontkit from 'fontkit';
import { loadOutlines, type FontBook } from '../font/book.js';
import { advanceWidth } from '../font/metrics.js';
import { copiableGlyph, encodeSubset } from '../font/subset.js';
import type { PlacedGlyph } from '../model/line.js';
import type { KitDocument } from './kit.js';
import { num } from './num.js';
import { deflateAhead, expectDeflate, rememberDeflate } from './deflate.js';
import { toUnicodeCmapText } from './toUnicode.js';
import { fileIdentity } from '../cache/identity.js';

/** The parts of PDFKit's EmbeddedFont this file relies on. */
interface KitEmbeddedFont {
  id: string;
  font: fontkit.Font;
  subset: { glyphs: number[]; includeGlyph(gid: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  document: { ref(data?: unknown): { end(chunk?: unknown): unknown } };
  toUnicodeCmap(): unknown;
}

/**
 * The last encoded subset per font, keyed by its glyph list. Re-encoding a few thousand CJK glyphs
 * costs ~100 ms, and a rebuild after a small edit usually needs exactly the same glyphs; with the
 * subset in canonical (gid) order it is then the same font program, byte for byte.
 */
const encodedSubsets = new WeakMap<fontkit.Font, { key: string; bytes: Uint8Array; serial: number }>();

/** Where encoded subsets persist between processes (keyed by font file identity and glyph list). */
export interface SubsetStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
}

let subsetStore: SubsetStore | null = null;
/** Sets (or with null removes) the persistent store for encoded subsets. */
export function useSubsetStore(store: SubsetStore | null): void {
  subsetStore = store;
  rememberDeflate(store);
}

/** The part of fontkit's TTFSubset that `fastAddGlyph` replaces and uses. */
export interface KitTtfSubset {
  font: fontkit.Font;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/**
 * fontkit's TTFSubset._addGlyph decodes every glyph's whole outline to learn whether it is a
 * composite, and works out vertical metrics to read the left side bearing. A glyph that can be
 * copied as it is (font/subset.ts) is copied with its hmtx metrics; composites (whose component
 * ids must be rewritten) and variable fonts still go through fontkit. Used when a subset has
 * composites, so fontkit encodes it: a sparse font's simple outlines are not in its bytes.
 */
export function fastAddGlyph(subset: KitTtfSubset): void {
  const original = subset._addGlyph;
  if (typeof original !== 'function') return;
  subset._addGlyph = function (this: KitTtfSubset, gid: number): number {
    const glyph = copiableGlyph(this.font, gid);
    if (!glyph) return original.call(this, gid);
    this.glyf.push(glyph.outline);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    this.offset += glyph.outline.length;
    return this.glyf.length - 1;
  };
}

/**
 * `serial()`: the glyph set the face's tables came from (see `EmbeddedFace.preload`), 0 once a glyph
 * was added after it. The same serial is the same glyph list: the memo is then found without
 * joining a few thousand glyph ids into its key.
 */
function memoizeEncode(kit: KitEmbeddedFont, fontIdentity: string, serial: () => number): void {
  const subset = kit.subset;
  if ('glyphEncoder' in subset) fastAddGlyph(subset as unknown as KitTtfSubset);
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const set = serial();
    const known = encodedSubsets.get(kit.font);
    if (known && set && known.serial === set) {
      expectDeflate(fontIdentity, known.bytes);
      return known.bytes;
    }
    const key = subset.glyphs.join(',');
    if (known && known.key === key) {
      known.serial = set;
      expectDeflate(fontIdentity, known.bytes);
      return known.bytes;
    }
    const storeKey = `subset\u0000${fontIdentity}\u0000${key}`;
    let bytes = subsetStore?.get(storeKey);
    if (!bytes) {
      // Outlines are read on demand (font/sparse.ts): fetch the subset's before fontkit copies them.
      loadOutlines(kit.font, subset.glyphs);
      // Copied directly when every glyph can be (font/subset.ts); fontkit otherwise (composites).
      bytes = encodeSubset(kit.font, subset.glyphs) ?? encode();
      subsetStore?.set(storeKey, bytes);
    }
    encodedSubsets.set(kit.font, { key, bytes, serial: set });
    expectDeflate(fontIdentity, bytes);
    return bytes;
  };
}

/** Per font: the text of the ToUnicode CMap written for a glyph set (by serial). */
const cmapTexts = new WeakMap<fontkit.Font, { serial: number; text: string }>();

/**
 * A face's ToUnicode CMap: PDFKit's text, written by toUnicode.ts, and for a glyph set seen before
 * (same serial: the other edition, a watch rebuild) the same text again, in a new object.
 */
function memoizeToUnicode(kit: KitEmbeddedFont, serial: () => number): void {
  kit.toUnicodeCmap = () => {
    const set = serial();
    const known = set ? cmapTexts.get(kit.font) : undefined;
    const text = known && known.serial === set ? known.text : toUnicodeCmapText(kit.unicode);
    if (set && known?.serial !== set) cmapTexts.set(kit.font, { serial: set, text });
    const ref = kit.document.ref();
    ref.end(text);
    return ref;
  };
}

/** Natural advances in em per font and gid: fontkit decodes a glyph's metrics on every getGlyph. */
const advances = new WeakMap<fontkit.Font, Map<number, number>>();

function advanceOf(font: fontkit.Font, gid: number): number {
  let m = advances.get(font);
  if (!m) advances.set(font, (m = new Map()));
  let adv = m.get(gid);
  if (adv === undefined) {
    adv = advanceWidth(font, gid) / font.unitsPerEm;
    m.set(gid, adv);
  }
  return adv;
}

/** What `EmbeddedFace.preload` left for one glyph set (the inner arrays are never mutated). */
interface Preloaded {
  /** Distinct per glyph set: documents that share it number their glyphs alike. */
  serial: number;
  gids: number[];
  firstTexts: string[];
  glyphs: number[];
  mapping: Record<number, number>;
  widths: number[];
  unicode: number[][];
  primary: Int32Array;
  texts: string[];
  hex: string[];
  advance: number[];
}

let serials = 0;

/** `primary` of a face that has no glyph yet (allocated on the first one). */
const NO_GLYPHS = new Int32Array(0);

/** Per font: the tables of its last preload, reused by the next document with the same glyphs. */
const preloaded = new WeakMap<fontkit.Font, Preloaded>();

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One embedded font program and the glyph table we keep for it in this document. */
class EmbeddedFace {
  /**
   * Original gid → subset gid for the glyph's first (primary) text; -1 = not yet used. After a
   * preload that reused the last document's tables it is theirs, shared until a glyph is added.
   */
  private primary: Int32Array = NO_GLYPHS;
  private primaryShared = false;
  /** `gid \u0000 text` → subset gid, for a glyph that must copy as different text elsewhere. */
  private readonly alternates = new Map<string, number>();
  /** Subset gid → text it copies as (the ToUnicode entry). */
  private texts: string[] = [];
  /** Subset gid → 4-digit hex code for the content stream. */
  hex: string[] = [];
  /** Subset gid → natural advance in em (what /W says), for TJ adjustments. */
  advance: number[] = [];
  /** Set when `code` answered with a second-meaning copy, whose number depends on the order of the runs. */
  usedAlternate = false;

  constructor(
    readonly kit: KitEmbeddedFont,
    /** Resource name on pages (`F1`, …). */
    readonly name: string,
    /** The font file's identity (path, size, mtime) for the persistent subset store. */
    readonly fontIdentity: string,
  ) {
    memoizeEncode(kit, fontIdentity, () => this.serial);
    memoizeToUnicode(kit, () => this.serial);
  }

  /** The glyph set this face's tables came from (its preload's serial); 0 before, and once a glyph is added after it. */
  private serial = 0;

  /**
   * Adds glyphs in gid order before any run is written, so the subset does not depend on text order.
   * Returns the glyph set's serial number. A fresh face given the same glyphs and texts as the last
   * document's copies that document's tables instead of adding the glyphs one by one (watch rebuilds).
   */
  preload({ gids, texts: firstTexts }: FaceGlyphs): number {
    const subset = this.kit.subset as unknown as { glyphs: number[]; mapping: Record<number, number> };
    const fresh = subset.glyphs.length === 1 && this.texts.length === 0;
    const known = preloaded.get(this.kit.font);
    if (fresh && known && sameList(known.gids, gids) && sameList(known.firstTexts, firstTexts)) {
      subset.glyphs = known.glyphs.slice();
      // Every glyph drawn is in it already; a glyph added anyway lands on this object, not the shared one.
      subset.mapping = Object.create(known.mapping) as Record<number, number>;
      this.kit.widths = known.widths.slice();
      this.kit.unicode = known.unicode.slice();
      this.primary = known.primary;
      this.primaryShared = true;
      this.texts = known.texts.slice();
      this.hex = known.hex.slice();
      this.advance = known.advance.slice();
      this.serial = known.serial;
      return known.serial;
    }
    for (let i = 0; i < gids.length; i++) this.code(gids[i]!, firstTexts[i]!);
    const serial = ++serials;
    if (fresh) {
      // The mapping is kept as it is, not copied (a few thousand integer keys): this document, too,
      // goes on with an object over it, so a glyph added later lands there.
      const mapping = subset.mapping;
      subset.mapping = Object.create(mapping) as Record<number, number>;
      preloaded.set(this.kit.font, {
        serial,
        gids,
        firstTexts,
        glyphs: subset.glyphs.slice(),
        mapping,
        widths: this.kit.widths.slice(),
        unicode: this.kit.unicode.slice(),
        primary: this.primary.slice(),
        texts: this.texts.slice(),
        hex: this.hex.slice(),
        advance: this.advance.slice(),
      });
    }
    this.serial = serial;
    return serial;
  }

  /** Subset gid for `gid` copied as `text`, adding it to the subset on first use. */
  code(gid: number, text: string): number {
    let sub = this.primary[gid] ?? -1;
    if (sub < 0) {
      if (this.primaryShared || this.primary === NO_GLYPHS) {
        this.primary = this.primaryShared ? this.primary.slice() : new Int32Array(this.kit.font.numGlyphs).fill(-1);
        this.primaryShared = false;
      }
      sub = this.add(gid, this.kit.subset.includeGlyph(gid), text);
      this.primary[gid] = sub;
      return sub;
    }
    const known = this.texts[sub]!;
    if (text === known || text === '') return sub;
    if (known === '') {
      // First seen as the tail of a cluster; now we know what it stands for.
      this.setText(sub, text);
      return sub;
    }
    // One glyph, two meanings (e.g. U+2F47 ⽇ and U+65E5 日 share an outline): a ToUnicode
    // entry holds one string, so the second meaning gets its own copy of the glyph in the subset.
    const key = `${gid}\u0000${text}`;
    this.usedAlternate = true;
    const alt = this.alternates.get(key);
    if (alt !== undefined) return alt;
    const glyphs = this.kit.subset.glyphs;
    glyphs.push(gid);
    const fresh = this.add(gid, glyphs.length - 1, text);
    this.alternates.set(key, fresh);
    return fresh;
  }

  private add(gid: number, sub: number, text: string): number {
    this.serial = 0;
    const adv = advanceOf(this.kit.font, gid);
    this.kit.widths[sub] = adv * 1000;
    this.advance[sub] = adv;
    this.hex[sub] = sub.toString(16).padStart(4, '0');
    this.setText(sub, text);
    return sub;
  }

  private setText(sub: number, text: string): void {
    this.serial = 0;
    this.texts[sub] = text;
    const cps: number[] = [];
    // Indexed: a for-of over the string makes an iterator and a step object per character in cold code.
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      cps.push(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    this.kit.unicode[sub] = cps;
  }
}

/** A face's glyphs in a document: gids ascending, each with the text of its first non-empty occurrence. */
export interface FaceGlyphs {
  gids: number[];
  texts: string[];
}

/** Per face id (in order of first use): the glyphs drawn with it. */
export type GlyphTexts = ReadonlyMap<string, FaceGlyphs>;

/** The glyphs of these runs, for `GlyphWriter.preload` (the same for both editions of a booklet). */
export function glyphTexts(runs: Iterable<readonly PlacedGlyph[]>): GlyphTexts {
  // Per face: 0 = glyph not seen, 1 = seen only as a cluster's tail (no text yet), 2 = has its text.
  // A booklet draws some 60,000 glyphs of a few thousand kinds: most are a single typed-array read.
  const firsts = new Map<string, { state: Uint8Array; texts: Map<number, string> }>();
  let face = '';
  let cur: { state: Uint8Array; texts: Map<number, string> } | undefined;
  for (const glyphs of runs) {
    // Indexed: a for-of loop allocates a step object per glyph until V8 optimises it.
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i]!;
      if (g.face !== face || !cur) {
        face = g.face;
        cur = firsts.get(face);
        if (!cur) firsts.set(face, (cur = { state: new Uint8Array(0x10000), texts: new Map() }));
      }
      const st = cur.state[g.gid];
      if (st === 2) continue;
      if (st === 0 || g.text !== '') {
        cur.state[g.gid] = g.text === '' ? 1 : 2;
        cur.texts.set(g.gid, g.text);
      }
    }
  }
  const out = new Map<string, FaceGlyphs>();
  for (const [id, { texts }] of firsts) {
    const gids = [...texts.keys()].sort((a, b) => a - b);
    out.set(id, { gids, texts: gids.map((gid) => texts.get(gid)!) });
  }
  return out;
}

/** A run's content-stream text, valid while the document numbers its glyphs the same way. */
interface WrittenRun {
  numbering: string;
  x: number;
  y: number;
  size: number;
  text: string;
  /** Face ids the run selects, for the page's font resources. */
  faces: string[];
}

/**
 * Written runs by their glyph array. Layout reuses an unchanged article's pages, ops and glyph
 * arrays from one watch rebuild to the next, so those runs are not encoded again as long as every
 * face's subset is numbered the same (the same glyphs and texts: see `numbering`).
 */
const written = new WeakMap<readonly PlacedGlyph[], WrittenRun>();

/**
 * The faces used by one PDF document. Each fontkit Font is registered once, so two face ids
 * that point at the same file share one font program.
 */
export class GlyphWriter {
  private readonly byFont = new Map<fontkit.Font, EmbeddedFace>();
  private readonly byId = new Map<string, EmbeddedFace>();
  /**
   * How this document numbers glyphs: the faces in registration order with the serial of each one's
   * glyph set (glyphs and texts). Subset gids follow from it (preload adds glyphs in gid order), so a
   * run written under the same numbering is the same text; empty until preload.
   */
  private numbering = '';
  /** Runs written so far that drew a second-meaning copy (their text depends on run order). */
  alternateRuns = 0;

  /** How this document numbers glyphs (see `numbering`); empty before preload. */
  get glyphNumbering(): string {
    return this.numbering;
  }

  private sets: GlyphTexts | null = null;
  private contentDigest = '';

  /**
   * The glyph numbering as content (faces in registration order, each with its glyphs and texts),
   * the same in any process; `glyphNumbering` is only meaningful within one. Null before preload,
   * and once a glyph was added with a second meaning (its number depends on the order of the runs).
   * A function, worked out on the first call: joining and hashing a few thousand glyphs costs a few
   * milliseconds, which a fresh process needs only once its PDFs are written (pageStore.ts).
   */
  numberingContent(): (() => string) | null {
    if (!this.sets || this.alternateRuns > 0) return null;
    const sets = this.sets;
    return () => {
      if (!this.contentDigest) {
        const h = createHash('sha1');
        for (const [id, set] of sets) h.update(`${id}\u0001${this.byId.get(id)?.name}\u0001${set.gids.join(',')}\u0001${set.texts.join('\u0002')}\u0003`);
        this.contentDigest = h.digest('base64');
      }
      return this.contentDigest;
    };
  }

  /** The font resource `name` (`F1`, …) of a face already registered in this document. */
  fontRef(name: string): unknown {
    for (const face of this.byFont.values()) if (face.name === name) return face.kit.ref();
    return undefined;
  }

  constructor(
    private readonly doc: KitDocument,
    private readonly fonts: FontBook,
  ) {}

  private face(id: string): EmbeddedFace {
    const known = this.byId.get(id);
    if (known) return known;
    const font = this.fonts.get(id).font;
    let face = this.byFont.get(font);
    if (!face) {
      const key = `banmian-${this.byFont.size}`;
      this.doc.registerFont(key, font);
      this.doc.font(key);
      const kit = this.doc._font as unknown as KitEmbeddedFont;
      face = new EmbeddedFace(kit, kit.id, fileIdentity(this.fonts.get(id).file));
      this.byFont.set(font, face);
    }
    this.byId.set(id, face);
    return face;
  }

  /**
   * Registers every glyph of the booklet up front, in gid order per face: the same glyph set
   * then always gives the same subset (see `encodedSubsets`), whatever the order of the text.
   */
  preload(firsts: GlyphTexts): void {
    this.sets = firsts;
    const parts: string[] = [];
    for (const [id, m] of firsts) {
      const face = this.face(id);
      parts.push(`${id}\u0001${face.name}\u0001${face.preload(m)}`);
      // The font's object now, not at its first use on a page: object numbers then do not depend on
      // whether a page was drawn or reused (pageMemo.ts).
      face.kit.ref();
    }
    this.numbering = parts.join('\u0003');
  }

  /**
   * Encodes every face's subset now and has it deflated on the thread pool while the pages are
   * drawn; PDFKit embeds it when the document ends. A glyph added while drawing (a second-meaning
   * copy) makes a new subset, which is then encoded and deflated at the end, as before.
   */
  prepareSubsets(): Promise<unknown> {
    const pending: Promise<unknown>[] = [];
    for (const face of this.byFont.values()) {
      face.kit.subset.encode();
      pending.push(deflateAhead(face.fontIdentity));
    }
    return Promise.all(pending);
  }

  /** Identity of every embedded font (name and checksum), for the document digest. */
  identity(): string {
    return [...this.byFont.keys()]
      .map((f) => `${f.postscriptName}:${(f as unknown as { head: { checkSumAdjustment: number } }).head.checkSumAdjustment}`)
      .join('\n');
  }

  /**
   * Content-stream text for one run: `BT … Tf … TJ ET`, one TJ per face change.
   * Glyphs land at x + glyph.x on the baseline y (page space, y down) raised by glyph.dy.
   */
  run(x: number, y: number, size: number, glyphs: readonly PlacedGlyph[]): string {
    if (glyphs.length === 0) return '';
    const page = this.doc.page;
    const known = written.get(glyphs);
    if (known && this.numbering && known.numbering === this.numbering && known.x === x && known.y === y && known.size === size) {
      for (const id of known.faces) {
        const f = this.face(id);
        page.fonts[f.name] ??= f.kit.ref();
      }
      return known.text;
    }
    const faces: string[] = [];
    let alternates = false;
    // Pieces joined once at the end: the run's text is kept (see `written`), and a string grown by
    // += would be kept as a tree of a few nodes per glyph.
    const out: string[] = ['BT\n1 0 0 -1 ', num(x + glyphs[0]!.x), ' ', num(y), ' Tm\n'];
    let face: EmbeddedFace | null = null;
    let faceId = '';
    let pen = 0; // pt from op.x where the next glyph would fall by its natural advance
    let rise = 0;
    let open = false; // inside `<…>` of a TJ array
    let inTj = false; // `[` written, `] TJ` not yet
    const k = 1000 / size;
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphs[i]!;
      const f: EmbeddedFace = g.face === faceId && face ? face : this.face(g.face);
      if (g.face !== faceId && !faces.includes(g.face)) faces.push(g.face);
      faceId = g.face;
      if (f !== face || g.dy !== rise) {
        if (inTj) out.push(open ? '>] TJ\n' : '] TJ\n');
        inTj = false;
        open = false;
        if (f !== face) {
          face = f;
          page.fonts[f.name] ??= f.kit.ref();
          out.push('/', f.name, ' ', num(size), ' Tf\n');
        }
        if (g.dy !== rise) {
          rise = g.dy;
          out.push(num(rise), ' Ts\n');
        }
        if (i === 0) pen = g.x;
      }
      if (!inTj) {
        out.push('[');
        inTj = true;
      }
      f.usedAlternate = false;
      const sub = f.code(g.gid, g.text);
      alternates ||= f.usedAlternate;
      // TJ numbers are thousandths of an em, subtracted from the pen: positive moves left.
      const adj = Math.round((pen - g.x) * k);
      if (adj !== 0) {
        if (open) out.push('>');
        out.push(`${adj}`);
        open = false;
        pen -= adj / k;
      }
      if (!open) out.push('<');
      out.push(f.hex[sub]!);
      open = true;
      pen += f.advance[sub]! * size;
    }
    if (inTj) out.push(open ? '>] TJ\n' : '] TJ\n');
    if (rise !== 0) out.push('0 Ts\n');
    out.push('ET');
    const text = out.join('');
    // A run that drew a second-meaning copy is written afresh: that copy's number depends on run order.
    if (alternates) this.alternateRuns++;
    else if (this.numbering) written.set(glyphs, { numbering: this.numbering, x, y, size, text, faces });
    return text;
  }
}
