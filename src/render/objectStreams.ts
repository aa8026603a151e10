/**
 * Object streams for PDFKit's output (PDF 1.5+). PDFKit writes every object as plain text and a
 * classic xref table; a tagged booklet has a few hundred small dictionaries (structure elements,
 * pages, fonts and their width arrays), which deflate to a fraction of their size once they share
 * a stream. This pass rewrites the finished file: stream objects are copied byte for byte, every
 * other object except the Info dictionary (and its values) goes into object streams, and a compressed cross-reference
 * stream replaces the table and trailer. Object numbers do not change. Anything unexpected in the
 * input (a layout this pass does not know) returns the input unchanged.
 */
import zlib from 'node:zlib';
import { deflateBest } from './deflate.js';

/** Objects per object stream. */
const PER_STREAM = 200;

const latin1 = (b: Uint8Array, from = 0, to = b.length) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', from, to);

export function packObjects(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf, Math.max(0, pdf.length - 4096));
  const tail = /startxref\n(\d+)\n%%EOF\n?$/.exec(text);
  if (!tail) return pdf;
  const xrefAt = Number(tail[1]);
  const xref = latin1(pdf, xrefAt);
  const head = /^xref\n0 (\d+)\n/.exec(xref);
  if (!head) return pdf;
  const size = Number(head[1]);
  const offsets: number[] = [];
  let at = head[0].length + 20; // the free entry of object 0
  for (let i = 1; i < size; i++, at += 20) {
    const m = /^(\d{10}) 00000 n \n$/.exec(xref.slice(at, at + 20));
    if (!m) return pdf;
    offsets[i] = Number(m[1]);
  }
  const trailer = /^trailer\n([\s\S]*?)\nstartxref\n/.exec(xref.slice(at));
  if (!trailer) return pdf;
  const root = /\/Root (\d+) 0 R/.exec(trailer[1]!);
  const info = /\/Info (\d+) 0 R/.exec(trailer[1]!);
  const id = /\/ID (\[[^\]]*\])/.exec(trailer[1]!);
  if (!root || /\/Encrypt/.test(trailer[1]!)) return pdf;
  // The Info dictionary and the strings it refers to stay plain text, readable without a PDF library.
  const plain = new Set<number>();
  if (info) {
    const n = Number(info[1]);
    const o = offsets[n];
    if (o === undefined) return pdf;
    plain.add(n);
    const body = latin1(pdf, o, o + 8192);
    const end = body.indexOf('\nendobj\n');
    for (const m of body.slice(0, end < 0 ? 0 : end).matchAll(/(\d+) 0 R/g)) plain.add(Number(m[1]));
  }

  // Each object's bytes run from its offset to the next object's (or the xref table).
  const order = offsets.map((o, n) => [o, n] as const).filter((e) => e[1] > 0).sort((a, b) => a[0] - b[0]);
  const firstObject = order[0]?.[0] ?? xrefAt;
  const parts: Uint8Array[] = [pdf.subarray(0, firstObject)];
  let written = firstObject;
  const newOffset: number[] = [];
  const packed: { num: number; body: string }[] = [];
  for (let k = 0; k < order.length; k++) {
    const [start, num] = order[k]!;
    const end = k + 1 < order.length ? order[k + 1]![0] : xrefAt;
    const prefix = `${num} 0 obj\n`;
    if (latin1(pdf, start, start + prefix.length) !== prefix) return pdf;
    const seg = pdf.subarray(start, end);
    const last = latin1(seg, Math.max(0, seg.length - 24));
    if (!last.endsWith('\nendobj\n')) return pdf;
    if (last.endsWith('endstream\nendobj\n') || plain.has(num)) {
      newOffset[num] = written;
      parts.push(seg);
      written += seg.length;
    } else {
      packed.push({ num, body: latin1(seg, prefix.length, seg.length - '\nendobj\n'.length) });
    }
  }

  // Object streams, numbered after the existing objects; the xref stream comes last.
  let next = size;
  const inStream: [number, number][] = []; // per object number: [object stream number, index]
  for (let s = 0; s < packed.length; s += PER_STREAM) {
    const group = packed.slice(s, s + PER_STREAM);
    const num = next++;
    let header = '';
    let body = '';
    group.forEach((o, i) => {
      header += `${o.num} ${Buffer.byteLength(body, 'latin1')} `;
      body += `${o.body}\n`;
      inStream[o.num] = [num, i];
    });
    header = `${header.trimEnd()}\n`;
    const data = deflateBest(Buffer.from(header + body, 'latin1'));
    const obj = Buffer.concat([
      Buffer.from(
        `${num} 0 obj\n<<\n/Type /ObjStm\n/N ${group.length}\n/First ${header.length}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    newOffset[num] = written;
    parts.push(obj);
    written += obj.length;
  }

  const xrefNum = next++;
  newOffset[xrefNum] = written;
  const total = next;
  let w2 = 1;
  while (256 ** w2 <= written) w2++;
  const row = 1 + w2 + 2;
  const table = Buffer.alloc(total * row);
  for (let n = 0; n < total; n++) {
    const p = n * row;
    if (n === 0) {
      table.writeUInt16BE(0xffff, p + 1 + w2); // free, generation 65535
      continue;
    }
    const s = inStream[n];
    if (s) {
      table[p] = 2;
      table.writeUIntBE(s[0], p + 1, w2);
      table.writeUInt16BE(s[1], p + 1 + w2);
    } else {
      const o = newOffset[n];
      if (o === undefined) return pdf;
      table[p] = 1;
      table.writeUIntBE(o, p + 1, w2);
    }
  }
  const data = zlib.deflateSync(table);
  const dict =
    `${xrefNum} 0 obj\n<<\n/Type /XRef\n/Size ${total}\n/W [1 ${w2} 2]\n/Root ${root[1]} 0 R\n` +
    (info ? `/Info ${info[1]} 0 R\n` : '') +
    (id ? `/ID ${id[1]}\n` : '') +
    `/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`;
  parts.push(Buffer.from(dict, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${written}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
