import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/source.js';
import { YamlReader } from '../../src/template/reader.js';

const TEXT = [
  'page:', // 1
  '  size: [210mm, 297mm]', // 2
  '  grid:', // 3
  '    columns: 4', // 4
  'chrome:', // 5
  '  - text: "{{folio}}"', // 6
  '    style: folio', // 7
  '  - rule:', // 8
  '      width: 0.5', // 9
  '    note: |', // 10
  '      two', // 11
  '      lines', // 12
  'empty:', // 13
  'flow: {a: 1, b: [x, y]}', // 14
].join('\n');

const reader = () => new YamlReader(TEXT, (line) => ({ file: 't.yaml', line }));

describe('YamlReader', () => {
  it('reads values by path', () => {
    const r = reader();
    expect(r.keys([])).toEqual(['page', 'chrome', 'empty', 'flow']);
    expect(r.int(['page', 'grid', 'columns'])).toBe(4);
    expect(r.count(['chrome'])).toBe(2);
    expect(r.str(['chrome', 0, 'text'])).toBe('{{folio}}');
    expect(r.num(['chrome', 1, 'rule', 'width'])).toBe(0.5);
    expect(r.str(['chrome', 1, 'note'])).toBe('two\nlines\n');
    expect(r.has(['empty'])).toBe(false);
    expect(r.raw(['flow'])).toEqual({ a: 1, b: ['x', 'y'] });
    expect(r.length(['page', 'size', 0])).toBeCloseTo(595.28, 1);
  });

  it.each([
    [['page'], 2],
    [['page', 'size', 1], 2],
    [['page', 'grid', 'columns'], 4],
    [['chrome', 0], 6],
    [['chrome', 0, 'style'], 7],
    [['chrome', 1, 'rule', 'width'], 9],
    // A block scalar's value starts on its first line of text.
    [['chrome', 1, 'note'], 11],
    [['flow', 'b', 1], 14],
    // Missing values point at their nearest existing parent.
    [['chrome', 1, 'rule', 'color'], 9],
    [['chrome', 5], 6],
    [['nothing'], 1],
  ] as const)('locates %j on line %i', (path, line) => {
    expect(reader().where(path).line).toBe(line);
  });

  it('names the line of a YAML syntax error, and of a wrong type', () => {
    let e: unknown;
    try {
      new YamlReader('a: 1\nb: [1, 2\nc: 3\n', (line) => ({ file: 'x.yaml', line }));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/^bad YAML/);
    expect((e as InputError).source!.line).toBeGreaterThanOrEqual(2);
    expect(() => reader().int(['chrome', 0, 'style'])).toThrow(/chrome\.0\.style: expected a number/);
    try {
      reader().int(['chrome', 0, 'style']);
    } catch (err) {
      expect((err as InputError).source!.line).toBe(7);
    }
  });
});
