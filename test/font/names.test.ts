import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/font/book.js';
import { postscriptNameIn } from '../../src/font/names.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

/** A `name` table of these records (platform, nameID, string), each encoded as its platform does. */
function nameTable(records: Array<[platform: number, nameId: number, text: string]>): Uint8Array {
  const strings = records.map(([platform, , text]) =>
    platform === 1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf16le').swap16(),
  );
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach(([platform, nameId], i) => {
    const at = 6 + i * 12;
    head.writeUInt16BE(platform, at);
    head.writeUInt16BE(platform === 1 ? 0 : 1, at + 2);
    head.writeUInt16BE(platform === 1 ? 0 : 0x409, at + 4);
    head.writeUInt16BE(nameId, at + 6);
    head.writeUInt16BE(strings[i]!.length, at + 8);
    head.writeUInt16BE(offset, at + 10);
    offset += strings[i]!.length;
  });
  return Buffer.concat([head, ...strings]);
}

describe('the PostScript name read directly', () => {
  it.each(fonts.ids)('is fontkit’s own for face %s, and the face in the book answers it without decoding the name table', (id) => {
    const file = fonts.get(id).file;
    const own = fontkit.create(readFileSync(file)) as fontkit.Font;
    const book = fonts.get(id).font as fontkit.Font & { _tables: Record<string, unknown> };
    expect(Object.getOwnPropertyDescriptor(book, 'postscriptName')?.value).toBe(own.postscriptName);
    expect(book.postscriptName).toBe(own.postscriptName);
    expect('name' in book._tables).toBe(false);
  });

  it.each([
    ['Windows and Mac records that agree', [[3, 6, 'Some-Face'], [1, 6, 'Some-Face'], [3, 1, 'Some Face']], 'Some-Face'],
    ['a Unicode-platform record', [[0, 6, 'Uni-Face']], 'Uni-Face'],
    ['records that disagree', [[3, 6, 'One-Face'], [1, 6, 'Other-Face']], undefined],
    ['no PostScript name', [[3, 1, 'Family'], [3, 4, 'Full Name']], undefined],
    ['a name with a space (not PostScript)', [[3, 6, 'Bad Name']], undefined],
  ] as const)('%s', (_, records, expected) => {
    expect(postscriptNameIn(nameTable(records as unknown as Array<[number, number, string]>))).toBe(expected);
  });

  it('leaves a truncated table to fontkit', () => {
    const table = nameTable([[3, 6, 'Some-Face']]);
    expect(postscriptNameIn(table.subarray(0, table.length - 4))).toBeUndefined();
    expect(postscriptNameIn(table.subarray(0, 10))).toBeUndefined();
  });
});
