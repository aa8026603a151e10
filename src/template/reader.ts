import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, YAMLException, type Event } from 'js-yaml';
import { InputError } from '../model/source.js';
import { mm } from '../model/units.js';
import type { TemplateRef } from './types.js';

/** A path into a YAML document: keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;

/** Maps a line of the text YAML was parsed from back to the file an editor should open. */
export type LineMap = (line: number) => TemplateRef;

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Typed, located access to one parsed YAML text. Every failed expectation becomes an
 * InputError naming the file and line of the offending value, so editors of templates
 * never see a stack trace.
 *
 * js-yaml (core schema) parses the text into events that carry source offsets; the values are
 * built from the events, and where each value stands is looked up in them only when asked.
 * (The `yaml` package's document model did both at once, at several times the cost in a fresh
 * process, where templates are loaded once.)
 */
export class YamlReader {
  private readonly data: Record<string, unknown>;
  private readonly events: Event[];
  /** Source offset of every value by path (keys joined by NUL), built on the first `where`. */
  private offsets?: Map<string, number>;
  private lineStarts?: number[];

  constructor(
    private readonly text: string,
    private readonly mapLine: LineMap,
  ) {
    let data: unknown;
    try {
      this.events = parseEvents(text, {});
      data = constructFromEvents(this.events, { source: text })[0];
    } catch (e) {
      if (e instanceof YAMLException) throw new InputError(`bad YAML: ${e.reason}`, this.mapLine((e.mark?.line ?? 0) + 1));
      throw e;
    }
    if (!isMapping(data)) throw new InputError('expected a YAML mapping at the top', this.mapLine(1));
    this.data = data;
  }

  /** The value at `path`; undefined where the path leads nowhere. */
  private get(path: Path): unknown {
    let v: unknown = this.data;
    for (const k of path) {
      if (Array.isArray(v) && typeof k === 'number') v = v[k];
      else if (isMapping(v) && Object.hasOwn(v, k)) v = v[k];
      else return undefined;
    }
    return v;
  }

  /** Where the value at `path` (or its nearest existing parent) is. */
  where(path: Path): TemplateRef {
    const offsets = (this.offsets ??= valueOffsets(this.events, this.text));
    for (let n = path.length; n >= 0; n--) {
      const at = offsets.get(path.slice(0, n).join('\u0000'));
      if (at !== undefined && at >= 0) return this.mapLine(this.lineOf(at));
    }
    return this.mapLine(1);
  }

  /** 1-based line of a source offset. */
  private lineOf(offset: number): number {
    const starts = (this.lineStarts ??= [0, ...[...this.text.matchAll(/\n/g)].map((m) => m.index! + 1)]);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  fail(path: Path, message: string): never {
    throw new InputError(`${path.join('.')}: ${message}`, this.where(path));
  }

  has(path: Path): boolean {
    const v = this.get(path);
    return v !== undefined && v !== null;
  }

  raw(path: Path): unknown {
    return this.get(path);
  }

  /** Number of items of a sequence (0 when absent). */
  count(path: Path): number {
    const v = this.get(path);
    if (v === undefined || v === null) return 0;
    if (!Array.isArray(v)) this.fail(path, 'expected a list');
    return v.length;
  }

  /** Keys of a mapping (empty when absent). */
  keys(path: Path): string[] {
    const v = this.get(path);
    if (v === undefined || v === null) return [];
    if (!isMapping(v)) this.fail(path, 'expected a mapping');
    return Object.keys(v);
  }

  str(path: Path, fallback?: string): string {
    const v = this.get(path);
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      this.fail(path, 'missing (expected text)');
    }
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') this.fail(path, 'expected text');
    return v;
  }

  optStr(path: Path): string | undefined {
    return this.has(path) ? this.str(path) : undefined;
  }

  num(path: Path, fallback?: number, min = -Infinity, max = Infinity): number {
    const v = this.get(path);
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      this.fail(path, 'missing (expected a number)');
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, `expected a number, got ${JSON.stringify(v)}`);
    if (v < min || v > max) this.fail(path, `${v} is out of range [${min}, ${max}]`);
    return v;
  }

  int(path: Path, fallback?: number, min = -Infinity, max = Infinity): number {
    const v = this.num(path, fallback, min, max);
    if (!Number.isInteger(v)) this.fail(path, `expected a whole number, got ${v}`);
    return v;
  }

  bool(path: Path, fallback: boolean): boolean {
    const v = this.get(path);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') this.fail(path, 'expected true or false');
    return v;
  }

  /** A length: a number in pt, or a string with unit `pt` or `mm`. */
  length(path: Path, fallback?: number): number {
    const v = this.get(path);
    if (v === undefined || v === null) {
      if (fallback !== undefined) return fallback;
      this.fail(path, 'missing (expected a length: pt number or "12mm")');
    }
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const m = typeof v === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm)\s*$/.exec(v) : null;
    if (!m) this.fail(path, `expected a length (pt number, "12pt" or "12mm"), got ${JSON.stringify(v)}`);
    const n = Number(m[1]);
    return m[2] === 'mm' ? mm(n) : n;
  }

  oneOf<T extends string>(path: Path, options: readonly T[], fallback?: T): T {
    const v = this.str(path, fallback);
    if (!options.includes(v as T)) this.fail(path, `expected one of ${options.join(', ')}, got '${v}'`);
    return v as T;
  }

  numbers(path: Path, length?: number): number[] {
    const n = this.count(path);
    if (length !== undefined && n !== length) this.fail(path, `expected ${length} numbers`);
    return Array.from({ length: n }, (_, i) => this.num([...path, i]));
  }
}

/** Source offset of each value of the first document, by its path (keys and indexes joined by NUL). */
function valueOffsets(events: readonly Event[], text: string): Map<string, number> {
  const out = new Map<string, number>();
  type Frame = { seq: boolean; path: string[]; index: number; key: string | null; keyNext: boolean };
  const stack: Frame[] = [];
  let docs = 0;
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      if (++docs > 1) break;
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    const collection = ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE;
    if (parent && !parent.seq && parent.keyNext) {
      // A mapping key: remembered for the value that follows (a collection as key names nothing).
      parent.key = ev.type === EVENT_ID.SCALAR ? getScalarValue(text, ev) : null;
      parent.keyNext = false;
      if (collection) stack.push({ seq: ev.type === EVENT_ID.SEQUENCE, path: [], index: 0, key: null, keyNext: true });
      continue;
    }
    const path = parent ? [...parent.path, parent.seq ? String(parent.index++) : (parent.key ?? '')] : [];
    if (parent && !parent.seq) parent.keyNext = true;
    const start = ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.type === EVENT_ID.ALIAS ? ev.anchorStart : ev.start;
    out.set(path.join('\u0000'), start);
    if (collection) stack.push({ seq: ev.type === EVENT_ID.SEQUENCE, path, index: 0, key: null, keyNext: true });
  }
  return out;
}
