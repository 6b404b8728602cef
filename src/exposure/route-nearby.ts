/**
 * Narrowing a route computation to what is near the route: the cameras
 * whose reach meets a segment of the path, and the buildings that can hide
 * part of those cameras' views. A long diagonal route's bounding box covers
 * most of a city; its segments' boxes do not.
 *
 * Both narrowings leave the footprints unchanged: a camera that is left out
 * cannot reach the path, and a building whose box misses a camera's reach
 * box has no wall inside that camera's disc, so it cannot change what the
 * camera sees.
 *
 * @internal
 */
import Flatbush from 'flatbush';
import { type CameraSet } from '../cameras/index.js';
import { type BuildingSet } from '../city/index.js';
import { type CoverageLevel } from '../coverage/index.js';
import { effectiveRadius } from '../coverage/internal.js';

/** Reach boxes of every camera at a level (x ± r, y ± r), per camera set and level. */
const cameraIndexes = new WeakMap<CameraSet, Map<CoverageLevel, { index: Flatbush; radius: Float64Array }>>();
/** Bounding boxes of every building, per building set. */
const buildingIndexes = new WeakMap<BuildingSet, Flatbush>();

function cameraIndex(cameras: CameraSet, level: CoverageLevel): { index: Flatbush; radius: Float64Array } | null {
  const n = cameras.numCameras;
  if (n === 0) return null;
  let byLevel = cameraIndexes.get(cameras);
  if (byLevel === undefined) {
    byLevel = new Map();
    cameraIndexes.set(cameras, byLevel);
  }
  let entry = byLevel.get(level);
  if (entry === undefined) {
    const index = new Flatbush(n);
    const radius = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = effectiveRadius(cameras, i, level);
      radius[i] = r;
      index.add(cameras.x[i] - r, cameras.y[i] - r, cameras.x[i] + r, cameras.y[i] + r);
    }
    index.finish();
    entry = { index, radius };
    byLevel.set(level, entry);
  }
  return entry;
}

/**
 * Per camera: its availability (1 when `weightsAll` is null) if its reach box
 * meets the box of a segment of the path (grown by `pad` metres), else 0.
 */
export function nearbyCameraWeights(cameras: CameraSet, level: CoverageLevel, coords: Float64Array, weightsAll: Float64Array | null, pad: number): Float64Array {
  const w = new Float64Array(cameras.numCameras);
  const entry = cameraIndex(cameras, level);
  if (entry === null) return w;
  for (let k = 0; k + 3 < coords.length; k += 2) {
    const ids = entry.index.search(
      Math.min(coords[k], coords[k + 2]) - pad,
      Math.min(coords[k + 1], coords[k + 3]) - pad,
      Math.max(coords[k], coords[k + 2]) + pad,
      Math.max(coords[k + 1], coords[k + 3]) + pad,
    );
    for (let q = 0; q < ids.length; q++) w[ids[q]] = weightsAll === null ? 1 : weightsAll[ids[q]];
  }
  return w;
}

/** The buildings whose bounding box meets the reach box of a camera with weight > 0 (original order kept). */
export function nearbyBuildings(buildings: BuildingSet, cameras: CameraSet, level: CoverageLevel, weights: Float64Array, pad: number): BuildingSet {
  const nb = buildings.numBuildings;
  const entry = cameraIndex(cameras, level);
  if (nb === 0 || entry === null) return buildings;
  let index = buildingIndexes.get(buildings);
  if (index === undefined) {
    index = new Flatbush(nb);
    const c = buildings.coords;
    const start = buildings.ringStart;
    for (let b = 0; b < nb; b++) {
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let v = start[b]; v < start[b + 1]; v++) {
        const x = c[2 * v];
        const y = c[2 * v + 1];
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      if (!(x0 <= x1)) x0 = x1 = y0 = y1 = 0;
      index.add(x0, y0, x1, y1);
    }
    index.finish();
    buildingIndexes.set(buildings, index);
  }
  const keep = new Uint8Array(nb);
  const r = entry.radius;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    const ids = index.search(cameras.x[i] - r[i] - pad, cameras.y[i] - r[i] - pad, cameras.x[i] + r[i] + pad, cameras.y[i] + r[i] + pad);
    for (let q = 0; q < ids.length; q++) keep[ids[q]] = 1;
  }
  let m = 0;
  let verts = 0;
  for (let b = 0; b < nb; b++) {
    if (keep[b] === 0) continue;
    m++;
    verts += buildings.ringStart[b + 1] - buildings.ringStart[b];
  }
  if (m === nb) return buildings;
  const ringStart = new Uint32Array(m + 1);
  const coords = new Float64Array(2 * verts);
  const height = new Float32Array(m);
  let k = 0;
  let v = 0;
  for (let b = 0; b < nb; b++) {
    if (keep[b] === 0) continue;
    const s = buildings.ringStart[b];
    const e = buildings.ringStart[b + 1];
    ringStart[k] = v;
    coords.set(buildings.coords.subarray(2 * s, 2 * e), 2 * v);
    height[k] = buildings.height[b];
    v += e - s;
    k++;
  }
  ringStart[m] = v;
  return { numBuildings: m, ringStart, coords, height };
}
