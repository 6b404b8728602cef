/**
 * The scenario schema (zod, strict: unknown keys are errors),
 * {@link parseScenario} and {@link scenarioJsonSchema}: the root that
 * assembles the parts' sections (model/schema.ts: `city`, `cameras`;
 * network/schema.ts: `network`; exposure/schema.ts: `residents`, `trips`,
 * `recognition`; retention/schema.ts: `retention`) and their analyses
 * (the `analyses` section below).
 *
 * A scenario is one JSON document:
 * ```json
 * { "seed": 1,
 *   "city": { "preset": "almaty" },
 *   "cameras": [{ "from": "preset", "name": "almaty", "numCameras": 20000 }],
 *   "analyses": { "coverage": { "levels": ["range", "identify"] }, "districts": {} } }
 * ```
 * Extension point: a part (a folder of src/scenario/) adds its top-level
 * section (e.g. `network`) to {@link scenarioSchema}'s shape and its
 * analysis keys (`networkAnalyses`) to {@link analysesSchema}, then its
 * steps to `steps.ts`; a new analysis of an existing part touches only that
 * part's schema.ts
 * (see docs/guide/contributing.md).
 */
import { z } from 'zod';
import { citySchema, camerasSchema } from './model/schema.js';
import { coverageAnalyses } from './coverage/schema.js';
import { networkAnalyses, networkSchema } from './network/schema.js';
import { exposureAnalyses, recognitionSchema, residentsSchema, tripsSchema } from './exposure/schema.js';
import { retentionSchema } from './retention/schema.js';
import { timelineSections } from './timeline/schema.js';
import { checkRetentionSection } from './retention/policy.js';
import { ScenarioError, scenarioIssue, type ScenarioIssue } from './scenario-error.js';
import { ASSUMPTION_REGISTRY } from './assumption-registry.js';
import { resolveAssumptions } from './apply-assumptions.js';

/** What a seed must be: beyond ±(2^53 − 1) JSON numbers lose digits, and two seeds would become one. */
const SEED_EXPECTED = 'must be a string or an integer within ±9007199254740991 (2^53 − 1)';

/** The version of the scenario format this library reads and writes. */
export const SCENARIO_FORMAT_VERSION = 1;

/**
 * The `analyses` section: each part's analysis keys, in part order (a part
 * adds an analysis in its own schema.ts). Omitted: coverage, districts and
 * raster with their defaults.
 */
export const analysesSchema = z.strictObject({ ...coverageAnalyses, ...networkAnalyses, ...exposureAnalyses }).prefault({ coverage: {}, districts: {}, raster: {} });

/**
 * The `assumptions` section: a value for any entry of ASSUMPTION_REGISTRY
 * by name, written at the entry's path before validation (parseScenario).
 */
export const assumptionsSchema = z
  .strictObject(
    Object.fromEntries(
      ASSUMPTION_REGISTRY.map((e) => [e.name, z.number().optional().describe(`${e.topic} (${e.unit}; default ${e.central}, plausible ${e.low}–${e.high}); sets ${e.path}.`)]),
    ) as Record<string, z.ZodOptional<z.ZodNumber>>,
  )
  .describe('Uncertain defaults by name (ASSUMPTION_REGISTRY): each value is written at the entry\'s path; giving the path too, with another value, is an error.');

/** The scenario schema. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Optional URL or path of the JSON Schema (for editors); ignored.'),
    name: z.string().min(1).optional().describe('A short name shown in the report.'),
    description: z.string().optional(),
    seed: z
      .union([z.string(), z.int()], { error: SEED_EXPECTED })
      .default(1)
      .describe('Seed of every random choice (default 1): a string, or an integer within ±(2^53 − 1) (beyond it two integers round to one number); same seed, same result.'),
    city: citySchema.describe('The city: a preset with overrides, or imported files.'),
    cameras: camerasSchema.optional().describe("Camera sources, concatenated (default: the preset city's own cameras)."),
    network: networkSchema.optional().describe('The command network the cameras report to (preset options, the hierarchical builder, or a GeoJSON topology).'),
    residents: residentsSchema.optional().describe('The simulated residents (a sample of the city).'),
    trips: tripsSchema.optional().describe("The residents' trips (defaults: a day of work, study and errand trips)."),
    recognition: recognitionSchema.optional().describe("Face recognition model: a preset name or your own (default 'nist-video-noncooperative')."),
    retention: retentionSchema
      .optional()
      .describe('The retention policy (a preset or written out), legal holds, and the retention analysis: storage (with a network), reach, history and access (with residents).'),
    analyses: analysesSchema.describe('Analyses to run (default: coverage, districts, raster).'),
    assumptions: assumptionsSchema.optional(),
    ...timelineSections,
  })
  .superRefine((s, ctx) => {
    if (s.cameras === undefined && !('preset' in s.city)) {
      ctx.addIssue({ code: 'custom', path: ['cameras'], message: 'is required when the city is imported (no preset cameras to default to)' });
    }
    if (s.cameras) {
      s.cameras.forEach((c, i) => {
        if (c.from === 'preset' && c.includeOlder !== undefined && c.name !== 'astana') {
          ctx.addIssue({ code: 'custom', path: ['cameras', i, 'includeOlder'], message: 'applies only to the astana preset' });
        }
      });
    }
    for (const key of ['network', 'spof', 'outages', 'damage'] as const) {
      if (s.analyses[key] !== undefined && s.network === undefined) ctx.addIssue({ code: 'custom', path: ['analyses', key], message: 'needs the network section' });
    }
    if (s.network?.from === 'preset' && s.network.name === undefined && !('preset' in s.city)) {
      ctx.addIssue({ code: 'custom', path: ['network', 'name'], message: 'is required when the city is imported (no preset city to take the network options from)' });
    }
    const ex = s.analyses.exposure;
    if (s.trips !== undefined && s.residents === undefined) ctx.addIssue({ code: 'custom', path: ['trips'], message: 'needs the residents section' });
    if (ex === undefined) {
      for (const key of ['residents', 'trips', 'recognition'] as const) if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is used only by analyses.exposure, which is missing' });
    }
    if (ex?.routes) {
      ex.routes.forEach((r, i) => {
        for (const end of ['from', 'to'] as const) {
          // Own keys only: `in` would accept inherited names (toString, __proto__, hasOwnProperty).
          if (!ex.places || !Object.hasOwn(ex.places, r[end])) ctx.addIssue({ code: 'custom', path: ['analyses', 'exposure', 'routes', i, end], message: `must name a place in analyses.exposure.places (${Object.keys(ex.places ?? {}).map((k) => JSON.stringify(k)).join(', ') || 'none given'})` });
        }
      });
    }
    if (s.analyses.exposureByHour !== undefined && (ex === undefined || s.residents === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['analyses', 'exposureByHour'], message: 'needs analyses.exposure and the residents section (it splits the residents\' trips by day and night)' });
    }
    if (ex?.afterDamage && s.analyses.damage === undefined) ctx.addIssue({ code: 'custom', path: ['analyses', 'exposure', 'afterDamage'], message: 'needs analyses.damage' });
    if (ex?.afterDamage && s.residents === undefined) ctx.addIssue({ code: 'custom', path: ['analyses', 'exposure', 'afterDamage'], message: 'applies to the residents sample, which needs the residents section' });
    ex?.crowds?.forEach((c, i) => {
      if (c.afterDamage && s.analyses.damage === undefined) ctx.addIssue({ code: 'custom', path: ['analyses', 'exposure', 'crowds', i, 'afterDamage'], message: 'needs analyses.damage' });
    });
    ex?.crowds?.forEach((c, i) => {
      if (c.retroactive && s.retention === undefined) ctx.addIssue({ code: 'custom', path: ['analyses', 'exposure', 'crowds', i, 'retroactive'], message: 'needs the retention section' });
    });
    if (s.retention) for (const issue of checkRetentionSection(s.retention)) ctx.addIssue({ code: 'custom', path: ['retention', ...issue.path], message: issue.message });
    if (s.timelineYear !== undefined && !s.timeline?.years.some((y) => y.year === s.timelineYear && y.cameras !== undefined)) ctx.addIssue({ code: 'custom', path: ['timelineYear'], message: 'must be a year of timeline.years with cameras' });
  });

/** A validated scenario, defaults applied. */
export type ScenarioSpec = z.output<typeof scenarioSchema>;
/** A scenario as written (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** One camera source of a validated scenario. */
export type CameraSourceSpec = NonNullable<ScenarioSpec['cameras']>[number];

/**
 * Validates a scenario and applies its defaults.
 *
 * @param json - the scenario: a parsed object or JSON text
 * @returns the validated scenario (a new object; the input is not changed)
 * @throws {ScenarioError} listing every problem, each with its JSON path
 *   (`cameras[1].numCameras`), the value and what was expected; also for JSON text
 *   that does not parse
 * @example
 * const spec = parseScenario({ city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 5000 }] });
 * spec.seed // 1
 */
export function parseScenario(json: unknown): ScenarioSpec {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new ScenarioError('parseScenario', [scenarioIssue('(root)', `must be valid JSON (${(e as Error).message})`, json)]);
    }
  }
  const reserved = reservedKeyIssues(data);
  // The assumptions section writes its values at their paths first (reserved keys are checked on the input as written).
  const applied = reserved.length === 0 ? resolveAssumptions(data, formatPath) : { data, issues: [], written: new Map<string, string>() };
  data = applied.data;
  const r = scenarioSchema.safeParse(data);
  if (r.success && reserved.length === 0 && applied.issues.length === 0) return r.data;
  const issues: ScenarioIssue[] = [...reserved, ...applied.issues];
  if (r.success) throw new ScenarioError('parseScenario', issues);
  const own = new Set(applied.issues.map((i) => i.path));
  const found: ScenarioIssue[] = [];
  for (const issue of r.error.issues) collectIssues(issue as unknown as ZodIssueLike, [], data, found);
  for (const i of found) {
    if (own.has(i.path)) continue; // an unknown assumption name, already reported with a suggestion
    const by = applied.written.get(i.path);
    issues.push(by === undefined ? i : scenarioIssue(i.path, `${i.expected} (the value of assumptions.${by})`, i.value));
  }
  throw new ScenarioError('parseScenario', dedupe(issues));
}

/**
 * A JSON Schema (draft 2020-12) of the scenario format, for editors
 * (`"$schema": "./scenario.schema.json"` in a scenario file).
 *
 * @returns a plain JSON object
 * @example writeFileSync('scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2));
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'sightline scenario', description: `A sightline scenario (format version ${SCENARIO_FORMAT_VERSION}).` };
}

/**
 * Own `__proto__` keys anywhere in the input (JSON.parse makes them): zod's
 * records drop them silently (a place named `__proto__` would vanish), so
 * they are reported by name.
 */
function reservedKeyIssues(data: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    for (const k of Object.keys(v)) {
      const child = (v as Record<string, unknown>)[k];
      if (k === '__proto__') out.push(scenarioIssue(formatPath([...path, k]), 'is a reserved name (__proto__)', Object.getOwnPropertyDescriptor(v, k)?.value));
      else walk(child, [...path, k]);
    }
  };
  walk(data, []);
  return out;
}

/** The parts of a zod issue read here. */
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  keys?: string[];
  errors?: ZodIssueLike[][];
  options?: unknown[];
  note?: string;
}

function collectIssues(issue: ZodIssueLike, prefix: PropertyKey[], root: unknown, out: ScenarioIssue[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const parent = valueAt(root, path);
    for (const k of issue.keys ?? []) out.push(scenarioIssue(formatPath([...path, k]), 'is not a known key', (parent as Record<string, unknown>)?.[k]));
    return;
  }
  if (issue.code === 'invalid_union' && issue.message !== 'Invalid input' && !issue.note) {
    // A union with its own message (the seed) says what it accepts better than any one branch.
    out.push(scenarioIssue(formatPath(path), issue.message, valueAt(root, path)));
    return;
  }
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    // Report the branch that came closest (fewest problems): the user meant that one.
    let best = issue.errors[0];
    for (const b of issue.errors) if (score(b) < score(best)) best = b;
    for (const sub of best) collectIssues(sub, path, root, out);
    return;
  }
  out.push(scenarioIssue(formatPath(path), expectedOf(issue, valueAt(root, path)), valueAt(root, path)));
}

/** A branch's distance from matching: an unknown key or missing key counts more than a bad value. */
function score(branch: ZodIssueLike[]): number {
  let s = 0;
  for (const i of branch) s += i.code === 'unrecognized_keys' ? 2 * (i.keys?.length ?? 1) : i.code === 'invalid_type' && /undefined/.test(i.message) ? 2 : 1;
  return s;
}

function expectedOf(issue: ZodIssueLike, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `is required (${article(issue.expected)})`;
      return `must be ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values && issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`}`;
    case 'invalid_union':
      if (issue.options) return `must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
      return 'does not match any of the allowed forms';
    case 'invalid_format':
      return `must be a valid ${issue.expected ?? 'value'}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string | undefined): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case undefined:
      return 'a value';
    default:
      return `a ${expected}`;
  }
}

/** `cameras[1].count` from `['cameras', 1, 'count']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) s += s === '' ? p : `.${p}`;
    else s += `[${JSON.stringify(String(p))}]`;
  }
  return s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
