/**
 * Reading a TrueType file without its outlines. The Noto CJK faces are 10–15 MB, ~90 % of it
 * the `glyf` table, and a booklet draws a few thousand of their 65,000 glyphs: every table but
 * `glyf` is read up front, and a glyph's outline only when a subset needs it (`loadOutlines`).
 * The buffer has the file's full size so fontkit's offsets hold; the unread part stays zero and
 * is never touched, so the OS does not give it memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** An open font file: its bytes (outlines filled on demand) and what is needed to fill them. */
export interface SparseFont {
  bytes: Buffer;
  /** Reads the outlines of these glyphs (and of the glyphs composites refer to) into `bytes`. */
  loadOutlines(gids: Iterable<number>): void;
  /**
   * The loca table as fontkit's decoder leaves it (byte offsets, `_processed`), read directly:
   * fontkit decodes its 65,000 entries one by one on the first advance width it is asked for.
   */
  loca(): { version: number; offsets: number[]; _processed: boolean };
}

interface TableRecord {
  offset: number;
  length: number;
}

function readAt(fd: number, into: Buffer, offset: number, length: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, offset + done, length - done, offset + done);
    if (n === 0) throw new Error(`unexpected end of font file at ${offset + done}`);
    done += n;
  }
}

/** `null` when the file is not a plain TrueType font with glyf/loca (then read it whole). */
export function openSparseFont(file: string): SparseFont | null {
  const fd = openSync(file, 'r');
  let keepOpen = false;
  try {
    const size = fstatSync(fd).size;
    if (size < 12) return null;
    // Zero-filled and untouched: only the pages we read into become resident.
    const bytes = Buffer.alloc(size);
    readAt(fd, bytes, 0, 12);
    const version = bytes.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x74727565) return null;
    const numTables = bytes.readUInt16BE(4);
    readAt(fd, bytes, 12, numTables * 16);
    const tables = new Map<string, TableRecord>();
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = bytes.toString('latin1', at, at + 4);
      const offset = bytes.readUInt32BE(at + 8);
      const length = bytes.readUInt32BE(at + 12);
      if (offset + length > size) return null;
      tables.set(tag, { offset, length });
    }
    const glyf = tables.get('glyf');
    const loca = tables.get('loca');
    const head = tables.get('head');
    if (!glyf || !loca || !head) return null;
    for (const [tag, t] of tables) if (tag !== 'glyf') readAt(fd, bytes, t.offset, t.length);
    const longLoca = bytes.readInt16BE(head.offset + 50) === 1;
    const glyphCount = Math.floor(loca.length / (longLoca ? 4 : 2)) - 1;
    const locaAt = (gid: number): number =>
      longLoca ? bytes.readUInt32BE(loca.offset + gid * 4) : bytes.readUInt16BE(loca.offset + gid * 2) * 2;
    const loaded = new Uint8Array(Math.max(0, glyphCount));
    keepOpen = true;
    return {
      bytes,
      loca() {
        const count = Math.floor(loca.length / (longLoca ? 4 : 2));
        const offsets = new Array<number>(count);
        const b = bytes;
        let p = loca.offset;
        if (longLoca) for (let i = 0; i < count; i++, p += 4) offsets[i] = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
        else for (let i = 0; i < count; i++, p += 2) offsets[i] = ((b[p]! << 8) | b[p + 1]!) * 2;
        return { version: longLoca ? 1 : 0, offsets, _processed: true };
      },
      loadOutlines(gids) {
        const todo = [...gids];
        while (todo.length > 0) {
          const gid = todo.pop()!;
          if (gid < 0 || gid >= glyphCount || loaded[gid]) continue;
          loaded[gid] = 1;
          const start = locaAt(gid);
          const end = locaAt(gid + 1);
          if (end <= start) continue;
          readAt(fd, bytes, glyf.offset + start, end - start);
          // A composite glyph (negative contour count) draws other glyphs: load those too.
          if (bytes.readInt16BE(glyf.offset + start) >= 0) continue;
          let p = glyf.offset + start + 10;
          for (;;) {
            const flags = bytes.readUInt16BE(p);
            todo.push(bytes.readUInt16BE(p + 2));
            p += 4 + (flags & 0x0001 ? 4 : 2);
            if (flags & 0x0008) p += 2;
            else if (flags & 0x0040) p += 4;
            else if (flags & 0x0080) p += 8;
            if (!(flags & 0x0020)) break;
          }
        }
      },
    };
  } finally {
    // The descriptor stays open for outlines read later; it lives as long as the process caches the font.
    if (!keepOpen) closeSync(fd);
  }
}
