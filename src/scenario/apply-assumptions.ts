/**
 * The scenario's `assumptions` section: `{ name: value }` over the
 * ASSUMPTION_REGISTRY, applied by writing each value at its entry's path
 * before validation (so the value passes the field's own validation there).
 *
 * Where the value lives in a preset that the scenario names, the preset is
 * written out first: `recognition: "nist-video-noncooperative"` (or no
 * recognition) becomes the model's object, `retention.preset` becomes
 * `retention.policy`, and a preset city with no `cameras` gets its own
 * preset source. An override is refused when the scenario lacks the part
 * that reads it (`requires`: nothing would read the value), and when the
 * scenario also sets the value at the path to something else.
 */
import { RECOGNITION_PRESETS, SIGHTING_DEFAULTS } from '../exposure/index.js';
import { RETENTION_PRESETS } from '../retention/index.js';
import { ASSUMPTION_REGISTRY, closestName, type AssumptionEntry } from './assumption-registry.js';
import { ScenarioError, scenarioIssue, type ScenarioIssue } from './scenario-error.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const BY_NAME = new Map(ASSUMPTION_REGISTRY.map((e) => [e.name, e]));

/** What {@link resolveAssumptions} returns. */
export interface ResolvedAssumptions {
  /** The scenario with the values written at their paths (a copy; the input is not changed). */
  data: unknown;
  /** Problems with the section (unknown names, conflicts, nothing to apply to). */
  issues: ScenarioIssue[];
  /** Each path written (as `formatPath` spells it) and the entry that wrote it. */
  written: Map<string, string>;
}

/**
 * Applies the `assumptions` section of a scenario as written (before
 * validation), collecting problems instead of throwing.
 *
 * @param input - the scenario (parsed JSON)
 * @param formatPath - how issue paths are spelled (schema.ts's formatPath)
 * @returns the scenario with the values written, the problems and the paths written
 */
export function resolveAssumptions(input: unknown, formatPath: (p: readonly PropertyKey[]) => string): ResolvedAssumptions {
  const written = new Map<string, string>();
  if (!isObject(input) || !isObject(input.assumptions)) return { data: input, issues: [], written };
  const section = input.assumptions;
  const out = structuredClone(input) as Obj;
  const issues: ScenarioIssue[] = [];
  const notes: string[] = [];
  for (const [name, value] of Object.entries(section)) {
    const e = BY_NAME.get(name);
    if (e === undefined) {
      const near = closestName(name);
      issues.push(scenarioIssue(formatPath(['assumptions', name]), `is not a known assumption${near ? ` (did you mean "${near}"?)` : ''}; the names are those of ASSUMPTION_REGISTRY`, value));
      continue;
    }
    // A value that is not a number is reported by the schema at assumptions.<name>.
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const expanded = writeOutPresets(out, e);
    if (expanded === 'retention') notes.push(`${name} ${value}`);
    const targets = targetsOf(out, e);
    if (typeof targets === 'string') {
      issues.push(scenarioIssue(formatPath(['assumptions', name]), `applies to ${targets}, which the scenario does not have (nothing would read the value)`, value));
      continue;
    }
    for (const t of targets) {
      const given = valueAt(input, t);
      if (given !== undefined && given !== value) {
        issues.push(scenarioIssue(formatPath(['assumptions', name]), `conflicts with ${formatPath(t)} = ${JSON.stringify(given)}: give the value in one place only`, value));
        continue;
      }
      const problem = setAt(out, t, value, e);
      if (problem) issues.push(scenarioIssue(formatPath(['assumptions', name]), problem, value));
      else written.set(formatPath(t), name);
    }
  }
  const policy = isObject(out.retention) && isObject(out.retention.policy) ? out.retention.policy : null;
  if (policy && notes.length > 0) policy.description = `${typeof policy.description === 'string' ? policy.description : ''} [preset written out with assumptions: ${notes.join(', ')}]`.trim();
  return { data: out, issues, written };
}

/**
 * Applies a scenario's `assumptions` section: each value written at its
 * registry entry's path (presets the values live in written out). The
 * section stays, so that applying twice changes nothing; parseScenario
 * applies it itself.
 *
 * @param scenario - a scenario as written (parsed JSON)
 * @returns a copy with the values written (the input itself when it has no section)
 * @throws {ScenarioError} for an unknown name (with the closest name), a value
 *   the scenario also gives at the path with a different value, or an
 *   assumption the scenario has nothing to apply to
 * @example applyAssumptions({ city: { preset: 'almaty' }, residents: {}, analyses: { exposure: {} }, assumptions: { plateReadRate: 0.9 } }).analyses.exposure.plateReadRate // 0.9
 */
export function applyAssumptions<T>(scenario: T): T {
  const r = resolveAssumptions(scenario, (p) => p.map(String).join('.'));
  if (r.issues.length > 0) throw new ScenarioError('applyAssumptions', r.issues);
  return r.data as T;
}

/** Writes out the preset that holds the entry's value; returns which part was written out. */
function writeOutPresets(out: Obj, e: AssumptionEntry): 'cameras' | 'recognition' | 'retention' | null {
  if (e.path.startsWith('cameras.') && e.from === 'preset' && out.cameras === undefined && isObject(out.city) && typeof out.city.preset === 'string') {
    // The same source the cameras step uses when the section is left out (cameraSources).
    out.cameras = [{ from: 'preset', name: out.city.preset }];
    return 'cameras';
  }
  if (e.path.startsWith('recognition.') && (out.recognition === undefined || typeof out.recognition === 'string')) {
    const name = (out.recognition ?? SIGHTING_DEFAULTS.recognition) as string;
    const m = (RECOGNITION_PRESETS as Record<string, (typeof RECOGNITION_PRESETS)[keyof typeof RECOGNITION_PRESETS] | undefined>)[name];
    if (m === undefined || !Object.hasOwn(RECOGNITION_PRESETS, name)) return null;
    out.recognition = { name: m.name, truePositiveRate: m.truePositiveRate, falsePositivePerEntry: m.falsePositivePerEntry, source: m.source };
    return 'recognition';
  }
  if (e.path.startsWith('retention.policy.') && isObject(out.retention) && typeof out.retention.preset === 'string' && out.retention.policy === undefined) {
    const name = out.retention.preset;
    if (!Object.hasOwn(RETENTION_PRESETS, name)) return null;
    const { legalHolds, ...spec } = RETENTION_PRESETS[name as keyof typeof RETENTION_PRESETS];
    if (legalHolds && legalHolds.length > 0) return null;
    const { preset: _p, ...rest } = out.retention;
    out.retention = { ...rest, policy: structuredClone(spec) };
    return 'retention';
  }
  return null;
}

/** The concrete paths the entry writes, or what is missing (a description) when there is nothing to write to. */
function targetsOf(out: Obj, e: AssumptionEntry): (string | number)[][] | string {
  const parts = e.path.split('.');
  const star = parts.indexOf('*');
  if (star < 0) {
    if (valueAt(out, e.requires.split('.')) === undefined) return e.requires;
    return [parts];
  }
  const list = valueAt(out, parts.slice(0, star));
  const what = `${parts.slice(0, star).join('.')} of from "${e.from}"`;
  if (!Array.isArray(list)) return what;
  const targets: (string | number)[][] = [];
  list.forEach((item, i) => {
    if (isObject(item) && (e.from === undefined || item.from === e.from)) targets.push([...parts.slice(0, star), i, ...parts.slice(star + 1)]);
  });
  return targets.length > 0 ? targets : what;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Obj)[p];
  }
  return v;
}

/** Writes `value` at `path`, creating missing objects (the entry's `create` templates where given); a problem, or null. */
function setAt(root: Obj, path: readonly (string | number)[], value: number, e: AssumptionEntry): string | null {
  let v: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i];
    const o = v as Obj;
    if (!Object.hasOwn(o, p) || o[p] === undefined) {
      const template = e.create?.[path.slice(0, i + 1).join('.')];
      o[p] = template ? structuredClone(template) : {};
    }
    v = o[p];
    if (v === null || typeof v !== 'object') return `cannot be written at ${path.join('.')}: ${path.slice(0, i + 1).join('.')} is not an object`;
  }
  (v as Obj)[path[path.length - 1]] = value;
  return null;
}
