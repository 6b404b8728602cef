/**
 * Which cameras matter most: what would be lost without each camera (or
 * each group of cameras), exactly, and the order in which removing cameras
 * one by one cuts coverage most.
 */
import { InvalidInputError } from '../core/index.js';
import { checkOptions, optionKeys } from '../core/internal.js';
import { CameraSet, CAMERA_OPERATORS, NO_NODE } from '../cameras/index.js';
import { overlappingPairs, streetSegments, type CoverageLevel } from '../coverage/index.js';
import { uniqueAreasByGroup } from '../coverage/internal.js';
import { FootprintPool } from './footprint-pool.js';
import { MaxHeap } from './lazy-greedy.js';
import { buildStreetPieces } from './street-pieces.js';
import { resolvePlanningArea, type PlanningAreaOptions } from './study-area-input.js';

/** What {@link rankCameraImportance} measures: covered area or covered street length. */
export type ImportanceMetric = 'area' | 'streetLength';

/** How {@link rankCameraImportance} groups cameras: each camera alone, by operator, by command node, or by a key per camera. */
export type ImportanceGrouping = 'camera' | 'operator' | 'node' | ArrayLike<string | number>;

/** Options of {@link rankCameraImportance}. */
export interface CameraImportanceOptions extends PlanningAreaOptions {
  /** `'area'` (m² of the study area, default) or `'streetLength'` (m of street inside the study area; needs `city`). */
  metric?: ImportanceMetric;
  /**
   * The units ranked: `'camera'` (default), `'operator'` (public / private /
   * unknown), `'node'` (the command node each camera reports to; cameras
   * without one form the group `"none"`), or an array with one key (string
   * or number) per camera.
   */
  groupBy?: ImportanceGrouping;
  /** Length of the greedy removal order (0 to skip it; default 10). */
  removals?: number;
}

/** One ranked unit. */
export interface ImportanceRow {
  /** The camera id (groupBy `'camera'`) or the group's key. */
  key: string | number;
  /** Cameras in the unit. */
  numCameras: number;
  /** m² (or m) covered by this unit and by no other camera: lost if the unit alone went dark. */
  unique: number;
  /** unique / the covered total. */
  share: number;
}

/** One step of the greedy removal order. */
export interface RemovalStep {
  key: string | number;
  /** Coverage lost by removing this unit after the earlier ones. */
  loss: number;
  /** Coverage lost by removing this unit and all earlier ones. */
  cumulativeLoss: number;
  /** Coverage left. */
  remaining: number;
}

/** Result of {@link rankCameraImportance}: plain data, JSON-serialisable. */
export interface CameraImportance {
  /** Units by unique coverage, largest first (ties: in order of first camera). */
  rows: ImportanceRow[];
  /** Coverage (m² or m) of all cameras together. */
  covered: number;
  /**
   * Greedy removal order: at each step the unit whose removal, after the
   * earlier ones, cuts coverage most, with the exact loss.
   */
  removalOrder: RemovalStep[];
  unit: 'm²' | 'm';
  params: { metric: ImportanceMetric; groupBy: 'camera' | 'operator' | 'node' | 'custom'; level: CoverageLevel; occlusion: boolean; numCameras: number; numGroups: number };
}

/** Defaults of {@link rankCameraImportance}. */
export const RANK_CAMERA_IMPORTANCE_DEFAULTS = {
  /** Covered area: every study area has it (street length needs a city). */
  metric: 'area' as ImportanceMetric,
  /** Each camera its own unit. */
  groupBy: 'camera' as ImportanceGrouping,
  /** The first ten removals: enough for a "worst ten" table, cheap on a city. */
  removals: 10,
  /** As computeCoverage. */
  level: 'range' as CoverageLevel,
  /** As computeCoverage. */
  occlusion: false,
} as const;

const RANK_CAMERA_IMPORTANCE_OPTION_KEYS = optionKeys<CameraImportanceOptions>()(RANK_CAMERA_IMPORTANCE_DEFAULTS, ['bounds', 'area', 'city', 'buildings']);

const ORIGIN = 'rankCameraImportance';

/**
 * Ranks cameras (or groups of cameras) by what would be lost without them.
 *
 * Unique coverage: for every unit, the area (or street length) that it
 * covers and no other camera covers, i.e. coverage(all) − coverage(all but
 * the unit), exactly. For area all units are measured in one pass of the
 * exact union engine: a boundary piece of footprint i lying inside no other
 * footprint bounds "only i"'s region, and a piece of another footprint j
 * lying inside footprints of one unit only bounds that unit's region from
 * outside, so each piece's Green's-theorem term is attributed to at most
 * one unit. Street length uses the street pieces cut at every footprint
 * boundary, each attributed when all the cameras seeing it are in one unit.
 *
 * Removal order: the units whose removal, one after the other, cuts
 * coverage most (a reverse greedy). Losses only grow as units are removed
 * (a unit's unique share grows when its neighbours go), so after each
 * removal the losses of the units overlapping the removed one are
 * recomputed exactly (the union engine on the unit and its remaining
 * neighbours) and the others kept.
 *
 * @param cameras - the camera set
 * @param options - study area (`bounds`, `area` or `city`), `metric`, `groupBy`, `removals`,
 *   `level`, `occlusion`; defaults: {@link RANK_CAMERA_IMPORTANCE_DEFAULTS}
 * @returns units ranked by unique coverage, the covered total and the removal order
 * @throws {InvalidInputError} on a bad camera set, metric, grouping or removal count,
 *   street length without `city`, or the study-area errors of computeCoverage
 * @example
 * const cameras = createCameraSet([
 *   { x: 0, y: 0, heading: 0, fov: 360, range: 10 },
 *   { x: 10, y: 0, heading: 0, fov: 360, range: 10 },
 * ]);
 * const r = rankCameraImportance(cameras, { bounds: [-50, -50, 50, 50] });
 * r.rows[0].unique // 191.3… = π·10² − the lens both discs share (122.8 m²)
 *
 * Complexity: O((n + P) log n) for the unique areas (one coverage pass), plus
 * for each removal the union of each overlapping unit with its neighbours.
 */
export function rankCameraImportance(cameras: CameraSet, options: CameraImportanceOptions): CameraImportance {
  checkOptions(ORIGIN, options, RANK_CAMERA_IMPORTANCE_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const metric = options.metric ?? RANK_CAMERA_IMPORTANCE_DEFAULTS.metric;
  if (metric !== 'area' && metric !== 'streetLength') throw new InvalidInputError(ORIGIN, 'options.metric', 'must be "area" or "streetLength"', metric);
  const removals = options.removals ?? RANK_CAMERA_IMPORTANCE_DEFAULTS.removals;
  if (!Number.isInteger(removals) || removals < 0) throw new InvalidInputError(ORIGIN, 'options.removals', 'must be an integer ≥ 0', removals);
  const { resolved, level, occlusion, buildings } = resolvePlanningArea(ORIGIN, options, RANK_CAMERA_IMPORTANCE_DEFAULTS);
  if (metric === 'streetLength' && options.city === undefined) throw new InvalidInputError(ORIGIN, 'options.city', 'is required for the metric "streetLength" (its streets)', undefined);
  const { groupOf, keys, label } = resolveGroups(cameras, options.groupBy ?? RANK_CAMERA_IMPORTANCE_DEFAULTS.groupBy);
  const numGroups = keys.length;

  const pool = new FootprintPool(cameras, level, resolved, buildings);
  const m = pool.n;
  const fpGroup = new Int32Array(m);
  for (let f = 0; f < m; f++) fpGroup[f] = groupOf[pool.fp.cameraId[f]];

  let unique: Float64Array;
  let covered: number;
  let removalOrder: RemovalStep[];
  if (metric === 'area') {
    const u = uniqueAreasByGroup(pool.fp, pool.locator, fpGroup, numGroups);
    unique = u.unique;
    covered = u.covered;
    removalOrder = removals === 0 ? [] : areaRemovalOrder(pool, fpGroup, numGroups, unique, covered, removals, keys);
  } else {
    const r = streetUniqueAndRemovals(pool, options.city!.streets, fpGroup, numGroups, removals, keys);
    unique = r.unique;
    covered = r.covered;
    removalOrder = r.removalOrder;
  }
  const numCameras = new Uint32Array(numGroups);
  for (let i = 0; i < cameras.numCameras; i++) numCameras[groupOf[i]]++;
  const order = Array.from({ length: numGroups }, (_, g) => g).sort((a, b) => unique[b] - unique[a] || a - b);
  const rows = order.map((g) => ({ key: keys[g], numCameras: numCameras[g], unique: unique[g], share: covered > 0 ? unique[g] / covered : 0 }));
  return {
    rows,
    covered,
    removalOrder,
    unit: metric === 'area' ? 'm²' : 'm',
    params: { metric, groupBy: label, level, occlusion, numCameras: cameras.numCameras, numGroups },
  };
}

/** Group index per camera, the keys, and the grouping's label. */
function resolveGroups(cameras: CameraSet, groupBy: unknown): { groupOf: Int32Array; keys: (string | number)[]; label: CameraImportance['params']['groupBy'] } {
  const n = cameras.numCameras;
  const groupOf = new Int32Array(n);
  if (groupBy === 'camera') {
    for (let i = 0; i < n; i++) groupOf[i] = i;
    return { groupOf, keys: Array.from({ length: n }, (_, i) => i), label: 'camera' };
  }
  let keyOf: (i: number) => string | number;
  let label: CameraImportance['params']['groupBy'];
  if (groupBy === 'operator') {
    keyOf = (i) => CAMERA_OPERATORS[cameras.operator[i]];
    label = 'operator';
  } else if (groupBy === 'node') {
    keyOf = (i) => (cameras.nodeId[i] === NO_NODE ? 'none' : cameras.nodeId[i]);
    label = 'node';
  } else if (typeof groupBy === 'object' && groupBy !== null && typeof (groupBy as ArrayLike<unknown>).length === 'number') {
    const arr = groupBy as ArrayLike<unknown>;
    if (arr.length !== n) throw new InvalidInputError(ORIGIN, 'options.groupBy.length', `must equal the number of cameras (${n})`, arr.length);
    for (let i = 0; i < n; i++) {
      const v = arr[i];
      if (!(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) throw new InvalidInputError(ORIGIN, `options.groupBy[${i}]`, 'must be a string or a finite number', v);
    }
    keyOf = (i) => arr[i] as string | number;
    label = 'custom';
  } else {
    throw new InvalidInputError(ORIGIN, 'options.groupBy', 'must be "camera", "operator", "node" or an array with one key per camera', groupBy);
  }
  const index = new Map<string | number, number>();
  const keys: (string | number)[] = [];
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    let g = index.get(key);
    if (g === undefined) {
      g = keys.length;
      index.set(key, g);
      keys.push(key);
    }
    groupOf[i] = g;
  }
  return { groupOf, keys, label };
}

/**
 * Greedy removal order by area. loss(G) = area(G ∪ N) − area(N), N the
 * remaining footprints of other units whose boxes meet G's, measured in G's
 * box when it lies inside the study area. Initially loss(G) = unique[G].
 */
function areaRemovalOrder(pool: FootprintPool, fpGroup: Int32Array, numGroups: number, unique: Float64Array, covered: number, removals: number, keys: (string | number)[]): RemovalStep[] {
  const fp = pool.fp;
  const m = pool.n;
  const nb = overlappingPairs(fp.minX, fp.minY, fp.maxX, fp.maxY, m, 1e-7);
  // Footprints per group.
  const gStart = new Uint32Array(numGroups + 1);
  for (let f = 0; f < m; f++) gStart[fpGroup[f] + 1]++;
  for (let g = 0; g < numGroups; g++) gStart[g + 1] += gStart[g];
  const gList = new Uint32Array(m);
  const fill = gStart.slice(0, numGroups);
  for (let f = 0; f < m; f++) gList[fill[fpGroup[f]]++] = f;
  const removed = new Uint8Array(numGroups);
  const stamp = new Int32Array(numGroups);
  const heap = new MaxHeap(numGroups);
  for (let g = 0; g < numGroups; g++) if (gStart[g + 1] > gStart[g]) heap.push(unique[g], g, 0);
  const mark = new Int32Array(m).fill(-1);
  const lossOf = (g: number, tag: number): number => {
    const ids: number[] = [];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let q = gStart[g]; q < gStart[g + 1]; q++) {
      const f = gList[q];
      ids.push(f);
      mark[f] = tag;
      if (fp.minX[f] < x0) x0 = fp.minX[f];
      if (fp.minY[f] < y0) y0 = fp.minY[f];
      if (fp.maxX[f] > x1) x1 = fp.maxX[f];
      if (fp.maxY[f] > y1) y1 = fp.maxY[f];
    }
    const others: number[] = [];
    for (let q = gStart[g]; q < gStart[g + 1]; q++) {
      const f = gList[q];
      for (let r = nb.start[f]; r < nb.start[f + 1]; r++) {
        const j = nb.list[r];
        if (mark[j] === tag || removed[fpGroup[j]] === 1) continue;
        mark[j] = tag;
        others.push(j);
      }
    }
    const clip = pool.clipBox(x0, y0, x1, y1);
    const both = Uint32Array.from(ids.concat(others)).sort();
    const rest = Uint32Array.from(others).sort();
    const loss = pool.area(both, both.length, clip) - pool.area(rest, rest.length, clip);
    return loss > 0 ? loss : 0;
  };
  const out: RemovalStep[] = [];
  let cumulative = 0;
  let tag = 0;
  while (out.length < removals && heap.size > 0) {
    const g = heap.topId();
    if (removed[g] === 1 || heap.topStamp() !== stamp[g]) {
      heap.pop();
      continue;
    }
    const loss = heap.topKey();
    heap.pop();
    removed[g] = 1;
    cumulative += loss;
    out.push({ key: keys[g], loss, cumulativeLoss: cumulative, remaining: Math.max(0, covered - cumulative) });
    // The units overlapping g: their losses can only have grown.
    const touched = new Set<number>();
    for (let q = gStart[g]; q < gStart[g + 1]; q++) {
      const f = gList[q];
      for (let r = nb.start[f]; r < nb.start[f + 1]; r++) {
        const h = fpGroup[nb.list[r]];
        if (removed[h] === 0) touched.add(h);
      }
    }
    for (const h of [...touched].sort((a, b) => a - b)) {
      stamp[h]++;
      heap.push(lossOf(h, tag++), h, stamp[h]);
    }
  }
  return out;
}

/** Unique street length per unit and the greedy removal order by street length. */
function streetUniqueAndRemovals(
  pool: FootprintPool,
  streets: Parameters<typeof streetSegments>[0],
  fpGroup: Int32Array,
  numGroups: number,
  removals: number,
  keys: (string | number)[],
): { unique: Float64Array; covered: number; removalOrder: RemovalStep[] } {
  const sp = buildStreetPieces(pool, streetSegments(streets), null);
  // Distinct units seeing each piece.
  const pStart = new Uint32Array(sp.numPieces + 1);
  const pUnits: number[] = [];
  const seen = new Int32Array(numGroups).fill(-1);
  let covered = 0;
  for (let p = 0; p < sp.numPieces; p++) {
    covered += sp.weight[p];
    pStart[p] = pUnits.length;
    for (let q = sp.viewStart[p]; q < sp.viewStart[p + 1]; q++) {
      const g = fpGroup[sp.viewers[q]];
      if (seen[g] !== p) {
        seen[g] = p;
        pUnits.push(g);
      }
    }
  }
  pStart[sp.numPieces] = pUnits.length;
  const unique = new Float64Array(numGroups);
  const count = new Uint32Array(sp.numPieces);
  const uStart = new Uint32Array(numGroups + 1);
  for (let p = 0; p < sp.numPieces; p++) {
    count[p] = pStart[p + 1] - pStart[p];
    if (count[p] === 1) unique[pUnits[pStart[p]]] += sp.weight[p];
    for (let q = pStart[p]; q < pStart[p + 1]; q++) uStart[pUnits[q] + 1]++;
  }
  if (removals === 0) return { unique, covered, removalOrder: [] };
  for (let g = 0; g < numGroups; g++) uStart[g + 1] += uStart[g];
  const uPieces = new Uint32Array(pUnits.length);
  const fill = uStart.slice(0, numGroups);
  for (let p = 0; p < sp.numPieces; p++) for (let q = pStart[p]; q < pStart[p + 1]; q++) uPieces[fill[pUnits[q]]++] = p;
  const loss = unique.slice();
  const removed = new Uint8Array(numGroups);
  const stamp = new Int32Array(numGroups);
  const heap = new MaxHeap(numGroups);
  for (let g = 0; g < numGroups; g++) if (uStart[g + 1] > uStart[g]) heap.push(loss[g], g, 0);
  const out: RemovalStep[] = [];
  let cumulative = 0;
  while (out.length < removals && heap.size > 0) {
    const g = heap.topId();
    if (removed[g] === 1 || heap.topStamp() !== stamp[g]) {
      heap.pop();
      continue;
    }
    const l = heap.topKey();
    heap.pop();
    removed[g] = 1;
    cumulative += l;
    out.push({ key: keys[g], loss: l, cumulativeLoss: cumulative, remaining: Math.max(0, covered - cumulative) });
    const changed = new Set<number>();
    for (let q = uStart[g]; q < uStart[g + 1]; q++) {
      const p = uPieces[q];
      count[p]--;
      if (count[p] !== 1) continue;
      for (let r = pStart[p]; r < pStart[p + 1]; r++) {
        const h = pUnits[r];
        if (removed[h] === 0) {
          loss[h] += sp.weight[p];
          changed.add(h);
          break;
        }
      }
    }
    for (const h of changed) {
      stamp[h]++;
      heap.push(loss[h], h, stamp[h]);
    }
  }
  return { unique, covered, removalOrder: out };
}
