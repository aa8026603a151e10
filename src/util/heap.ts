/**
 * A cap on V8's young generation, set from inside the process. By default V8 doubles the
 * semi-spaces after busy scavenges up to 16 MB each, so a build that allocates briskly (shaping,
 * composing, PDF strings) ends with 32 MB of new space resident, a fifth of its peak memory.
 * Semi-spaces of 4 MB cost no measurable time on a build (the survivors are the same) and keep
 * the peak under 128 MiB. `--max-semi-space-size` would do this, but only as a flag given to
 * `node` itself; V8 does read `--semi-space-growth-factor` at each resize, so once the new space
 * reaches the cap, growth is switched off.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

export function capYoungGeneration(semiSpaceMiB: number): void {
  const limit = 2 * semiSpaceMiB * 1024 * 1024;
  const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  const stop = () => v8.setFlagsFromString('--semi-space-growth-factor=1');
  if (newSpace() >= limit) return stop();
  // Growth happens at scavenges: look after each garbage collection.
  const observer = new PerformanceObserver(() => {
    if (newSpace() < limit) return;
    stop();
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
