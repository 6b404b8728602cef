/**
 * Placement strategy: cameras at street intersections.
 */
import { InvalidInputError } from '../core/errors.js';
import { requireInteger, requireNonNegative } from '../core/validate.js';
import type { City, StreetClass } from '../city/city.js';
import { STREET_CLASSES } from '../city/city.js';
import type { CameraSet } from './camera-set.js';
import {
  allocateCameraSet,
  headingOf,
  optionsObject,
  placementRng,
  requireCity,
  resolveAttributes,
  streetClassFilter,
  type PlacementBaseOptions,
} from './placement-common.js';

/** Options of {@link placeAtIntersections}. */
export interface IntersectionPlacementOptions extends PlacementBaseOptions {
  /** Smallest number of incident streets for a node to count as an intersection. Default 3. */
  minDegree?: number;
  /** Cameras at each chosen intersection. Default 1. Ignored when `totalCameras` is set. */
  camerasPerIntersection?: number;
  /**
   * Exact total number of cameras, spread as evenly as possible over the
   * chosen intersections (the first `totalCameras mod k` intersections get one more).
   */
  totalCameras?: number;
  /**
   * `streets` (default): camera j looks along incident street j, away from the
   * intersection (streets ordered by class, arterial first, then by bearing;
   * with more cameras than streets the directions repeat in that order).
   * `random`: uniform random headings.
   */
  heading?: 'streets' | 'random';
  /** Only intersections touching at least one street of these classes. Default: any class. */
  streetClasses?: readonly StreetClass[];
  /** At most this many intersections: a seeded random sample when more qualify. Default: all. */
  maxIntersections?: number;
  /** Distance in metres from the node along the camera's heading. Default 0. */
  offset?: number;
}

/** Defaults of {@link placeAtIntersections}. */
export const INTERSECTION_PLACEMENT_DEFAULTS = {
  /** Three or more incident streets: a junction, not a bend or a dead end. */
  minDegree: 3,
  camerasPerIntersection: 1,
  heading: 'streets' as const,
  /** Cameras stand on the intersection node itself. */
  offset: 0,
} as const;

const ORIGIN = 'placeAtIntersections';

/**
 * Places cameras at the street graph's intersections (nodes with at least
 * `minDegree` incident streets), optionally only those touching a street
 * class, optionally a seeded sample of them.
 *
 * @param city - a City; only `city.streets` is read
 * @param options - see {@link IntersectionPlacementOptions} and the camera attribute options
 * @returns a CameraSet; ids follow the graph's node order, cameras of one intersection consecutive
 * @throws {InvalidInputError} on a bad option, a street with an unknown class or non-finite
 *   coordinates, or when `totalCameras` > 0 but no intersection qualifies
 * @example
 * const cams = placeAtIntersections(city, { streetClasses: ['arterial'], camerasPerIntersection: 4, seed: 7 });
 *
 * Complexity: O(V + E) plus O(k log k) for a sample of k intersections.
 */
export function placeAtIntersections(city: City, options?: IntersectionPlacementOptions): CameraSet {
  const o = optionsObject(ORIGIN, options);
  requireCity(ORIGIN, city, ['streets']);
  const attrs = resolveAttributes(ORIGIN, o);
  const rng = placementRng(ORIGIN, o);
  const minDegree = requireInteger(ORIGIN, 'options.minDegree', o.minDegree ?? INTERSECTION_PLACEMENT_DEFAULTS.minDegree, 1);
  const perNode = requireInteger(ORIGIN, 'options.camerasPerIntersection', o.camerasPerIntersection ?? INTERSECTION_PLACEMENT_DEFAULTS.camerasPerIntersection, 0);
  const total = o.totalCameras === undefined ? -1 : requireInteger(ORIGIN, 'options.totalCameras', o.totalCameras, 0);
  const headingMode = o.heading ?? INTERSECTION_PLACEMENT_DEFAULTS.heading;
  if (headingMode !== 'streets' && headingMode !== 'random') {
    throw new InvalidInputError(ORIGIN, 'options.heading', 'must be "streets" or "random"', headingMode);
  }
  const keep = streetClassFilter(ORIGIN, 'options.streetClasses', o.streetClasses);
  const maxK = o.maxIntersections === undefined ? Infinity : requireInteger(ORIGIN, 'options.maxIntersections', o.maxIntersections, 0);
  const offset = requireNonNegative(ORIGIN, 'options.offset', o.offset ?? INTERSECTION_PLACEMENT_DEFAULTS.offset);

  // 1. Candidate nodes with their outgoing street directions (CSR layout).
  const g = city.streets;
  const nodeX: number[] = [];
  const nodeY: number[] = [];
  const dirStart: number[] = [0];
  const dirHeading: number[] = [];
  const scratchH: number[] = [];
  const scratchR: number[] = [];
  let badNode: string | null = null;
  g.forEachNode((node, a) => {
    if (badNode !== null) return;
    if (typeof a.x !== 'number' || typeof a.y !== 'number' || !Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      badNode = node;
      return;
    }
    scratchH.length = 0;
    scratchR.length = 0;
    let touches = keep === null;
    g.forEachEdge(node, (_e, ea, s, t, sa, ta) => {
      if (s === t) return;
      const other = s === node ? ta : sa;
      const rank = STREET_CLASSES.indexOf(ea.streetClass);
      if (keep !== null && rank >= 0 && keep[rank] === 1) touches = true;
      const dx = other.x - a.x;
      const dy = other.y - a.y;
      if (!(dx !== 0 || dy !== 0) || !Number.isFinite(dx) || !Number.isFinite(dy)) return;
      scratchH.push(headingOf(dx, dy));
      scratchR.push(rank < 0 ? STREET_CLASSES.length : rank);
    });
    if (scratchH.length < minDegree || !touches) return;
    // Order: street class (arterial first), then bearing (insertion sort: degrees are small).
    const nd = scratchH.length;
    for (let i = 1; i < nd; i++) {
      const h = scratchH[i];
      const r = scratchR[i];
      let j = i - 1;
      while (j >= 0 && (scratchR[j] > r || (scratchR[j] === r && scratchH[j] > h))) {
        scratchH[j + 1] = scratchH[j];
        scratchR[j + 1] = scratchR[j];
        j--;
      }
      scratchH[j + 1] = h;
      scratchR[j + 1] = r;
    }
    nodeX.push(a.x);
    nodeY.push(a.y);
    for (let i = 0; i < nd; i++) dirHeading.push(scratchH[i]);
    dirStart.push(dirHeading.length);
  });
  if (badNode !== null) {
    throw new InvalidInputError(ORIGIN, `city.streets node ${badNode} x/y`, 'must be finite numbers', g.getNodeAttributes(badNode));
  }

  // 2. Sample intersections when more qualify than allowed (partial Fisher–Yates, then back in node order).
  const numCandidates = nodeX.length;
  let chosen: Uint32Array;
  if (numCandidates > maxK) {
    const idx = new Uint32Array(numCandidates);
    for (let i = 0; i < numCandidates; i++) idx[i] = i;
    const pick = rng.stream('sample');
    for (let i = 0; i < maxK; i++) {
      const j = i + pick.int(numCandidates - i);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    chosen = idx.slice(0, maxK).sort();
  } else {
    chosen = new Uint32Array(numCandidates);
    for (let i = 0; i < numCandidates; i++) chosen[i] = i;
  }
  const k = chosen.length;

  // 3. Cameras per chosen intersection.
  let base = perNode;
  let extra = 0;
  if (total >= 0) {
    if (total > 0 && k === 0) {
      throw new InvalidInputError(ORIGIN, 'city.streets', `has no intersection of degree >= ${minDegree}${o.streetClasses ? ` touching ${o.streetClasses.join('/')}` : ''}, so options.totalCameras cannot be placed; got`, total);
    }
    base = k === 0 ? 0 : Math.floor(total / k);
    extra = k === 0 ? 0 : total - base * k;
  }
  const n = base * k + extra;
  const set = allocateCameraSet(n, attrs);
  const headRng = rng.stream('heading');
  let c = 0;
  for (let q = 0; q < k; q++) {
    const v = chosen[q];
    const m = base + (q < extra ? 1 : 0);
    const d0 = dirStart[v];
    const nd = dirStart[v + 1] - d0;
    for (let j = 0; j < m; j++) {
      const h = headingMode === 'random' ? headRng.uniform(0, 360) : dirHeading[d0 + (j % nd)];
      const rad = (h * Math.PI) / 180;
      set.x[c] = nodeX[v] + offset * Math.sin(rad);
      set.y[c] = nodeY[v] + offset * Math.cos(rad);
      set.heading[c] = h;
      c++;
    }
  }
  return set;
}
