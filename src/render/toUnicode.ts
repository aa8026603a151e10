/**
 * The text of a font's ToUnicode CMap, exactly as PDFKit's `EmbeddedFont.toUnicodeCmap` writes it:
 * one `bfrange` of up to 256 subset glyphs per line, each glyph's UTF-16 code units in hex. PDFKit
 * builds it from an array, a hex string and a template per glyph and per code unit, 3–7 ms for the
 * booklet's faces in a fresh process; here from a table of byte pairs, without the arrays.
 * test/render/toUnicode.test.ts compares the two on random glyph sets.
 */

/** "00" … "ff": a UTF-16 code unit is two of them. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

const hex4 = (unit: number): string => BYTE_HEX[unit >>> 8]! + BYTE_HEX[unit & 0xff]!;

/** Subset glyph index → the code points it stands for (PDFKit's `unicode`). */
export function toUnicodeCmapText(unicode: readonly (readonly number[])[]): string {
  const lines: string[] = [];
  for (let start = 0; start < unicode.length; start += 256) {
    const end = Math.min(start + 256, unicode.length);
    let line = `<${hex4(start)}> <${hex4(end - 1)}> [`;
    for (let i = start; i < end; i++) {
      if (i > start) line += ' ';
      line += '<';
      const cps = unicode[i]!;
      for (let j = 0; j < cps.length; j++) {
        if (j > 0) line += ' ';
        const cp = cps[j]!;
        if (cp > 0xffff) {
          const v = cp - 0x10000;
          line += `${hex4(((v >>> 10) & 0x3ff) | 0xd800)} ${hex4(0xdc00 | (v & 0x3ff))}`;
        } else {
          line += hex4(cp);
        }
      }
      line += '>';
    }
    lines.push(`${line}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${lines.length} beginbfrange
${lines.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
