/**
 * From a scenario's `retention` section to resolved retention policies: the
 * main policy (a preset or written out) with the section's legal holds
 * (lon/lat areas projected with the city's projection), the optional policy
 * to compare with, and the semantic check parseScenario runs so that a
 * policy error is reported at its JSON path.
 */
import { InvalidInputError } from '../../core/index.js';
import { createRetentionPolicy, type LegalHoldSpec, type RetentionPolicy, type RetentionPolicySpec, RETENTION_PRESETS, type RetentionPresetName } from '../../retention/index.js';
import type { z } from 'zod';
import type { retentionPolicyRefSchema, retentionSchema } from './schema.js';

type RetentionSection = z.output<typeof retentionSchema>;
type PolicyRef = z.output<typeof retentionPolicyRefSchema>;

/** Projects lon/lat to local metres (the city's projection). */
export type LonLatToMetres = (lon: number, lat: number) => [number, number];

function baseSpec(ref: { preset?: string; policy?: unknown }): RetentionPolicySpec {
  if (ref.preset !== undefined) return RETENTION_PRESETS[ref.preset as RetentionPresetName];
  return ref.policy as RetentionPolicySpec;
}

/** The section's legal holds in metres (lon/lat projected; without a projection, as given: for validation only). */
function holds(section: RetentionSection, project: LonLatToMetres | null): LegalHoldSpec[] {
  return (section.legalHolds ?? []).map((h) => {
    const { coordinates, area, ...rest } = h;
    let a: LegalHoldSpec['area'] = area as LegalHoldSpec['area'];
    if (coordinates === 'lonlat' && project !== null) {
      const ring: [number, number][] =
        area.length === 4 && typeof area[0] === 'number'
          ? (() => {
              const [w, s, e, n] = area as [number, number, number, number];
              return [[w, s], [e, s], [e, n], [w, n]];
            })()
          : (area as [number, number][]);
      a = ring.map(([lon, lat]) => project(lon, lat));
    }
    return { ...rest, area: a } as LegalHoldSpec;
  });
}

/**
 * The scenario's main retention policy with its legal holds.
 *
 * @param section - the validated `retention` section
 * @param project - lon/lat → metres (the city's projection); null when the holds are in metres
 * @param options - `withHolds: false` leaves every legal hold out (the policy alone)
 * @returns the resolved policy
 * @throws {InvalidInputError} from createRetentionPolicy (parseScenario has already checked the policy)
 */
export function scenarioRetentionPolicy(section: RetentionSection, project: LonLatToMetres | null, options: { withHolds?: boolean } = {}): RetentionPolicy {
  const spec = baseSpec(section);
  if (options.withHolds === false) return createRetentionPolicy({ ...spec, legalHolds: [] });
  return createRetentionPolicy({ ...spec, legalHolds: [...(spec.legalHolds ?? []), ...holds(section, project)] });
}

/** The policy to compare with (the section's legal holds apply to it too: the same events), or null. */
export function scenarioComparedPolicy(section: RetentionSection, project: LonLatToMetres | null): RetentionPolicy | null {
  if (section.compareWith === undefined) return null;
  const spec = baseSpec(section.compareWith as PolicyRef & { preset?: string; policy?: unknown });
  return createRetentionPolicy({ ...spec, legalHolds: [...(spec.legalHolds ?? []), ...holds(section, project)] });
}

/** A problem found in the section, with its path inside the section. */
export interface RetentionSectionIssue {
  path: (string | number)[];
  message: string;
}

/** `policy.rules.city.video.days` / `policy.legalHolds[0].to` → path segments after `policy`. */
function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (m === null) {
      out.push(part);
      continue;
    }
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out[0] === 'policy' ? out.slice(1) : out;
}

/**
 * The semantic checks of a `retention` section (parseScenario runs them):
 * exactly one of preset or policy; the policy, the section's legal holds and
 * the compared policy resolve (createRetentionPolicy); `allowed` names
 * principals of the policy.
 *
 * @param section - the shape-checked section
 * @returns issues with their paths inside the section (empty when fine)
 */
export function checkRetentionSection(section: RetentionSection): RetentionSectionIssue[] {
  const issues: RetentionSectionIssue[] = [];
  if ((section.preset === undefined) === (section.policy === undefined)) {
    issues.push({ path: ['preset'], message: 'give exactly one of preset or policy' });
    return issues;
  }
  const where = (prefix: (string | number)[], e: unknown, holdsGiven: number, presetHolds: number) => {
    if (!(e instanceof InvalidInputError)) throw e;
    const path = fieldPath(e.field);
    // `origin: field expected, got value` → `expected` (the issue carries the path and the value).
    const text = e.message.replace(/^[^:]+: /, '');
    const message = (text.startsWith(`${e.field} `) ? text.slice(e.field.length + 1) : text).replace(/, got [\s\S]*$/, '');
    // A legal hold of the section: its index in the section is after the preset's own holds.
    if (path[0] === 'legalHolds' && typeof path[1] === 'number' && path[1] >= presetHolds && holdsGiven > 0) {
      issues.push({ path: ['legalHolds', path[1] - presetHolds, ...path.slice(2)], message });
    } else {
      issues.push({ path: [...prefix, ...path], message });
    }
  };
  const given = section.legalHolds?.length ?? 0;
  let policy: RetentionPolicy | null = null;
  try {
    policy = scenarioRetentionPolicy(section, null);
  } catch (e) {
    where(section.preset !== undefined ? ['preset'] : ['policy'], e, given, baseSpec(section).legalHolds?.length ?? 0);
  }
  if (section.compareWith !== undefined) {
    try {
      scenarioComparedPolicy(section, null);
    } catch (e) {
      const ref = section.compareWith as { preset?: string };
      where(ref.preset !== undefined ? ['compareWith', 'preset'] : ['compareWith', 'policy'], e, given, baseSpec(section.compareWith as { preset?: string; policy?: unknown }).legalHolds?.length ?? 0);
    }
  }
  if (policy !== null) {
    const ids = policy.principals.map((p) => p.id);
    section.allowed.forEach((id, i) => {
      if (!ids.includes(id)) issues.push({ path: ['allowed', i], message: `must be a principal of the policy (${ids.join(', ')})` });
    });
  }
  return issues;
}
