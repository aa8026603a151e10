/**
 * What cached results depend on besides their input text: the code that made them (the
 * bundle or source file of this module plus the lock file, so an upgraded fontkit or PDFKit
 * invalidates everything) and the exact font files (path, size, modification time).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontBook } from '../font/book.js';
import { hashOf } from './store.js';

let version: string | undefined;

/** Every code file under `dir` (the bundle, or the sources), sorted. */
function codeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(c?js|ts)$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Hash of the running code and the installed dependency versions. */
export function codeVersion(): string {
  if (version) return version;
  const self = fileURLToPath(import.meta.url);
  // lib/cli.cjs when bundled, src/cache/identity.ts when run from source.
  const bundled = basename(dirname(self)) !== 'cache';
  const codeDir = bundled ? dirname(self) : dirname(dirname(self));
  // The bundle step's stamp already names the code (sources, lock file, Node; scripts/bundle.mjs):
  // with the bundle's size and time (a hand-edited bundle differs) it spares hashing 1.8 MB.
  const stamp = join(codeDir, '.stamp');
  if (bundled && existsSync(stamp)) {
    const b = statSync(self);
    return (version = hashOf('stamp', readFileSync(stamp), String(b.size), String(b.mtimeMs)));
  }
  const parts: (string | Uint8Array)[] = [];
  for (const f of codeFiles(codeDir)) parts.push(f.slice(codeDir.length), readFileSync(f));
  const lock = join(dirname(codeDir), 'package-lock.json');
  if (existsSync(lock)) parts.push(readFileSync(lock));
  return (version = hashOf(...parts));
}

/** Identity of one font file; changes when the file is replaced or edited. */
export function fileIdentity(file: string): string {
  try {
    const s = statSync(file);
    return `${file}\u0001${s.size}\u0001${s.mtimeMs}`;
  } catch {
    return `${file}\u0001missing`;
  }
}

/** Identity of every face of a book (ids, files, fallbacks): what shaping and composing read. */
export function fontsIdentity(fonts: FontBook): string {
  return hashOf(fonts.fallbacks.join(','), ...fonts.ids.map((id) => `${id}=${fileIdentity(fonts.file?.(id) ?? fonts.get(id).file)}`));
}
