/**
 * Reading a TrueType file without its outlines. The Noto CJK faces are 10–15 MB, ~90 % of it
 * the `glyf` table, and a booklet draws a few thousand of their 65,000 glyphs: every table but
 * `glyf` is read up front, and a glyph's outline only when a subset needs it (`loadOutlines`).
 * The buffer holds the file's bytes at their offsets, so fontkit's offsets hold, but not `glyf`:
 * where `glyf` is the file's last table (as in the Noto faces) the buffer ends where it starts, and
 * fontkit reads `glyf` through a reader of its own (`glyfStream`). A buffer of the file's full size cost
 * nothing resident (its untouched pages were never given memory), but V8 counts every buffer's
 * size as memory held outside its heap: for seven faces' 90 MB it started a full collection early
 * in every build. Outlines are kept packed on the side (`outline`): written at their offsets,
 * a few thousand glyphs scattered over 10 MB would make most of its pages resident. Only composite
 * glyphs, which fontkit itself decodes to rewrite their component ids, are also written at their
 * offsets (in a table of `glyf`'s size, made for the first).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { DecodeStream } from 'restructure';

/** A reader of a table of zeros of any length: every read gives 0 and leaves it at its start. */
const ZEROS = new DecodeStream(new Uint8Array(16));
Object.defineProperty(ZEROS, 'pos', { get: () => 0, set: () => undefined });

/** Typed arrays read in the machine's byte order; the font's is big-endian. */
const LITTLE_ENDIAN = endianness() === 'LE';

/** An open font file: its bytes (outlines filled on demand) and what is needed to fill them. */
export interface SparseFont {
  bytes: Buffer;
  /**
   * When `bytes` ends before `glyf`: a reader of that table for fontkit, at its start. It finds the
   * composite glyphs loaded so far at their offsets and zeros elsewhere, as `bytes` would with the
   * table in it. Null when `bytes` spans the file (fontkit reads `glyf` there).
   */
  glyfStream: (() => DecodeStream) | null;
  /** Reads the outlines of these glyphs (and of the glyphs composites refer to). */
  loadOutlines(gids: Iterable<number>): void;
  /** A loaded glyph's outline bytes (empty for a glyph without one); undefined if not loaded. */
  outline(gid: number): Uint8Array | undefined;
  /**
   * The loca table as fontkit's decoder leaves it (byte offsets, `_processed`), read directly:
   * fontkit decodes its 65,000 entries one by one on the first advance width it is asked for.
   */
  loca(): { version: number; offsets: ArrayLike<number>; _processed: boolean };
}

interface TableRecord {
  offset: number;
  length: number;
}

/**
 * Reads `length` bytes at file `offset` into `into`, at the same offset plus `shift` (0: the file's
 * layout; a scratch buffer passes minus the file offset).
 */
function readAt(fd: number, into: Buffer, offset: number, length: number, shift = 0): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, offset + shift + done, length - done, offset + done);
    if (n === 0) throw new Error(`unexpected end of font file at ${offset + done}`);
    done += n;
  }
}

/** Glyphs at most this far apart in the file are read together, up to this much at a time. */
const SPAN_GAP = 4096;
const SPAN_MAX = 256 * 1024;
/** Packed outlines are stored in blocks of this size (a larger glyph gets a block of its own). */
const PACK_BLOCK = 64 * 1024;
const EMPTY = new Uint8Array(0);
/** Reused by every span read (grown when a single glyph is larger). */
let scratch = Buffer.alloc(0);

/** `null` when the file is not a plain TrueType font with glyf/loca (then read it whole). */
export function openSparseFont(file: string): SparseFont | null {
  const fd = openSync(file, 'r');
  let keepOpen = false;
  try {
    const size = fstatSync(fd).size;
    if (size < 12) return null;
    const header = Buffer.alloc(12);
    readAt(fd, header, 0, 12);
    const version = header.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x74727565) return null;
    const numTables = header.readUInt16BE(4);
    const directory = Buffer.alloc(12 + numTables * 16);
    readAt(fd, directory, 0, directory.length);
    const tables = new Map<string, TableRecord>();
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = directory.toString('latin1', at, at + 4);
      const offset = directory.readUInt32BE(at + 8);
      const length = directory.readUInt32BE(at + 12);
      if (offset + length > size) return null;
      tables.set(tag, { offset, length });
    }
    const glyf = tables.get('glyf');
    const loca = tables.get('loca');
    const head = tables.get('head');
    // A variable font's glyphs go through fontkit's own subsetter (font/metrics.ts reads no
    // varied metrics), which reads outlines from the font's bytes: such a font is read whole.
    if (!glyf || !loca || !head || tables.has('fvar') || tables.has('gvar')) return null;
    let end = directory.length;
    for (const [tag, t] of tables) if (tag !== 'glyf') end = Math.max(end, t.offset + t.length);
    // Every other table before glyf: the buffer stops there. Otherwise it spans the file, zero-filled
    // and untouched where glyf is.
    const short = end <= glyf.offset;
    const bytes = Buffer.alloc(short ? glyf.offset : size);
    directory.copy(bytes);
    for (const [tag, t] of tables) if (tag !== 'glyf') readAt(fd, bytes, t.offset, t.length);
    let ownGlyf: Buffer | null = null;
    /** Where fontkit reads glyf, and the table's offset there. */
    const glyfBytes = (): [Buffer, number] => (short ? [(ownGlyf ??= Buffer.alloc(glyf.length)), 0] : [bytes, glyf.offset]);
    const longLoca = bytes.readInt16BE(head.offset + 50) === 1;
    const glyphCount = Math.floor(loca.length / (longLoca ? 4 : 2)) - 1;
    // Glyph offsets in the glyf table, in the machine's byte order: read thousands of times when
    // outlines load (Buffer's readUInt32BE is a call with bounds checks each time).
    let offsets: Uint32Array | null = null;
    const locaOffsets = (): Uint32Array => {
      if (offsets) return offsets;
      const count = Math.floor(loca.length / (longLoca ? 4 : 2));
      if (longLoca) {
        const swapped = Buffer.allocUnsafeSlow(count * 4);
        bytes.copy(swapped, 0, loca.offset, loca.offset + count * 4);
        if (LITTLE_ENDIAN) swapped.swap32();
        offsets = new Uint32Array(swapped.buffer, swapped.byteOffset, count);
      } else {
        offsets = new Uint32Array(count);
        for (let i = 0, p = loca.offset; i < count; i++, p += 2) offsets[i] = bytes.readUInt16BE(p) * 2;
      }
      return offsets;
    };
    const loaded = new Uint8Array(Math.max(0, glyphCount));
    const outlines = new Map<number, Uint8Array>();
    let block = Buffer.alloc(0);
    let used = 0;
    /** A packed copy of `length` bytes of the scratch buffer from `from`. */
    const pack = (from: number, length: number): Uint8Array => {
      if (used + length > block.length) {
        block = Buffer.allocUnsafeSlow(Math.max(PACK_BLOCK, length));
        used = 0;
      }
      scratch.copy(block, used, from, from + length);
      used += length;
      return block.subarray(used - length, used);
    };
    keepOpen = true;
    return {
      bytes,
      // fontkit reads a glyph's header for its metrics (every glyph it lays out); until a composite
      // is loaded, the table it reads is all zeros, and no buffer of its size is made for that.
      glyfStream: short ? () => (ownGlyf ? new DecodeStream(ownGlyf) : ZEROS) : null,
      loca() {
        // fontkit only indexes the offsets. A long table becomes a Uint32Array by one native byte
        // swap (a JS loop over 65,000 entries costs ~3 ms per face in a cold process); its own,
        // unpooled memory keeps the view aligned. Shared with the outline loader; nobody writes it.
        return { version: longLoca ? 1 : 0, offsets: locaOffsets(), _processed: true };
      },
      outline(gid) {
        if (gid < 0 || gid >= glyphCount || !loaded[gid]) return undefined;
        return outlines.get(gid) ?? EMPTY;
      },
      loadOutlines(gids) {
        // Read in file order, nearby glyphs with one read (a booklet needs a few thousand glyphs
        // per face: one read each is as many system calls). A span is read into a scratch buffer
        // and only the glyphs' own bytes are kept, so the gaps never become resident.
        // Composite glyphs (negative contour count) draw other glyphs: those are read next round.
        const at = locaOffsets();
        const locaAt = (gid: number): number => at[gid]!;
        let pending = [...gids];
        while (pending.length > 0) {
          const wanted: number[] = [];
          for (const gid of pending) {
            if (gid < 0 || gid >= glyphCount || loaded[gid]) continue;
            loaded[gid] = 1;
            if (locaAt(gid + 1) > locaAt(gid)) wanted.push(gid);
          }
          wanted.sort((a, b) => locaAt(a) - locaAt(b));
          const composites: number[] = [];
          for (let i = 0; i < wanted.length; ) {
            const from = locaAt(wanted[i]!);
            let j = i + 1;
            while (j < wanted.length && locaAt(wanted[j]!) - locaAt(wanted[j - 1]! + 1) <= SPAN_GAP && locaAt(wanted[j]! + 1) - from <= SPAN_MAX) j++;
            const to = locaAt(wanted[j - 1]! + 1);
            if (scratch.length < to - from) scratch = Buffer.allocUnsafe(Math.max(to - from, SPAN_MAX));
            readAt(fd, scratch, glyf.offset + from, to - from, -(glyf.offset + from));
            for (let k = i; k < j; k++) {
              const gid = wanted[k]!;
              const a = locaAt(gid);
              const length = locaAt(gid + 1) - a;
              outlines.set(gid, pack(a - from, length));
              // numberOfContours < 0: a composite, which fontkit decodes from the font's own bytes.
              if (length >= 2 && scratch.readInt16BE(a - from) < 0) {
                const [into, at] = glyfBytes();
                scratch.copy(into, at + a, a - from, a - from + length);
                composites.push(gid);
              }
            }
            i = j;
          }
          // Only the composites' bytes are where fontkit reads glyf: a simple glyph's place there is zeros.
          pending = [];
          for (const gid of composites) {
            const [from, at] = glyfBytes();
            let p = at + locaAt(gid) + 10;
            for (;;) {
              const flags = from.readUInt16BE(p);
              pending.push(from.readUInt16BE(p + 2));
              p += 4 + (flags & 0x0001 ? 4 : 2);
              if (flags & 0x0008) p += 2;
              else if (flags & 0x0040) p += 4;
              else if (flags & 0x0080) p += 8;
              if (!(flags & 0x0020)) break;
            }
          }
        }
      },
    };
  } finally {
    // The descriptor stays open for outlines read later; it lives as long as the process caches the font.
    if (!keepOpen) closeSync(fd);
  }
}
