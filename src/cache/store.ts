/**
 * The persistent cache in `.cache/`: one file per entry, each a small header line
 * (`banmian-cache`, the code version, the entry's key) and a payload. An entry whose header
 * does not match — another build of banmian, another key, a torn or corrupt file — is
 * ignored, never trusted; deleting the folder is always safe. Writes go to a temp file and
 * are renamed into place, so a crashed build never leaves half an entry.
 *
 * Writes wait for `flushStores()`, which a build calls once its PDFs are written: hashing and
 * writing a few megabytes of font subsets used to sit on the path to the PDFs. A build that stops
 * before that (an error, or a watch rebuild superseded before its cache was written) leaves its
 * entries queued for the next flush; `get` sees them meanwhile.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../util/atomic.js';

const MAGIC = 'banmian-cache';

export interface CacheStore {
  /** The payload stored under `key`, or undefined (missing, stale or corrupt). */
  get(key: string): Buffer | undefined;
  /** Queues `payload` (never changed afterwards) for `flushStores()`. */
  set(key: string, payload: Uint8Array | string): void;
}

/** Entries set but not yet written, by file; flushed early past this many bytes. */
const pending = new Map<string, { header: Buffer; body: Uint8Array }>();
const PENDING_MAX = 32 << 20;
let pendingBytes = 0;

/** Writes every queued entry of every store. */
export function flushStores(): void {
  for (const [file, { header, body }] of pending) {
    try {
      writeAtomic(file, Buffer.concat([header, Buffer.from(hashOf(body), 'latin1'), body]));
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
  pending.clear();
  pendingBytes = 0;
}

export const hashOf = (...parts: (string | Uint8Array)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
};

/** A store in `dir` for entries written by code version `version`; failures to read or write are misses. */
export function openStore(dir: string, version: string): CacheStore {
  const fileOf = (key: string) => join(dir, hashOf(version, key).slice(0, 32));
  const headerOf = (key: string) => Buffer.from(`${MAGIC} ${version} ${hashOf(key)}\n`);
  return {
    get(key) {
      const file = fileOf(key);
      const queued = pending.get(file);
      if (queued) return Buffer.from(queued.body);
      // A miss is the rule in a fresh cache: asked first, it costs no exception (the first one a
      // process throws costs a millisecond or two).
      if (!existsSync(file)) return undefined;
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return undefined;
      }
      const header = headerOf(key);
      if (bytes.length < header.length + 64 || !bytes.subarray(0, header.length).equals(header)) return undefined;
      // The payload's own hash after the header: a torn or edited file is a miss.
      const sum = bytes.toString('latin1', header.length, header.length + 64);
      const payload = bytes.subarray(header.length + 64);
      return hashOf(payload) === sum ? payload : undefined;
    },
    set(key, payload) {
      const file = fileOf(key);
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      pendingBytes += body.length - (pending.get(file)?.body.length ?? 0);
      pending.set(file, { header: headerOf(key), body });
      if (pendingBytes > PENDING_MAX) flushStores();
    },
  };
}
