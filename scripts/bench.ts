/** npm run bench: build cost of the two floors and of the site, back to back, from synthetic content. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtPages, lighthouseMarkdown, measurePerformance } from './lib/bench/lighthouse';
import { keepNotes, resultsMarkdown } from './lib/bench/report';
import { measureSize, prepareSize, profileBuild, sizeLayout, type SizeResult } from './lib/bench/run';
import { REPO_ROOT } from '../src/lib/paths';
import { ENTRY_EXTENSIONS } from '../src/lib/content/entry-files';
import { CliError, EXIT, runCommand } from './lib/cli';

const USAGE =
  'npm run bench -- [--sizes 1000,10000] [--rounds <n>] [--warm <sizes>] [--mdx-cost <sizes>] [--profile <entries>] [--lighthouse <runs>] [--seed <n>] [--out <file>] [--work <dir>]';
/** An English word most titles share, then a Chinese one from the notes: a heavy and a light search. */
const QUERIES = ['video', '幻觉'];

await runCommand(
  {
    usage: USAGE,
    help: `Builds the floor (bench/floor.mjs: template-string pages and the Pagefind CLI), the Astro
floor (bench/astro-floor/: the same pages from a bare Astro site, then the Pagefind CLI) and the
site from the same synthetic content of each size (papers with their scholarly records), in turn,
and writes the Markdown report with each figure of the site as a ratio to both floors
(scripts/lib/bench/: run.ts says what is measured, report.ts how it is reported). The site's clean
builds are made as CI makes them (BUILD_CACHE=off). --warm chooses the sizes whose warm rebuilds
(a build writing the incremental cache, then an edit and an addition rebuilt with it) are measured;
--mdx-cost the sizes also built with their MDX long notes as Markdown, to price MDX;
--profile N adds a CPU profile of an N-entry build; --lighthouse N (default 3, 0 for none) runs
Lighthouse N times on four pages of the first size's build (scripts/lib/bench/lighthouse.ts) and
reports its performance score and timings with the load average of each run.
Exit 0; 1: a build failed; 2: bad arguments.`,
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      rounds: { type: 'string', default: '2' },
      warm: { type: 'string' },
      'mdx-cost': { type: 'string' },
      profile: { type: 'string' },
      lighthouse: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results.md' },
      work: { type: 'string', default: 'bench/.work' },
    },
  },
  async ({ values, content }) => {
    const sizes = values.sizes!.split(',').map(positiveInteger);
    const profileSize = values.profile === undefined ? undefined : positiveInteger(values.profile);
    const seed = positiveInteger(values.seed!);
    const rounds = positiveInteger(values.rounds!);
    const lighthouseRuns = values.lighthouse === '0' ? 0 : positiveInteger(values.lighthouse!);
    // Sizes whose warm rebuilds are measured (default: every size).
    const warmSizes = values.warm === undefined ? sizes : values.warm.split(',').map(positiveInteger);
    const mdxCostSizes = values['mdx-cost']?.split(',').map(positiveInteger) ?? [];
    const workDir = path.resolve(REPO_ROOT, values.work!);
    // Astro misbehaves with an outDir outside the project, and bench output must stay out of git.
    if (!workDir.startsWith(`${REPO_ROOT}${path.sep}`)) throw new CliError(`--work must be inside the repository (${REPO_ROOT})`);
    const outFile = path.resolve(values.out!);

    const contentDir = content.dir;
    const sections = content.sections().map((section) => section.id);
    const common = {
      seed,
      repoRoot: REPO_ROOT,
      workDir,
      registryFile: path.join(contentDir, 'sections.yaml'),
      aboutFile: path.join(contentDir, 'about.md'),
      sections,
      // Synthetic sections keep the real list's proportions (at least one share each).
      sectionWeights: sections.map((id) => Math.max(1, countEntries(path.join(contentDir, id)))),
      queries: QUERIES,
      rounds,
      log: (line: string) => console.error(`bench: ${line}`),
    };
    const machine = {
      cores: os.cpus().length,
      memoryBytes: os.totalmem(),
      node: process.versions.node,
      date: new Date().toISOString().slice(0, 10),
      loadAverage: os.loadavg(),
      code: codeVersion(),
    };

    const command = `npm run bench -- --sizes ${sizes.join(',')} --rounds ${rounds}${values.warm === undefined ? '' : ` --warm ${values.warm}`}${mdxCostSizes.length ? ` --mdx-cost ${mdxCostSizes.join(',')}` : ''}${profileSize ? ` --profile ${profileSize}` : ''}${lighthouseRuns === 3 ? '' : ` --lighthouse ${lighthouseRuns}`}`;
    const results: SizeResult[] = [];
    let profile: Parameters<typeof resultsMarkdown>[0]['profile'];
    let lighthouse: string | undefined;
    // Written after each size too: a long run stopped part way keeps what it measured, and says so.
    const write = (pending: string[]) => {
      const report = resultsMarkdown({ machine, results, profile, lighthouse, command, pending });
      writeFileSync(outFile, keepNotes(report, existsSync(outFile) ? readFileSync(outFile, 'utf8') : undefined));
      return report;
    };
    const stillToRun = (done: number) => [
      ...sizes.slice(done).map((entries) => `${entries} entries`),
      ...(profileSize === undefined ? [] : [`the ${profileSize}-entry profile`]),
      ...(lighthouseRuns ? ['Lighthouse'] : []),
    ];
    for (const [index, entries] of sizes.entries()) {
      results.push(
        await measureSize({ ...common, entries, warm: warmSizes.includes(entries), mdxCost: mdxCostSizes.includes(entries) }),
      );
      if (index < sizes.length - 1 || profileSize !== undefined || lighthouseRuns) write(stillToRun(index + 1));
    }
    if (profileSize !== undefined) {
      common.log(`${profileSize} entries: clean build under node --cpu-prof`);
      const { layout } = prepareSize({ ...common, entries: profileSize });
      profile = { entries: profileSize, ...(await profileBuild(layout, REPO_ROOT, path.join(workDir, `prof-${profileSize}`))) };
    }
    if (lighthouseRuns) {
      const layout = sizeLayout(workDir, sizes[0]!);
      const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
      if (!existsSync(chromePath)) common.log(`Lighthouse skipped: no Chromium at ${chromePath} (set CHROME_PATH)`);
      else {
        if (profileSize !== undefined) write(['Lighthouse']);
        const pages = builtPages(layout.contentDir, sections, QUERIES[0]!);
        const result = await measurePerformance({
          dist: layout.outDir,
          build: `the ${sizes[0]}-entry build`,
          pages,
          runs: lighthouseRuns,
          chromePath,
          log: common.log,
        });
        lighthouse = lighthouseMarkdown(result);
      }
    }
    const report = write([]);
    console.log(report);
    console.error(`bench: wrote ${path.relative(process.cwd(), outFile)}`);
    return EXIT.ok;
  },
);

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new CliError(`not a positive whole number: "${text}" (usage: ${USAGE})`);
  return value;
}

/** The commit measured, and whether the site's own files differ from it (others may be editing). */
function codeVersion(): { commit: string; uncommitted: boolean } | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommitted:
        git(
          'status',
          '--porcelain',
          '--',
          'src',
          'public',
          'astro.config.mjs',
          'package.json',
          'bench/floor.mjs',
          'bench/astro-floor',
        ) !== '',
    };
  } catch {
    return undefined; // not a git checkout
  }
}

function countEntries(dir: string): number {
  return existsSync(dir)
    ? readdirSync(dir).filter((name) => ENTRY_EXTENSIONS.some((extension) => name.endsWith(extension))).length
    : 0;
}
