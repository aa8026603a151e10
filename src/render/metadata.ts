/**
 * Document information: the Info dictionary and an XMP packet we write ourselves, because
 * PDFKit interpolates Info values into XMP without escaping (a `&` in a title breaks the XML).
 */
import type { BookletMeta } from '../model/page.js';
import type { KitDocument } from './kit.js';
import { pdfName } from './kit.js';

export const CREATOR = 'banmian';
export const PRODUCER = 'banmian with PDFKit';

/** When neither options nor the booklet give a usable date: a fixed one, never the clock. */
export const DEFAULT_DATE = new Date(Date.UTC(2000, 0, 1));

/** The creation date of a build: the option, else the issue date, else the fixed default. */
export function creationDate(meta: BookletMeta, given?: Date): Date {
  if (given && !Number.isNaN(given.getTime())) return given;
  const issue = /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? new Date(`${meta.date}T00:00:00Z`) : null;
  return issue && !Number.isNaN(issue.getTime()) ? issue : DEFAULT_DATE;
}

/** Info dictionary entries (PDFKit writes JS strings as PDF text strings). */
export function infoEntries(meta: BookletMeta, date: Date, pdfx: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    Title: meta.title,
    Subject: meta.subject,
    Author: meta.author,
    Keywords: meta.keywords.join(', '),
    Creator: CREATOR,
    Producer: PRODUCER,
    CreationDate: date,
    ModDate: date,
  };
  if (pdfx) {
    info.GTS_PDFXVersion = 'PDF/X-4';
    info.Trapped = pdfName('False');
  }
  return info;
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** xmp dates: seconds precision, UTC. */
const xmpDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** A UUID-shaped string from a hex digest, so document IDs are stable per content. */
export const uuidFrom = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

export interface XmpInput {
  meta: BookletMeta;
  date: Date;
  pdfx: boolean;
  /** Hex digest of the content, for xmpMM:DocumentID/InstanceID. */
  digest: string;
}

/** The complete XMP packet (escaped, well-formed). */
export function xmpPacket({ meta, date, pdfx, digest }: XmpInput): string {
  const e = xmlEscape;
  const lang = e(meta.lang || 'x-default');
  const keywords = meta.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('');
  const id = uuidFrom(digest);
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"${pdfx ? '\n xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"' : ''}>
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${e(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>${keywords}</rdf:Bag></dc:subject>
<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${xmpDate(date)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(date)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(date)}</xmp:MetadataDate>
<xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>
<pdf:Producer>${e(PRODUCER)}</pdf:Producer>
<pdf:Keywords>${e(meta.keywords.join(', '))}</pdf:Keywords>
<xmpMM:DocumentID>uuid:${id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${id}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>${pdfx ? '\n<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>' : ''}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Replaces PDFKit's XMP writer on this document with one that writes `packet()` (called at
 * `end()`, when the content digest is known). Uncompressed, as XMP readers expect.
 */
export function useOwnXmp(doc: KitDocument, packet: () => string): void {
  doc.endMetadata = () => {
    const ref = doc.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false;
    ref.end(new TextEncoder().encode(packet()));
    doc._root.data.Metadata = ref;
  };
}
