// The shipped page templates and partials (templates/pages, templates/partials), precompiled by
// Handlebars into JavaScript: the bundle carries them (scripts/bundle.mjs), so a fresh process runs
// them from V8's code cache instead of parsing and compiling them (~15 ms of a cold build). Keyed
// by the SHA-256 of the template's text: an edited template no longer matches and is compiled at
// run time as before (src/template/load.ts). The compile options are the run time's.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
