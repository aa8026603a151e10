import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/font/book.js';
import { useFastRangeRecords } from '../../src/font/rangeRecords.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

type Table = Record<string, unknown>;
interface Layout {
  lookupList: { length: number; get(i: number): { lookupType: number; subTables: Table[] } };
}

/** Every range record of a font's GSUB and GPOS lookups (coverage and class definitions), as text, and how many have hidden fields. */
function rangeRecords(bytes: Buffer): { text: string[]; count: number; withParent: number } {
  const font = fontkit.create(bytes) as unknown as { GSUB?: Layout; GPOS?: Layout };
  const text: string[] = [];
  let count = 0;
  let withParent = 0;
  const visit = (where: string, table: unknown) => {
    if (!table || typeof table !== 'object') return;
    const t = table as Table;
    for (const key of ['rangeRecords', 'classRangeRecord']) {
      const records = t[key] as Table[] | undefined;
      if (!records) continue;
      for (const r of records) {
        count++;
        if (Object.getOwnPropertyNames(r).includes('parent')) withParent++;
        text.push(`${where} ${key} ${JSON.stringify(r)}`);
      }
    }
  };
  for (const tag of ['GSUB', 'GPOS'] as const) {
    const list = font[tag]?.lookupList;
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const lookup = list.get(i);
      lookup.subTables.forEach((sub, k) => {
        const st = ((sub as Table).extension as Table | undefined) ?? sub;
        for (const field of ['coverage', 'classDef', 'classDef1', 'classDef2', 'backtrackClassDef', 'inputClassDef', 'lookaheadClassDef', 'markCoverage', 'baseCoverage']) {
          visit(`${tag} ${i}.${k} ${field}`, st[field]);
        }
      });
    }
  }
  return { text, count, withParent };
}

describe('range records decoded directly', () => {
  afterAll(() => useFastRangeRecords(true));

  // One face of each family and weight class: their kern lookups differ (direct and extension subtables).
  for (const id of ['serif', 'serif-black', 'sans', 'sans-bold']) {
    it(`gives the records restructure gives, without hidden fields, in ${id}`, () => {
      const bytes = readFileSync(fonts.get(id).file);
      useFastRangeRecords(false);
      const slow = rangeRecords(bytes);
      useFastRangeRecords(true);
      const fast = rangeRecords(bytes);
      expect(slow.count).toBeGreaterThan(500);
      expect(fast.text).toEqual(slow.text);
      // Restructure's records carry the hidden fields; these do not, so the direct decoding ran.
      expect(slow.withParent).toBe(slow.count);
      expect(fast.withParent).toBe(0);
    });
  }

  it('shapes text as restructure does, kerning and all', () => {
    const bytes = readFileSync(fonts.get('serif').file);
    const shape = () => {
      const font = fontkit.create(bytes) as fontkit.Font;
      return ['“中国”，', '。”……', '《书》、', 'AVATAR 2025 年', '1.26万'].map((t) => {
        const run = font.layout(t, [], t.startsWith('A') ? 'latn' : 'hani', t.startsWith('A') ? 'dflt' : 'ZHS ');
        return run.glyphs.map((g, i) => `${g.id}:${run.positions[i]!.xAdvance}:${run.positions[i]!.xOffset}`).join(' ');
      });
    };
    useFastRangeRecords(false);
    const slow = shape();
    useFastRangeRecords(true);
    expect(shape()).toEqual(slow);
  });
});
