// Bundles src/ into one ESM file so a fresh `banmian` process loads one module instead of
// resolving a few dozen; npm packages stay external (pdfkit reads its data files from disk).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'lib/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
