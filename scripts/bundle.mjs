// Bundles src/ into lib/cli.js (plus chunks for what loads on demand) so a fresh `banmian`
// process loads a few modules instead of resolving a few dozen; npm packages stay external
// (pdfkit reads its data files from disk).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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
 * fontkit, unicode-properties and linebreak build their Unicode tables (inflating a compressed trie)
 * when they load; fontkit's Arabic, Indic and USE shapers' tables are never read for Chinese copy.
 * The bundle builds each table on its first lookup (`get` is all any of them asks of one).
 */
const lazyTrie = {
  name: 'lazy-unicode-trie',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, (args) =>
      args.namespace === 'banmian' ? undefined : { path: 'lazy-unicode-trie', namespace: 'banmian', pluginData: args.resolveDir },
    );
    b.onLoad({ filter: /^lazy-unicode-trie$/, namespace: 'banmian' }, () => ({
      contents:
        "import UnicodeTrie from 'unicode-trie';\n" +
        'export default class LazyTrie {\n' +
        '  constructor(data) { this.data = data; this.trie = null; }\n' +
        '  get(codePoint) { return (this.trie ??= new UnicodeTrie(this.data)).get(codePoint); }\n' +
        '}\n',
      loader: 'js',
      resolveDir: process.cwd(),
    }));
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

// Old chunks would only pile up (and count in the cache's code version).
rmSync('lib', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'lib',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // Chunks: modules imported with import() (templates, imposition) and their packages load only when used.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages are bundled too (a fresh process then reads a few files instead of a few hundred), except
  // the watcher's and those that find data files next to themselves at run time.
  external: EXTERNAL,
  plugins: [lazyBrotli, lazyTrie, lazyAes, noSourceMap],
  // CommonJS packages inside an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __bmCreateRequire } from 'node:module'; const require = __bmCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
