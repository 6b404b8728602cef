/**
 * The covered area each single point of failure of a command network takes
 * out of coverage, exactly: for every node (and link), the area seen only by
 * the cameras its failure alone cuts off, measured with the coverage engine
 * on small camera subsets. Fault semantics: see network-coverage.ts.
 */
import { InvalidInputError } from '../core/index.js';
import { type CameraSet } from '../cameras/index.js';
import { type BuildingSet } from '../city/index.js';
import { PolygonLocator, boundsToPolygon } from '../geo/index.js';
import { NODE_KINDS, rankSinglePointsOfFailure, type CommandNetwork, type NodeKind, type SinglePointsOfFailure, type SpofOptions, type SpofTable } from '../network/index.js';
import { checkNetwork, RANK_SINGLE_POINTS_OF_FAILURE_OPTION_KEYS } from '../network/internal.js';
import { computeCoverage, PARALLEL_MIN_FOOTPRINTS, type CoverageResult } from './compute-coverage.js';
import { checkLevel, effectiveRadius, Footprints, setSector } from './footprints.js';
import { checkCoverageOptions, checkWatchers, idsWhere, type FaultCoverageOptions, type Watchers } from './network-coverage.js';
import { overlappingPairs } from './neighbour-pairs.js';
import { applyOcclusion } from './occlusion.js';
import { prepareFootprints } from './prepare.js';
import { relativeLocator, resolveStudyArea } from './study-area.js';
import { CHUNK_SIZE, unionAreas } from './union-engine.js';
import { checkOptions, optionKeys, pickOptions } from '../core/internal.js';
import { availableParallelism } from '../core/internal.js';

/**
 * Area of the union of small camera subsets, with the study area, level and
 * occluders resolved once (the engine of computeCoverage, without per-call
 * validation). Area(ids) equals computeCoverage(cameras.subset(ids)).coveredArea.
 */
class SubsetAreas {
  private readonly ox: number;
  private readonly oy: number;
  private readonly locator: PolygonLocator;
  readonly studyArea: number;
  /** Footprint index (in the considered set) per camera id, −1 when not considered. */
  readonly fpIndex: Int32Array;
  /** Camera id per considered footprint. */
  readonly fpCamera: Uint32Array;
  readonly nbStart: Uint32Array;
  readonly nbList: Uint32Array;

  constructor(
    private readonly cameras: CameraSet,
    private readonly level: ReturnType<typeof checkLevel>,
    bbox: [number, number, number, number],
    resolved: ReturnType<typeof resolveStudyArea>,
    private readonly buildings: BuildingSet | null,
    private readonly threads: number,
    watch: Uint8Array | null,
  ) {
    const [bx0, by0, bx1, by1] = bbox;
    this.ox = (bx0 + bx1) / 2;
    this.oy = (by0 + by1) / 2;
    this.locator = relativeLocator(resolved, this.ox, this.oy);
    this.studyArea = this.locator.area;
    // Boxes of the plain sectors (a superset of the occluded ones: still exact, see areaLost).
    const filter = watch === null ? null : Float64Array.from(watch);
    const { fp } = prepareFootprints(cameras, level, bbox, this.ox, this.oy, null, filter, false);
    const m = fp.n;
    this.fpCamera = fp.cameraId.slice(0, m);
    this.fpIndex = new Int32Array(cameras.numCameras).fill(-1);
    for (let k = 0; k < m; k++) this.fpIndex[this.fpCamera[k]] = k;
    const nb = overlappingPairs(fp.minX.slice(0, m), fp.minY.slice(0, m), fp.maxX.slice(0, m), fp.maxY.slice(0, m), m, 1e-7);
    this.nbStart = nb.start;
    this.nbList = nb.list;
  }

  get numConsidered(): number {
    return this.fpCamera.length;
  }

  /** Box study areas centred on the origin, by half side (built once each). */
  private readonly boxes = new Map<number, PolygonLocator>();

  /**
   * Covered area of the cameras ids[0 … count−1] (camera ids, each considered).
   *
   * A small set whose footprints lie well inside the study area is measured
   * in a box instead (same covered area: the union lies inside both), with
   * the footprints' origin at the box centre; the engine then skips the
   * study area's boundary (thousands of edges for a real city) on each call.
   */
  area(ids: Uint32Array, count: number): number {
    if (count === 0) return 0;
    const cams = this.cameras;
    const xs = cams.x;
    const ys = cams.y;
    let ox = this.ox;
    let oy = this.oy;
    let locator = this.locator;
    if (count <= BOX_MAX_FOOTPRINTS) {
      // Bounding box of the discs (a superset of the footprints).
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let k = 0; k < count; k++) {
        const i = ids[k];
        const r = effectiveRadius(cams, i, this.level);
        if (xs[i] - r < x0) x0 = xs[i] - r;
        if (ys[i] - r < y0) y0 = ys[i] - r;
        if (xs[i] + r > x1) x1 = xs[i] + r;
        if (ys[i] + r > y1) y1 = ys[i] + r;
      }
      const gx = (x0 + x1) / 2;
      const gy = (y0 + y1) / 2;
      const need = Math.max(x1 - x0, y1 - y0) / 2 + 1;
      let half = 64;
      while (half < need) half *= 2;
      const bx0 = gx - half - this.ox;
      const by0 = gy - half - this.oy;
      const bx1 = gx + half - this.ox;
      const by1 = gy + half - this.oy;
      const loc = this.locator;
      if (
        bx0 > loc.minX && by0 > loc.minY && bx1 < loc.maxX && by1 < loc.maxY &&
        !loc.mayTouchBoundary(bx0, by0, bx1, by1) &&
        loc.contains(bx0, by0) && loc.contains(bx1, by0) && loc.contains(bx0, by1) && loc.contains(bx1, by1)
      ) {
        let box = this.boxes.get(half);
        if (box === undefined) {
          box = new PolygonLocator([boundsToPolygon([-half, -half, half, half])], true);
          this.boxes.set(half, box);
        }
        locator = box;
        ox = gx;
        oy = gy;
      }
    }
    const par = this.threads > 1 && this.buildings === null && count >= 2 * CHUNK_SIZE;
    const fp = new Footprints(count, ox, oy, par);
    for (let k = 0; k < count; k++) {
      const i = ids[k];
      setSector(fp, k, i, xs[i], ys[i], effectiveRadius(cams, i, this.level), cams.heading[i], cams.fov[i]);
    }
    if (this.buildings !== null) applyOcclusion(fp, this.buildings);
    const { areaAtLeast } = unionAreas(fp, locator, null, par ? this.threads : 1);
    const a = areaAtLeast.length > 1 ? areaAtLeast[1] : 0;
    return a < 0 ? 0 : a > this.studyArea ? this.studyArea : a;
  }
}

/** Largest subset measured in a local box (bigger ones span districts: the study area is used). */
const BOX_MAX_FOOTPRINTS = 4096;

function resolveThreads(origin: string, t: unknown, n: number): number {
  const v = t ?? 'auto';
  if (v !== 'auto' && (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 64)) throw new InvalidInputError(origin, 'options.coverage.threads', 'must be "auto" or an integer in [1, 64]', v);
  const cores = availableParallelism();
  return v === 'auto' ? (n >= PARALLEL_MIN_FOOTPRINTS ? Math.min(4, cores) : 1) : Math.min(v as number, cores);
}

/** Options of {@link rankSinglePointsOfFailureByArea}. */
export interface SpofAreaOptions extends SpofOptions {
  /** Study area (bounds, area or city), level, occlusion, buildings, threads, as computeCoverage (no availability). */
  coverage: FaultCoverageOptions;
  /** `all` (default): area seen by any camera; `live`: area seen by live cameras only. */
  watchers?: Watchers;
  /** A ranking already computed with the same network and options (saves recomputing it). */
  spof?: SinglePointsOfFailure;
}

/** One row of the area ranking. */
export interface SpofAreaRow {
  node: number;
  key: string;
  kind: NodeKind;
  camerasCut: number;
  liveCut: number;
  liveServedLost: number;
  /** m² seen only by the cut-off cameras. */
  areaLost: number;
  /** areaLost / coveredArea (0 when nothing is covered). */
  areaLostShare: number;
}

/** Result of {@link rankSinglePointsOfFailureByArea} (plain data). */
export interface SpofAreaRanking {
  params: { watchers: Watchers; coverage: CoverageResult['params']; distinctCameraSets: number };
  /** Work done: footprints passed to the engine over all subset calls, number of calls, footprints considered. */
  work: { footprints: number; calls: number; consideredFootprints: number };
  /** The live/camera ranking the areas belong to. */
  spof: SinglePointsOfFailure;
  /** Covered area with every watcher up, m², and the study area. */
  coveredArea: number;
  studyArea: number;
  /** Per node: m² seen only by the cameras its failure cuts off. */
  nodeAreaLost: Float64Array;
  /** Per link (null when the ranking has no links). */
  linkAreaLost: Float64Array | null;
  /** Node indices by area lost (largest first; ties: cameras cut, then index). */
  rankedByArea: Uint32Array;
  /** The first `top` nodes by area. */
  top: SpofAreaRow[];
}

/** The options rankSinglePointsOfFailureByArea knows (its unknown options are refused). */
const RANK_SINGLE_POINTS_OF_FAILURE_BY_AREA_OPTION_KEYS = optionKeys<SpofAreaOptions>()({}, ['coverage', 'watchers', 'spof', 'includeLinks', 'top', 'centreKinds', 'analyticsDemand']);

/**
 * Ranks every node (and link) by the covered area that would go dark with
 * the cameras its failure alone cuts off, exactly.
 *
 * What the area means: a node or link failure only breaks live paths, so
 * this is the area that drops out of LIVE watching if those cameras streamed
 * live (with `watchers: 'live'`: the area live cameras watch that would no
 * longer be watched live), or equally the area lost if the failure also took
 * the cameras' power (a cabinet that powers them).
 *
 * Method (exact, the coverage engine): for the cut-off set S, the lost area
 * is area(U(S ∪ N)) − area(U(N)), where N holds the other watchers whose
 * footprint box overlaps a footprint box of S (cameras farther away cannot
 * cover any point of U(S) and cancel out). Identical cut sets are computed
 * once, and S = all watchers reuses the full coverage, so the work per
 * hierarchy level is about one computeCoverage call.
 *
 * @param network - the network (its cameras are the watchers)
 * @param options - coverage (study area etc., required), watchers (`all`), spof
 *   (a ranking to reuse) or the ranking's options (centreKinds, includeLinks, top…)
 * @returns per-node and per-link area lost, the ranking by area, top rows
 * @throws {InvalidInputError} on a bad network, missing or invalid coverage
 *   options, or `coverage.availability` (not allowed here)
 * @example
 * const r = rankSinglePointsOfFailureByArea(net, { coverage: { city } });
 * r.top[0] // { key: 'centre-0', areaLost: 152871789.8, areaLostShare: 1, … }
 *
 * Complexity: O(Σ over distinct cut sets of (|S| + |N|) log) ≈ one
 * computeCoverage per hierarchy level for a tree.
 */
export function rankSinglePointsOfFailureByArea(network: CommandNetwork, options: SpofAreaOptions): SpofAreaRanking {
  checkOptions('rankSinglePointsOfFailureByArea', options, RANK_SINGLE_POINTS_OF_FAILURE_BY_AREA_OPTION_KEYS);
  const origin = 'rankSinglePointsOfFailureByArea';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const watchers = checkWatchers(origin, options.watchers);
  const spof = options.spof ?? rankSinglePointsOfFailure(network, pickOptions(options, RANK_SINGLE_POINTS_OF_FAILURE_OPTION_KEYS));
  if (spof.nodes.camerasCut.length !== network.numNodes) throw new InvalidInputError(origin, 'options.spof', `must be a ranking of this network (${network.numNodes} nodes)`, spof.nodes.camerasCut.length);
  const cameras = network.cameras;
  const watch = watchers === 'live' ? network.cameraLive : null;
  // Full coverage (validates the coverage options once) …
  const full = computeCoverage(watch === null ? cameras : cameras.subset(idsWhere(watch)), cov);
  // … and the subset engine with the same study area, level and occluders.
  const level = checkLevel(origin, cov.level);
  const areaInput = cov.bounds === undefined && cov.area === undefined && cov.city ? cov.city.boundary : cov.area;
  const resolved = resolveStudyArea(origin, cov.bounds, areaInput);
  const buildings = cov.occlusion ? (cov.buildings ?? cov.city?.buildings ?? null) : null;
  const threads = resolveThreads(origin, cov.threads, network.numCameras);
  const engine = new SubsetAreas(cameras, level, resolved.bbox, resolved, buildings, threads, watch);
  const losses = new CutSetLosses(network, engine, full.coveredArea);

  const N = network.numNodes;
  const nodeAreaLost = new Float64Array(N);
  for (let v = 0; v < N; v++) nodeAreaLost[v] = losses.lostFor(spof.nodes, v);
  let linkAreaLost: Float64Array | null = null;
  if (spof.links !== null) {
    linkAreaLost = new Float64Array(network.numLinks);
    for (let l = 0; l < network.numLinks; l++) linkAreaLost[l] = losses.lostFor(spof.links, l);
  }
  const order = Array.from({ length: N }, (_, i) => i);
  const cut = spof.nodes.camerasCut;
  order.sort((a, b) => nodeAreaLost[b] - nodeAreaLost[a] || cut[b] - cut[a] || a - b);
  return {
    params: { watchers, coverage: full.params, distinctCameraSets: losses.numDistinctSets },
    work: { footprints: losses.workFootprints, calls: losses.workCalls, consideredFootprints: engine.numConsidered },
    spof,
    coveredArea: full.coveredArea,
    studyArea: full.studyArea,
    nodeAreaLost,
    linkAreaLost,
    rankedByArea: Uint32Array.from(order),
    top: topAreaRows(network, spof, order, nodeAreaLost, full.coveredArea),
  };
}

/**
 * The area lost per cut-off camera set: for the cut-off set S, area(U(S ∪ N))
 * − area(U(N)), where N holds the other watchers whose footprint box
 * overlaps a footprint box of S. Identical sets are measured once (cached by
 * their node list); S = all watchers is the full coverage.
 */
class CutSetLosses {
  /** Footprints passed to the engine, and engine calls, over all sets. */
  workFootprints = 0;
  workCalls = 0;
  private readonly cache = new Map<string, number>();
  /** Scratch: stamps per footprint (member of S, of N) and camera id lists (S then N; N alone). */
  private readonly inS: Int32Array;
  private readonly inN: Int32Array;
  private readonly idsSN: Uint32Array;
  private readonly idsN: Uint32Array;
  private stamp = 0;

  constructor(
    private readonly network: CommandNetwork,
    private readonly engine: SubsetAreas,
    private readonly coveredArea: number,
  ) {
    const m = engine.numConsidered;
    this.inS = new Int32Array(m).fill(-1);
    this.inN = new Int32Array(m).fill(-1);
    this.idsSN = new Uint32Array(m);
    this.idsN = new Uint32Array(m);
  }

  get numDistinctSets(): number {
    return this.cache.size;
  }

  /** Area lost when row i of table t fails (its cut-off nodes' cameras go dark). */
  lostFor(t: SpofTable, i: number): number {
    const from = t.cutStart[i];
    const to = t.cutStart[i + 1];
    if (from === to) return 0;
    let key = '';
    for (let p = from; p < to; p++) key += t.cutNodes[p] + ',';
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    this.stamp++;
    const ns = this.markCutCameras(t, from, to);
    let lost: number;
    if (ns === 0) lost = 0;
    else if (ns === this.engine.numConsidered) lost = this.coveredArea;
    else lost = this.areaSeenOnlyBy(ns);
    this.cache.set(key, lost);
    return lost;
  }

  /** Marks the considered footprints of the cameras of cut nodes t.cutNodes[from … to−1] as S and lists them; returns |S|. */
  private markCutCameras(t: SpofTable, from: number, to: number): number {
    const network = this.network;
    const fpIndex = this.engine.fpIndex;
    const fpCamera = this.engine.fpCamera;
    let ns = 0;
    for (let p = from; p < to; p++) {
      const v = t.cutNodes[p];
      for (let q = network.nodeCameraStart[v]; q < network.nodeCameraStart[v + 1]; q++) {
        const k = fpIndex[network.nodeCameraIds[q]];
        if (k < 0) continue;
        this.inS[k] = this.stamp;
        this.idsSN[ns++] = fpCamera[k];
      }
    }
    return ns;
  }

  /** Adds S's overlapping neighbours N to the lists, and returns area(U(S ∪ N)) − area(U(N)) (at least 0). */
  private areaSeenOnlyBy(sCount: number): number {
    const { fpIndex, fpCamera, nbStart, nbList } = this.engine;
    const { inS, inN, idsSN, idsN, stamp } = this;
    let ns = sCount;
    let nn = 0;
    for (let a = 0; a < sCount; a++) {
      const k = fpIndex[idsSN[a]];
      for (let q = nbStart[k]; q < nbStart[k + 1]; q++) {
        const j = nbList[q];
        if (inS[j] === stamp || inN[j] === stamp) continue;
        inN[j] = stamp;
        idsN[nn++] = fpCamera[j];
        idsSN[ns++] = fpCamera[j];
      }
    }
    this.workFootprints += ns + nn;
    this.workCalls += nn > 0 ? 2 : 1;
    const d = this.engine.area(idsSN, ns) - this.engine.area(idsN, nn);
    return d > 0 ? d : 0;
  }
}

/** The first `spof.params.top` nodes of `order`, as rows. */
function topAreaRows(network: CommandNetwork, spof: SinglePointsOfFailure, order: number[], nodeAreaLost: Float64Array, coveredArea: number): SpofAreaRow[] {
  const cut = spof.nodes.camerasCut;
  const top: SpofAreaRow[] = [];
  for (let k = 0; k < Math.min(spof.params.top, network.numNodes); k++) {
    const v = order[k];
    top.push({
      node: v,
      key: network.nodeKeys[v],
      kind: NODE_KINDS[network.nodeKind[v]],
      camerasCut: cut[v],
      liveCut: spof.nodes.liveCut[v],
      liveServedLost: spof.nodes.liveServedLost[v],
      areaLost: nodeAreaLost[v],
      areaLostShare: coveredArea > 0 ? nodeAreaLost[v] / coveredArea : 0,
    });
  }
  return top;
}
