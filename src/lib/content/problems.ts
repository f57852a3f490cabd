import { displayPath, REPO_ROOT } from '../paths';

export type Severity = 'error' | 'warning';

/**
 * A problem in a content file (an entry, the section registry, the glossary), located where
 * whoever fixes it will look: printed `path:line: field: message`.
 */
export interface Problem {
  /** Absolute path of the file (or, for a folder problem, its first entry file). */
  file: string;
  /** 1-based line in `file`. */
  line: number;
  /** The field path (`links.0.url`), or a pseudo-field in parentheses such as `(syntax)`. */
  field: string;
  message: string;
  severity: Severity;
}

/** `content/mllm/x.yaml:3: links.0.url: must start with http:// or https://` (warnings say so after the location). */
export function formatProblem(problem: Problem, cwd: string = process.cwd()): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${displayPath(problem.file, cwd)}:${problem.line}: ${prefix}${problem.field}: ${problem.message}`;
}

/** A GitHub Actions workflow command, so the problem shows on the pull request's diff. */
export function formatGithubAnnotation(problem: Problem, repoRoot: string = REPO_ROOT): string {
  const property = (value: string) => escapeAnnotationData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const file = property(displayPath(problem.file, repoRoot));
  return `::${problem.severity} file=${file},line=${problem.line},title=${property(problem.field)}::${escapeAnnotationData(problem.message)}`;
}

function escapeAnnotationData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Thrown by a loader that cannot go on: its message is every problem, one per line. */
export class ProblemsError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'));
    this.problems = problems;
  }
}
