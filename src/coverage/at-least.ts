/**
 * The length of the `atLeast` arrays of the coverage results: entries for
 * k = 0 … {@link AT_LEAST_MIN_K} are always there (0 beyond the deepest
 * level), so that `cov.atLeast[3]` is a number even where nothing is seen
 * three times; deeper levels follow when they exist.
 */

/** Every `atLeast` array (and its `areaAtLeast` / `lengthAtLeast` twin) has entries for k = 0 … 20 at least. */
export const AT_LEAST_MIN_K = 20;

/** Pads `a` in place with zeros to AT_LEAST_MIN_K + 1 entries and returns it. @internal */
export function padAtLeast(a: number[]): number[] {
  while (a.length <= AT_LEAST_MIN_K) a.push(0);
  return a;
}
