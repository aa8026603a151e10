/**
 * Deflate by content. PDFKit compresses every stream with `zlib.deflateSync`, looked up on
 * Node's zlib module at each call; the two editions embed the same font subsets, and a rebuild
 * after a small edit writes mostly the same page streams and exactly the same subsets. Deflate
 * is deterministic, so a stream seen before gets its earlier output (same bytes): in this
 * process from memory, and for large streams (font programs) from the persistent store too.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

export interface DeflateStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
}

/** Streams at least this large are worth a file in the persistent store. */
const PERSIST_MIN = 64 * 1024;
/** In-memory budget for remembered outputs (bytes of compressed data). */
const MEMORY_BUDGET = 48 << 20;

const original = zlib.deflateSync;
/** The smallest output zlib makes (as fast as the default on these streams: fonts and page text). */
const BEST: zlib.ZlibOptions = { level: 9, memLevel: 9 };
const memo = new Map<string, Buffer>();
let held = 0;
let store: DeflateStore | null = null;

/**
 * Inputs announced before PDFKit deflates a copy of them (encoded font subsets, the largest streams,
 * the same in both editions and usually in the next rebuild), by owner: such a copy is recognised
 * by comparing bytes, a fraction of the cost of hashing them.
 */
const expected = new Map<string, { input: Uint8Array; out?: Buffer }>();

/** `input` (the latest for `owner`) will be deflated, perhaps more than once. */
export function expectDeflate(owner: string, input: Uint8Array): void {
  if (expected.get(owner)?.input !== input) expected.set(owner, { input });
}

function remembered(data: zlib.InputType, options?: zlib.ZlibOptions): Buffer {
  if (options !== undefined || !(data instanceof Uint8Array)) return original(data, options);
  let announced: { input: Uint8Array; out?: Buffer } | undefined;
  for (const e of expected.values()) {
    if (e.input.length === data.length && Buffer.from(e.input.buffer, e.input.byteOffset, e.input.length).equals(data)) {
      announced = e;
      break;
    }
  }
  if (announced?.out) return announced.out;
  const out = deflateByContent(data);
  if (announced) announced.out = out;
  return out;
}

function deflateByContent(data: Uint8Array): Buffer {
  const key = contentKey(data);
  const known = knownOutput(key, data.length);
  if (known) return known;
  const out = original(data, BEST);
  keep(key, data.length, out);
  return out;
}

const contentKey = (data: Uint8Array): string => createHash('sha1').update(data).digest('base64');

/** The output for this content from the memo (most recently used now) or the persistent store. */
function knownOutput(key: string, length: number): Buffer | undefined {
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const saved = length >= PERSIST_MIN ? store?.get(`deflate\u0000${key}`) : undefined;
  if (!saved) return undefined;
  const out = Buffer.from(saved);
  remember(key, out);
  return out;
}

/** A fresh output: into the memo, and into the persistent store if the input is large. */
function keep(key: string, length: number, out: Buffer): void {
  if (length >= PERSIST_MIN) store?.set(`deflate\u0000${key}`, out);
  remember(key, out);
}

function remember(key: string, out: Buffer): void {
  memo.set(key, out);
  held += out.length;
  while (held > MEMORY_BUDGET && memo.size > 1) {
    const [k, v] = memo.entries().next().value!;
    memo.delete(k);
    held -= v.length;
  }
}

/**
 * Deflates what `owner` announced on libuv's thread pool (one thread: see bin/banmian.js), so the
 * font programs, a third of a cold build's deflating, are compressed while the pages are drawn. The
 * output is the same bytes the synchronous call makes; PDFKit's call for a copy of the input then
 * takes it. If that call comes first, or the input was announced anew meanwhile, it deflates itself.
 */
export function deflateAhead(owner: string): Promise<Buffer | undefined> {
  const entry = expected.get(owner);
  if (!entry || entry.out) return Promise.resolve(entry?.out);
  const { input } = entry;
  const key = contentKey(input);
  const known = knownOutput(key, input.length);
  if (known) {
    entry.out = known;
    return Promise.resolve(known);
  }
  return new Promise((resolve) => {
    // One output chunk for the whole result: with zlib's 16 KB chunks the thread hands back to the
    // main thread after each, and waits while the main thread draws.
    const chunkSize = input.length + (input.length >> 6) + 1024;
    zlib.deflate(input, { ...BEST, chunkSize }, (err, out) => {
      if (!err && !entry.out) {
        keep(key, input.length, out);
        // An input announced anew meanwhile has an entry of its own: this one no longer counts.
        entry.out = out;
      }
      resolve(err ? undefined : out);
    });
  });
}

/** Turns the memo on (idempotent) and sets the persistent store (null: memory only). */
export function rememberDeflate(persistent: DeflateStore | null): void {
  store = persistent;
  if (zlib.deflateSync !== (remembered as typeof zlib.deflateSync)) zlib.deflateSync = remembered as typeof zlib.deflateSync;
}

/**
 * Deflate at zlib's best settings, through the memo: the object streams of a rebuilt screen PDF
 * are mostly the same as the last build's.
 */
export function deflateBest(data: Uint8Array): Buffer {
  return remembered(data);
}
