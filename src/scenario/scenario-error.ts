/**
 * Errors of the scenario layer: {@link ScenarioError} (a scenario file that
 * does not validate, with every problem listed) and {@link ScenarioAbortError}
 * (a run stopped through its AbortSignal).
 */
import { SightlineError } from '../core/index.js';
import { formatValue } from '../core/internal.js';

/** One problem found in a scenario. */
export interface ScenarioIssue {
  /** JSON path of the offending value, e.g. `cameras[1].count` (`(root)` for the whole document). */
  path: string;
  /** The offending value as given (`undefined` when a required key is missing). */
  value: unknown;
  /** What was expected, e.g. `must be an integer >= 0`. */
  expected: string;
  /** `path expected, got value`. */
  message: string;
}

/**
 * A scenario that does not validate. `issues` lists every problem found (not
 * only the first), each with its JSON path, the value and what was expected.
 */
export class ScenarioError extends SightlineError {
  /** Every problem, in document order. */
  readonly issues: ScenarioIssue[];
  constructor(origin: string, issues: ScenarioIssue[]) {
    const head = issues.length === 1 ? '1 problem in the scenario' : `${issues.length} problems in the scenario`;
    super(origin, `${head}:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** Builds one {@link ScenarioIssue} with its message. */
export function scenarioIssue(path: string, expected: string, value: unknown): ScenarioIssue {
  return { path, value, expected, message: `${path} ${expected}, got ${formatValue(value)}` };
}

/**
 * A run stopped through its AbortSignal. `name` is `AbortError`, as for
 * DOM/Node aborts, so `err.name === 'AbortError'` checks work for both.
 */
export class ScenarioAbortError extends SightlineError {
  /** The step that was about to run (or running) when the run stopped. */
  readonly step: string;
  constructor(origin: string, step: string) {
    super(origin, `aborted before or during step "${step}"`);
    this.name = 'AbortError';
    this.step = step;
  }
}

/**
 * Throws a {@link ScenarioAbortError} when `signal` is aborted.
 *
 * @param signal - the run's signal (may be undefined)
 * @param origin - function name for the message
 * @param step - the current step
 * @throws {ScenarioAbortError} when the signal is aborted
 * @example throwIfAborted(options.signal, 'runScenario', 'coverage');
 */
export function throwIfAborted(signal: AbortSignal | undefined, origin: string, step: string): void {
  if (signal?.aborted) throw new ScenarioAbortError(origin, step);
}
