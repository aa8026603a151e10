import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { InputError } from '../model/source.js';
import { openSparseFont, type SparseFont } from './sparse.js';
import { useFastCmap } from './cmap.js';
import { useFastRangeRecords } from './rangeRecords.js';
import { useDirectPostscriptName } from './names.js';

/** One parsed font file under the id templates use. */
export interface Face {
  id: string;
  /** Absolute path of the font file. */
  file: string;
  font: fontkit.Font;
  unitsPerEm: number;
}

/**
 * The faces of a build. Fonts are parsed lazily (fontkit decodes tables on demand) and
 * kept for the life of the process, so a watcher parses each 10–15 MB file once.
 */
export interface FontBook {
  /** Face ids in the order fonts.json declares them. */
  ids: string[];
  /** Face ids tried, in order, for characters a style's face lacks. */
  fallbacks: string[];
  get(id: string): Face;
  has(id: string): boolean;
  /** The file behind a face id without parsing it (cache keys); undefined for an unknown id. */
  file?(id: string): string | undefined;
}

interface FontsConfig {
  faces: Record<string, string>;
  fallbacks?: string[];
}

const require = createRequire(import.meta.url);
const parsed = new Map<string, fontkit.Font>();
/** Fonts read without their outlines (see sparse.ts). */
const outlines = new WeakMap<object, SparseFont>();

/**
 * Makes sure the outlines of `gids` are in memory before anything reads them (subsetting).
 * Fonts read whole need nothing.
 */
export function loadOutlines(font: fontkit.Font, gids: Iterable<number>): void {
  outlines.get(font)?.loadOutlines(gids);
}

/**
 * The outline bytes of a glyph loaded by `loadOutlines`; undefined for a font read whole (its
 * bytes are in the font's own buffer, where fontkit reads them).
 */
export function outlineOf(font: fontkit.Font, gid: number): Uint8Array | undefined {
  const sparse = outlines.get(font);
  if (!sparse) return undefined;
  const bytes = sparse.outline(gid);
  if (!bytes) throw new Error(`outline of glyph ${gid} read before it was loaded`);
  return bytes;
}

/**
 * The folder of an installed package, found as Node looks for it (node_modules of this module's
 * folder and each one above), without require.resolve's real-path walk (~2 ms per package in a
 * fresh process). Undefined when not found there (require.resolve then decides).
 */
function packageDir(pkg: string): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function resolveFontPath(spec: string, fontsDir: string): string {
  if (spec.startsWith('npm:')) {
    const rest = spec.slice(4);
    // Resolve the package root through its package.json, then join the file inside it.
    const parts = rest.split('/');
    const pkg = rest.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const inner = parts.slice(rest.startsWith('@') ? 2 : 1).join('/');
    const found = packageDir(pkg);
    if (found) return join(found, inner);
    try {
      return join(dirname(require.resolve(`${pkg}/package.json`)), inner);
    } catch {
      return join(process.cwd(), 'node_modules', pkg, inner);
    }
  }
  return isAbsolute(spec) ? spec : resolve(fontsDir, spec);
}

function parseFont(file: string, id: string): fontkit.Font {
  const hit = parsed.get(file);
  if (hit) return hit;
  if (!existsSync(file)) throw new InputError(`font '${id}' not found: ${file} (run npm install, or fix fonts/fonts.json)`, { file, line: 0 });
  let font: fontkit.Font;
  useFastRangeRecords();
  try {
    const sparse = openSparseFont(file);
    const bytes = sparse ? sparse.bytes : readFileSync(file);
    const f = fontkit.create(bytes);
    if (sparse) {
      outlines.set(f, sparse);
      useOwnGlyfTable(f, sparse);
      // fontkit's table cache (decoded tables by tag): the same loca, read in a fraction of the time,
      // and only when fontkit first asks for it (a build with its subsets cached never does).
      const tables = (f as unknown as { _tables?: Record<string, unknown> })._tables;
      if (tables && !('loca' in tables)) {
        Object.defineProperty(tables, 'loca', {
          configurable: true,
          enumerable: true,
          get: () => {
            const value = sparse.loca();
            Object.defineProperty(tables, 'loca', { configurable: true, enumerable: true, writable: true, value });
            return value;
          },
        });
      }
    }
    if (!('layout' in f)) throw new Error('a font collection: name one font of it');
    font = f as fontkit.Font;
    useFastCmap(font);
    useDirectPostscriptName(font, bytes);
  } catch (e) {
    throw new InputError(`font '${id}' cannot be read: ${(e as Error).message}`, { file, line: 0 });
  }
  parsed.set(file, font);
  return font;
}

/**
 * Where the sparse buffer ends before `glyf` (sparse.ts), fontkit reads that table from the sparse
 * font's own: it asks for a table's stream positioned at the table's start, and reads glyphs at
 * their loca offsets from there.
 */
export function useOwnGlyfTable(font: object, sparse: SparseFont): void {
  const glyf = sparse.glyfStream;
  if (!glyf) return;
  const f = font as { _getTableStream(tag: string): unknown };
  const own = f._getTableStream.bind(f);
  f._getTableStream = (tag: string) => (tag === 'glyf' ? glyf() : own(tag));
}

/** Reads fonts/fonts.json; fonts themselves are parsed on first use. */
export function loadFontBook(fontsDir: string): FontBook {
  const configFile = join(fontsDir, 'fonts.json');
  if (!existsSync(configFile)) throw new InputError(`no fonts.json in ${fontsDir}`, { file: configFile, line: 0 });
  let config: FontsConfig;
  try {
    config = JSON.parse(readFileSync(configFile, 'utf8')) as FontsConfig;
  } catch (e) {
    throw new InputError(`fonts.json is not valid JSON: ${(e as Error).message}`, { file: configFile, line: 0 });
  }
  const files = new Map(Object.entries(config.faces ?? {}).map(([id, spec]) => [id, resolveFontPath(spec, fontsDir)]));
  const faces = new Map<string, Face>();
  const book: FontBook = {
    ids: [...files.keys()],
    fallbacks: (config.fallbacks ?? []).filter((id) => files.has(id)),
    has: (id) => files.has(id),
    file: (id) => files.get(id),
    get(id) {
      const known = faces.get(id);
      if (known) return known;
      const file = files.get(id);
      if (!file) throw new InputError(`unknown font face '${id}' (faces in fonts.json: ${[...files.keys()].join(', ')})`, { file: configFile, line: 0 });
      const font = parseFont(file, id);
      const face: Face = { id, file, font, unitsPerEm: font.unitsPerEm };
      faces.set(id, face);
      return face;
    },
  };
  return book;
}
