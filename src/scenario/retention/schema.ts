/**
 * The `retention` section of a scenario: the retention policy (a preset or
 * a policy written out), legal holds in the scenario's coordinates, and the
 * options of the retention analysis (how long the system has run, the
 * look-back window, the storage price, the principals the "closed loop" allows)
 * plus an optional second policy to compare with.
 *
 * The shape is checked here; the policy's meaning (copies that go to a tier the
 * policy lacks, unknown principals, data kept where it never arrives) is
 * checked by createRetentionPolicy, whose errors parseScenario reports at the
 * JSON path of the offending item (schema.ts).
 */
import { z } from 'zod';
import { DATA_KINDS, RETENTION_TIERS, RETENTION_PRESET_NAMES, ANALYSE_RETENTION_DEFAULTS } from '../../retention/index.js';

// Days are range-checked by createRetentionPolicy (one message per bad value, at its JSON path).
const days = z.union([z.number(), z.literal('forever')]).describe('Days kept (0 = deleted at once) or "forever"; at least 0.');
const tier = z.enum(RETENTION_TIERS as [string, ...string[]]);
const kind = z.enum(DATA_KINDS as [string, ...string[]]);

const ruleSchema = z.strictObject({
  days,
  copyTo: z.union([tier, z.array(tier), z.literal(true)]).optional().describe('Tiers above this one that receive a copy (true = the next tier up).'),
  readers: z.array(z.string().min(1)).optional().describe('Principals that may read this copy.'),
});
const rulesByKind = z.strictObject(Object.fromEntries(DATA_KINDS.map((k) => [k, ruleSchema.optional()])) as Record<string, z.ZodOptional<typeof ruleSchema>>);

const principalSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().optional(),
  via: z.array(z.strictObject({ principal: z.string().min(1), kinds: z.array(kind).min(1).optional() })).optional(),
});

/** A legal hold: everything captured in an area and time window is kept longer. */
export const legalHoldSchema = z.strictObject({
  id: z.string().min(1).optional(),
  coordinates: z.enum(['lonlat', 'metres']).default('lonlat').describe('Units of area (default lonlat, WGS84).'),
  area: z
    .union([z.tuple([z.number(), z.number(), z.number(), z.number()]), z.array(z.tuple([z.number(), z.number()])).min(3)])
    .describe('[minX, minY, maxX, maxY] (or [west, south, east, north]) or a polygon ring.'),
  from: z.number().describe('Start of the window, days on the timeline (day 0 = the first simulated day).'),
  to: z.number().describe('End of the window (exclusive), days.'),
  keepDays: days,
  kinds: z.array(kind).min(1).optional().describe('Kinds held (default all).'),
  readers: z.array(z.string().min(1)).optional().describe('Who may read the held copy (default police and prosecutors).'),
});

/** A retention policy written out (see RetentionPolicySpec); legal holds go in the section's `legalHolds`. */
export const retentionPolicySchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  sources: z.array(z.string()).optional(),
  evidence: z.enum(['sourced', 'partly-sourced', 'assumption']).optional().describe('How well the sources carry the policy (default assumption); the report labels the policy by it.'),
  tiers: z.array(tier).min(1).optional().describe('Tiers the system has (default all five).'),
  createdAt: z.strictObject(Object.fromEntries(DATA_KINDS.map((k) => [k, tier.optional()])) as Record<string, z.ZodOptional<typeof tier>>).optional(),
  principals: z.array(principalSchema).optional(),
  rules: z.strictObject(Object.fromEntries(RETENTION_TIERS.map((t) => [t, rulesByKind.optional()])) as Record<string, z.ZodOptional<typeof rulesByKind>>),
});

/** A policy: a preset name or a policy written out. */
export const retentionPolicyRefSchema = z.union([
  z.strictObject({ preset: z.enum(RETENTION_PRESET_NAMES as unknown as [string, ...string[]]) }),
  z.strictObject({ policy: retentionPolicySchema }),
]);

/** `retention`: the policy and the options of the retention analysis. */
export const retentionSchema = z.strictObject({
  preset: z.enum(RETENTION_PRESET_NAMES as unknown as [string, ...string[]]).optional().describe('A retention preset (give this or policy).'),
  policy: retentionPolicySchema.optional().describe('A policy written out (give this or preset).'),
  legalHolds: z.array(legalHoldSchema).optional().describe('Legal holds added to the policy.'),
  compareWith: retentionPolicyRefSchema.optional().describe('A second policy: the analysis runs for both and reports the deltas.'),
  operatingDays: z
    .number()
    .positive()
    .default(ANALYSE_RETENTION_DEFAULTS.operatingDays)
    .describe('Days the system has run: bounds "forever" and how far back anything reaches (default 3,650 = 10 years, assumption).'),
  lookbackDays: z.number().positive().default(30).describe("Window of a resident's recent trips asked about (default 30 days)."),
  pricePerTBMonth: z.number().min(0).optional().describe('Storage price per TB-month (default: the storage model\'s).'),
  allowed: z.array(z.string().min(1)).min(1).default(['police']).describe('Principals the "closed loop" claim allows (default police).'),
});
