/**
 * Street exposure profiles: computed once per camera network, for every
 * street edge, which cameras see which stretch of it, at which level, with
 * or without occlusion. Trips are then scored by walking their arcs and
 * reading these stretches — no geometry per trip.
 */
import { type CoverageLevel, streetSegments, FULL_VIEW_COVERAGE_DEFAULTS } from '../coverage/index.js';
import Flatbush from 'flatbush';
import { InvalidInputError } from '../core/index.js';
import { CameraSet } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { prepareFootprints, BOUNDARY_EPS } from '../coverage/internal.js';
import { classifyPieces, createPieceScratch } from './profile-pieces.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/**
 * The levels a profile can record, from the widest footprint to the
 * narrowest: `range` (the camera sees something), then the DORI levels.
 * `level[q]` of an entry is an index into this list.
 */
export const PROFILE_LEVELS: readonly CoverageLevel[] = ['range', 'detect', 'observe', 'recognise', 'identify'];

/**
 * Entries grouped by edge: edge e's entries are `entryStart[e]` …
 * `entryStart[e + 1] − 1`, sorted by (level, camera, s0). An entry says:
 * camera `camera[q]` sees, at level `PROFILE_LEVELS[level[q]]` or better, the
 * stretch of edge e from `s0[q]` to `s1[q]` metres measured from the edge's
 * source node (0 ≤ s0 < s1 ≤ edge length). A camera can have several
 * entries on one edge at one level (wide fields of view, occlusion).
 *
 * Face direction ("full-view" coverage): a pedestrian walking forward
 * (source → target, arc 2e) faces the camera — the angle between the walking
 * direction and the line to the camera is at most the profile's
 * `faceAngle` — exactly where s ≤ `frontalUntil[q]`; walking backward
 * (arc 2e + 1), exactly where s ≥ `frontalFrom[q]`. (For a straight edge each
 * condition is one half-line; ±Infinity when it holds everywhere or nowhere.)
 */
export interface StreetExposureProfile {
  readonly numEdges: number;
  /** Levels recorded (subset of PROFILE_LEVELS, as indices, increasing). */
  readonly levels: readonly number[];
  readonly entryStart: Uint32Array;
  readonly camera: Uint32Array;
  readonly level: Uint8Array;
  readonly s0: Float64Array;
  readonly s1: Float64Array;
  readonly frontalUntil: Float64Array;
  readonly frontalFrom: Float64Array;
  /**
   * Per edge and recorded level: metres of the edge seen by at least one
   * camera at that level; `observedLength[li * numEdges + e]` for the li-th
   * recorded level.
   */
  readonly observedLength: Float64Array;
  /** Parameters that produced the profile (level list, occlusion, faceAngle, camera provenance). */
  readonly params: {
    levels: CoverageLevel[];
    occlusion: boolean;
    /** Degrees. */
    faceAngle: number;
    numCameras: number;
    cameras: unknown;
  };
}

// ---------------------------------------------------------------------------
// The builder.


/** Options of {@link computeStreetExposureProfile}. */
export interface StreetExposureProfileOptions {
  /** Levels to record (default `['range', 'identify']`): any of {@link PROFILE_LEVELS}. */
  levels?: readonly CoverageLevel[];
  /**
   * Clip footprints by buildings (default **true**: the headline exposure
   * figures count only what a camera can actually see past buildings). Uses
   * `buildings`, else the city's buildings. Set false to compare with open ground.
   */
  occlusion?: boolean;
  /** Occluders when `occlusion` is on (default: `city.buildings`). */
  buildings?: BuildingSet;
  /**
   * Largest angle, in degrees in (0, 180], between a pedestrian's walking
   * direction and the line from the pedestrian to the camera at which the
   * camera still gets the face (default 45; see {@link EXPOSURE_PROFILE_DEFAULTS}).
   */
  faceAngle?: number;
}

/** Defaults of {@link computeStreetExposureProfile}, with their reasons. */
export const EXPOSURE_PROFILE_DEFAULTS = {
  /** The widest footprint (anything seen) and the one face identification needs (EN 62676-4 "identify", 250 px/m). */
  levels: ['range', 'identify'] as readonly CoverageLevel[],
  /** Occlusion on: the headline Almaty exposure figures use it (what cameras can actually see). */
  occlusion: true,
  /**
   * Face angle, degrees. **Assumption** (no single measured threshold
   * exists): 45°, half-way between frontal and profile. The "full-view
   * coverage" model (Wang & Cao, "On full-view coverage in camera sensor
   * networks", IEEE INFOCOM 2011) takes this effective angle θ as a free
   * parameter (θ ≤ π/2 in its analysis); recognition accuracy falls as the
   * face turns from frontal to profile (NIST FRVT Part 2, NISTIR 8238 (2018),
   * reports profile-view searches far less accurate than frontal mugshots;
   * Sengupta et al., "Frontal to profile face verification in the wild",
   * WACV 2016: algorithms lose more than 10 points of accuracy from
   * frontal–frontal to frontal–profile). Change it to test the sensitivity.
   * The same θ as full-view coverage ({@link FULL_VIEW_COVERAGE_DEFAULTS}.effectiveAngle):
   * one value, read from there.
   */
  faceAngle: FULL_VIEW_COVERAGE_DEFAULTS.effectiveAngle as number,
} as const;

/** The options computeStreetExposureProfile knows (its unknown options are refused). */
const COMPUTE_STREET_EXPOSURE_PROFILE_OPTION_KEYS = optionKeys<StreetExposureProfileOptions>()(EXPOSURE_PROFILE_DEFAULTS, ['buildings']);

const ORIGIN = 'computeStreetExposureProfile';

/**
 * Computes, once per camera network, which cameras see which stretch of
 * every street edge, at each requested level, and where on each stretch a
 * pedestrian walking either way faces the camera.
 *
 * Footprints are exactly those of computeCoverage / computeStreetCoverage
 * with the same level and occlusion (the same footprint code; edges are
 * split exactly at footprint boundaries), and `observedLength` per edge and
 * level equals computeStreetCoverage's `perEdge` for the same options.
 *
 * Face direction, closed form on a straight edge: let the edge run from P0
 * with unit direction u, and let the camera's apex C have along-edge
 * coordinate a = (C − P0)·u and distance h = |u × (C − P0)| from the edge's
 * line. At s metres along the edge the line to the camera is
 * C − p(s) = (a − s)·u + h·n, so the angle φ(s) between u and it satisfies
 * cot φ(s) = (a − s) / h: φ increases monotonically from 0 (s → −∞) to
 * 180° (s → +∞). Hence φ(s) ≤ θ exactly for s ≤ a − h·cot θ (a half-line):
 * that is `frontalUntil`. Walking backward (direction −u) the angle is
 * 180° − φ(s), which is ≤ θ exactly for s ≥ a + h·cot θ: `frontalFrom`.
 * (h = 0, camera on the street's line: the half-lines end at a.) Values are
 * replaced by +Infinity / −Infinity when the condition holds on the whole
 * edge / nowhere on it, and θ = 180° gives ±Infinity (always facing). The
 * angle is measured in the ground plane (the camera's height is ignored).
 *
 * Positions s are metres from the edge's source node along the straight
 * segment between its end nodes.
 *
 * @param cameras - the camera set
 * @param city - a City (street graph; buildings for occlusion)
 * @param options - `levels`, `occlusion`, `buildings`, `faceAngle` (see {@link EXPOSURE_PROFILE_DEFAULTS})
 * @returns the profile (plain typed arrays), with the parameters used
 * @throws {InvalidInputError} when cameras is not a CameraSet, city has no street graph, a level is unknown or repeated,
 *   occlusion is not a boolean or has no buildings, or faceAngle is not in (0, 180]
 * @example
 * const profile = computeStreetExposureProfile(cameras, city, { levels: ['range', 'identify'] });
 * // entries of edge 12:
 * for (let q = profile.entryStart[12]; q < profile.entryStart[13]; q++)
 *   console.log(profile.camera[q], PROFILE_LEVELS[profile.level[q]], profile.s0[q], profile.s1[q]);
 *
 * Complexity: O(L · (E log n + Σ pieces × cameras per edge)) for L levels, E edges, n cameras,
 * plus the occlusion of every footprint when `occlusion` is on.
 */
export function computeStreetExposureProfile(cameras: CameraSet, city: Pick<City, 'streets'> & Partial<Pick<City, 'buildings'>>, options: StreetExposureProfileOptions = {}): StreetExposureProfile {
  checkOptions('computeStreetExposureProfile', options, COMPUTE_STREET_EXPOSURE_PROFILE_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof city !== 'object' || city === null || typeof (city as City).streets?.forEachEdge !== 'function') {
    throw new InvalidInputError(ORIGIN, 'city', 'must be a City with a street graph', city);
  }
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const levelNames = options.levels ?? EXPOSURE_PROFILE_DEFAULTS.levels;
  if (!Array.isArray(levelNames) || levelNames.length === 0) throw new InvalidInputError(ORIGIN, 'options.levels', 'must be a non-empty array of levels', levelNames);
  const levelIdx: number[] = [];
  for (let k = 0; k < levelNames.length; k++) {
    const li = PROFILE_LEVELS.indexOf(levelNames[k]);
    if (li < 0) throw new InvalidInputError(ORIGIN, `options.levels[${k}]`, `must be one of ${PROFILE_LEVELS.map((l) => JSON.stringify(l)).join(', ')}`, levelNames[k]);
    if (levelIdx.includes(li)) throw new InvalidInputError(ORIGIN, `options.levels[${k}]`, 'must not repeat a level', levelNames[k]);
    levelIdx.push(li);
  }
  levelIdx.sort((a, b) => a - b);
  const occlusion = options.occlusion ?? EXPOSURE_PROFILE_DEFAULTS.occlusion;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.occlusion', 'must be a boolean', occlusion);
  const buildings = options.buildings ?? city.buildings;
  if (occlusion && !buildings) throw new InvalidInputError(ORIGIN, 'options.occlusion', "needs the city's buildings or options.buildings", occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, ORIGIN, options.buildings ? 'options.buildings' : 'city.buildings');
  const faceAngle = options.faceAngle ?? EXPOSURE_PROFILE_DEFAULTS.faceAngle;
  if (typeof faceAngle !== 'number' || !(faceAngle > 0 && faceAngle <= 180)) throw new InvalidInputError(ORIGIN, 'options.faceAngle', 'must be a number of degrees in (0, 180]', faceAngle);

  const segs = streetSegments(city.streets);
  const ne = segs.numSegments;
  const c = segs.coords;
  const numLevels = levelIdx.length;
  const observedLength = new Float64Array(numLevels * ne);
  // Same box and origin as computeStreetCoverage without a study area, so that the
  // footprints (relative coordinates) and hence the per-edge lengths are identical.
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (let k = 0; k < 4 * ne; k += 2) {
    if (c[k] < bx0) bx0 = c[k];
    if (c[k] > bx1) bx1 = c[k];
    if (c[k + 1] < by0) by0 = c[k + 1];
    if (c[k + 1] > by1) by1 = c[k + 1];
  }
  // Entries of every level pass, in (level, edge, camera, s0) order.
  let cap = 1024;
  let tEdge: Uint32Array = new Uint32Array(cap);
  let tCam: Uint32Array = new Uint32Array(cap);
  let tLevel: Uint8Array = new Uint8Array(cap);
  let tS0: Float64Array = new Float64Array(cap);
  let tS1: Float64Array = new Float64Array(cap);
  let count = 0;
  const sc = createPieceScratch();
  const eps = BOUNDARY_EPS;
  for (let L = 0; L < numLevels && ne > 0; L++) {
    const levelName = PROFILE_LEVELS[levelIdx[L]];
    const ox = (bx0 + bx1) / 2;
    const oy = (by0 + by1) / 2;
    const { fp } = prepareFootprints(cameras, levelName, [bx0, by0, bx1, by1], ox, oy, occlusion && buildings ? buildings : null, null);
    const n = fp.n;
    if (n === 0) continue;
    const index = new Flatbush(n);
    for (let k = 0; k < n; k++) index.add(fp.minX[k], fp.minY[k], fp.maxX[k], fp.maxY[k]);
    index.finish();
    const base = L * ne;
    for (let s = 0; s < ne; s++) {
      const px = c[4 * s] - ox;
      const py = c[4 * s + 1] - oy;
      const dx = c[4 * s + 2] - ox - px;
      const dy = c[4 * s + 3] - oy - py;
      const len = Math.sqrt(dx * dx + dy * dy);
      const cand = index.search(Math.min(px, px + dx) - eps, Math.min(py, py + dy) - eps, Math.max(px, px + dx) + eps, Math.max(py, py + dy) + eps);
      if (cand.length === 0) continue;
      const np = classifyPieces(fp, cand, px, py, dx, dy, len, sc);
      if (np === 0) continue;
      const nc = cand.length;
      const pa = sc.ta;
      const pb = sc.tb;
      const depth = sc.depth;
      const inside = sc.inside;
      let seen = 0;
      for (let p = 0; p < np; p++) if (depth[p] > 0) seen += (pb[p] - pa[p]) * len;
      observedLength[base + s] = seen;
      // One entry per run of consecutive pieces inside a footprint.
      for (let q = 0; q < nc; q++) {
        const row = q * np;
        const cam = fp.cameraId[sc.cams[q]];
        let p = 0;
        while (p < np) {
          if (inside[row + p] === 0) {
            p++;
            continue;
          }
          const from = pa[p];
          while (p < np && inside[row + p] === 1) p++;
          const to = pb[p - 1];
          if (count === cap) {
            cap *= 2;
            tEdge = grow32(tEdge, cap);
            tCam = grow32(tCam, cap);
            const l8 = new Uint8Array(cap);
            l8.set(tLevel);
            tLevel = l8;
            tS0 = grow64(tS0, cap);
            tS1 = grow64(tS1, cap);
          }
          tEdge[count] = s;
          tCam[count] = cam;
          tLevel[count] = levelIdx[L];
          tS0[count] = from * len;
          tS1[count] = to === 1 ? len : to * len;
          count++;
        }
      }
    }
  }

  // Group by edge (a stable counting sort keeps the level, camera, s0 order).
  const entryStart = new Uint32Array(ne + 1);
  for (let q = 0; q < count; q++) entryStart[tEdge[q] + 1]++;
  for (let e = 0; e < ne; e++) entryStart[e + 1] += entryStart[e];
  const fill = entryStart.slice(0, ne);
  const camera = new Uint32Array(count);
  const level = new Uint8Array(count);
  const s0 = new Float64Array(count);
  const s1 = new Float64Array(count);
  const frontalUntil = new Float64Array(count);
  const frontalFrom = new Float64Array(count);
  const cot = faceAngle >= 180 ? -Infinity : Math.cos((faceAngle * Math.PI) / 180) / Math.sin((faceAngle * Math.PI) / 180);
  const cx = cameras.x;
  const cy = cameras.y;
  for (let q = 0; q < count; q++) {
    const e = tEdge[q];
    const at = fill[e]++;
    const cam = tCam[q];
    camera[at] = cam;
    level[at] = tLevel[q];
    s0[at] = tS0[q];
    s1[at] = tS1[q];
    // Closed form (see the TSDoc): s ≤ a − h·cot θ forward, s ≥ a + h·cot θ backward.
    const x0 = c[4 * e];
    const y0 = c[4 * e + 1];
    const ex = c[4 * e + 2] - x0;
    const ey = c[4 * e + 3] - y0;
    const len = Math.sqrt(ex * ex + ey * ey);
    const ux = ex / len;
    const uy = ey / len;
    const wx = cx[cam] - x0;
    const wy = cy[cam] - y0;
    const a = wx * ux + wy * uy;
    const h = Math.abs(ux * wy - uy * wx);
    let fu: number;
    let ff: number;
    if (cot === -Infinity) {
      fu = Infinity;
      ff = -Infinity;
    } else {
      fu = a - h * cot;
      ff = a + h * cot;
      if (fu >= len) fu = Infinity;
      else if (fu < 0) fu = -Infinity;
      if (ff <= 0) ff = -Infinity;
      else if (ff > len) ff = Infinity;
    }
    frontalUntil[at] = fu;
    frontalFrom[at] = ff;
  }
  return {
    numEdges: ne,
    levels: levelIdx,
    entryStart,
    camera,
    level,
    s0,
    s1,
    frontalUntil,
    frontalFrom,
    observedLength,
    params: {
      levels: levelIdx.map((li) => PROFILE_LEVELS[li]),
      occlusion,
      faceAngle,
      numCameras: cameras.numCameras,
      cameras: cameras.provenance,
    },
  };
}

function grow32(a: Uint32Array, n: number): Uint32Array {
  const b = new Uint32Array(n);
  b.set(a);
  return b;
}

function grow64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
