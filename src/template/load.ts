import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';

/** A precompiled template as Handlebars.template takes it. */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
import { InputError } from '../model/source.js';
import { mm } from '../model/units.js';
import { YamlReader } from './reader.js';
import { mapRenderedLine, type SourceText } from './sourcemap.js';
import { readBooklet, readPalette, readStyles } from './styles.js';
import type { PageTemplate, Templates } from './types.js';
import { validatePage } from './validate.js';

/**
 * Read templates/: booklet.yaml, styles.yaml, partials/*.hbs and pages/*.hbs. Each page
 * template is rendered once by Handlebars (context: the booklet settings; helpers for
 * arithmetic in mm/pt), parsed as YAML and validated into plain data. This is the only
 * place the template stage touches the disk.
 */
export function loadTemplates(dir: string): Templates {
  const bookletFile = join(dir, 'booklet.yaml');
  const stylesFile = join(dir, 'styles.yaml');
  const booklet = readBooklet(new YamlReader(readText(bookletFile), (line) => ({ file: bookletFile, line })));
  const styleReader = new YamlReader(readText(stylesFile), (line) => ({ file: stylesFile, line }));
  const palette = readPalette(styleReader);
  const styles = readStyles(styleReader, palette);

  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const partials: SourceText[] = [];
  for (const file of listHbs(join(dir, 'partials'))) {
    const text = readText(file);
    partials.push({ file, text });
    const shipped = shippedSpec(text);
    hbs.registerPartial(basename(file, '.hbs'), shipped ? hbs.template(shipped) : text);
  }

  const known = { styles: new Set(Object.keys(styles)), colors: new Set(Object.keys(palette)), metrics: new Map(Object.entries(styles)) };
  const pages: Record<string, PageTemplate> = {};
  for (const file of listHbs(join(dir, 'pages'))) {
    const name = basename(file, '.hbs');
    const text = readText(file);
    const rendered = renderTemplate(hbs, file, text, { booklet });
    const sources = [{ file, text }, ...partials];
    const reader = new YamlReader(rendered, (line) => mapRenderedLine(rendered, line, sources));
    pages[name] = validatePage(name, file, reader, known);
  }

  for (const [part, name] of [['cover', booklet.cover], ['contents', booklet.contents], ['blank', booklet.blank], ['back', booklet.back], ['article', booklet.defaultTemplate]] as const) {
    const t = pages[name];
    if (!t) throw new InputError(`templates.${part}: no page template '${name}' in ${join(dir, 'pages')}`, { file: bookletFile, line: 0 });
    if (t.kind !== part) throw new InputError(`templates.${part}: template '${name}' is of kind '${t.kind}'`, { file: t.file, line: 1 });
  }
  return { dir, booklet, styles, palette, pages };
}

function readText(file: string): string {
  if (!existsSync(file)) throw new InputError('template file not found', { file, line: 0 });
  return readFileSync(file, 'utf8');
}

function listHbs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => join(dir, f));
}

/** How templates are compiled (scripts/shipped-templates.mjs precompiles the shipped ones alike). */
const TEMPLATE_OPTIONS = { strict: true, noEscape: true };

/**
 * The bundle's precompiled form of a shipped template with exactly this text (see
 * scripts/shipped-templates.mjs): run from V8's code cache instead of compiled here. Undefined for
 * an edited or new template, and when running from source.
 */
function shippedSpec(text: string): TemplateSpecification | undefined {
  const shipped = (globalThis as { __banmianShippedTemplates?: Record<string, TemplateSpecification> }).__banmianShippedTemplates;
  return shipped?.[createHash('sha256').update(text).digest('hex')];
}

/** Compile and run one template; Handlebars errors carry their line in the message only. */
function renderTemplate(hbs: typeof Handlebars, file: string, text: string, context: object): string {
  try {
    const shipped = shippedSpec(text);
    return (shipped ? hbs.template(shipped) : hbs.compile(text, TEMPLATE_OPTIONS))(context);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/i.exec(msg) ?? / - (\d+):\d+/.exec(msg);
    const first = msg.split('\n')[0]!;
    throw new InputError(`template error: ${first}`, { file, line: line ? Number(line[1]) : 0 });
  }
}

/** Arithmetic for geometry in templates: {{mm 15}}, {{add a b}}, {{sub a b}}, {{mul a b}}, {{div a b}}. */
function registerHelpers(hbs: typeof Handlebars): void {
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const num = (v: unknown, name: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`helper ${name}: '${String(v)}' is not a number`);
    return n;
  };
  hbs.registerHelper('mm', (v: unknown) => round(mm(num(v, 'mm'))));
  hbs.registerHelper('add', (a: unknown, b: unknown) => round(num(a, 'add') + num(b, 'add')));
  hbs.registerHelper('sub', (a: unknown, b: unknown) => round(num(a, 'sub') - num(b, 'sub')));
  hbs.registerHelper('mul', (a: unknown, b: unknown) => round(num(a, 'mul') * num(b, 'mul')));
  hbs.registerHelper('div', (a: unknown, b: unknown) => round(num(a, 'div') / num(b, 'div')));
}
