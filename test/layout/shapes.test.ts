import { describe, expect, it } from 'vitest';
import { blockUnit, textUnit } from '../../src/layout/shapes.js';
import { restyle, textStyle, type TextStyle } from '../../src/model/style.js';
import { templates } from './fake.js';

/**
 * Objects the layout reads in its hot loops are made with one set of fields in one order, so they
 * share one V8 hidden class (see model/style.ts and layout/shapes.ts): the same own keys, in order.
 */
const keys = (o: object): string => Object.keys(o).join(',');

describe('one shape per kind of object', () => {
  it('gives every style of the shipped templates, and every variation of one, the same fields', () => {
    const styles = Object.values(templates.styles);
    expect(styles.some((s) => s.breaking !== undefined)).toBe(true);
    expect(styles.some((s) => s.breaking === undefined)).toBe(true);
    const want = keys(styles[0]!);
    for (const s of styles) expect(keys(s)).toBe(want);
    const body = templates.styles.body!;
    expect(keys(restyle(body, { size: 12, leading: 18 }))).toBe(want);
    expect(keys(restyle(body, { face: 'sans-bold', color: 'accent', align: 'start' }))).toBe(want);
    // Values pass through untouched.
    const copy = textStyle({ ...body, breaking: 'phrase' } as TextStyle);
    expect(copy).toMatchObject({ ...body, breaking: 'phrase' });
  });

  it('makes text units with and without their optional parts alike', () => {
    const style = templates.styles.body!;
    const source = { file: 'x.txt', line: 1 };
    const plain = textUnit([], style, 'P', 'a/1', source);
    const quoted = textUnit([], style, 'P', 'a/2', source, { marker: { line: { glyphs: [], size: 9, measure: 9, width: 9, start: 0, end: 1, last: true }, style } });
    const byline = textUnit([], style, 'Byline', 'a/3', source, { perLine: [], whole: true, keepWithPrev: 2 });
    expect(keys(quoted)).toBe(keys(plain));
    expect(keys(byline)).toBe(keys(plain));
    expect(plain.whole).toBe(false);
    expect(byline).toMatchObject({ whole: true, keepWithPrev: 2 });
  });

  it('makes block units with and without a shrink alike', () => {
    const source = { file: 'x.txt', line: 1 };
    const head = blockUnit({ variants: [], float: false, keepNext: 2, struct: 'a/1', source });
    const figure = blockUnit({ variants: [], float: true, shrink: () => [], keepNext: 0, struct: 'a/2', source });
    expect(keys(figure)).toBe(keys(head));
    expect(head.kind).toBe('block');
  });
});
