/**
 * Exact (Garwood) confidence interval for the mean of a Poisson count: the
 * interval for a rare-event rate when the count itself is the only data
 * (Garwood, Biometrika 28:437–442, 1936). For a count c and level 1 − α,
 * lo = G⁻¹(α/2; c) and hi = G⁻¹(1 − α/2; c + 1), where G⁻¹(p; a) is the
 * quantile of the unit-scale gamma distribution with shape a (lo = 0 when
 * c = 0). The same formula serves a non-integer "count" such as a sum of
 * expected events, read as the gamma-continuous extension.
 */
import { gammaln } from 'simple-statistics';
import { InvalidInputError } from './errors.js';
import { checkOptions, optionKeys } from './check-options.js';

/** Defaults of {@link poissonInterval}. */
export const POISSON_INTERVAL_DEFAULTS = {
  /** 90 % intervals, the level every interval of a sightline run uses. */
  level: 0.9,
} as const;

/** The options poissonInterval knows (its unknown options are refused). */
const POISSON_INTERVAL_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof poissonInterval>[1]>>()(POISSON_INTERVAL_DEFAULTS, []);

/** A two-sided interval with its level and how it was computed. */
export interface Interval {
  lo: number;
  hi: number;
  level: number;
  method: string;
}

/**
 * Exact Poisson interval for a count.
 *
 * @param count - the observed count (finite, ≥ 0; non-integer allowed)
 * @param options - `level` (default 0.9)
 * @returns `{ lo, hi, level, method }` with lo ≤ count ≤ hi
 * @throws {InvalidInputError} when count is negative or not finite, or level is not in (0, 1)
 * @example poissonInterval(10) // { lo: 5.425…, hi: 16.962…, level: 0.9, method: 'exact Poisson (Garwood)' }
 *
 * Complexity: O(log(1/ε)) evaluations of the regularised incomplete gamma function.
 */
export function poissonInterval(count: number, options: { level?: number } = {}): Interval {
  checkOptions('poissonInterval', options, POISSON_INTERVAL_OPTION_KEYS);
  if (typeof count !== 'number' || !(count >= 0 && count < Infinity)) throw new InvalidInputError('poissonInterval', 'count', 'must be a finite number >= 0', count);
  const level = options.level ?? POISSON_INTERVAL_DEFAULTS.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new InvalidInputError('poissonInterval', 'options.level', 'must be a number in (0, 1)', level);
  const alpha = 1 - level;
  const lo = count === 0 ? 0 : gammaQuantile(alpha / 2, count);
  const hi = gammaQuantile(1 - alpha / 2, count + 1);
  return { lo, hi, level, method: 'exact Poisson (Garwood)' };
}

/** Quantile of the unit-scale gamma distribution of shape a, by bisection on its CDF. */
function gammaQuantile(p: number, a: number): number {
  let lo = 0;
  let hi = Math.max(1, a);
  while (regularisedGammaP(a, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (regularisedGammaP(a, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Regularised lower incomplete gamma P(a, x): the series for x < a + 1, the
 * continued fraction (modified Lentz) otherwise (Press et al., Numerical
 * Recipes, 3rd ed., §6.2).
 */
function regularisedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnFront = a * Math.log(x) - x - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(lnFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return 1 - Math.exp(lnFront) * h;
}
