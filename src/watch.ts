import { statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './model/source.js';
import { build, type BuildOptions } from './build.js';
import { importPackage } from './util/imports.js';
import { optimizeForLongRun } from './util/jit.js';
import { now } from './util/clock.js';
import { limitHeapGrowth } from './util/heap.js';

/** Rehearsed edits after the first build (see BuildOptions.rehearse). */
const REHEARSALS = 6;
/** Quiet time after a build before the persistent cache is written. */
const PERSIST_AFTER_MS = 1000;
/** File times may lag the clock by a tick: a file this much older than the first build counts as saved during it. */
const MTIME_SLACK_MS = 50;

/** Names of the watched files modified at or after `since` (ms since the epoch). */
function savedSince(watched: Record<string, string[]>, since: number): string[] {
  const names: string[] = [];
  for (const [dir, entries] of Object.entries(watched)) {
    for (const name of entries) {
      try {
        const st = statSync(join(dir, name));
        if (st.isFile() && st.mtimeMs >= since) names.push(name);
      } catch {
        // Gone since the scan: its removal is an event of its own.
      }
    }
  }
  return names;
}

export interface WatchLog {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Builds, then rebuilds after every change to seeds, templates or fonts, in this process so fonts,
 * shaped runs and layouts stay cached. A failed build prints its error and leaves the last good PDF
 * in place (build() writes only after every step succeeded). Changes that arrive during a build
 * are coalesced into one more build.
 */
export async function watch(opts: BuildOptions, out: WatchLog, signal?: AbortSignal): Promise<void> {
  let persistTimer: NodeJS.Timeout | undefined;
  let persistLater: (() => void) | undefined;
  const flushPersist = () => {
    clearTimeout(persistTimer);
    const p = persistLater;
    persistLater = undefined;
    p?.();
  };
  let running = false;
  let again = false;
  let builds = 0;

  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  // Changes that arrive during a build only ask for one more round of the running build.
  const once = (why: string): Promise<void> => {
    if (stopped) return current;
    if (running) {
      again = true;
      return current;
    }
    return (current = rebuild(why));
  };
  const rebuild = async (why: string) => {
    running = true;
    try {
      do {
        again = false;
        const t0 = now();
        try {
          const r = await build(opts);
          builds++;
          const ms = Math.round(now() - t0);
          for (const d of r.diagnostics) out.error(`  ${d.level}: ${d.source ? `${d.source.file}:${d.source.line}: ` : ''}${d.message}`);
          out.log(`build ${builds} (${why}): ${r.pages} pages, ${r.diagnostics.length} warnings, ${ms} ms`);
          // The persistent cache is for the next fresh process: written once edits pause, off the path
          // of the next rebuild (and on stop).
          clearTimeout(persistTimer);
          persistLater = r.persist;
          persistTimer = setTimeout(flushPersist, PERSIST_AFTER_MS);
        } catch (e) {
          const msg = e instanceof InputError ? e.format() : (e as Error).message;
          out.error(`build failed (${why}): ${msg}; keeping the last good PDF`);
        }
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };

  // Watching starts before the first build: a file saved during it is built right after it, and
  // one saved during the rehearsals right after those.
  const { watch: chokidarWatch } = await importPackage<typeof import('chokidar')>('chokidar');
  const watcher = chokidarWatch([opts.seeds, opts.templates, opts.fonts], {
    ignoreInitial: true,
    // Editors save with rename-over; wait until the file stops changing before reading it.
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });
  const ready = new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  let timer: NodeJS.Timeout | undefined;
  // Ctrl-C is taken from here on, through the first build and the rehearsals: without a listener
  // Node would end the process at once, before the persistent cache is written.
  const done = new Promise<void>((resolveDone) => {
    const stop = () => {
      clearTimeout(timer);
      stopped = true;
      // A build in progress finishes (its PDFs are written atomically either way); chokidar's
      // close can wait on write-finish polling, so it is not awaited: the caller exits.
      void watcher.close().catch(() => undefined);
      void current.then(() => {
        flushPersist();
        resolveDone();
      });
    };
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });
  let rehearsing = false;
  let held: string | null = null;
  const pending = new Set<string>();
  watcher.on('all', (_event, path) => {
    pending.add(path.split('/').pop() ?? path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const why = [...pending].join(', ');
      pending.clear();
      if (rehearsing) held = held ? `${held}, ${why}` : why;
      else void once(why);
    }, 20);
  });
  const started = Date.now();
  limitHeapGrowth();
  await once('start');
  optimizeForLongRun();
  // From here until the rehearsals end, changes are held (never two builds at once).
  rehearsing = true;
  // A closed watcher (stopped during the first build) never becomes ready.
  await Promise.race([ready, done]);
  // The watcher reports changes from its first scan on, and that scan waits for the event loop, which
  // the first build holds: a file saved during the first build is found by its time instead.
  const early = savedSince(watcher.getWatched(), started - MTIME_SLACK_MS);
  if (early.length > 0) held = held ? `${held}, ${early.join(', ')}` : early.join(', ');
  // Rehearsals of an edit (see BuildOptions.rehearse), before the watcher reports that it is ready.
  // A failure here is only a slower first rebuild.
  for (let i = 0; i < REHEARSALS && builds > 0 && !stopped && held === null; i++) await build({ ...opts, rehearse: i }).catch(() => undefined);
  rehearsing = false;
  // The first build's cache (the largest write) goes now, not in the middle of the first edits.
  flushPersist();
  if (held !== null) void once(held);
  if (!stopped) out.log(`watching ${opts.seeds}, ${opts.templates}, ${opts.fonts} (Ctrl-C to stop)`);
  await done;
}
