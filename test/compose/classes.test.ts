import { describe, expect, it } from 'vitest';
import { classOf, isCjk, isSettledIdeograph } from '../../src/compose/classes.js';
import { SAMPLE } from '../../src/compose/prime.js';

describe('character classes', () => {
  it.each([
    ['中', 'han'], ['“', 'open'], ['》', 'close'], ['，', 'close'], ['·', 'middle'], ['—', 'long'], ['…', 'long'],
    ['％', 'symbol'], ['～', 'symbol'], ['Ａ', 'han'], ['a', 'latin'], ['7', 'latin'], ['%', 'latin'], ['.', 'latinPunct'], [' ', 'space'], ['\u3000', 'han'],
  ])('%s is %s', (ch, cls) => {
    expect(classOf(ch.codePointAt(0)!)).toBe(cls);
  });

  it('settled ideographs, which composition answers for without lookups, are Han in every sense it uses', () => {
    const wrong: string[] = [];
    for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]] as const) {
      for (let cp = from; cp <= to; cp++) {
        if (!isSettledIdeograph(cp)) continue;
        const ch = String.fromCodePoint(cp);
        if (classOf(cp) !== 'han' || !isCjk(classOf(cp)) || !/\p{Script=Han}/u.test(ch)) wrong.push(ch);
      }
    }
    expect(wrong).toEqual([]);
    expect(isSettledIdeograph(0x4e00) && isSettledIdeograph(0x9fa5) && isSettledIdeograph(0x3400) && isSettledIdeograph(0x4db5)).toBe(true);
    expect([0x33ff, 0x4db6, 0x4dff, 0x9fa6, 0x3001, 0xff0c, 0x20000].some(isSettledIdeograph)).toBe(false);
  });
});

describe("composition's rehearsal paragraph", () => {
  it('holds every character class, so each class branch runs before the real text', () => {
    const classes = new Set([...SAMPLE].map((ch) => classOf(ch.codePointAt(0)!)));
    expect([...classes].sort()).toEqual(['close', 'han', 'latin', 'latinPunct', 'long', 'middle', 'open', 'space', 'symbol']);
    // Ideographs the lookups answer for and Han-class characters they do not.
    expect([...SAMPLE].some((ch) => isSettledIdeograph(ch.codePointAt(0)!))).toBe(true);
    expect([...SAMPLE].some((ch) => classOf(ch.codePointAt(0)!) === 'han' && !isSettledIdeograph(ch.codePointAt(0)!))).toBe(true);
  });
});
