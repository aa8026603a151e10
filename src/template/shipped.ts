/**
 * The shipped templates folder, loaded when the bundle is made (scripts/bundle.mjs) and carried in
 * it, as TeX carries a dumped format: a fresh process with the shipped templates takes the page
 * descriptions from the bundle instead of parsing YAML, rendering Handlebars and validating (~15 ms
 * of a cold build). The bundle's copy is keyed by the folder's content, so any edited, added or
 * removed file misses it and the folder is loaded as before. It was made by this very code (the
 * bundle is rebuilt whenever src/ or templates/ change), so it is what loading would give.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hashOf } from '../cache/store.js';
import type { Templates } from './types.js';

/** The identity of a templates folder: `key` of its files where they are, `content` of their paths inside it and bytes only. */
export interface FolderIdentity {
  key: string;
  content: string;
}

/** Every file under `dir` with its content; empty keys when the folder cannot be read. */
export function folderIdentity(dir: string): FolderIdentity {
  const inside: (string | Uint8Array)[] = ['templates folder'];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) inside.push(relative(dir, p), readFileSync(p));
    }
  };
  try {
    walk(dir);
  } catch {
    return { key: '', content: '' };
  }
  const content = hashOf(...inside);
  // Where the folder is, and what it holds: its files are `dir` joined to the paths inside.
  return { key: hashOf(dir, content), content };
}

/** The paths in templates (`dir`, and each page's and reference's `file`) are the folder's and its files'. */
function mapPaths(t: Templates, map: (path: string, isDir: boolean) => string): Templates {
  return JSON.parse(JSON.stringify(t), (k, v: unknown) => (typeof v === 'string' && (k === 'dir' || k === 'file') ? map(v, k === 'dir') : v)) as Templates;
}

/** `t`, loaded from `dir`, with its paths relative to `dir`: what the bundle carries. */
export function portableTemplates(t: Templates, dir: string): Templates {
  return mapPaths(t, (p, isDir) => (isDir ? '' : relative(dir, p)));
}

/** The bundle's templates when the folder at `dir` has the shipped content, with its paths there. */
export function shippedTemplates(identity: FolderIdentity, dir: string): Templates | undefined {
  const shipped = (globalThis as { __banmianShippedLoad?: { content: string; templates: Templates } }).__banmianShippedLoad;
  if (!shipped || !identity.content || shipped.content !== identity.content) return undefined;
  // As loadTemplates(dir) has them: `dir` as given, files joined to it.
  return mapPaths(shipped.templates, (p, isDir) => (isDir ? dir : join(dir, p)));
}
