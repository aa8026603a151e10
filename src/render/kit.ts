/**
 * The slice of PDFKit this renderer uses, including the private fields it has to reach
 * (page dictionaries for boxes, the catalog for output intents, `_id` for the trailer).
 * Typed here once so the rest of render/ does not scatter `any` casts.
 */
import PDFDocument from 'pdfkit';

export interface KitRef {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

export interface KitPage {
  width: number;
  height: number;
  dictionary: KitRef;
  fonts: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
  /** The page's content stream; `buffer` holds what was written to it so far. */
  content: KitRef & { buffer: Uint8Array[] };
  /** The page's resource dictionary (`fonts` and `ext_gstates` create their entries on first read). */
  resources: KitRef;
  /** Appends to the page's content stream (a string gets a newline). */
  write(chunk: string | Uint8Array): void;
}

export interface KitImage {
  width: number;
  height: number;
  /** JPEG: set on open; PNG: on its decoder. */
  colorSpace?: string;
  image?: { colorSpace?: string; palette?: unknown[] };
}

export interface KitStruct {
  add(child: unknown): KitStruct;
  end(): void;
}

export interface KitDocument extends NodeJS.EventEmitter {
  page: KitPage;
  info: Record<string, unknown>;
  _root: KitRef;
  _font: unknown;
  _id: Uint8Array;
  _ctm: number[];
  /** Where PDFKit writes every piece of the file (and counts the offsets for the xref table). */
  _write(data: string | Uint8Array): void;
  _offset: number;
  /** PDFKit's document is a readable stream of the file. */
  read(): Uint8Array | null;
  resume(): void;
  ref(data?: Record<string, unknown>): KitRef;
  addPage(opts: { size: [number, number]; margin: number }): KitDocument;
  switchToPage(n: number): KitPage;
  addContent(s: string | Uint8Array): KitDocument;
  registerFont(name: string, src: unknown): KitDocument;
  font(name: string): KitDocument;
  openImage(src: Uint8Array): KitImage;
  image(img: KitImage, x: number, y: number, opts: Record<string, unknown>): KitDocument;
  annotate(x: number, y: number, w: number, h: number, opts: Record<string, unknown>): KitDocument;
  struct(type: string, options?: Record<string, unknown>): KitStruct;
  addStructure(s: KitStruct): KitDocument;
  markContent(tag: string, options?: Record<string, unknown>): KitDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): KitDocument;
  endMetadata(): void;
  end(): void;
}

/** A new PDFKit document, seen through the interface above. */
export function createKitDocument(options: Record<string, unknown>): KitDocument {
  return new PDFDocument(options as PDFKit.PDFDocumentOptions) as unknown as KitDocument;
}

/**
 * A PDF name object as an Info value (e.g. `/Trapped /False`): PDFKit turns JS strings into PDF
 * strings, but falls back to `${value}` for objects it does not know, which gives us `/False`.
 */
export function pdfName(name: string): object {
  return {
    get [Symbol.toStringTag]() {
      return 'PDFName';
    },
    toString: () => `/${name}`,
  };
}
