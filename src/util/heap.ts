/**
 * A cap on V8's young generation, set from inside the process. By default V8 doubles the
 * semi-spaces after busy scavenges up to 16 MB each, so a build that allocates briskly (shaping,
 * composing, PDF strings) ends with 32 MB of new space resident, a fifth of its peak memory.
 * Semi-spaces of 4 MB cost no measurable time on a build and keep the peak under 128 MiB.
 *
 * `--max-semi-space-size` would do this, but only as a flag given to `node` itself. V8 does read
 * `--semi-space-growth-factor` at each resize, so: grow the new space to the cap now (V8 doubles it
 * once as much as its capacity has survived scavenges, so short-lived survivors are made until it
 * has), then switch growth off. Doing it at start-up, synchronously, makes the cap the same in every
 * run; waiting for a garbage-collection callback would freeze it at whatever size the first
 * event-loop turn found. Costs ~3.5 ms.
 */
import v8 from 'node:v8';

export function capYoungGeneration(semiSpaceMiB: number): void {
  const target = 2 * semiSpaceMiB * 1024 * 1024;
  const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? target;
  // One growth step from V8's first semi-spaces (1 MB on 64-bit) to the cap, instead of doubling
  // twice: half the survivors to make (~3.5 ms instead of ~7). The loop still grows until the cap.
  v8.setFlagsFromString(`--semi-space-growth-factor=${Math.max(2, semiSpaceMiB)}`);
  // 64 KB arrays (under V8's large-object size, so they are born in the new space), kept until the
  // space has grown; bounded in case a V8 grows differently.
  let survivors: number[][] | null = [];
  for (let made = 0; newSpace() < target && made < 8 * target; made += 8192 * 8) survivors.push(new Array<number>(8192).fill(0.5));
  survivors = null;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * A watch process keeps little alive (~25 MB of JavaScript objects after ten edits) but grew to
 * ~135–145 MiB: after each full collection V8 lets the old generation grow by a factor it picks
 * from the collector's speed, up to ~2×, and every rebuild's garbage waits there for the next one.
 * A fixed factor of 1.3 collects sooner: ~110 MiB at the peak, with rebuilds as fast (measured with
 * the bench's edit loop). V8's default (0: its own choice) is put back before the launcher writes
 * the code cache (bin/banmian.js), since V8 takes a cache only under the flags it was made with.
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=30');
}
