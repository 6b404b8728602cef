/**
 * Placement strategy: cameras along streets, on the kerb, at a spacing.
 */
import { InvalidInputError } from '../core/index.js';
import { requireNonNegative, requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import { type City, type StreetClass } from '../city/index.js';
import type { CameraSet } from './camera-set.js';
import {
  allocateCameraSet,
  collectStreetSegments,
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

/** Options of {@link placeAlongStreets}. */
export interface StreetPlacementOptions extends PlacementBaseOptions {
  /**
   * Metres between consecutive cameras along each street segment; the first
   * stands `spacing / 2` from the segment's start. Default 50.
   */
  spacing?: number;
  /**
   * Exact number of cameras, evenly spread over the total length of the
   * selected streets (spacing = total length / numCameras). Overrides `spacing`.
   */
  numCameras?: number;
  /** @deprecated Use `numCameras` (the same number; kept for one release). */
  count?: number;
  /** Only streets of these classes. Default: all. */
  streetClasses?: readonly StreetClass[];
  /**
   * `along` (default): looking along the street, alternating directions
   * (even cameras toward the segment's end, odd ones toward its start).
   * `across`: facing across the street from the kerb. `random`: uniform random.
   */
  heading?: 'along' | 'across' | 'random';
  /** Distance from the centre line, metres. Default: half the street's width (the kerb). */
  kerbOffset?: number;
  /**
   * Move a camera that falls inside a footprint of `city.buildings` (streets
   * drawn through buildings, kerbs under facades) 1 m outside the nearest
   * wall, facing away from it (see `snapOutsideBuildings`). Default true; only
   * when the city has buildings.
   */
  avoidBuildings?: boolean;
}

/** Defaults of {@link placeAlongStreets}. */
export const STREET_PLACEMENT_DEFAULTS = {
  /** Assumption: cameras are mounted outdoors; see {@link snapOutsideBuildings}. */
  avoidBuildings: true,
  /** Assumption: one camera every 50 m, a dense but plausible street-camera spacing; not a sourced figure. */
  spacing: 50,
  heading: 'along' as const,
} as const;

/** The options placeAlongStreets knows (its unknown options are refused). */
const PLACE_ALONG_STREETS_OPTION_KEYS = optionKeys<StreetPlacementOptions>()(STREET_PLACEMENT_DEFAULTS, ['numCameras', 'count', 'streetClasses', 'kerbOffset', 'seed', 'fov', 'range', 'resolutionPx', 'height', 'tilt', 'kind', 'capabilities', 'operator', 'live', 'nodeId']);

const ORIGIN = 'placeAlongStreets';

/**
 * Places cameras along the street graph's edges, on the kerb (offset from the
 * centre line by half the street's width), alternating sides: camera k of a
 * run stands on the left of the segment's direction when k is even, on the
 * right when odd.
 *
 * @param city - a City; only `city.streets` is read
 * @param options - see {@link StreetPlacementOptions} and the camera attribute options
 * @returns a CameraSet in the graph's edge order; its `provenance` records `placeAlongStreets`, the seed and the options
 * @throws {InvalidInputError} on a bad option, a street with an unknown class, a negative width
 *   or non-finite coordinates, when `numCameras` > 0 and no selected street has length > 0, or when
 *   `numCameras` (or the number of cameras `spacing` gives) is above {@link MAX_CAMERAS}
 * @example
 * const cams = placeAlongStreets(city, { spacing: 100, streetClasses: ['arterial', 'collector'] });
 *
 * Complexity: O(E + cameras).
 */
export function placeAlongStreets(city: City, options?: StreetPlacementOptions): CameraSet {
  checkOptions('placeAlongStreets', options, PLACE_ALONG_STREETS_OPTION_KEYS);
  const o = optionsObject(ORIGIN, options);
  requireCity(ORIGIN, city, ['streets']);
  const avoid = resolveAvoid(ORIGIN, o.avoidBuildings, STREET_PLACEMENT_DEFAULTS.avoidBuildings);
  const buildings = avoid && city.buildings !== undefined && city.buildings !== null ? validateBuildingSet(city.buildings, ORIGIN, 'city.buildings') : undefined;
  const attrs = resolveAttributes(ORIGIN, o);
  const rng = placementRng(ORIGIN, o).stream('heading');
  const headingMode = o.heading ?? STREET_PLACEMENT_DEFAULTS.heading;
  if (headingMode !== 'along' && headingMode !== 'across' && headingMode !== 'random') {
    throw new InvalidInputError(ORIGIN, 'options.heading', 'must be "along", "across" or "random"', headingMode);
  }
  const count = numCamerasOption(ORIGIN, o, 'count');
  const spacing = count < 0 ? requirePositive(ORIGIN, 'options.spacing', o.spacing ?? STREET_PLACEMENT_DEFAULTS.spacing) : 0;
  const kerb = o.kerbOffset === undefined ? -1 : requireNonNegative(ORIGIN, 'options.kerbOffset', o.kerbOffset);
  const keep = streetClassFilter(ORIGIN, 'options.streetClasses', o.streetClasses);
  const seg = collectStreetSegments(ORIGIN, city, keep);
  const m = seg.n;
  const len = new Float64Array(m);
  let totalLength = 0;
  for (let e = 0; e < m; e++) {
    len[e] = Math.hypot(seg.bx[e] - seg.ax[e], seg.by[e] - seg.ay[e]);
    totalLength += len[e];
  }

  // Number of cameras on each segment (counted first, then checked against MAX_CAMERAS before anything is stored).
  const perSeg = new Uint32Array(m);
  let n = 0;
  if (count < 0) {
    for (let e = 0; e < m; e++) n += Math.max(0, Math.ceil(len[e] / spacing - 0.5));
    requireCameraTotal(ORIGIN, 'options.spacing', spacing, n, `over ${totalLength.toFixed(1)} m of selected street`);
    // Positions (k + 0.5)·spacing < length.
    for (let e = 0; e < m; e++) perSeg[e] = Math.max(0, Math.ceil(len[e] / spacing - 0.5));
  } else {
    if (count > 0 && !(totalLength > 0)) {
      throw new InvalidInputError(ORIGIN, 'city.streets', 'has no selected street of positive length, so options.numCameras cannot be placed; got', count);
    }
    n = count;
  }

  const set = allocateCameraSet(n, attrs, ORIGIN);
  set.provenance = {
    generator: ORIGIN,
    seed: seedOf(o.seed),
    params: provenanceParams(o, {
      city: cityRef(city),
      ...(count < 0 ? { spacing } : { numCameras: count }),
      heading: headingMode,
      kerbOffset: kerb >= 0 ? kerb : 'half the street width',
      fov: attrs.fov,
      range: attrs.range,
    }),
  };
  const step = count < 0 ? spacing : count > 0 ? totalLength / count : 0;
  let c = 0;
  // Global mode: position s_k = (k + 0.5)·step along the concatenated segments.
  let segStartS = 0;
  for (let e = 0; e < m && c < n; e++) {
    const L = len[e];
    const ux = (seg.bx[e] - seg.ax[e]) / L;
    const uy = (seg.by[e] - seg.ay[e]) / L;
    const off = kerb >= 0 ? kerb : seg.width[e] / 2;
    const fwd = headingOf(ux, uy);
    const left = headingOf(-uy, ux);
    let first: number;
    let last: number;
    if (count < 0) {
      first = 0;
      last = perSeg[e];
    } else {
      // Cameras k with segStartS <= (k + 0.5)·step < segStartS + L (the last segment takes the rest).
      first = c;
      last = e === m - 1 ? n : Math.min(n, Math.max(c, Math.ceil((segStartS + L) / step - 0.5)));
    }
    for (let k = first; k < last; k++) {
      const s = count < 0 ? (k + 0.5) * spacing : Math.min(L, Math.max(0, (k + 0.5) * step - segStartS));
      const side = k % 2 === 0 ? 1 : -1; // +1 left of the segment's direction, -1 right
      set.x[c] = seg.ax[e] + ux * s - uy * off * side;
      set.y[c] = seg.ay[e] + uy * s + ux * off * side;
      let h: number;
      if (headingMode === 'along') h = k % 2 === 0 ? fwd : (fwd + 180) % 360;
      else if (headingMode === 'across') h = side === 1 ? (left + 180) % 360 : left;
      else h = rng.uniform(0, 360);
      set.heading[c] = h;
      c++;
    }
    segStartS += L;
  }
  avoidBuildingsStep(ORIGIN, set, buildings, avoid);
  return set;
}
