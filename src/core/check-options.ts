/**
 * Strict options: every public function that takes an options object refuses
 * a key it does not know, naming it and suggesting the nearest known one
 * (`computeCoverage: unknown option \`occlussion\`; did you mean \`occlusion\`?`).
 *
 * The known keys of a function are declared once, next to its `*_DEFAULTS`
 * object, with {@link optionKeys}: the keys of the defaults plus the options
 * that have no default. The type parameter makes the declaration complete at
 * compile time (every key of the options type is listed, and every key of the
 * defaults is an option or declared as not one), so the check cannot drift
 * from the defaults or from the documented type.
 */
import { InvalidInputError } from './errors.js';

/** Keys of `O` (an options type) not covered by the defaults `D`, the extra keys `E` and the non-options `N`. */
type Uncovered<O, D, E extends readonly string[]> = Exclude<keyof O & string, (keyof D & string) | E[number]>;
/** Keys of the defaults `D` that are neither keys of `O` nor declared in `N` as not options. */
type Undeclared<O, D, N extends readonly string[]> = Exclude<keyof D & string, (keyof O & string) | N[number]>;

/**
 * The known option keys of a function, from its defaults and the options without a default.
 *
 * Curried so that the options type is given and the rest is inferred:
 * `const COVERAGE_OPTION_KEYS = optionKeys<CoverageOptions>()(COVERAGE_DEFAULTS, ['bounds', 'area', 'city'])`.
 * A compile error names an option of the type missing from the list, or a key
 * of the defaults that is no option (list those in `notOptions`: tuning
 * constants kept with the defaults, never read from the options).
 *
 * @returns the known keys, frozen: the defaults' keys (less `notOptions`) then `extra`
 * @internal
 */
export function optionKeys<O extends object>() {
  return <D extends object, const E extends readonly (keyof O & string)[], const N extends readonly (keyof D & string)[] = []>(
    defaults: D,
    extra: E & ([Uncovered<O, D, E>] extends [never] ? unknown : { 'missing option keys': Uncovered<O, D, E> }),
    ...notOptions: [Undeclared<O, D, N>] extends [never] ? [N?] : [N & { 'defaults keys that are not options': Undeclared<O, D, N> }]
  ): readonly string[] => {
    const skip = new Set<string>(notOptions[0] ?? []);
    const keys = Object.keys(defaults).filter((k) => !skip.has(k));
    for (const k of extra) if (!keys.includes(k)) keys.push(k);
    return Object.freeze(keys);
  };
}

/** Known option keys, with the known keys of the nested option objects (e.g. `plans`, `stream`) where there are some. */
export type OptionKeys = readonly string[] & { readonly nested?: Readonly<Record<string, readonly string[]>> };

/**
 * `keys` with the known keys of nested option objects, checked by
 * {@link checkOptions} when the nested value is an object (field
 * `options.<key>.<nested key>`).
 * @internal
 */
export function withNestedOptions(keys: readonly string[], nested: Record<string, readonly string[]>): OptionKeys {
  const out = [...keys];
  Object.defineProperty(out, 'nested', { value: Object.freeze({ ...nested }), enumerable: false });
  return Object.freeze(out) as OptionKeys;
}

/** An unknown option key: an {@link InvalidInputError} whose message names the key and suggests the nearest known one. */
export class UnknownOptionError extends InvalidInputError {
  /** The keys the function knows (for tooling and tests). */
  readonly knownOptions: readonly string[];
  constructor(origin: string, field: string, message: string, value: unknown, knownOptions: readonly string[]) {
    super(origin, field, 'is not an option', value);
    const full = `${origin}: ${message}`;
    if (typeof this.stack === 'string') this.stack = this.stack.replace(this.message, full);
    this.message = full;
    this.knownOptions = knownOptions;
  }
}

/**
 * Refuses an options value that is not a plain object, and any own key of it
 * that is not in `known` (whatever its value, `undefined` included). A known
 * key is always accepted, `undefined` included (meaning "the default").
 * `undefined` options are accepted (the function's default applies). Nested
 * option objects declared with {@link withNestedOptions} are checked the same way.
 *
 * @param origin - the public function's name, e.g. `'computeCoverage'`
 * @param options - the options value as given
 * @param known - the function's known keys, from {@link optionKeys}
 * @param field - the path of the options in the call, `'options'` or e.g. `'options.plans'`
 * @throws {InvalidInputError} a non-object options value; {@link UnknownOptionError} an unknown key
 * @internal
 */
export function checkOptions(origin: string, options: unknown, known: OptionKeys, field = 'options'): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError(origin, field, 'must be an object', options);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = nearestKey(key, known);
    const hint = near !== undefined ? `did you mean \`${near}\`?` : known.length ? `known options: ${known.join(', ')}` : 'it takes no options';
    const path = field === 'options' ? '' : ` in ${field}`;
    throw new UnknownOptionError(origin, `${field}.${key}`, `unknown option \`${key}\`${path}; ${hint}`, (options as Record<string, unknown>)[key], known);
  }
  const nested = known.nested;
  if (nested === undefined) return;
  for (const key of Object.keys(nested)) {
    const v = (options as Record<string, unknown>)[key];
    // Only a plain options object is checked here; other values are left to the function's own checks.
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v)) checkOptions(origin, v, nested[key], `${field}.${key}`);
  }
}

/**
 * The entries of `options` whose keys are in `known`: for a function that
 * hands its options on to another public function that knows fewer.
 * @internal
 */
export function pickOptions<T extends object>(options: T, known: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(options)) if (known.includes(key)) out[key] = (options as Record<string, unknown>)[key];
  return out as Partial<T>;
}

/**
 * The known key nearest to `key`: the same ignoring case; else the nearest by
 * Damerau–Levenshtein distance (case-insensitive) when at most 2 and less than
 * half the key's length; else a known key that contains the given one or is
 * contained in it, ignoring case (`cameras` → `numCameras`), of at least 4 letters;
 * for a generic count word (`count`, `n`, `total`, ...) the one `numX` key, if one.
 * Ties go to the first in `known`. `undefined` when none is near.
 * @internal
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  for (const c of known) if (c.toLowerCase() === k) return c;
  let best: string | undefined;
  let bestD = 3;
  for (const c of known) {
    const d = damerauLevenshtein(k, c.toLowerCase(), bestD);
    if (d < bestD && d * 2 < Math.max(k.length, c.length)) {
      best = c;
      bestD = d;
    }
  }
  if (best !== undefined) return best;
  if (COUNT_WORDS.has(k)) {
    // The library names a count `numX` (numCameras, numResidents): one such key is the count meant.
    const counts = known.filter((c) => /^num[A-Z]/.test(c));
    if (counts.length === 1) return counts[0];
  }
  if (k.length < 4) return undefined;
  for (const c of known) {
    const lc = c.toLowerCase();
    if (lc.length >= 4 && (lc.includes(k) || k.includes(lc))) return c;
  }
  return undefined;
}

/** Generic names of a count, which the library spells `numX`. */
const COUNT_WORDS = new Set(['count', 'n', 'num', 'number', 'total', 'size']);

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions,
 * deletions, substitutions, adjacent transpositions), or `limit` when it is at
 * least `limit`.
 * @internal
 */
export function damerauLevenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[m], limit);
}
