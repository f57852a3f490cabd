import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/lib/paths';

/**
 * The safety rules every workflow keeps (tests/unit/workflows.test.ts): a permissions block; no
 * `${{ }}` of text anyone could write inside code (`run:`, github-script's `script:`); and, where
 * a stranger's text starts the run, no job holding a write token runs the project's code or a
 * stranger's. Returns one line per broken rule.
 */

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
export interface Job {
  permissions?: string | Record<string, string>;
  steps?: Step[];
}
export interface Workflow {
  on: string | string[] | Record<string, unknown>;
  permissions?: string | Record<string, string>;
  jobs: Record<string, Job>;
}

/** Events whose payload carries text from anyone with a GitHub account (issues, comments, fork pull requests). */
export const STRANGER_EVENTS = [
  'issues',
  'issue_comment',
  'discussion',
  'discussion_comment',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'workflow_run',
];

/** Contexts no outsider can set, allowed in code; everything else (github.event.*, inputs, outputs, env) goes through env:. */
const SAFE_EXPRESSION =
  /^\s*(?:runner\.[\w.]+|github\.(?:workspace|repository|repository_owner|run_id|run_number|run_attempt|sha|server_url|api_url))\s*$/;

/** Commands that install or run the project's packages and scripts. */
const PACKAGE_RUNNERS = /(?:^|[\s;&|(])(?:npm|npx|yarn|pnpm|bun|tsx|corepack|make)(?=\s|$)/m;

const eventsOf = (flow: Workflow) =>
  typeof flow.on === 'string' ? [flow.on] : Array.isArray(flow.on) ? flow.on : Object.keys(flow.on);
const stepName = (step: Step, index: number) => step.name ?? step.uses ?? `step ${index + 1}`;

/** Whether permissions grant any write (`write-all`, or a scope set to write). */
function writes(permissions: Job['permissions']): boolean {
  if (permissions === undefined) return false;
  if (typeof permissions === 'string') return permissions === 'write-all';
  return Object.values(permissions).includes('write');
}

/** The code a step runs with expressions GitHub substitutes before any shell or script sees it. */
function codeOf(step: Step): string[] {
  const script = step.uses?.startsWith('actions/github-script@') ? step.with?.script : undefined;
  return [step.run, typeof script === 'string' ? script : undefined].filter((code): code is string => code !== undefined);
}

export function workflowProblems(file: string, flow: Workflow): string[] {
  const problems: string[] = [];
  const jobs = Object.entries(flow.jobs ?? {});
  if (flow.permissions === undefined)
    for (const [name, job] of jobs)
      if (job.permissions === undefined) problems.push(`${file}: job ${name} has no permissions: block (nor has the workflow)`);

  for (const [name, job] of jobs)
    (job.steps ?? []).forEach((step, index) => {
      for (const code of codeOf(step))
        for (const [, expression] of code.matchAll(/\$\{\{([\s\S]*?)\}\}/g))
          if (!SAFE_EXPRESSION.test(expression!))
            problems.push(`${file}: job ${name}, ${stepName(step, index)}: \${{${expression}}} in code; pass it through env:`);
    });

  const events = eventsOf(flow);
  if (!events.some((event) => STRANGER_EVENTS.includes(event))) return problems;
  for (const [name, job] of jobs) {
    const steps = job.steps ?? [];
    steps.forEach((step, index) => {
      const ref = step.uses?.startsWith('actions/checkout@') ? step.with?.ref : undefined;
      if (ref !== undefined)
        problems.push(`${file}: job ${name}, ${stepName(step, index)}: checks out ${String(ref)}, not the default branch`);
    });
    if (!writes(job.permissions ?? flow.permissions)) continue;
    steps.forEach((step, index) => {
      const where = `${file}: job ${name} (write permissions), ${stepName(step, index)}`;
      if (step.uses?.startsWith('./')) problems.push(`${where}: runs a local action`);
      if (step.run && PACKAGE_RUNNERS.test(step.run)) problems.push(`${where}: runs the project's packages or scripts`);
      for (const [, script] of (step.run ?? '').matchAll(/(?:^|[\s;&|])node\s+(?:--?\S+\s+)*(\S+)/gm))
        for (const problem of dependencyFreeProblems(script!)) problems.push(`${where}: ${problem}`);
    });
  }
  return problems;
}

/**
 * What keeps `script` (run by `node` in a job with a write token) from being self-contained: it
 * and every file it imports must be in the repository and import only Node's modules (`node:…`)
 * and each other, so the job runs no installed package.
 */
export function dependencyFreeProblems(script: string, root: string = REPO_ROOT): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (relative: string) => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const file = path.join(root, relative);
    if (!existsSync(file)) return problems.push(`runs ${relative}, which is not in the repository`);
    const text = readFileSync(file, 'utf8');
    const imports = text.matchAll(
      /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm,
    );
    for (const match of imports) {
      const specifier = match.slice(1).find((group) => group !== undefined)!;
      if (specifier.startsWith('node:')) continue;
      if (!/^\.\.?\//.test(specifier)) problems.push(`runs ${relative}, which imports the package "${specifier}"`);
      else if (!/\.[cm]?[jt]s$/.test(specifier))
        problems.push(
          `runs ${relative}, which imports "${specifier}" without its extension (only a loader installed with the packages finds it)`,
        );
      else visit(path.posix.join(path.posix.dirname(relative), specifier));
    }
  };
  visit(script.replace(/^["']|["']$/g, ''));
  return problems;
}
