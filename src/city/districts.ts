/**
 * Districts: splitting a boundary into synthetic districts of equal area, or
 * checking districts given by the caller.
 */
import { InvalidInputError } from '../core/index.js';
import { type MultiPolygonM, multiPolygonArea, multiPolygonBounds } from '../geo/index.js';
import type { District } from './city.js';
import { toBoundary } from './boundary.js';
import { clipMultiPolygonToRect } from './rect-clip.js';

/** A district as given by a caller: a name, optionally an id and an area (metres). */
export interface DistrictSpec {
  /** Stable identifier; default: the name in lower case with non-letters replaced by `-`. */
  id?: string;
  name: string;
  /** The district's area in metres (any {@link toBoundary} form). When every spec omits it, the boundary is split into equal-area districts. */
  area?: unknown;
}

/**
 * Splits a boundary into `count` synthetic districts of equal area: first
 * into `k` columns of equal area (vertical cuts found by bisection), then
 * each column into `m` rows of equal area, with `k × m = count` and `k / m`
 * as close as possible to the boundary's aspect ratio. Every district
 * therefore has area (boundary area) / count.
 *
 * @param boundary - the city boundary (positive area)
 * @param count - number of districts (integer ≥ 1), or their names in order (columns west to east, rows south to north)
 * @returns the districts, ids `d1` … or derived from the names
 * @throws {InvalidInputError} when count is not an integer in [1, 10000]
 * @example
 * splitIntoDistricts([boundsToPolygon([0, 0, 1000, 1000])], 4) // four 500 m squares
 * @remarks O(count × 60 × boundary vertices) (60 bisection steps per cut).
 */
export function splitIntoDistricts(boundary: MultiPolygonM, count: number | readonly string[]): District[] {
  return splitIntoDistrictsFor(boundary, count, 'splitIntoDistricts');
}

/** {@link splitIntoDistricts} for a caller whose name errors should carry. */
export function splitIntoDistrictsFor(boundary: MultiPolygonM, count: number | readonly string[], origin: string): District[] {
  const names = Array.isArray(count) ? (count as readonly string[]) : null;
  const n = names ? names.length : (count as number);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 10000) throw new InvalidInputError(origin, 'districts', 'must be an integer in [1, 10000] or a non-empty list', count);
  const [minX, minY, maxX, maxY] = multiPolygonBounds(boundary);
  const aspect = (maxX - minX) / (maxY - minY);
  // k columns × m rows, k·m = n, k/m closest to the aspect ratio (log scale).
  let k = 1;
  let best = Infinity;
  for (let c = 1; c <= n; c++) {
    if (n % c !== 0) continue;
    const score = Math.abs(Math.log(c / (n / c)) - Math.log(aspect));
    if (score < best) {
      best = score;
      k = c;
    }
  }
  const m = n / k;
  const total = multiPolygonArea(boundary);
  const pad = 1 + (maxX - minX + maxY - minY);
  const columns = equalAreaCuts(k, total, minX, maxX, (lo, hi) => clipMultiPolygonToRect(boundary, lo, minY - pad, hi, maxY + pad));
  const out: District[] = [];
  const seen = new Set<string>();
  let d = 0;
  for (let c = 0; c < k; c++) {
    const col = clipMultiPolygonToRect(boundary, columns[c], minY - pad, columns[c + 1], maxY + pad);
    const colArea = multiPolygonArea(col);
    const [, cMinY, , cMaxY] = multiPolygonBounds(col);
    const rows = equalAreaCuts(m, colArea, cMinY, cMaxY, (lo, hi) => clipMultiPolygonToRect(col, minX - pad, lo, maxX + pad, hi));
    for (let r = 0; r < m; r++) {
      const area = clipMultiPolygonToRect(col, minX - pad, rows[r], maxX + pad, rows[r + 1]);
      const name = names ? String(names[d]) : `District ${d + 1}`;
      const id = names ? uniqueId(slug(name) || `d${d + 1}`, seen) : uniqueId(`d${d + 1}`, seen);
      out.push({ id, name, area });
      d++;
    }
  }
  return out;
}

/** Cut positions lo = p0 < p1 < … < pk = hi so that each slab holds total/k of the area. */
function equalAreaCuts(k: number, total: number, lo: number, hi: number, slab: (a: number, b: number) => MultiPolygonM): number[] {
  const cuts = [lo];
  for (let i = 1; i < k; i++) {
    const target = (total * i) / k;
    let a = cuts[i - 1];
    let b = hi;
    for (let it = 0; it < 60; it++) {
      const mid = (a + b) / 2;
      if (multiPolygonArea(slab(lo, mid)) < target) a = mid;
      else b = mid;
    }
    cuts.push((a + b) / 2);
  }
  cuts.push(hi);
  // Widen the outer cuts slightly so that nothing is lost to rounding at the edges.
  cuts[0] = lo - 1;
  cuts[k] = hi + 1;
  return cuts;
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueId(base: string, seen: Set<string>): string {
  let id = base;
  for (let i = 2; seen.has(id); i++) id = `${base}-${i}`;
  seen.add(id);
  return id;
}

/**
 * Reads the `districts` option of a city function: a count, a list of names,
 * or a list of {@link DistrictSpec}s (all with an area, or none, in which
 * case the boundary is split into equal-area districts with those names).
 *
 * @throws {InvalidInputError} on a bad count, a spec without a name, duplicate ids, or a mix of specs with and without areas
 * @example
 * resolveDistricts(boundary, ['North', 'South'], 'createCity')
 */
export function resolveDistricts(boundary: MultiPolygonM, value: unknown, origin: string): District[] {
  if (typeof value === 'number') return splitIntoDistrictsFor(boundary, value, origin);
  if (!Array.isArray(value) || value.length === 0) throw new InvalidInputError(origin, 'districts', 'must be a count, a non-empty list of names or a list of { name, id?, area? }', value);
  if (value.every((v) => typeof v === 'string')) return splitIntoDistrictsFor(boundary, value as string[], origin);
  const specs = value as unknown[];
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i] as DistrictSpec;
    if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || s.name.length === 0) throw new InvalidInputError(origin, `districts[${i}].name`, 'must be a non-empty string', s && typeof s === 'object' ? s.name : s);
    if (s.id !== undefined && (typeof s.id !== 'string' || s.id.length === 0)) throw new InvalidInputError(origin, `districts[${i}].id`, 'must be a non-empty string', s.id);
  }
  const withArea = specs.filter((s) => (s as DistrictSpec).area !== undefined).length;
  if (withArea === 0) {
    const split = splitIntoDistrictsFor(boundary, specs.map((s) => (s as DistrictSpec).name), origin);
    specs.forEach((s, i) => {
      const id = (s as DistrictSpec).id;
      if (id !== undefined) split[i].id = id;
    });
    checkUniqueIds(split, origin);
    return split;
  }
  if (withArea !== specs.length) throw new InvalidInputError(origin, 'districts', 'must give an area for every district or for none', `${withArea} of ${specs.length} with an area`);
  const out = specs.map((raw, i): District => {
    const s = raw as DistrictSpec;
    return { id: s.id ?? (slug(s.name) || `d${i + 1}`), name: s.name, area: toBoundary(s.area, origin, `districts[${i}].area`) };
  });
  checkUniqueIds(out, origin);
  return out;
}

function checkUniqueIds(ds: District[], origin: string): void {
  const seen = new Set<string>();
  ds.forEach((d, i) => {
    if (seen.has(d.id)) throw new InvalidInputError(origin, `districts[${i}].id`, 'must be unique', d.id);
    seen.add(d.id);
  });
}
