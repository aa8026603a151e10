/**
 * A face's PostScript name, read from its `name` table directly. PDFKit asks every font it embeds
 * for it, and fontkit answers by decoding the whole table: some forty records and their strings
 * (copyright, licence, names in several languages), 0.2–1.6 ms a face in a fresh process.
 */
import type * as fontkit from 'fontkit';

/** Name ID of the PostScript name (OpenType `name` table). */
const POSTSCRIPT_NAME = 6;

/**
 * The PostScript name in a `name` table (`bytes` from its start), or undefined when its records
 * are missing, unreadable or disagree. The specification has every platform's record say the same
 * ASCII name; only then is it answered here, so fontkit, whichever record it picked, says the same.
 */
export function postscriptNameIn(bytes: Uint8Array): string | undefined {
  if (bytes.length < 6) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(2);
  const storage = view.getUint16(4);
  let name: string | undefined;
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (at + 12 > bytes.length) return undefined;
    if (view.getUint16(at + 6) !== POSTSCRIPT_NAME) continue;
    const platform = view.getUint16(at);
    const length = view.getUint16(at + 8);
    const start = storage + view.getUint16(at + 10);
    if (start + length > bytes.length) return undefined;
    let text = '';
    if (platform === 0 || platform === 3) {
      if (length % 2) return undefined;
      for (let j = 0; j < length; j += 2) text += String.fromCharCode(view.getUint16(start + j));
    } else if (platform === 1) {
      for (let j = 0; j < length; j++) text += String.fromCharCode(bytes[start + j]!);
    } else {
      return undefined;
    }
    // PostScript names are printable ASCII; anything else is left to fontkit's decoders.
    if (!/^[\x21-\x7e]+$/.test(text) || (name !== undefined && name !== text)) return undefined;
    name = text;
  }
  return name;
}

/** Answers `font.postscriptName` from the table's bytes when `postscriptNameIn` can; fontkit otherwise. */
export function useDirectPostscriptName(font: fontkit.Font, fileBytes: Uint8Array): void {
  const table = (font as unknown as { directory?: { tables?: Record<string, { offset: number; length: number }> } }).directory?.tables?.name;
  if (!table || table.offset + table.length > fileBytes.length) return;
  const name = postscriptNameIn(fileBytes.subarray(table.offset, table.offset + table.length));
  if (name !== undefined) Object.defineProperty(font, 'postscriptName', { value: name, configurable: true });
}
