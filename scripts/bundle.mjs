// Bundles src/ into lib/cli.js (plus chunks for what loads on demand) so a fresh `banmian`
// process loads a few modules instead of resolving a few dozen; npm packages stay external
// (pdfkit reads its data files from disk).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
