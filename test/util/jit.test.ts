import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_RUN_FLAGS } from '../../src/util/jit.js';
import { root } from '../e2e/helpers.js';

/** `--no-x` → ['x', 'false'], `--x` → ['x', 'true'], `--x=v` → ['x', 'v']. */
const parse = (flags: string): Map<string, string> =>
  new Map(
    flags.split(/\s+/).filter(Boolean).map((f) => {
      const [name, value] = f.replace(/^--/, '').split('=');
      if (value !== undefined) return [name!, value];
      return name!.startsWith('no-') ? [name!.slice(3), 'false'] : [name!, 'true'];
    }),
  );

describe('V8 flags for short and long runs', () => {
  const launcher = readFileSync(join(root, 'bin/banmian.js'), 'utf8');
  const startup = parse(/const STARTUP_FLAGS = '([^']*)'/.exec(launcher)![1]!);
  const longRun = parse(LONG_RUN_FLAGS);

  it('sets back every flag the launcher changes, and nothing else', () => {
    expect([...longRun.keys()].sort()).toEqual([...startup.keys()].sort());
    for (const [name, value] of startup) expect(longRun.get(name), name).not.toBe(value);
  });

  it('sets them back to what this Node’s V8 has by default', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 << 20 });
    for (const [name, value] of longRun) {
      const m = new RegExp(`^\\s+--${name} \\(.*\\n\\s+type: \\w+\\s+default: --(no-)?${name}(?:=(\\S+))?`, 'm').exec(options);
      expect(m, `--${name} in node --v8-options`).not.toBeNull();
      const def = m![2] ?? (m![1] ? 'false' : 'true');
      expect(value, name).toBe(def);
    }
  });
});
