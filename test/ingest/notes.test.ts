import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/source.js';
import { importFile, importText } from '../../src/ingest/index.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const notesOf = (name: string): string[] => importText(readFileSync(join(SEEDS, name), 'utf8'), name).flatMap((d) => d.meta.notes ?? []);

describe('suspicious spots in the notes, with raw line numbers', () => {
  it('001: cut fragments are named at the line where the cut is; sentence openings are not', () => {
    const notes = notesOf('001_aec457166e9995d5.txt');
    expect(notes).toContain('line 21: fragment ends mid-sentence (…中小学课后服务质量与); its tail may be elsewhere');
    expect(notes.some((n) => n.startsWith('line 49: paragraph may start mid-sentence (水平，'))).toBe(true);
    // 教育兴，则文化兴 and 两年前， open sentences of their own.
    expect(notes.filter((n) => /教育兴|两年前/u.test(n))).toEqual([]);
  });

  it('002: the unmatched quotes and the “>” passages are named', () => {
    const notes = notesOf('002_417a7c02f8811d6b.txt');
    expect(notes).toContain('line 131: unmatched quotes: ” without “ at 智多跨协同”为原则，建');
    expect(notes).toContain('line 139: line marked with “>” by the extraction; kept as a block quote');
    expect(notes.filter((n) => /教育，是民生之基/u.test(n))).toEqual([]);
  });

  it('importFile reports the same spots as warnings and writes them into the front matter', () => {
    const diags: Diagnostic[] = [];
    const file = join(SEEDS, '002_417a7c02f8811d6b.txt');
    const md = importFile(file, (d) => diags.push(d));
    const warned = diags.map((d) => `line ${d.source?.line}: ${d.message}`);
    expect(warned.length).toBeGreaterThan(10);
    for (const w of warned) expect(md).toContain(w.replace(/"/g, '\\"').slice(0, 30));
  });
});
