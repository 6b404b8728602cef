/**
 * Comparing two scenario results: the delta of every numeric headline and of
 * every numeric per-district metric.
 */
import { InvalidInputError } from '../core/index.js';
import type { ScenarioResult } from './result.js';

/** One compared number. */
export interface MetricDelta {
  key: string;
  a: number;
  b: number;
  /** b − a. */
  delta: number;
  /** (b − a) / |a|, or null when a is 0. */
  relative: number | null;
}

/** What {@link compareScenarios} returns. */
export interface ScenarioComparison {
  a: { name: string; seed: string | number; libraryVersion: string };
  b: { name: string; seed: string | number; libraryVersion: string };
  /** Headline numbers present in both, in a's order. */
  headline: MetricDelta[];
  /**
   * Districts present in both (matched by id), with every numeric metric
   * (arrays as `atLeast[2]`) and, when both ran the exposure analysis with
   * residents, the district's exposure (`exposure.meanPIdentified`, …).
   */
  districts: { id: string; name: string; deltas: MetricDelta[] }[];
  /** Headline keys and district ids present in only one of them. */
  onlyInA: string[];
  onlyInB: string[];
}

/**
 * Compares two results: `b − a` for every numeric headline and every
 * numeric per-district metric (districts matched by id).
 *
 * @param a - the baseline result
 * @param b - the result compared with it
 * @returns the deltas, and the keys present in only one of them
 * @throws {InvalidInputError} when either is not a sightline result
 * @example
 * const d = compareScenarios(older, newer);
 * d.headline.find((x) => x.key === 'coveredFraction').delta
 */
export function compareScenarios(a: ScenarioResult, b: ScenarioResult): ScenarioComparison {
  const origin = 'compareScenarios';
  for (const [field, r] of [['a', a], ['b', b]] as const) {
    if (typeof r !== 'object' || r === null || r.format !== 'sightline-result' || typeof r.headline !== 'object') {
      throw new InvalidInputError(origin, field, 'must be a sightline result (from runScenario or a results.json)', r);
    }
  }
  const onlyInA: string[] = [];
  const onlyInB: string[] = [];
  const headline = diffNumbers(a.headline, b.headline, '', onlyInA, onlyInB);
  const districts: ScenarioComparison['districts'] = [];
  const rowsA = a.metrics?.districts?.rows ?? [];
  const rowsB = b.metrics?.districts?.rows ?? [];
  const byIdB = new Map(rowsB.map((r) => [r.id, r]));
  for (const ra of rowsA) {
    const rb = byIdB.get(ra.id);
    if (!rb) {
      onlyInA.push(`district:${ra.id}`);
      continue;
    }
    districts.push({ id: ra.id, name: ra.name, deltas: diffNumbers(flatten(ra), flatten(rb), '', [], []) });
  }
  const idsA = new Set(rowsA.map((r) => r.id));
  for (const rb of rowsB) if (!idsA.has(rb.id)) onlyInB.push(`district:${rb.id}`);
  // Per-district exposure of the residents sample (by home district), keys prefixed `exposure.`.
  const exA = a.metrics?.exposure?.population?.districts ?? [];
  const exB = b.metrics?.exposure?.population?.districts ?? [];
  const exByIdB = new Map(exB.map((r) => [r.id, r]));
  for (const ra of exA) {
    const rb = exByIdB.get(ra.id);
    if (!rb || ra.id === null) continue;
    const { id: _ia, name: _na, ...na } = ra;
    const { id: _ib, name: _nb, ...nb } = rb;
    const deltas = diffNumbers(flatten(na), flatten(nb), 'exposure.', [], []);
    const entry = districts.find((d) => d.id === ra.id);
    if (entry) entry.deltas.push(...deltas);
    else districts.push({ id: ra.id, name: ra.name, deltas });
  }
  const info = (r: ScenarioResult) => ({ name: r.name, seed: r.seed, libraryVersion: r.libraryVersion });
  return { a: info(a), b: info(b), headline, districts, onlyInA, onlyInB };
}

/** Numeric leaves of a plain object, arrays indexed as `key[i]`. */
function flatten(o: object): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (v: unknown, key: string) => {
    if (typeof v === 'number') out[key] = v;
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${key}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, key ? `${key}.${k}` : k);
  };
  visit(o, '');
  return out;
}

function diffNumbers(a: Record<string, unknown>, b: Record<string, unknown>, prefix: string, onlyInA: string[], onlyInB: string[]): MetricDelta[] {
  const out: MetricDelta[] = [];
  for (const [k, va] of Object.entries(a)) {
    if (typeof va !== 'number') continue;
    const vb = b[k];
    if (typeof vb !== 'number') {
      onlyInA.push(prefix + k);
      continue;
    }
    out.push({ key: prefix + k, a: va, b: vb, delta: vb - va, relative: va === 0 ? null : (vb - va) / Math.abs(va) });
  }
  for (const [k, vb] of Object.entries(b)) if (typeof vb === 'number' && typeof a[k] !== 'number') onlyInB.push(prefix + k);
  return out;
}
