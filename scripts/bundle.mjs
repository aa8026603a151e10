// Bundles src/ into one script, lib/cli.cjs, so a fresh `banmian` process reads one file instead of
// resolving a few dozen modules, and writes V8's code cache for it (lib/cli.v8cache) by running one
// build: bin/banmian.js then compiles the script from that cache, not from source (see there).
// npm packages stay external where they find data files next to themselves at run time.
// Nothing is redone while src/, the shims, this script, the launcher, the lock file and Node are as
// they were (lib/.stamp).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { shippedLoadSource, shippedTemplatesSource } from './shipped-templates.mjs';

const EXTERNAL = ['chokidar', 'pdf-lib', '@expo-google-fonts/*'];

/**
 * fontkit imports brotli's decoder (and its 120 KB dictionary, ~50 ms to load) for WOFF2 files only:
 * the bundle loads it on the first WOFF2 font instead of at start-up.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'lazy-brotli', namespace: 'banmian' }));
    b.onLoad({ filter: /^lazy-brotli$/, namespace: 'banmian' }, () => ({
      contents: "import { createRequire } from 'node:module';\nlet decode;\nexport default (...args) => (decode ??= createRequire(import.meta.url)('brotli/decompress.js'))(...args);\n",
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

/**
 * fontkit, unicode-properties and linebreak build their Unicode tables when they load, inflating each
 * with tiny-inflate: the bundle gives them scripts/shims/unicode-trie.ts instead (built on first
 * lookup, inflated by Node's zlib; see there).
 */
const SHIM = new URL('./shims/unicode-trie.ts', import.meta.url).pathname;
const lazyTrie = {
  name: 'lazy-unicode-trie',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, (args) => (args.importer === SHIM ? undefined : { path: SHIM }));
  },
};

/**
 * PDFKit imports AES (@noble/ciphers) for encrypted PDFs, and the cipher builds its lookup tables
 * (~10 ms) when it loads; banmian never encrypts. The bundle loads it on the first use instead,
 * from PDFKit's own dependencies.
 */
const lazyAes = {
  name: 'lazy-aes',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, () => ({ path: 'lazy-aes', namespace: 'banmian' }));
    b.onLoad({ filter: /^lazy-aes$/, namespace: 'banmian' }, () => ({
      contents:
        "import { createRequire } from 'node:module';\n" +
        'let aes;\n' +
        "const load = () => (aes ??= createRequire(createRequire(import.meta.url).resolve('pdfkit'))('@noble/ciphers/aes'));\n" +
        'export const cbc = (...args) => load().cbc(...args);\n' +
        'export const ecb = (...args) => load().ecb(...args);\n',
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

/**
 * Handlebars builds each compiled template through source-map's SourceNode when that package loads,
 * and through a plain string builder when it does not. banmian asks for no source maps of its
 * templates: without the package, compiling them takes less time and the bundle 100 KB less.
 */
const noSourceMap = {
  name: 'no-source-map',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, (args) => (/handlebars/.test(args.importer) ? { path: 'no-source-map', namespace: 'banmian' } : undefined));
    b.onLoad({ filter: /^no-source-map$/, namespace: 'banmian' }, () => ({ contents: 'module.exports = {};\n', loader: 'js' }));
  },
};

/**
 * commander requires child_process (and with it net, stream and more of Node's own modules, ~4 ms
 * in a fresh process) for executable subcommands, which banmian has none of: the bundle gives it
 * a spawn that loads the module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/commander/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'banmian' } : undefined));
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'banmian' }, () => ({
      contents: "let cp;\nmodule.exports = { spawn: (...args) => (cp ??= require('node:child_process')).spawn(...args) };\n",
      loader: 'js',
    }));
  },
};

/**
 * markdown-it decodes HTML entities (`&amp;`) with the entities package, whose decode tables are
 * built when it loads (~3 ms in a fresh process); copy rarely has an entity. markdown-it gets a
 * decodeHTMLStrict that loads the (still bundled) package on first call.
 */
const lazyEntities = {
  name: 'lazy-entities',
  setup(b) {
    b.onResolve({ filter: /^entities$/ }, (args) => (/markdown-it/.test(args.importer) ? { path: 'lazy-entities', namespace: 'banmian', pluginData: args.resolveDir } : undefined));
    b.onLoad({ filter: /^lazy-entities$/, namespace: 'banmian' }, (args) => ({
      contents: "let real;\nexport const decodeHTMLStrict = (s) => (real ??= require('entities')).decodeHTMLStrict(s);\n",
      loader: 'js',
      resolveDir: args.pluginData,
    }));
  },
};

const OUT = 'lib/cli.cjs';
const CODE_CACHE = 'lib/cli.v8cache';
const STAMP = 'lib/.stamp';

/** What the bundle and its code cache are made from. */
function stamp() {
  const h = createHash('sha256').update(process.version).update('\0');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk('src');
  walk('scripts/shims');
  // The bundle carries the shipped templates, compiled and loaded.
  if (existsSync('templates')) walk('templates');
  for (const f of ['scripts/bundle.mjs', 'scripts/shipped-templates.mjs', 'package-lock.json', 'bin/banmian.js', 'bin/package.json']) if (existsSync(f)) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

const want = stamp();
const upToDate = existsSync(OUT) && existsSync(CODE_CACHE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === want;
if (!upToDate) {
  // Old outputs (an earlier layout of lib/) would only pile up and count in the cache's code version.
  rmSync('lib', { recursive: true, force: true });
  await build({
    entryPoints: ['src/cli.ts'],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    // One CommonJS script: V8's code cache is made per script (vm.Script), and modules imported with
    // import() inside the bundle (templates, proofs) still start only when first used.
    format: 'cjs',
    target: 'node20',
    // npm packages are bundled too (a fresh process then reads one file instead of a few hundred), except
    // the watcher's (an ES module, imported) and those that find data files next to themselves at run time.
    external: EXTERNAL,
    plugins: [lazyBrotli, lazyTrie, lazyAes, noSourceMap, lazyChildProcess, lazyEntities],
    define: { 'import.meta.url': '__bmImportMetaUrl' },
    banner: {
      js: [
        "const __bmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
        `globalThis.__banmianShippedTemplates = ${shippedTemplatesSource('templates')};`,
        `globalThis.__banmianShippedLoad = ${await shippedLoadSource('templates')};`,
      ].join('\n'),
    },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // esbuild leaves non-ASCII characters in regular expressions; one of them makes V8 hold the whole
  // script as two-byte text (twice the memory). A \u escape means the same in a string, a regular
  // expression or a comment.
  const code = readFileSync(OUT, 'utf8');
  writeFileSync(OUT, code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  warmUp();
  writeFileSync(STAMP, want);
}

/**
 * One quiet build of the booklet (or the test copy) into a temporary folder, without .cache/, so the
 * code cache holds every function a build compiles. Without a source folder, the first real build
 * writes the cache instead.
 */
function warmUp() {
  const seeds = ['seeds', 'test/fixtures/copy'].find((d) => existsSync(d) && readdirSync(d).some((f) => /\.(txt|md)$/.test(f)));
  if (!seeds) return;
  const out = mkdtempSync(join(tmpdir(), 'banmian-warm-'));
  try {
    const r = spawnSync(process.execPath, ['bin/banmian.js', 'build', '--quiet', '--seeds', seeds, '--out', out], {
      env: { ...process.env, BANMIAN_CACHE: 'off', BANMIAN_CODE_CACHE: 'write' },
      encoding: 'utf8',
    });
    if (r.status !== 0 || !existsSync(CODE_CACHE)) console.error(`bundle: no code cache written (the first build will write it): ${(r.stderr || '').trim()}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
