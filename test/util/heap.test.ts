import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/helpers.js';

const root = resolve(import.meta.dirname, '../..');

describe('young-generation cap (util/heap.ts)', () => {
  it('grows the new space to the cap at once and keeps it there under allocation that would grow it', () => {
    // A bare Node process: the cap is process-wide, and the test runner's own heap has long grown.
    const dir = tempDir('heap');
    const heap = transformSync(readFileSync(join(root, 'src/util/heap.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code;
    writeFileSync(join(dir, 'heap.mjs'), heap);
    const script = join(dir, 'cap.mjs');
    writeFileSync(
      script,
      `import v8 from 'node:v8';
import { capYoungGeneration } from './heap.mjs';
const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
const before = size();
capYoungGeneration(4);
const capped = size();
// Survivors by the megabyte: without the cap V8 would double the semi-spaces up to 16 MB.
const keep = [];
for (let i = 0; i < 3000; i++) keep.push(new Array(4096).fill(i));
console.log(JSON.stringify({ before, capped, after: size(), kept: keep.length }));
`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { before: number; capped: number; after: number };
    expect(m.before).toBeLessThan(8);
    expect(m.capped).toBe(8);
    expect(m.after).toBe(8);
  });
});
