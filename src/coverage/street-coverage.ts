/**
 * Exact covered length of streets (or of any set of line segments).
 *
 * Each segment is split where it crosses a footprint boundary (and, when a
 * study area is given, the area's boundary); every sub-piece then lies
 * wholly inside or outside each footprint, so the length seen by at least k
 * cameras is a sum of exact piece lengths. A piece lying exactly on a
 * footprint's boundary counts as seen (footprints are closed sets).
 *
 * Known result used in the tests: for footprints placed at random, the
 * covered share of a line equals the covered share of the area
 * (Sundhar Ram et al., IEEE TMC 2007).
 */
import Flatbush from 'flatbush';
import { InvalidInputError, type Bounds } from '../core/index.js';
import { CameraSet } from '../cameras/index.js';
import { type BuildingSet, type City, type StreetClass, type StreetGraph, STREET_CLASSES } from '../city/index.js';
import { type PolygonLocator } from '../geo/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { COMPUTE_COVERAGE_DEFAULTS } from './compute-coverage.js';
import { padAtLeast } from './at-least.js';
import { checkLevel, type CoverageLevel, type Footprints } from './footprints.js';
import { checkAvailability, prepareFootprints } from './prepare.js';
import { relativeLocator, resolveStudyArea, type StudyAreaInput } from './study-area.js';
import {
  BOUNDARY_EPS,
  MIN_PIECE_LENGTH,
  PROBE_OFFSET,
  footprintClassify,
  footprintContains,
  maxSplitsOf,
  sortSplits,
  splitSegmentByFootprint,
} from './union-engine.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Options of {@link computeStreetCoverage}. */
export interface StreetCoverageOptions {
  /** Restrict to the parts of streets inside this box. */
  bounds?: Bounds;
  /** Restrict to the parts of streets inside this polygon (metres). */
  area?: StudyAreaInput;
  /** Distance level, as in computeCoverage (default `'range'`). */
  level?: CoverageLevel;
  /** Clip footprints by buildings (default false); occluders from `buildings` or the city. */
  occlusion?: boolean;
  buildings?: BuildingSet;
  /** Camera availability (one probability or one per camera): results become expectations. */
  availability?: number | ArrayLike<number>;
  /** Also return the covered length of every street edge, in graph edge order (default false). */
  perEdge?: boolean;
}

/** Per street class totals. */
export interface StreetClassCoverage {
  length: number;
  coveredLength: number;
  coveredFraction: number;
}

export interface StreetCoverageResult {
  /** Metres of street (inside the study area when one is given). */
  totalLength: number;
  /** Metres seen by at least one camera. */
  coveredLength: number;
  coveredFraction: number;
  /** lengthAtLeast[k] = metres seen by at least k cameras (index 0 = totalLength); same length as atLeast. */
  lengthAtLeast: number[];
  /** atLeast[k] = lengthAtLeast[k] / totalLength (atLeast[0] = 1); entries k = 0 … 20 always present (`AT_LEAST_MIN_K`), 0 beyond the deepest level. */
  atLeast: number[];
  byClass: Record<StreetClass, StreetClassCoverage>;
  /** Covered metres per edge, in `graph.edges()` order, when `perEdge` was asked for. */
  perEdge?: number[];
  params: { level: CoverageLevel; occlusion: boolean; availability: 'all-up' | number | 'per-camera'; studyArea: 'none' | 'bounds' | 'polygon' };
}

/** Street segments as flat arrays, in graph edge order. */
export interface StreetSegments {
  numSegments: number;
  /** x0, y0, x1, y1 per segment (absolute metres). */
  coords: Float64Array;
  /** Index into STREET_CLASSES. */
  streetClass: Uint8Array;
}

/** Flattens a street graph into segments (one per edge, graph edge order). */
export function streetSegments(streets: StreetGraph): StreetSegments {
  const n = streets.size;
  const coords = new Float64Array(4 * n);
  const streetClass = new Uint8Array(n);
  let k = 0;
  streets.forEachEdge((_edge, attr, _s, _t, sa, ta) => {
    coords[4 * k] = sa.x;
    coords[4 * k + 1] = sa.y;
    coords[4 * k + 2] = ta.x;
    coords[4 * k + 3] = ta.y;
    const c = STREET_CLASSES.indexOf(attr.streetClass);
    streetClass[k] = c < 0 ? STREET_CLASSES.length - 1 : c;
    k++;
  });
  return { numSegments: n, coords, streetClass };
}

/** Defaults of {@link computeStreetCoverage}. */
export const COMPUTE_STREET_COVERAGE_DEFAULTS = {
  /** As {@link computeCoverage}: each footprint reaches the camera's own range. */
  level: COMPUTE_COVERAGE_DEFAULTS.level,
  /** As {@link computeCoverage}: no clipping by buildings unless asked. */
  occlusion: COMPUTE_COVERAGE_DEFAULTS.occlusion,
  /** No per-edge lengths: one number per street edge is large and only needed for maps. */
  perEdge: false,
} as const;

/** The options computeStreetCoverage knows (its unknown options are refused). */
const COMPUTE_STREET_COVERAGE_OPTION_KEYS = optionKeys<StreetCoverageOptions>()(COMPUTE_STREET_COVERAGE_DEFAULTS, ['bounds', 'area', 'buildings', 'availability']);

const ORIGIN = 'computeStreetCoverage';

/**
 * Exact length of the city's streets seen by at least k cameras, for every k,
 * in total and per street class.
 *
 * @param cameras - the camera set
 * @param city - a City (its street graph, and its buildings when `occlusion` is on)
 * @param options - `bounds` / `area`, `level`, `occlusion`, `availability`, `perEdge`;
 *   defaults: {@link COMPUTE_STREET_COVERAGE_DEFAULTS}
 * @returns lengths and shares, per class, with the parameters used
 * @throws {InvalidInputError} on invalid options (as computeCoverage)
 * @example
 * const s = computeStreetCoverage(cameras, city);
 * s.coveredFraction // share of street length seen by at least one camera
 *
 * Complexity: O(E log n + pieces) for E street edges.
 */
export function computeStreetCoverage(cameras: CameraSet, city: Pick<City, 'streets'> & Partial<Pick<City, 'buildings'>>, options: StreetCoverageOptions = {}): StreetCoverageResult {
  checkOptions('computeStreetCoverage', options, COMPUTE_STREET_COVERAGE_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof city !== 'object' || city === null || typeof (city as City).streets?.forEachEdge !== 'function') {
    throw new InvalidInputError(ORIGIN, 'city', 'must be a City with a street graph', city);
  }
  const segs = streetSegments(city.streets);
  return segmentCoverage(ORIGIN, cameras, segs, options, city.buildings);
}

/**
 * The same computation for any set of segments (used for routes and per-district tables).
 * @internal
 */
export function segmentCoverage(origin: string, cameras: CameraSet, segs: StreetSegments, options: StreetCoverageOptions, cityBuildings?: BuildingSet): StreetCoverageResult {
  const level = checkLevel(origin, options.level ?? COMPUTE_STREET_COVERAGE_DEFAULTS.level);
  const occlusion = options.occlusion ?? COMPUTE_STREET_COVERAGE_DEFAULTS.occlusion;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(origin, 'options.occlusion', 'must be a boolean', occlusion);
  const buildings = options.buildings ?? cityBuildings;
  if (occlusion && !buildings) throw new InvalidInputError(origin, 'options.occlusion', 'needs the city\'s buildings or options.buildings', occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, origin, options.buildings ? 'options.buildings' : 'city.buildings');
  const weightsAll = checkAvailability(origin, options.availability, cameras.numCameras);
  const hasArea = options.bounds !== undefined || options.area !== undefined;
  const resolved = hasArea ? resolveStudyArea(origin, options.bounds, options.area) : null;

  // Bounding box of everything considered.
  const ns = segs.numSegments;
  const c = segs.coords;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (let k = 0; k < 4 * ns; k += 2) {
    if (c[k] < bx0) bx0 = c[k];
    if (c[k] > bx1) bx1 = c[k];
    if (c[k + 1] < by0) by0 = c[k + 1];
    if (c[k + 1] > by1) by1 = c[k + 1];
  }
  if (resolved) {
    bx0 = Math.max(bx0, resolved.bbox[0]);
    by0 = Math.max(by0, resolved.bbox[1]);
    bx1 = Math.min(bx1, resolved.bbox[2]);
    by1 = Math.min(by1, resolved.bbox[3]);
  }
  const byClass = {} as Record<StreetClass, StreetClassCoverage>;
  for (const sc of STREET_CLASSES) byClass[sc] = { length: 0, coveredLength: 0, coveredFraction: 0 };
  const params: StreetCoverageResult['params'] = {
    level,
    occlusion,
    availability: options.availability === undefined ? 'all-up' : typeof options.availability === 'number' ? options.availability : 'per-camera',
    studyArea: resolved ? (resolved.isBox ? 'bounds' : 'polygon') : 'none',
  };
  if (!(bx0 <= bx1 && by0 <= by1)) {
    return { totalLength: 0, coveredLength: 0, coveredFraction: 0, lengthAtLeast: padAtLeast([0, 0]), atLeast: padAtLeast([1, 0]), byClass, perEdge: (options.perEdge ?? COMPUTE_STREET_COVERAGE_DEFAULTS.perEdge) ? new Array(ns).fill(0) : undefined, params };
  }
  const ox = (bx0 + bx1) / 2;
  const oy = (by0 + by1) / 2;
  const { fp, weights } = prepareFootprints(cameras, level, [bx0, by0, bx1, by1], ox, oy, occlusion && buildings ? buildings : null, weightsAll);
  const locator = resolved ? relativeLocator(resolved, ox, oy) : null;
  const acc = computeSegmentDepths(fp, weights, segs, ox, oy, locator, (options.perEdge ?? COMPUTE_STREET_COVERAGE_DEFAULTS.perEdge) === true);

  const total = acc.lengthAtLeast[0];
  let top = acc.lengthAtLeast.length - 1;
  while (top > 1 && !(acc.lengthAtLeast[top] > total * 1e-12)) top--;
  const lengthAtLeast = padAtLeast(Array.from(acc.lengthAtLeast.subarray(0, top + 1)));
  const atLeast = lengthAtLeast.map((l, k) => (k === 0 ? 1 : total > 0 ? l / total : 0));
  for (let k = 0; k < STREET_CLASSES.length; k++) {
    const e = byClass[STREET_CLASSES[k]];
    e.length = acc.classLength[k];
    e.coveredLength = acc.classCovered[k];
    e.coveredFraction = e.length > 0 ? e.coveredLength / e.length : 0;
  }
  return {
    totalLength: total,
    coveredLength: lengthAtLeast[1] ?? 0,
    coveredFraction: total > 0 ? (lengthAtLeast[1] ?? 0) / total : 0,
    lengthAtLeast,
    atLeast,
    byClass,
    perEdge: acc.perEdge ? Array.from(acc.perEdge) : undefined,
    params,
  };
}

/**
 * Street length and covered length per zone (e.g. district): every piece of
 * street is assigned to exactly one zone, a piece on a shared zone boundary
 * to the zone on its canonical left.
 * @internal
 */
export function streetCoverageByZone(cameras: CameraSet, segs: StreetSegments, zones: PolygonLocator[], level: CoverageLevel, buildings: BuildingSet | null, weightsAll: Float64Array | null): { length: Float64Array; covered: Float64Array } {
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (const z of zones) {
    bx0 = Math.min(bx0, z.minX);
    by0 = Math.min(by0, z.minY);
    bx1 = Math.max(bx1, z.maxX);
    by1 = Math.max(by1, z.maxY);
  }
  if (!(bx0 <= bx1)) return { length: new Float64Array(zones.length), covered: new Float64Array(zones.length) };
  const { fp, weights } = prepareFootprints(cameras, level, [bx0, by0, bx1, by1], 0, 0, buildings, weightsAll);
  const acc = computeSegmentDepths(fp, weights, segs, 0, 0, null, false, zones);
  return { length: acc.zoneLength, covered: acc.zoneCovered };
}

interface SegmentDepths {
  /** Per zone (when zones were given): street length and covered (expected) length. */
  zoneLength: Float64Array;
  zoneCovered: Float64Array;
  lengthAtLeast: Float64Array;
  classLength: Float64Array;
  classCovered: Float64Array;
  perEdge: Float64Array | null;
}

/** The hot loop: split every segment at footprint (and area) boundaries and count depths per piece. */
function computeSegmentDepths(fp: Footprints, weights: Float64Array | null, segs: StreetSegments, ox: number, oy: number, area: PolygonLocator | null, perEdge: boolean, zones: PolygonLocator[] = []): SegmentDepths {
  const numZones = zones.length;
  const zoneLength = new Float64Array(numZones);
  const zoneCovered = new Float64Array(numZones);
  const zoneEdges: number[][] = new Array(numZones).fill(EMPTY);
  const n = fp.n;
  const index = new Flatbush(Math.max(1, n));
  for (let k = 0; k < n; k++) index.add(fp.minX[k], fp.minY[k], fp.maxX[k], fp.maxY[k]);
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  let acc = new Float64Array(16);
  const classLength = new Float64Array(STREET_CLASSES.length);
  const classCovered = new Float64Array(STREET_CLASSES.length);
  const edgeCovered = perEdge ? new Float64Array(segs.numSegments) : null;
  let splits = new Float64Array(64);
  let dist = new Float64Array(16);
  const coords = segs.coords;
  const eps = BOUNDARY_EPS;
  const delta = PROBE_OFFSET;
  for (let s = 0; s < segs.numSegments; s++) {
    const px = coords[4 * s] - ox;
    const py = coords[4 * s + 1] - oy;
    const dx = coords[4 * s + 2] - ox - px;
    const dy = coords[4 * s + 3] - oy - py;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (len < MIN_PIECE_LENGTH) continue;
    const sx0 = Math.min(px, px + dx) - eps;
    const sy0 = Math.min(py, py + dy) - eps;
    const sx1 = Math.max(px, px + dx) + eps;
    const sy1 = Math.max(py, py + dy) + eps;
    let edgeIds: number[] = EMPTY;
    if (area !== null) {
      if (sx1 < area.minX || sx0 > area.maxX || sy1 < area.minY || sy0 > area.maxY) continue;
      edgeIds = area.index.search(sx0, sy0, sx1, sy1);
    }
    const cams = n === 0 ? EMPTY : index.search(sx0, sy0, sx1, sy1);
    let need = 2 * edgeIds.length + 8;
    for (let q = 0; q < cams.length; q++) need += maxSplitsOf(fp, cams[q]);
    if (splits.length < need) splits = new Float64Array(2 * need);
    if (dist.length < cams.length + 2) dist = new Float64Array(2 * cams.length + 2);
    if (acc.length < cams.length + 2) {
      const grown = new Float64Array(2 * cams.length + 2);
      grown.set(acc);
      acc = grown;
    }
    let ns = 0;
    for (let q = 0; q < cams.length; q++) ns = splitSegmentByFootprint(fp, cams[q], px, py, dx, dy, len, splits, ns);
    if (area !== null) {
      const ae = area.edges;
      for (let q = 0; q < edgeIds.length; q++) {
        const e = edgeIds[q] * 4;
        ns = splitByEdge(px, py, dx, dy, ae[e], ae[e + 1], ae[e + 2], ae[e + 3], splits, ns);
      }
    }
    for (let z = 0; z < numZones; z++) {
      const zone = zones[z];
      zoneEdges[z] = sx1 < zone.minX || sx0 > zone.maxX || sy1 < zone.minY || sy0 > zone.maxY ? EMPTY : zone.index.search(sx0, sy0, sx1, sy1);
      const ze = zone.edges;
      const ids = zoneEdges[z];
      if (splits.length < ns + 2 * ids.length + 8) {
        const grown = new Float64Array(2 * (ns + 2 * ids.length + 8));
        grown.set(splits);
        splits = grown;
      }
      for (let q = 0; q < ids.length; q++) {
        const e = ids[q] * 4;
        ns = splitByEdge(px, py, dx, dy, ze[e], ze[e + 1], ze[e + 2], ze[e + 3], splits, ns);
      }
    }
    sortSplits(splits, ns);
    const nx = -dy / len;
    const ny = dx / len;
    // Canonical normal (independent of the edge's direction) for assigning pieces that lie on a zone boundary.
    const flip = dx > 0 || (dx === 0 && dy > 0) ? 1 : -1;
    const cnx = nx * flip;
    const cny = ny * flip;
    const cls = segs.streetClass[s];
    let ta = 0;
    for (let k = 0; k <= ns; k++) {
      const tb = k < ns ? splits[k] : 1;
      const pieceLen = (tb - ta) * len;
      if (pieceLen < MIN_PIECE_LENGTH) continue;
      const tm = (ta + tb) * 0.5;
      ta = tb;
      const mx = px + tm * dx;
      const my = py + tm * dy;
      if (area !== null && !inAreaWithTie(area, edgeIds, mx, my, nx, ny)) continue;
      let zoneOf = -1;
      for (let z = 0; z < numZones && zoneOf < 0; z++) if (zoneEdges[z].length === 0 ? zones[z].contains(mx, my) : !nearEdges(zones[z], zoneEdges[z], mx, my) && zones[z].contains(mx, my)) zoneOf = z;
      // On a zone boundary: the zone on the canonical left, else the one on the right.
      for (let z = 0; z < numZones && zoneOf < 0; z++) if (zones[z].contains(mx + PROBE_OFFSET * cnx, my + PROBE_OFFSET * cny)) zoneOf = z;
      for (let z = 0; z < numZones && zoneOf < 0; z++) if (zones[z].contains(mx - PROBE_OFFSET * cnx, my - PROBE_OFFSET * cny)) zoneOf = z;
      if (zoneOf >= 0) zoneLength[zoneOf] += pieceLen;
      classLength[cls] += pieceLen;
      acc[0] += pieceLen;
      // Depth of the piece: footprints are closed, so a piece on a boundary counts as inside.
      let c = 0;
      dist[0] = 1;
      for (let q = 0; q < cams.length; q++) {
        const j = cams[q];
        let inside = footprintClassify(fp, j, mx, my);
        if (inside === 2) inside = footprintContains(fp, j, mx + delta * nx, my + delta * ny) || footprintContains(fp, j, mx - delta * nx, my - delta * ny) ? 1 : 0;
        if (inside === 1) {
          c++;
          if (weights !== null) {
            const p = weights[j];
            dist[c] = dist[c - 1] * p;
            for (let m = c - 1; m > 0; m--) dist[m] = dist[m] * (1 - p) + dist[m - 1] * p;
            dist[0] *= 1 - p;
          }
        }
      }
      if (weights === null) {
        for (let m = 1; m <= c; m++) acc[m] += pieceLen;
        if (c > 0) {
          classCovered[cls] += pieceLen;
          if (edgeCovered) edgeCovered[s] += pieceLen;
          if (zoneOf >= 0) zoneCovered[zoneOf] += pieceLen;
        }
      } else {
        let tail = 0;
        for (let m = c; m >= 1; m--) {
          tail += dist[m];
          acc[m] += pieceLen * tail;
        }
        const seen = pieceLen * (1 - dist[0]);
        classCovered[cls] += seen;
        if (edgeCovered) edgeCovered[s] += seen;
        if (zoneOf >= 0) zoneCovered[zoneOf] += seen;
      }
    }
  }
  return { lengthAtLeast: acc, classLength, classCovered, perEdge: edgeCovered, zoneLength, zoneCovered };
}

const EMPTY: number[] = [];

/** Splits of segment P + t·d (0 < t < 1) by the study-area edge R→S, written to `out` from `ns`; returns the new count. Shared with the planning layer's street pieces. */
export function splitByEdge(px: number, py: number, dx: number, dy: number, rx: number, ry: number, sx: number, sy: number, out: Float64Array, ns: number): number {
  const ex = sx - rx;
  const ey = sy - ry;
  const den = dx * ey - dy * ex;
  const wx = rx - px;
  const wy = ry - py;
  if (den === 0) {
    // Parallel: collinear overlaps split at the edge's end points.
    const l2 = dx * dx + dy * dy;
    if (Math.abs(wx * dy - wy * dx) > BOUNDARY_EPS * Math.sqrt(l2)) return ns;
    const t1 = (wx * dx + wy * dy) / l2;
    const t2 = ((sx - px) * dx + (sy - py) * dy) / l2;
    if (t1 > 0 && t1 < 1) out[ns++] = t1;
    if (t2 > 0 && t2 < 1) out[ns++] = t2;
    return ns;
  }
  const t = (wx * ey - wy * ex) / den;
  const u = (wx * dy - wy * dx) / den;
  if (t > 0 && t < 1 && u >= -1e-9 && u <= 1 + 1e-9) out[ns++] = t;
  return ns;
}

/** Membership of a piece midpoint in the study area, which is closed: a piece on its boundary is inside (probed on both sides along the normal (nx, ny)). Shared with the planning layer's street pieces. */
export function inAreaWithTie(area: PolygonLocator, edgeIds: number[], x: number, y: number, nx: number, ny: number): boolean {
  if (!nearEdges(area, edgeIds, x, y)) return area.contains(x, y);
  return area.contains(x + PROBE_OFFSET * nx, y + PROBE_OFFSET * ny) || area.contains(x - PROBE_OFFSET * nx, y - PROBE_OFFSET * ny);
}

/** True when (x, y) lies within the boundary tolerance of one of the listed edges. */
function nearEdges(area: PolygonLocator, edgeIds: number[], x: number, y: number): boolean {
  const e = area.edges;
  let near = false;
  for (let q = 0; q < edgeIds.length && !near; q++) {
    const o = edgeIds[q] * 4;
    const ax = e[o];
    const ay = e[o + 1];
    const ex = e[o + 2] - ax;
    const ey = e[o + 3] - ay;
    const l2 = ex * ex + ey * ey;
    let t = l2 > 0 ? ((x - ax) * ex + (y - ay) * ey) / l2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const qx = ax + t * ex - x;
    const qy = ay + t * ey - y;
    if (qx * qx + qy * qy <= BOUNDARY_EPS * BOUNDARY_EPS) near = true;
  }
  return near;
}
