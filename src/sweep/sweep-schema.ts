/**
 * The sweep file: a scenario, the seeds to run it with, the inputs to vary
 * and the design that picks their values (zod, strict), with
 * {@link parseSweep} and {@link sweepJsonSchema}.
 *
 * ```json
 * { "scenario": "scenario.json", "seeds": 8,
 *   "vary": { "analyses.exposure.watchlistSize": [1000, 100000],
 *             "retention.policy.rules.city.video.days": { "low": 7, "high": 90 } },
 *   "design": "grid" }
 * ```
 */
import { z } from 'zod';
import { SightlineError } from '../core/index.js';
import { SCENARIO_PRESET_NAMES } from '../scenario/index.js';

/** A problem in a sweep file, at its JSON path. */
export interface SweepIssue {
  path: string;
  message: string;
}

/** A sweep file that does not validate (every problem listed), or a sweep that cannot run as written. */
export class SweepError extends SightlineError {
  readonly issues: SweepIssue[];
  constructor(origin: string, issues: SweepIssue[]) {
    super(origin, `${issues.length === 1 ? '1 problem' : `${issues.length} problems`} in the sweep:\n${issues.map((i) => `  - ${i.path} ${i.message}`).join('\n')}`);
    this.name = 'SweepError';
    this.issues = issues;
  }
}

/** Defaults of a sweep file, each documented. */
export const SWEEP_DEFAULTS = {
  /** Grid: every combination of the listed values. */
  design: 'grid' as 'grid' | 'one-at-a-time' | 'sobol',
  /** Seeds: 1 (the scenario's own seed). */
  seeds: 1,
  /** Points of a `{ low, high }` range in a grid: both ends. */
  steps: 2,
  /** Base samples of a Sobol design (rounded up to a power of two). */
  samples: 64,
  /** Seed of the Sobol design's scrambling (not of the runs). */
  designSeed: 0,
};

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

/** The values a varied input takes: a list, a range, or `"range"` (an assumption's plausible range from the registry). */
export const sweepRangeSchema = z.union([
  z.literal('range').describe("An assumption name's plausible range (low, central, high) from the assumption registry."),
  z.array(finite).min(1).describe('The values, in order (one-at-a-time and sobol read their smallest and largest as low and high).'),
  z
    .strictObject({
      low: finite,
      high: finite,
      central: finite.optional().describe("The central value (one-at-a-time's base); default: the scenario's own value at the path, else the midpoint."),
      steps: z.int().min(2).max(1000).optional().describe('Grid points from low to high, evenly spaced (default 2: both ends).'),
      integer: z.boolean().optional().describe('Round each value to an integer (counts, days).'),
    })
    .refine((r) => r.low <= r.high, { message: 'low must be at most high' }),
]);

const seedValue = z.union([z.string().min(1), z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)]);

/** A preset scenario by name, with scenarioPreset's options. */
const presetScenario = z.strictObject({
  preset: z.enum(SCENARIO_PRESET_NAMES as unknown as [string, ...string[]]),
  numCameras: z.int().min(1).optional(),
  numResidents: z.int().min(1).optional(),
  outageTrials: z.int().min(1).optional(),
});

/** The sweep file schema. */
export const sweepSchema = z.strictObject({
  $schema: z.string().optional().describe('Optional URL or path of the JSON Schema (for editors); ignored.'),
  name: z.string().min(1).optional().describe('A short name shown in the report.'),
  scenario: z
    .union([z.string().min(1), presetScenario, z.record(z.string(), z.unknown())])
    .describe('The scenario: a path (relative to the sweep file), a preset `{ "preset": "almaty", "numCameras": 20000 }`, or a scenario written inline.'),
  seeds: z
    .union([z.int().min(1).max(100_000), z.array(seedValue).min(1)])
    .default(SWEEP_DEFAULTS.seeds)
    .describe("Seeds each variant runs with: a count N (seeds 1 … N) or the seeds themselves (default 1)."),
  vary: z
    .record(z.string().min(1), sweepRangeSchema)
    .default({})
    .describe('Inputs to vary: a dotted path into the scenario (`retention.policy.rules.city.video.days`, `cameras.0.numCameras`) or an assumption name of the registry (`plateReadRate`: set through the scenario\'s `assumptions` section), with its values, a range, or "range" (an assumption\'s plausible range).'),
  design: z.enum(['grid', 'one-at-a-time', 'sobol']).default(SWEEP_DEFAULTS.design).describe('grid (every combination), one-at-a-time (low and high of each input, the others central) or sobol (Saltelli design, Sobol indices).'),
  samples: z.int().min(2).max(1 << 20).optional().describe('Base samples of a sobol design (default 64; rounded up to a power of two; runs = samples × (inputs + 2) × seeds).'),
  designSeed: seedValue.optional().describe('Seed of the sobol design (default 0).'),
});

/** A validated sweep file. */
export type SweepSpec = z.output<typeof sweepSchema>;
/** A sweep file as written. */
export type SweepInput = z.input<typeof sweepSchema>;
/** The values of one varied input. */
export type SweepRange = z.output<typeof sweepRangeSchema>;

/**
 * Validates a sweep file (object or JSON text).
 *
 * @param json - the sweep, or its JSON text
 * @returns the sweep with defaults applied
 * @throws {SweepError} listing every problem with its JSON path
 * @example parseSweep({ scenario: { preset: 'almaty' }, seeds: 8 }).design // 'grid'
 */
export function parseSweep(json: unknown): SweepSpec {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new SweepError('parseSweep', [{ path: '(root)', message: `must be valid JSON (${(e as Error).message})` }]);
    }
  }
  const r = sweepSchema.safeParse(data);
  if (!r.success) {
    throw new SweepError(
      'parseSweep',
      r.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String).join('.') : '(root)', message: i.code === 'unrecognized_keys' ? `has unknown key(s) ${(i as unknown as { keys: string[] }).keys.map((k) => JSON.stringify(k)).join(', ')}` : i.message })),
    );
  }
  const s = r.data;
  if (s.design !== 'sobol' && (s.samples !== undefined || s.designSeed !== undefined)) {
    throw new SweepError('parseSweep', [{ path: s.samples !== undefined ? 'samples' : 'designSeed', message: `applies to the sobol design only (design is ${s.design})` }]);
  }
  if (s.design !== 'grid' && Object.keys(s.vary).length === 0) throw new SweepError('parseSweep', [{ path: 'vary', message: `must name at least one input for the ${s.design} design` }]);
  if (Array.isArray(s.seeds) && new Set(s.seeds.map((x) => JSON.stringify(x))).size !== s.seeds.length) throw new SweepError('parseSweep', [{ path: 'seeds', message: 'has a seed twice' }]);
  return s;
}

/**
 * A JSON Schema (draft 2020-12) of the sweep file, for editors.
 *
 * @returns a plain JSON object
 * @example writeFileSync('sweep.schema.json', JSON.stringify(sweepJsonSchema(), null, 2));
 */
export function sweepJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(sweepSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'sightline sweep', description: 'A sightline sweep: a scenario run over seeds and varied inputs (sightline sweep SWEEP.json --out DIR).' };
}
