import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { InputError, type Diagnostic } from './model/source.js';
import type { BuildOptions } from './build.js';
import { capYoungGeneration } from './util/heap.js';
import { now } from './util/clock.js';

// The only module that prints, exits or reads the environment. Exit codes: 0 success,
// 1 build (input) error, 2 usage error.
const EXIT_BUILD = 1;
const EXIT_USAGE = 2;

// Peak memory: semi-spaces of 4 MB instead of V8's 16 (see util/heap.ts).
capYoungGeneration(4);

function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}${d.source.line > 0 ? `:${d.source.line}` : ''}: ` : '';
  return `${d.level}: ${where}${d.message}`;
}

/** Turns any failure into one line for the terminal; a stack trace only for real bugs, and only with DEBUG set. */
function fail(e: unknown): never {
  if (e instanceof InputError) {
    console.error(`banmian: error: ${e.format()}`);
    process.exit(EXIT_BUILD);
  }
  const err = e as Error;
  console.error(`banmian: internal error: ${err?.message ?? String(e)}`);
  if (process.env.DEBUG) console.error(err?.stack);
  process.exit(EXIT_BUILD);
}

/** The build options as commander hands them over: paths as typed, the cache from the environment. */
interface BuildFlags extends Omit<BuildOptions, 'cache'> {
  quiet?: boolean;
}

function buildOptions(f: BuildFlags) {
  return {
    seeds: resolve(f.seeds),
    out: resolve(f.out),
    templates: resolve(f.templates),
    fonts: resolve(f.fonts),
    ...(f.date ? { date: f.date } : {}),
    ...(f.impose ? { impose: true } : {}),
    ...(f.icc ? { icc: resolve(f.icc) } : {}),
    // Deleting it is always safe; BANMIAN_CACHE=off builds without it.
    ...(process.env.BANMIAN_CACHE === 'off' ? {} : { cache: resolve(process.env.BANMIAN_CACHE || '.cache') }),
  };
}

function withBuildFlags(cmd: Command): Command {
  return cmd
    .option('--seeds <dir>', 'folder of raw copy (*.txt) and editors’ copies (*.md)', 'seeds')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--templates <dir>', 'page templates and styles', 'templates')
    .option('--fonts <dir>', 'font folder with fonts.json', 'fonts')
    .option('--date <yyyy-mm-dd>', 'issue date printed on the pages and used as the PDF date')
    .option('--impose', 'also write 2-up printer spreads (supplement-imposed.pdf)')
    .option('--icc <file>', 'CMYK ICC profile for the press PDF’s output intent');
}

const program = new Command()
  .name('banmian')
  .description('版面: typesets raw Chinese newspaper copy into a print-ready PDF booklet')
  .showHelpAfterError()
  .exitOverride();

withBuildFlags(program.command('build').description('build dist/supplement.pdf (screen) and dist/supplement-print.pdf (press)'))
  .option('-q, --quiet', 'print only errors')
  .action(async (flags: BuildFlags) => {
    const { build } = await import('./build.js');
    // now() counts from process start: t0 is Node's start-up plus loading banmian's modules.
    const t0 = now();
    try {
      const r = await build(buildOptions(flags));
      const written = now();
      // The PDFs are in place: say so before the persistent cache is written.
      if (!flags.quiet) {
        for (const d of r.diagnostics) console.error(formatDiagnostic(d));
        const ms = Math.round(written - t0);
        console.log(`banmian: ${r.pages} pages, ${r.diagnostics.length} warnings, ${ms} ms → ${r.files.join(', ')}`);
      }
      r.persist();
      if (process.env.BANMIAN_STATS) {
        const timings = { startup: t0, ...r.timings, total: written, persist: now() - written };
        console.error(JSON.stringify({ stats: { timings, maxRssKiB: process.resourceUsage().maxRSS, execArgv: process.execArgv } }));
      }
    } catch (e) {
      fail(e);
    }
  });

program
  .command('import')
  .description('print the editable Markdown (front matter + body) of one raw file')
  .argument('<file>', 'a raw copy file (*.txt)')
  .action(async (file: string) => {
    const { importFile } = await import('./ingest/index.js');
    const warnings: Diagnostic[] = [];
    try {
      process.stdout.write(importFile(resolve(file), (d) => void warnings.push(d)));
      for (const d of warnings) console.error(formatDiagnostic(d));
    } catch (e) {
      fail(e);
    }
  });

withBuildFlags(program.command('watch').description('build, then rebuild on every change to seeds, templates or fonts'))
  .action(async (flags: BuildFlags) => {
    const { watch } = await import('./watch.js');
    await watch(buildOptions(flags), {
      log: (line) => console.log(line),
      error: (line) => console.error(line),
    });
    // Stopped (Ctrl-C): exit even if a file-system watcher handle lingers.
    process.exit(0);
  });

withBuildFlags(program.command('proof').description('build, then write PNG proofs of every page and a contact sheet to dist/proof/'))
  .action(async (flags: BuildFlags) => {
    const { build } = await import('./build.js');
    // Its own module, imported here: it loads child_process, which a build never needs.
    const { proofPages } = await import('./render/proof.js');
    try {
      const opts = buildOptions(flags);
      const r = await build(opts);
      const pngs = await proofPages(r.files[0]!, resolve(opts.out, 'proof'));
      console.log(`banmian: ${pngs.length} proof images in ${resolve(opts.out, 'proof')}`);
    } catch (e) {
      fail(e);
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exit(e.exitCode === 0 ? 0 : EXIT_USAGE);
  }
  fail(e);
});
