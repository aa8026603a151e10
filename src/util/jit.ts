/**
 * V8's optimising compiler, tuned per kind of run. The launcher (bin/banmian.js) starts every process
 * without TurboFan's inlining, which costs a short build more in compile time than it gives back. A
 * watch process runs for hours and rebuilds in tens of milliseconds, where optimised code with inlining
 * is worth its compile time: it turns inlining back on once the first build is out, before the
 * rehearsals (watch.ts) take the code through V8's tiers. Functions compiled earlier keep their
 * code until V8 optimises them again.
 */
import v8 from 'node:v8';

export function optimizeForLongRun(): void {
  v8.setFlagsFromString('--turbo-inlining');
}
