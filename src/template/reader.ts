import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { InputError } from '../model/source.js';
import { mm } from '../model/units.js';
import type { TemplateRef } from './types.js';

/** A path into a YAML document: keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;

/** Maps a line of the text YAML was parsed from back to the file an editor should open. */
export type LineMap = (line: number) => TemplateRef;

/**
 * Typed, located access to one parsed YAML text. Every failed expectation becomes an
 * InputError naming the file and line of the offending value, so editors of templates
 * never see a stack trace.
 */
export class YamlReader {
  private readonly doc: Document;
  private readonly counter = new LineCounter();

  constructor(
    text: string,
    private readonly mapLine: LineMap,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false });
    const err = this.doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? this.counter.linePos(err.pos[0]).line;
      throw new InputError(`bad YAML: ${err.message.split('\n')[0]}`, this.mapLine(line));
    }
    if (!isMap(this.doc.contents)) throw new InputError('expected a YAML mapping at the top', this.mapLine(1));
  }

  /** Where the value at `path` (or its nearest existing parent) is. */
  where(path: Path): TemplateRef {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return this.mapLine(this.counter.linePos(node.range[0]).line);
    }
    return this.mapLine(1);
  }

  fail(path: Path, message: string): never {
    throw new InputError(`${path.join('.')}: ${message}`, this.where(path));
  }

  has(path: Path): boolean {
    return this.doc.hasIn(path) && this.doc.getIn(path) !== null;
  }

  raw(path: Path): unknown {
    const v = this.doc.getIn(path, true);
    return isMap(v) || isSeq(v) ? v.toJSON() : this.doc.getIn(path);
  }

  /** Number of items of a sequence (0 when absent). */
  count(path: Path): number {
    const v = this.doc.getIn(path, true);
    if (v === undefined || v === null) return 0;
    if (!isSeq(v)) this.fail(path, 'expected a list');
    return v.items.length;
  }

  /** Keys of a mapping (empty when absent). */
  keys(path: Path): string[] {
    const v = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (v === undefined || v === null) return [];
    if (!isMap(v)) this.fail(path, 'expected a mapping');
    return v.items.map((p) => String((p.key as { value?: unknown })?.value ?? p.key));
  }

  str(path: Path, fallback?: string): string {
    const v = this.doc.getIn(path);
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
    const v = this.doc.getIn(path);
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
    const v = this.doc.getIn(path);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') this.fail(path, 'expected true or false');
    return v;
  }

  /** A length: a number in pt, or a string with unit `pt` or `mm`. */
  length(path: Path, fallback?: number): number {
    const v = this.doc.getIn(path);
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
