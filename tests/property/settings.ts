/**
 * Settings shared by the property and fuzz tests (issue 18).
 *
 * Each property runs a fixed, seeded number of cases by default, so
 * `npm test` is fast and reproducible. A nightly run sets
 * `SIGHTLINE_FUZZ_RUNS` (e.g. 10000) to run that many cases per property,
 * and may set `SIGHTLINE_FUZZ_SEED` to explore other cases; a failure prints
 * the seed and path that fast-check needs to replay it.
 */
import { SightlineError } from '../../src/index.js';

const envRuns = Number(process.env.SIGHTLINE_FUZZ_RUNS);
const envSeed = Number(process.env.SIGHTLINE_FUZZ_SEED);

/** True in the long (nightly) mode. */
export const LONG = Number.isInteger(envRuns) && envRuns > 0;

/** fast-check parameters: `runs` cases by default, SIGHTLINE_FUZZ_RUNS in the long mode; always seeded. */
export function params(runs: number): { numRuns: number; seed: number; endOnFailure: true } {
  return { numRuns: LONG ? envRuns : runs, seed: Number.isInteger(envSeed) ? envSeed : 18, endOnFailure: true };
}

/** A vitest timeout that grows with the number of cases in the long mode. */
export function timeout(defaultMs: number, msPerCaseInLongMode: number): number {
  return LONG ? Math.max(defaultMs, envRuns * msPerCaseInLongMode) : defaultMs;
}

/**
 * Checks what a public function did with a generated input: a thrown error
 * must be a SightlineError whose message names the function (and, for an
 * InvalidInputError, a field); a result must contain only finite numbers
 * (walked through plain objects, arrays and typed arrays). Returns the error
 * or null.
 */
export function expectTypedOrFinite(origin: string, run: () => unknown, skipKeys: readonly string[] = []): unknown {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    if (!(e instanceof SightlineError)) throw new Error(`${origin}: threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)} instead of a SightlineError`);
    if (!e.message.startsWith(`${origin}:`) && !e.message.includes(':')) throw new Error(`${origin}: error message does not name a function: ${e.message}`);
    const field = (e as { field?: unknown }).field;
    if (e.name === 'InvalidInputError' && (typeof field !== 'string' || field.length === 0)) throw new Error(`${origin}: InvalidInputError without a field: ${e.message}`);
    return e;
  }
  const bad = nonFinite(result, '', 0, new Set(skipKeys), new Set());
  if (bad !== null) throw new Error(`${origin}: result has a non-finite number at ${bad}`);
  return null;
}

function nonFinite(v: unknown, path: string, depth: number, skip: ReadonlySet<string>, seen: Set<unknown>): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${path || '(result)'} = ${v}`;
  if (typeof v !== 'object' || v === null || depth > 6 || seen.has(v)) return null;
  seen.add(v);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i] as number)) return `${path}[${i}] = ${a[i]}`;
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && i < 10_000; i++) {
      const r = nonFinite(v[i], `${path}[${i}]`, depth + 1, skip, seen);
      if (r !== null) return r;
    }
    return null;
  }
  if (proto !== Object.prototype && proto !== null && !(typeof (v as { numCameras?: unknown }).numCameras === 'number')) return null; // graphs, projections: not plain data
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (skip.has(k)) continue;
    const r = nonFinite(x, path ? `${path}.${k}` : k, depth + 1, skip, seen);
    if (r !== null) return r;
  }
  return null;
}
