#!/usr/bin/env node
// The package's command. It runs lib/cli.cjs, the script `npm install` (prepare) bundles from src/,
// compiled from V8's code cache (lib/cli.v8cache) when that cache was made by this Node: a fresh
// process then reads the compiled functions instead of parsing and compiling 1.8 MB of JavaScript,
// about a tenth of a second of every cold build. A missing or stale cache is written anew when the
// process exits; if lib/ cannot be written, only that speed is lost. This file is CommonJS
// (bin/package.json): Node starts a CommonJS entry a few milliseconds sooner than a module.
'use strict';
const { existsSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const dir = join(__dirname, '../lib');
const file = join(dir, 'cli.cjs');
if (!existsSync(file)) {
  console.error('banmian: lib/cli.cjs is missing; run `npm install` (or `npm run build:js`) in the project folder first');
  process.exit(1);
}
const cacheFile = join(dir, 'cli.v8cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
if (process.env.BANMIAN_CODE_CACHE === 'write' || !cachedData || script.cachedDataRejected) process.once('exit', writeCodeCache);
cachedData = undefined;
// A script compiled from a code cache has no loader for import(): it imports packages through this one
// (src/util/imports.ts).
globalThis.__banmianImport = (name) => import(name);
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dir);

/** After the run, so the cache holds every function it compiled (the script alone holds only its top level). */
function writeCodeCache() {
  // V8 accepts a cache only under the flags it was made with: undo util/heap.ts's run-time change
  // (V8's default growth factor is 2) so a fresh process, which has not made it yet, matches.
  v8.setFlagsFromString('--semi-space-growth-factor=2');
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    rmSync(tmp, { force: true });
  }
}
