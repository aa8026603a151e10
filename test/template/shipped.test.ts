import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/template/index.js';
import { folderIdentity, shippedTemplates } from '../../src/template/shipped.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = join(root, 'templates');
// A variable path: the script is plain JavaScript without type declarations.
const script = join(root, 'scripts/shipped-templates.mjs');

interface ShippedModule {
  shippedTemplatesSource(dir: string): string;
  templateFiles(dir: string): string[];
  shippedLoadSource(dir: string): Promise<string>;
}
const slot = globalThis as { __banmianShippedTemplates?: Record<string, unknown>; __banmianShippedLoad?: unknown };

describe('shipped templates precompiled into the bundle', () => {
  afterEach(() => {
    delete slot.__banmianShippedTemplates;
    delete slot.__banmianShippedLoad;
  });

  it('give the same page descriptions as templates compiled at run time', async () => {
    const { shippedTemplatesSource, templateFiles } = (await import(script)) as ShippedModule;
    const compiled = JSON.stringify(loadTemplates(SHIPPED));
    const specs = new Function(`return ${shippedTemplatesSource(SHIPPED)};`)() as Record<string, unknown>;
    expect(Object.keys(specs)).toHaveLength(templateFiles(SHIPPED).length);
    slot.__banmianShippedTemplates = specs;
    expect(JSON.stringify(loadTemplates(SHIPPED))).toBe(compiled);
  });

  it('are not used for an edited template, which is compiled as it now reads', async () => {
    const { shippedTemplatesSource } = (await import(script)) as ShippedModule;
    slot.__banmianShippedTemplates = new Function(`return ${shippedTemplatesSource(SHIPPED)};`)() as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'banmian-shipped-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const page = join(dir, 'pages/cover.hbs');
    const text = readFileSync(page, 'utf8');
    expect(text).toContain('y: {{mm 42}}');
    writeFileSync(page, text.replace('y: {{mm 42}}', 'y: {{mm 44}}'));
    const before = JSON.stringify(loadTemplates(SHIPPED).pages.cover);
    const after = JSON.stringify(loadTemplates(dir).pages.cover);
    expect(after).not.toBe(before.replaceAll(SHIPPED, dir));
    expect(after).toBe(before.replaceAll(SHIPPED, dir).replace(String(Math.round(42 * (72 / 25.4) * 1000) / 1000), String(Math.round(44 * (72 / 25.4) * 1000) / 1000)));
  });

  it('are in the bundle, one per shipped template', () => {
    const bundle = readFileSync(join(root, 'lib/cli.cjs'), 'latin1');
    const start = bundle.indexOf('globalThis.__banmianShippedTemplates = ');
    expect(start).toBeGreaterThanOrEqual(0);
    for (const sub of ['pages/cover.hbs', 'pages/feature.hbs', 'partials/folio.hbs']) {
      const hash = createHash('sha256').update(readFileSync(join(SHIPPED, sub), 'utf8')).digest('hex');
      expect(bundle.indexOf(`"${hash}"`, start), sub).toBeGreaterThan(start);
    }
  });

  it('loaded: the same templates as loading the folder, wherever it is, and none for an edited folder', async () => {
    const { shippedLoadSource } = (await import(script)) as ShippedModule;
    slot.__banmianShippedLoad = JSON.parse(await shippedLoadSource(SHIPPED));
    const copy = mkdtempSync(join(tmpdir(), 'banmian-shipped-'));
    cpSync(SHIPPED, copy, { recursive: true });
    for (const dir of [SHIPPED, `${SHIPPED}/`, copy, relative(process.cwd(), copy)]) {
      const shipped = shippedTemplates(folderIdentity(dir), dir);
      expect(shipped, dir).toBeDefined();
      expect(shipped).toEqual(loadTemplates(dir));
    }
    writeFileSync(join(copy, 'styles.yaml'), readFileSync(join(copy, 'styles.yaml'), 'utf8').replace('size: 30', 'size: 31'));
    expect(shippedTemplates(folderIdentity(copy), copy)).toBeUndefined();
    // The bundle carries the shipped folder's content key.
    const bundle = readFileSync(join(root, 'lib/cli.cjs'), 'latin1');
    expect(bundle).toContain(`globalThis.__banmianShippedLoad = {"content":"${folderIdentity(SHIPPED).content}"`);
  });
});
