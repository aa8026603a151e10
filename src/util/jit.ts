/**
 * V8's optimising compiler, tuned per kind of run. The launcher (bin/banmian.js) starts every process
 * with TurboFan's costliest work left out (inlining, loop peeling, escape analysis, load elimination)
 * and optimising later: in a build of a few hundred milliseconds that compile time is not paid back.
 * A watch process runs for hours and rebuilds in tens of milliseconds, where fully optimised code is
 * worth its compile time: it sets V8's defaults back once the first build is out, before the
 * rehearsals (watch.ts) take the code through V8's tiers. Functions compiled earlier keep their code
 * until V8 optimises them again.
 */
import v8 from 'node:v8';

/** V8's defaults for every flag the launcher's STARTUP_FLAGS changes (a test checks the two agree). */
export const LONG_RUN_FLAGS = '--turbo-inlining --ticks-before-optimization=3 --turbo-loop-peeling --turbo-escape --turbo-load-elimination';

export function optimizeForLongRun(): void {
  v8.setFlagsFromString(LONG_RUN_FLAGS);
}
