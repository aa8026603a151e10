#!/usr/bin/env node
// The package's command. The code lives in lib/cli.js, bundled from src/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lib = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(lib))) {
  console.error('banmian: lib/cli.js is missing; run `npm install` (or `npm run build:js`) in the project folder first');
  process.exit(1);
}
await import(lib.href);
