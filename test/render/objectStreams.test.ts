import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.js';
import { packObjects } from '../../src/render/objectStreams.js';
import { fonts, run, sampleBooklet } from './fixtures.js';
import { qdf, save } from './tools.js';

/** The expanded file without the second /ID string, which qpdf makes up on every rewrite. */
const expanded = (pdf: Uint8Array, name: string) => qdf(save(pdf, name)).replace(/(\/ID \[<[0-9a-f]+>)<[0-9a-f]+>\]/g, '$1]');

describe('object streams', () => {
  it('hold the same objects as the classic file, in fewer bytes', async () => {
    const classic = await renderPdf(sampleBooklet(), fonts(), { edition: 'print' });
    const packed = packObjects(classic);
    expect(packed.length).toBeLessThan(classic.length);
    expect(Buffer.from(packed).toString('latin1')).toContain('/Type /ObjStm');
    const file = save(packed, 'packed');
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    expect(expanded(packed, 'packed-x')).toBe(expanded(classic, 'classic-x'));
  });

  it('the screen edition uses them and stays valid; the press edition does not', async () => {
    const screen = Buffer.from(await renderPdf(sampleBooklet(), fonts(), { edition: 'screen' })).toString('latin1');
    expect(screen).toContain('/Type /XRef');
    expect(screen).not.toMatch(/\ntrailer\n/);
    const print = Buffer.from(await renderPdf(sampleBooklet(), fonts(), { edition: 'print' })).toString('latin1');
    expect(print).not.toContain('/ObjStm');
  });

  it('leave input they do not understand alone', () => {
    const junk = Buffer.from('%PDF-1.7\nnot really\n%%EOF\n');
    expect(packObjects(junk)).toBe(junk);
  });
});
