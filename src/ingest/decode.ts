import { readFileSync } from 'node:fs';
import { InputError, type Report } from '../model/source.js';

/**
 * Bytes → text, with every repair said out loud. Seeds come from PDF extraction and
 * from editors' machines: UTF-8 with or without BOM, CRLF, sometimes GB18030.
 */

/** Share of control characters above which decoded text is taken for binary data. */
const BINARY_CONTROL_SHARE = 0.01;

function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) n++;
  }
  return n;
}

/** Decode one seed's bytes; `file` is only for messages. */
export function decodeSource(bytes: Uint8Array, file: string, report: Report): string {
  if (bytes.length === 0) throw new InputError('empty file: nothing to import', { file, line: 0 });
  if (bytes.includes(0)) throw new InputError('binary file (NUL bytes): expected UTF-8 text', { file, line: 0 });
  let text: string;
  try {
    // fatal: invalid UTF-8 must not silently become U+FFFD; the default strips a BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError('binary file: neither UTF-8 nor GB18030 text', { file, line: 0 });
    }
    report({ level: 'warning', message: 'file is GB18030-encoded, decoded it; save it as UTF-8', source: { file, line: 1 } });
  }
  if (countControls(text) > Math.max(1, text.length * BINARY_CONTROL_SHARE)) {
    throw new InputError('binary file: control characters in text', { file, line: 0 });
  }
  // A BOM left by a second encoding pass, and CR/CRLF line ends, are dropped.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new InputError('empty file: only whitespace', { file, line: 0 });
  return text;
}

/** Read and decode a file; a missing or unreadable file is an InputError. */
export function readSource(file: string, report: Report): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`cannot read file (${code})`, { file, line: 0 });
  }
  return decodeSource(bytes, file, report);
}
