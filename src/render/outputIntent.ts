/**
 * The PDF/X output intent: the print shop's CMYK ICC profile embedded as the GTS_PDFX
 * destination. We ship no profile (the usable ones are not freely redistributable, and the
 * right one is the shop's), so without `iccProfile` the print PDF is built without an intent.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../model/source.js';
import type { KitDocument } from './kit.js';

export interface IccProfile {
  bytes: Uint8Array;
  /** Profile description from its `desc` tag, or the file name. */
  description: string;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/** The `desc` tag text: v2 `desc` (ASCII) or v4 `mluc` (first record, UTF-16BE). */
function describe(b: Uint8Array): string | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 132) return null;
  const count = v.getUint32(128);
  for (let i = 0; i < count && 132 + 12 * i + 12 <= b.length; i++) {
    const at = 132 + 12 * i;
    if (ascii(b, at, 4) !== 'desc') continue;
    const off = v.getUint32(at + 4);
    const type = ascii(b, off, 4);
    if (type === 'desc') {
      const len = v.getUint32(off + 8);
      return ascii(b, off + 12, Math.max(0, len - 1)).trim() || null;
    }
    if (type === 'mluc') {
      const len = v.getUint32(off + 20);
      const start = off + v.getUint32(off + 24);
      let s = '';
      for (let j = 0; j + 1 < len; j += 2) s += String.fromCharCode(v.getUint16(start + j));
      return s.trim() || null;
    }
  }
  return null;
}

/** Reads and checks a CMYK output profile; wrong files are input errors, not crashes later. */
export function readIccProfile(file: string): IccProfile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`ICC profile cannot be read: ${(e as Error).message}`, { file, line: 0 });
  }
  if (bytes.length < 132 || ascii(bytes, 36, 4) !== 'acsp') {
    throw new InputError('not an ICC profile (no acsp signature)', { file, line: 0 });
  }
  const space = ascii(bytes, 16, 4);
  if (space !== 'CMYK') {
    throw new InputError(`the print edition needs a CMYK output profile; this one is ${space.trim()}`, { file, line: 0 });
  }
  let description: string | null = null;
  try {
    description = describe(bytes);
  } catch {
    description = null;
  }
  return { bytes, description: description ?? basename(file, extname(file)) };
}

/** Adds the single GTS_PDFX output intent to the catalog. */
export function addOutputIntent(doc: KitDocument, icc: IccProfile): void {
  const profile = doc.ref({ N: 4 });
  profile.end(icc.bytes);
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(icc.description),
    Info: new String(icc.description),
    RegistryName: new String('http://www.color.org'),
    DestOutputProfile: profile,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
}
