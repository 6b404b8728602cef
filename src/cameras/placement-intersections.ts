/**
 * Placement strategy: cameras at street intersections.
 */
import { InvalidInputError } from '../core/index.js';
import { requireInteger, requireNonNegative, checkOptions, optionKeys } from '../core/internal.js';
import { type City, type StreetClass, STREET_CLASSES } from '../city/index.js';
import type { CameraSet } from './camera-set.js';
import {
  allocateCameraSet,
  cityRef,
  headingOf,
  MAX_CAMERAS,
  optionsObject,
  placementRng,
  provenanceParams,
  requireCameraTotal,
  requireCity,
  numCamerasOption,
  seedOf,
  resolveAttributes,
  streetClassFilter,
  type PlacementBaseOptions,
} from './placement-common.js';
import { avoidBuildingsStep, resolveAvoid } from './placement-area.js';
import { validateBuildingSet } from '../city/internal.js';
import { spreadSample } from './placement-spread.js';

/** Options of {@link placeAtIntersections}. */
export interface IntersectionPlacementOptions extends PlacementBaseOptions {
  /** Smallest number of incident streets for a node to count as an intersection. Default 3. */
  minDegree?: number;
  /** Cameras at each chosen intersection. Default 1. Ignored when `numCameras` is set. */
  camerasPerIntersection?: number;
  /**
   * Exact total number of cameras, spread as evenly as possible over the
   * chosen intersections: each of the k intersections gets
   * `floor(numCameras / k)`, and the `numCameras mod k` that get one more are
   * a seeded sample spread over the whole area (systematic along a Hilbert
   * curve through the intersections), never the first ones in node order. With
   * fewer cameras than intersections, that sample is where the cameras go.
   */
  numCameras?: number;
  /** @deprecated Use `numCameras` (the same number; kept for one release). */
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
  /**
   * Move a camera that falls inside a footprint of `city.buildings` (streets
   * drawn through buildings, kerbs under facades) 1 m outside the nearest
   * wall, facing away from it (see `snapOutsideBuildings`). Default true; only
   * when the city has buildings.
   */
  avoidBuildings?: boolean;
}

/** Defaults of {@link placeAtIntersections}. */
export const INTERSECTION_PLACEMENT_DEFAULTS = {
  /** Assumption: cameras are mounted outdoors; see {@link snapOutsideBuildings}. */
  avoidBuildings: true,
  /** Three or more incident streets: a junction, not a bend or a dead end. */
  minDegree: 3,
  camerasPerIntersection: 1,
  heading: 'streets' as const,
  /** Cameras stand on the intersection node itself. */
  offset: 0,
} as const;

/** The options placeAtIntersections knows (its unknown options are refused). */
const PLACE_AT_INTERSECTIONS_OPTION_KEYS = optionKeys<IntersectionPlacementOptions>()(INTERSECTION_PLACEMENT_DEFAULTS, ['numCameras', 'totalCameras', 'streetClasses', 'maxIntersections', 'seed', 'fov', 'range', 'resolutionPx', 'height', 'tilt', 'kind', 'capabilities', 'operator', 'live', 'nodeId']);

const ORIGIN = 'placeAtIntersections';

/**
 * Places cameras at the street graph's intersections (nodes with at least
 * `minDegree` incident streets), optionally only those touching a street
 * class, optionally a seeded sample of them.
 *
 * @param city - a City; only `city.streets` is read
 * @param options - see {@link IntersectionPlacementOptions} and the camera attribute options
 * @returns a CameraSet; ids follow the graph's node order, cameras of one intersection consecutive;
 *   its `provenance` records `placeAtIntersections`, the seed and the options
 * @throws {InvalidInputError} on a bad option, a street with an unknown class or non-finite
 *   coordinates, when `numCameras` > 0 but no intersection qualifies, or when `numCameras`
 *   (or `camerasPerIntersection` × intersections) is above {@link MAX_CAMERAS}
 * @example
 * const cams = placeAtIntersections(city, { streetClasses: ['arterial'], camerasPerIntersection: 4, seed: 7 });
 *
 * Complexity: O(V + E) plus O(k log k) for a sample of k intersections.
 */
export function placeAtIntersections(city: City, options?: IntersectionPlacementOptions): CameraSet {
  checkOptions('placeAtIntersections', options, PLACE_AT_INTERSECTIONS_OPTION_KEYS);
  const o = optionsObject(ORIGIN, options);
  requireCity(ORIGIN, city, ['streets']);
  const avoid = resolveAvoid(ORIGIN, o.avoidBuildings, INTERSECTION_PLACEMENT_DEFAULTS.avoidBuildings);
  const buildings = avoid && city.buildings !== undefined && city.buildings !== null ? validateBuildingSet(city.buildings, ORIGIN, 'city.buildings') : undefined;
  const attrs = resolveAttributes(ORIGIN, o);
  const rng = placementRng(ORIGIN, o);
  const minDegree = requireInteger(ORIGIN, 'options.minDegree', o.minDegree ?? INTERSECTION_PLACEMENT_DEFAULTS.minDegree, 1);
  const perNode = requireInteger(ORIGIN, 'options.camerasPerIntersection', o.camerasPerIntersection ?? INTERSECTION_PLACEMENT_DEFAULTS.camerasPerIntersection, 0);
  const total = numCamerasOption(ORIGIN, o, 'totalCameras');
  const headingMode = o.heading ?? INTERSECTION_PLACEMENT_DEFAULTS.heading;
  if (headingMode !== 'streets' && headingMode !== 'random') {
    throw new InvalidInputError(ORIGIN, 'options.heading', 'must be "streets" or "random"', headingMode);
  }
  const keep = streetClassFilter(ORIGIN, 'options.streetClasses', o.streetClasses);
  const maxK = o.maxIntersections === undefined ? Infinity : requireInteger(ORIGIN, 'options.maxIntersections', o.maxIntersections, 0);
  const offset = requireNonNegative(ORIGIN, 'options.offset', o.offset ?? INTERSECTION_PLACEMENT_DEFAULTS.offset);

  // 1. Candidate nodes with their outgoing street directions (CSR layout).
  const { numCandidates, nodeX, nodeY, dirStart, dirHeading } = intersectionTable(ORIGIN, city, minDegree, keep);

  // 2. Sample intersections when more qualify than allowed (partial Fisher–Yates, then back in node order).
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

  // 3. Cameras per chosen intersection: `base` each, one more at `extra` of them picked over the whole
  // area (a spread sample along a Hilbert curve, never the first ones in node order).
  let base = perNode;
  let extra = 0;
  let plusOne: Uint8Array | null = null;
  if (total >= 0) {
    if (total > 0 && k === 0) {
      throw new InvalidInputError(ORIGIN, 'city.streets', `has no intersection of degree >= ${minDegree}${o.streetClasses ? ` touching ${o.streetClasses.join('/')}` : ''}, so options.numCameras cannot be placed; got`, total);
    }
    base = k === 0 ? 0 : Math.floor(total / k);
    extra = k === 0 ? 0 : total - base * k;
    if (extra > 0) {
      const cx = new Float64Array(k);
      const cy = new Float64Array(k);
      for (let q = 0; q < k; q++) {
        cx[q] = nodeX[chosen[q]];
        cy[q] = nodeY[chosen[q]];
      }
      plusOne = new Uint8Array(k);
      const picked = spreadSample(cx, cy, k, extra, rng.stream('spread'));
      for (let i = 0; i < extra; i++) plusOne[picked[i]] = 1;
    }
  }
  const n = base * k + extra;
  if (total < 0) requireCameraTotal(ORIGIN, 'options.camerasPerIntersection', perNode, n, `${perNode} at each of ${k} intersections`);
  const set = allocateCameraSet(n, attrs, ORIGIN);
  set.provenance = {
    generator: ORIGIN,
    seed: seedOf(o.seed),
    params: provenanceParams(o, {
      city: cityRef(city),
      minDegree,
      ...(total >= 0 ? { numCameras: total } : { camerasPerIntersection: perNode }),
      heading: headingMode,
      offset,
      intersections: k,
      ...(base === 0 && extra > 0 ? { intersectionsWithCameras: extra } : {}),
      fov: attrs.fov,
      range: attrs.range,
    }),
  };
  const headRng = rng.stream('heading');
  let c = 0;
  for (let q = 0; q < k; q++) {
    const v = chosen[q];
    const m = base + (plusOne !== null ? plusOne[q] : 0);
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
  avoidBuildingsStep(ORIGIN, set, buildings, avoid);
  return set;
}

/** Intersections as flat columns: position and outgoing street bearings (sorted by class, then bearing). @internal */
export interface IntersectionTable {
  numCandidates: number;
  nodeX: Float64Array;
  nodeY: Float64Array;
  /** Length numCandidates + 1: candidate v's bearings are dirHeading[dirStart[v] … dirStart[v + 1] − 1]. */
  dirStart: Uint32Array;
  dirHeading: Float64Array;
}

/**
 * Finds the nodes with at least `minDegree` incident streets of positive
 * length (self-loops ignored) that touch a street class kept by `keep`, in
 * the graph's node order. One pass over nodes and one over edges.
 * @internal
 */
export function intersectionTable(origin: string, city: City, minDegree: number, keep: Uint8Array | null): IntersectionTable {
  const g = city.streets;
  const order = g.order;
  const index = new Map<string, number>();
  const X = new Float64Array(order);
  const Y = new Float64Array(order);
  let k = 0;
  let badNode: string | null = null;
  g.forEachNode((node, a) => {
    if (badNode === null && (typeof a.x !== 'number' || typeof a.y !== 'number' || !Number.isFinite(a.x) || !Number.isFinite(a.y))) badNode = node;
    index.set(node, k);
    X[k] = a.x;
    Y[k] = a.y;
    k++;
  });
  if (badNode !== null) {
    throw new InvalidInputError(origin, `city.streets node ${badNode} x/y`, 'must be finite numbers', g.getNodeAttributes(badNode));
  }
  const m = g.size;
  const eu = new Uint32Array(m);
  const ev = new Uint32Array(m);
  const er = new Uint8Array(m);
  const deg = new Uint32Array(order);
  const touch = new Uint8Array(order);
  let ne = 0;
  g.forEachEdge((_e, ea, s, t) => {
    if (s === t) return;
    const u = index.get(s) as number;
    const v = index.get(t) as number;
    const rank = STREET_CLASSES.indexOf(ea.streetClass);
    if (keep !== null && rank >= 0 && keep[rank] === 1) {
      touch[u] = 1;
      touch[v] = 1;
    }
    if (X[u] === X[v] && Y[u] === Y[v]) return;
    eu[ne] = u;
    ev[ne] = v;
    er[ne] = rank < 0 ? STREET_CLASSES.length : rank;
    deg[u]++;
    deg[v]++;
    ne++;
  });
  // Candidates in node order, CSR offsets.
  const cand = new Int32Array(order).fill(-1);
  let nc = 0;
  let nd = 0;
  for (let v = 0; v < order; v++) {
    if (deg[v] >= minDegree && (keep === null || touch[v] === 1)) {
      cand[v] = nc++;
      nd += deg[v];
    }
  }
  const nodeX = new Float64Array(nc);
  const nodeY = new Float64Array(nc);
  const dirStart = new Uint32Array(nc + 1);
  for (let v = 0; v < order; v++) {
    const c = cand[v];
    if (c < 0) continue;
    nodeX[c] = X[v];
    nodeY[c] = Y[v];
    dirStart[c + 1] = deg[v];
  }
  for (let c = 0; c < nc; c++) dirStart[c + 1] += dirStart[c];
  const dirHeading = new Float64Array(nd);
  const dirRank = new Uint8Array(nd);
  const fill = dirStart.slice(0, nc);
  for (let e = 0; e < ne; e++) {
    const u = eu[e];
    const v = ev[e];
    const cu = cand[u];
    const cv = cand[v];
    if (cu >= 0) {
      const p = fill[cu]++;
      dirHeading[p] = headingOf(X[v] - X[u], Y[v] - Y[u]);
      dirRank[p] = er[e];
    }
    if (cv >= 0) {
      const p = fill[cv]++;
      dirHeading[p] = headingOf(X[u] - X[v], Y[u] - Y[v]);
      dirRank[p] = er[e];
    }
  }
  // Sort each candidate's directions by class (arterial first), then bearing: insertion sort, degrees are small.
  for (let c = 0; c < nc; c++) {
    const s0 = dirStart[c];
    const s1 = dirStart[c + 1];
    for (let i = s0 + 1; i < s1; i++) {
      const h = dirHeading[i];
      const r = dirRank[i];
      let j = i - 1;
      while (j >= s0 && (dirRank[j] > r || (dirRank[j] === r && dirHeading[j] > h))) {
        dirHeading[j + 1] = dirHeading[j];
        dirRank[j + 1] = dirRank[j];
        j--;
      }
      dirHeading[j + 1] = h;
      dirRank[j + 1] = r;
    }
  }
  return { numCandidates: nc, nodeX, nodeY, dirStart, dirHeading };
}

/** The options countIntersections knows (its unknown options are refused). */
const COUNT_INTERSECTIONS_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof countIntersections>[1]>>()({}, ['minDegree', 'streetClasses']);

/**
 * Number of intersections {@link placeAtIntersections} would consider:
 * nodes with at least `minDegree` streets, touching one of `streetClasses`.
 *
 * @param city - a City
 * @param options - `minDegree` (default 3), `streetClasses` (default any)
 * @returns the count
 * @throws {InvalidInputError} on a bad option or non-finite node coordinates
 * @example countIntersections(city, { streetClasses: ['arterial'] })
 */
export function countIntersections(city: City, options?: { minDegree?: number; streetClasses?: readonly StreetClass[] }): number {
  checkOptions('countIntersections', options, COUNT_INTERSECTIONS_OPTION_KEYS);
  const origin = 'countIntersections';
  const o = optionsObject(origin, options);
  requireCity(origin, city, ['streets']);
  const minDegree = requireInteger(origin, 'options.minDegree', o.minDegree ?? INTERSECTION_PLACEMENT_DEFAULTS.minDegree, 1);
  const keep = streetClassFilter(origin, 'options.streetClasses', o.streetClasses);
  return intersectionTable(origin, city, minDegree, keep).numCandidates;
}
