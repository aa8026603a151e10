/**
 * Character-to-glyph lookups read from the cmap bytes. fontkit's lookup binary-searches the
 * subtable's groups through restructure's lazy arrays, decoding an object for every probe: a
 * booklet asks a few thousand distinct characters of each face, twice (does the face have it,
 * which glyph), and fontkit's own shaper asks again. Here the same search runs over the bytes.
 *
 * The subtable is the one fontkit picks (the same preference order), and formats 4, 12 and 13
 * are read as fontkit reads them; any other format, a font without a Unicode cmap (fontkit then
 * re-encodes code points) and lookups with a variation selector stay with fontkit. A test
 * compares both lookups over the BMP and every group edge of the faces.
 */
import type * as fontkit from 'fontkit';

/** fontkit's order of preference for a Unicode subtable: (platform, encoding). */
const PREFERENCE: ReadonlyArray<readonly [number, number]> = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

interface KitInternals {
  stream?: { buffer?: Uint8Array };
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  _cmapProcessor?: { encoding: unknown; lookup(cp: number, variationSelector?: number): number };
}

/** A lookup over the font's preferred Unicode subtable, or null when fontkit must answer. */
export function cmapLookup(bytes: Uint8Array, cmapOffset: number, cmapLength: number): ((cp: number) => number) | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = cmapOffset + cmapLength;
  if (cmapLength < 4 || end > bytes.length) return null;
  const numTables = view.getUint16(cmapOffset + 2);
  if (cmapOffset + 4 + numTables * 8 > end) return null;
  let sub = -1;
  for (const [platform, encoding] of PREFERENCE) {
    for (let i = 0; i < numTables && sub < 0; i++) {
      const rec = cmapOffset + 4 + i * 8;
      if (view.getUint16(rec) === platform && view.getUint16(rec + 2) === encoding) sub = cmapOffset + view.getUint32(rec + 4);
    }
    if (sub >= 0) break;
  }
  if (sub < 0 || sub + 2 > end) return null;
  const format = view.getUint16(sub);
  if (format === 12 || format === 13) {
    if (sub + 16 > end) return null;
    const groups = view.getUint32(sub + 12);
    const first = sub + 16;
    if (first + groups * 12 > end) return null;
    const constant = format === 13;
    return (cp) => {
      let min = 0;
      let max = groups - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const g = first + mid * 12;
        if (cp < view.getUint32(g)) max = mid - 1;
        else if (cp > view.getUint32(g + 4)) min = mid + 1;
        else return constant ? view.getUint32(g + 8) : view.getUint32(g + 8) + (cp - view.getUint32(g));
      }
      return 0;
    };
  }
  if (format === 4) {
    if (sub + 14 > end) return null;
    const length = Math.min(view.getUint16(sub + 2), end - sub);
    const segCount = view.getUint16(sub + 6) >> 1;
    const endCodes = sub + 14;
    const startCodes = endCodes + segCount * 2 + 2;
    const deltas = startCodes + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    const glyphIds = rangeOffsets + segCount * 2;
    if (glyphIds > sub + length) return null;
    const glyphCount = (sub + length - glyphIds) >> 1;
    return (cp) => {
      let min = 0;
      let max = segCount - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const start = view.getUint16(startCodes + mid * 2);
        if (cp < start) max = mid - 1;
        else if (cp > view.getUint16(endCodes + mid * 2)) min = mid + 1;
        else {
          const rangeOffset = view.getUint16(rangeOffsets + mid * 2);
          const delta = view.getInt16(deltas + mid * 2);
          if (rangeOffset === 0) return (cp + delta) & 0xffff;
          // fontkit's index into the glyph id array (idRangeOffset counts from its own entry).
          const index = rangeOffset / 2 + (cp - start) - (segCount - mid);
          const gid = index >= 0 && index < glyphCount && Number.isInteger(index) ? view.getUint16(glyphIds + index * 2) : 0;
          return gid !== 0 ? (gid + delta) & 0xffff : 0;
        }
      }
      return 0;
    };
  }
  return null;
}

/**
 * Gives fontkit's cmap processor of `font` the byte-level lookup (fontkit's shaper, glyph lookups and
 * `hasGlyphForCodePoint` all go through it). Lookups with a variation selector keep fontkit's path.
 */
export function useFastCmap(font: fontkit.Font): void {
  const f = font as unknown as KitInternals;
  const table = f.directory?.tables?.cmap;
  const bytes = f.stream?.buffer;
  if (!table || !bytes) return;
  const processor = f._cmapProcessor;
  if (!processor || processor.encoding) return;
  const fast = cmapLookup(bytes, table.offset, table.length);
  if (!fast) return;
  const slow = processor.lookup.bind(processor);
  processor.lookup = (cp, variationSelector) => (variationSelector ? slow(cp, variationSelector) : fast(cp));
}
