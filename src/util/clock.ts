/**
 * Milliseconds since the process started, as `performance.now()` gives them. The `performance`
 * global loads Node's perf_hooks and a dozen modules with it on first touch (~1–2 ms of a cold
 * build); `process.uptime()` reads the same high-resolution clock.
 */
export const now = (): number => process.uptime() * 1000;
