#!/bin/sh
':' //; unset NODE_EXTRA_CA_CERTS; [ "$1" = watch ] && exec node --v8-pool-size=1 "$0" "$@"; exec node --v8-pool-size=1 --initial-heap-size=64 "$0" "$@"
// Run as a program (`bin/banmian.js build`, `npx banmian`, npm's bin link), the first two lines are a
// shell script that starts Node on this file; to Node they are a string and a comment. It starts Node
// - without NODE_EXTRA_CA_CERTS. With that variable set, Node 20 parses its ~140 bundled root
//   certificates and the file's at start-up, before any script runs (OpenSSL 3 is slow at it:
//   nodejs/node#40524): 40–50 ms of every build on a machine that sets it system-wide, as ours do, for
//   a program that opens no TLS connection.
// - with one background thread for V8 instead of Node's four. A build is one busy thread; V8's
//   compiler and garbage collector help it from the pool, and four of them on our two cores took the
//   main thread's core often enough to cost it: cold build 399 → 356 ms (median of 15 alternating;
//   391 → 343 ms in its own timings: layout 182 → 156, render 122 → 112), peak memory 101 → 96 MiB,
//   watch rebuilds as fast (31 vs 32 ms, median of 45), a booklet five times as long 778 → 735 ms.
//   A pool of two: 354 and 394 ms in two rounds. It is not a V8 flag, so the code cache below holds.
// - for a build, with a heap that starts at 64 MB (HEAP_FLAGS below): V8 starts small and grows its
//   heap by full collections, one in every build (~20 MB live), which ran 10 ms of marking steps in
//   the build's own thread. Cold build 361 → 338 and 331 → 322 ms (medians of 15 alternating), peak
//   memory +3 MiB. Not for watch mode, which runs on: its peak after ten edits went 116 → 130 MiB.
// `node bin/banmian.js` works too, without these.
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

// A build is one short run, too short for TurboFan's most expensive work to pay: V8 compiles the hot
// functions in the background while the build goes on in slower code, and with inlining that took a
// few times as long (fillPage 70–90 ms a time, some functions twice after a deoptimisation) while
// keeping this machine's second core busy. Without inlining a cold build took 100 ms less (769 → 666
// ms, median of 21 alternating runs) and a booklet five times as long 18 % less. Waiting for 6 ticks
// instead of 3 before optimising, and leaving out loop peeling, escape analysis and load elimination,
// took another 34 ms (median of 31) and helped the long booklet too; turning TurboFan off altogether
// did as well on the booklet and worse on the long one. Watch mode, which runs on, sets V8's defaults
// back after its first build (src/util/jit.ts, which a test keeps the inverse of this list). Set
// before the script is compiled: V8 takes a code cache only under the flags it was made with.
const STARTUP_FLAGS = '--no-turbo-inlining --ticks-before-optimization=6 --no-turbo-loop-peeling --no-turbo-escape --no-turbo-load-elimination';
v8.setFlagsFromString(STARTUP_FLAGS);
// V8 sizes its heap as it starts, so the shell lines above give this on the command line (to a build).
// Set here as well, where it changes nothing, so that a process started without it (watch mode,
// `node bin/banmian.js`, the install's first build) has the same flags as one started with it, and
// all take one code cache.
const HEAP_FLAGS = '--initial-heap-size=64';
v8.setFlagsFromString(HEAP_FLAGS);
// libuv's pool (asynchronous file and zlib work) starts its threads on first use, reading this then.
// One thread: the font programs deflated there while the pages are drawn (src/render/deflate.ts)
// go one after another on the core the build leaves, instead of four threads competing for it.
process.env.UV_THREADPOOL_SIZE ??= '1';

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
  // V8 accepts a cache only under the flags it was made with: undo the run-time changes (util/heap.ts
  // sets the semi-space growth factor, whose default is 2, and in watch mode the heap's, whose
  // default is 0; util/jit.ts turns inlining back on) so a fresh process, which has not made them
  // yet, matches.
  v8.setFlagsFromString('--semi-space-growth-factor=2');
  v8.setFlagsFromString('--heap-growing-percent=0');
  v8.setFlagsFromString(STARTUP_FLAGS);
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    rmSync(tmp, { force: true });
  }
}
