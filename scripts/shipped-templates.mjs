// The shipped page templates and partials (templates/pages, templates/partials), precompiled by
// Handlebars into JavaScript: the bundle carries them (scripts/bundle.mjs), so a fresh process runs
// them from V8's code cache instead of parsing and compiling them (~15 ms of a cold build). Keyed
// by the SHA-256 of the template's text: an edited template no longer matches and is compiled at
// run time as before (src/template/load.ts). The compile options are the run time's.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATE_OPTIONS = { strict: true, noEscape: true };

/** Every .hbs file under `dir`'s pages/ and partials/, sorted. */
export function templateFiles(dir) {
  const out = [];
  for (const sub of ['pages', 'partials']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((n) => n.endsWith('.hbs')).sort()) out.push(join(d, f));
  }
  return out;
}

/** A JavaScript object literal: text hash → precompiled template spec. */
export function shippedTemplatesSource(dir) {
  const entries = templateFiles(dir).map((file) => {
    const text = readFileSync(file, 'utf8');
    const key = createHash('sha256').update(text).digest('hex');
    return `${JSON.stringify(key)}: ${Handlebars.precompile(text, TEMPLATE_OPTIONS)}`;
  });
  return `{${entries.join(',\n')}}`;
}

/**
 * The shipped templates folder loaded (src/template/shipped.ts): `{ content, templates }`, the
 * folder's content key and its page descriptions with paths relative to it, as a JavaScript
 * expression. Loaded by the loader of src/, bundled here on its own.
 */
export async function shippedLoadSource(dir) {
  const { build } = await import('esbuild');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { outputFiles } = await build({
    stdin: {
      contents: "export { loadTemplates } from './src/template/load.ts';\nexport { folderIdentity, portableTemplates } from './src/template/shipped.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    define: { 'import.meta.url': '__bmImportMetaUrl' },
  });
  const file = join(root, 'scripts/.shipped-load.cjs');
  const mod = { exports: {} };
  const run = new Function('module', 'exports', 'require', '__filename', '__dirname', '__bmImportMetaUrl', outputFiles[0].text);
  run(mod, mod.exports, createRequire(file), file, dirname(file), pathToFileURL(file).href);
  const { loadTemplates, folderIdentity, portableTemplates } = mod.exports;
  const content = folderIdentity(dir).content;
  return JSON.stringify({ content, templates: portableTemplates(loadTemplates(dir), dir) });
}
