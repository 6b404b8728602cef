/**
 * Coverage under network faults: the area each single point of failure
 * takes out of coverage (exact), coverage under a fault scenario (targeted
 * damage, a trial), the exact expected coverage under independent camera
 * outages (availability weights), and coverage over a few outage trials.
 *
 * It lives in the coverage layer because the network layer may not import
 * coverage (DESIGN.md, "Layers").
 *
 * Fault semantics (see network/faults-scenario.ts): a node or link that is
 * down only breaks live paths — cameras keep recording, so AREA coverage is
 * unchanged; a dark camera (own failure, district blackout, damage) sees
 * nothing. "Live coverage" counts only live cameras that are up and whose
 * node has a working path to a centre.
 */
import { availableParallelism } from 'node:os';
import { InvalidInputError } from '../core/index.js';
import { type CameraSet } from '../cameras/index.js';
import { NODE_KINDS, type CommandNetwork, type NodeKind, centreFlags, type FaultLiveOptions, type FaultScenario, sampleOutageScenario, type OutageSimulationOptions, type TrialSummary, createRouting, routeToCentres, applyTargetedDamage, type DamageSimulationOptions, rankSinglePointsOfFailure, type SinglePointsOfFailure, type SpofOptions, type SpofTable } from '../network/index.js';
import { checkNetwork, checkScenario, nodeDistrictIndex, networkDistricts, resolveLiveOptions, resolveSummaryOptions, summariseResolved } from '../network/internal.js';
import { toRng } from '../core/internal.js';
import { computeCoverage, PARALLEL_MIN_FOOTPRINTS, type CoverageOptions, type CoverageResult } from './compute-coverage.js';
import { checkLevel, effectiveRadius, Footprints, setSector } from './footprints.js';
import { overlappingPairs } from './neighbour-pairs.js';
import { applyOcclusion } from './occlusion.js';
import { prepareFootprints } from './prepare.js';
import { relativeLocator, resolveStudyArea } from './study-area.js';
import { CHUNK_SIZE, unionAreas } from './union-engine.js';
import { PolygonLocator, boundsToPolygon } from '../geo/index.js';
import { type BuildingSet } from '../city/index.js';

/** Coverage options without `availability` (the fault functions set it). */
export type FaultCoverageOptions = Omit<CoverageOptions, 'availability'>;

/** Which cameras count as watchers: every camera, or only live ones (area watched live). */
export type Watchers = 'all' | 'live';

function checkCoverageOptions(origin: string, o: unknown): FaultCoverageOptions {
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options.coverage', 'must be coverage options (bounds, area or city; level, occlusion, …)', o);
  if ((o as CoverageOptions).availability !== undefined) {
    throw new InvalidInputError(origin, 'options.coverage.availability', 'is not allowed here (the fault model sets camera availability; use cameraAvailability)', (o as CoverageOptions).availability);
  }
  return o as FaultCoverageOptions;
}

function checkWatchers(origin: string, w: unknown): Watchers {
  if (w === undefined) return 'all';
  if (w !== 'all' && w !== 'live') throw new InvalidInputError(origin, 'options.watchers', 'must be "all" or "live"', w);
  return w;
}

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
  const origin = 'rankSinglePointsOfFailureByArea';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const watchers = checkWatchers(origin, options.watchers);
  const spof = options.spof ?? rankSinglePointsOfFailure(network, options);
  if (spof.nodes.camerasCut.length !== network.numNodes) throw new InvalidInputError(origin, 'options.spof', `must be a ranking of this network (${network.numNodes} nodes)`, spof.nodes.camerasCut.length);
  const cameras = network.cameras;
  const C = network.numCameras;
  const watch = watchers === 'live' ? network.cameraLive : null;
  // Full coverage (validates the coverage options once) …
  let liveIds: Uint32Array | null = null;
  if (watch !== null) {
    let n = 0;
    for (let c = 0; c < C; c++) n += watch[c];
    liveIds = new Uint32Array(n);
    n = 0;
    for (let c = 0; c < C; c++) if (watch[c] === 1) liveIds[n++] = c;
  }
  const full = computeCoverage(liveIds === null ? cameras : cameras.subset(liveIds), cov);
  // … and the subset engine with the same study area, level and occluders.
  const level = checkLevel(origin, cov.level);
  const areaInput = cov.bounds === undefined && cov.area === undefined && cov.city ? cov.city.boundary : cov.area;
  const resolved = resolveStudyArea(origin, cov.bounds, areaInput);
  const buildings = cov.occlusion ? (cov.buildings ?? cov.city?.buildings ?? null) : null;
  const threads = resolveThreads(origin, cov.threads, C);
  const engine = new SubsetAreas(cameras, level, resolved.bbox, resolved, buildings, threads, watch);
  const m = engine.numConsidered;

  // Scratch: camera id lists and stamps per footprint.
  const inS = new Int32Array(m).fill(-1);
  const inN = new Int32Array(m).fill(-1);
  const idsSN = new Uint32Array(m);
  const idsN = new Uint32Array(m);
  let stamp = 0;
  const cache = new Map<string, number>();
  let workFootprints = 0;
  let workCalls = 0;
  const fpIndex = engine.fpIndex;
  const fpCamera = engine.fpCamera;
  const nbStart = engine.nbStart;
  const nbList = engine.nbList;
  const lostFor = (t: SpofTable, i: number): number => {
    const from = t.cutStart[i];
    const to = t.cutStart[i + 1];
    if (from === to) return 0;
    let key = '';
    for (let p = from; p < to; p++) key += t.cutNodes[p] + ',';
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    stamp++;
    let ns = 0;
    for (let p = from; p < to; p++) {
      const v = t.cutNodes[p];
      for (let q = network.nodeCameraStart[v]; q < network.nodeCameraStart[v + 1]; q++) {
        const k = fpIndex[network.nodeCameraIds[q]];
        if (k < 0) continue;
        inS[k] = stamp;
        idsSN[ns++] = fpCamera[k];
      }
    }
    let lost: number;
    if (ns === 0) lost = 0;
    else if (ns === m) lost = full.coveredArea;
    else {
      const sCount = ns;
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
      workFootprints += ns + nn;
      workCalls += nn > 0 ? 2 : 1;
      const d = engine.area(idsSN, ns) - engine.area(idsN, nn);
      lost = d > 0 ? d : 0;
    }
    cache.set(key, lost);
    return lost;
  };
  const N = network.numNodes;
  const nodeAreaLost = new Float64Array(N);
  for (let v = 0; v < N; v++) nodeAreaLost[v] = lostFor(spof.nodes, v);
  let linkAreaLost: Float64Array | null = null;
  if (spof.links !== null) {
    linkAreaLost = new Float64Array(network.numLinks);
    for (let l = 0; l < network.numLinks; l++) linkAreaLost[l] = lostFor(spof.links, l);
  }
  const order = Array.from({ length: N }, (_, i) => i);
  const cut = spof.nodes.camerasCut;
  order.sort((a, b) => nodeAreaLost[b] - nodeAreaLost[a] || cut[b] - cut[a] || a - b);
  const top: SpofAreaRow[] = [];
  for (let k = 0; k < Math.min(spof.params.top, N); k++) {
    const v = order[k];
    top.push({
      node: v,
      key: network.nodeKeys[v],
      kind: NODE_KINDS[network.nodeKind[v]],
      camerasCut: cut[v],
      liveCut: spof.nodes.liveCut[v],
      liveServedLost: spof.nodes.liveServedLost[v],
      areaLost: nodeAreaLost[v],
      areaLostShare: full.coveredArea > 0 ? nodeAreaLost[v] / full.coveredArea : 0,
    });
  }
  return {
    params: { watchers, coverage: full.params, distinctCameraSets: cache.size },
    work: { footprints: workFootprints, calls: workCalls, consideredFootprints: m },
    spof,
    coveredArea: full.coveredArea,
    studyArea: full.studyArea,
    nodeAreaLost,
    linkAreaLost,
    rankedByArea: Uint32Array.from(order),
    top,
  };
}

/** Options of {@link coverageUnderFault}. */
export interface FaultCoverageRequest extends FaultLiveOptions {
  /** Study area etc., as computeCoverage (no availability). */
  coverage: FaultCoverageOptions;
  /** Also compute live coverage: live cameras up whose node has a working path (default false; one more computeCoverage). */
  live?: boolean;
}

/** Result of {@link coverageUnderFault}. */
export interface FaultCoverage {
  /** Coverage by the cameras that are up (node and link outages do not change it). */
  coverage: CoverageResult;
  camerasUp: number;
  /** Coverage by live cameras that are up and reached, or null. */
  liveCoverage: CoverageResult | null;
  liveCamerasWatching: number | null;
  scenario: FaultScenario['provenance'];
}

/** Camera ids with flag 1. */
function idsWhere(flags: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  const out = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1) out[n++] = i;
  return out;
}

/**
 * Coverage under a fault scenario (targeted damage, a trial, a named
 * scenario): computeCoverage on the cameras that are up.
 *
 * @param network - the network
 * @param scenario - the scenario (from applyTargetedDamage, createFaultScenario, sampleOutageScenario)
 * @param options - coverage (required: study area etc.), live (false), centreKinds
 * @returns coverage by the cameras up, and live coverage when asked
 * @throws {InvalidInputError} on a bad network, scenario or coverage options
 * @example
 * const s = applyTargetedDamage(net, { randomUnits: 766, randomCameras: 493, seed: 2022 });
 * coverageUnderFault(net, s, { coverage: { city } }).coverage.coveredFraction
 *
 * Complexity: one computeCoverage on the cameras up, plus O(cameras) to select them
 * (and a second computeCoverage with `live`).
 */
export function coverageUnderFault(network: CommandNetwork, scenario: FaultScenario, options: FaultCoverageRequest): FaultCoverage {
  const origin = 'coverageUnderFault';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const s = checkScenario(origin, network, scenario);
  const cov = checkCoverageOptions(origin, options.coverage);
  const live = options.live ?? false;
  if (typeof live !== 'boolean') throw new InvalidInputError(origin, 'options.live', 'must be a boolean', live);
  const p = resolveLiveOptions(origin, options);
  const up = idsWhere(s.cameraUp);
  const cams = up.length === network.numCameras ? network.cameras : network.cameras.subset(up);
  const coverage = computeCoverage(cams, cov);
  let liveCoverage: CoverageResult | null = null;
  let liveCamerasWatching: number | null = null;
  if (live) {
    const r = routeToCentres(network, centreFlags(network, p.centreKinds), s.nodeUp, s.linkUp, createRouting(network));
    const flags = new Uint8Array(network.numCameras);
    for (let c = 0; c < network.numCameras; c++) if (s.cameraUp[c] === 1 && network.cameraLive[c] === 1 && r.hops[network.cameraNode[c]] >= 0) flags[c] = 1;
    const ids = idsWhere(flags);
    liveCamerasWatching = ids.length;
    liveCoverage = computeCoverage(network.cameras.subset(ids), cov);
  }
  return { coverage, camerasUp: up.length, liveCoverage, liveCamerasWatching, scenario: s.provenance };
}

/** Options of {@link expectedCoverageUnderOutages}. */
export interface ExpectedOutageCoverageOptions extends FaultLiveOptions {
  coverage: FaultCoverageOptions;
  /** Probability each camera is up (own power, faults): one number or one per camera (default 1). */
  cameraAvailability?: number | ArrayLike<number>;
  /** Probability per district (one number, or per districtId) that it loses power; darkens the cameras of its nodes (default 0). */
  districtBlackout?: number | Readonly<Record<string, number>>;
  /**
   * Live coverage: only live cameras, each weighted also by the probability
   * that its route to the centre is up (product of the availabilities of the
   * nodes and links on its route). Default false (area coverage: paths do not matter).
   */
  live?: boolean;
}

/** Result of {@link expectedCoverageUnderOutages}. */
export interface ExpectedOutageCoverage {
  /** computeCoverage with the per-camera weights: covered area is an expectation. */
  coverage: CoverageResult;
  /** Per camera: the weight used (probability it watches). */
  weights: Float64Array;
  /** `exact` when only independent camera-level outages are modelled; otherwise `upper-bound` (see the docs). */
  exactness: 'exact' | 'upper-bound';
  params: { live: boolean; cameraAvailability: number | 'per-camera'; districtBlackout: Record<string, number> };
}

/**
 * Expected coverage under independent outages, exactly, from the coverage
 * engine's availability weights (not from trials).
 *
 * Each camera gets weight w = a (its own availability) × (1 − q) (q: the
 * blackout probability of its node's district) × (with `live`) the
 * probability that every node and link on its route is up.
 *
 * Exactness: the weights treat cameras as independent. That is exact for
 * camera-level outages only. District blackouts and node/link outages are
 * shared by all cameras of a district or a node, which makes their states
 * positively correlated; by the Harris–FKG inequality the probability that
 * all the cameras watching a point are down is then at least the product of
 * their down-probabilities, so the weighted result is an UPPER BOUND on the
 * true expectation (`exactness: 'upper-bound'`). For node-level effects use
 * {@link simulateOutageCoverage}. On a network with redundant links the route
 * probability is that of the baseline route only (alternative routes are
 * ignored: a lower bound on the path's availability).
 *
 * @param network - the network
 * @param options - coverage (required), cameraAvailability (1), districtBlackout (0), live (false), centreKinds
 * @returns the weighted coverage, the weights and whether the result is exact
 * @throws {InvalidInputError} on bad options; NotFoundError for an unknown district id
 * @example
 * expectedCoverageUnderOutages(net, { coverage: { city }, cameraAvailability: 0.95 }).coverage.coveredFraction
 *
 * Complexity: one computeCoverage with weights, plus O(nodes + links + cameras).
 */
export function expectedCoverageUnderOutages(network: CommandNetwork, options: ExpectedOutageCoverageOptions): ExpectedOutageCoverage {
  const origin = 'expectedCoverageUnderOutages';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const live = options.live ?? false;
  if (typeof live !== 'boolean') throw new InvalidInputError(origin, 'options.live', 'must be a boolean', live);
  const p = resolveLiveOptions(origin, options);
  const C = network.numCameras;
  const w = new Float64Array(C);
  const ca = options.cameraAvailability ?? 1;
  let caParam: number | 'per-camera';
  if (typeof ca === 'number') {
    if (!(ca >= 0 && ca <= 1)) throw new InvalidInputError(origin, 'options.cameraAvailability', 'must be a probability in [0, 1]', ca);
    w.fill(ca);
    caParam = ca;
  } else if (typeof ca === 'object' && ca !== null && typeof ca.length === 'number') {
    if (ca.length !== C) throw new InvalidInputError(origin, 'options.cameraAvailability.length', `must equal the number of cameras (${C})`, ca.length);
    for (let c = 0; c < C; c++) {
      const a = ca[c];
      if (typeof a !== 'number' || !(a >= 0 && a <= 1)) throw new InvalidInputError(origin, `options.cameraAvailability[${c}]`, 'must be a probability in [0, 1]', a);
      w[c] = a;
    }
    caParam = 'per-camera';
  } else throw new InvalidInputError(origin, 'options.cameraAvailability', 'must be a probability or an array with one per camera', ca);
  // District blackouts (per node).
  const districts = networkDistricts(network);
  const q = new Float64Array(districts.length);
  const db = options.districtBlackout ?? 0;
  if (typeof db === 'number') {
    if (!(db >= 0 && db <= 1)) throw new InvalidInputError(origin, 'options.districtBlackout', 'must be a probability in [0, 1]', db);
    q.fill(db);
  } else if (typeof db === 'object' && db !== null && !Array.isArray(db)) {
    for (const [id, v] of Object.entries(db)) {
      const k = districts.indexOf(id);
      if (k < 0) throw new InvalidInputError(origin, `options.districtBlackout[${JSON.stringify(id)}]`, `must name the districtId of a node (known: ${districts.join(', ') || 'none'})`, id);
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new InvalidInputError(origin, `options.districtBlackout[${JSON.stringify(id)}]`, 'must be a probability in [0, 1]', v);
      q[k] = v;
    }
  } else throw new InvalidInputError(origin, 'options.districtBlackout', 'must be a probability or an object { districtId: probability }', db);
  const nd = nodeDistrictIndex(network, districts);
  const N = network.numNodes;
  const nodeW = new Float64Array(N).fill(1);
  let correlated = false;
  for (let v = 0; v < N; v++) {
    if (nd[v] >= 0 && q[nd[v]] > 0) {
      nodeW[v] = 1 - q[nd[v]];
      correlated = true;
    }
  }
  if (live) {
    // Probability the baseline route is up: in BFS order parents come first.
    const r = routeToCentres(network, centreFlags(network, p.centreKinds), null, null, createRouting(network));
    const pathP = new Float64Array(N);
    for (let k = 0; k < r.numReached; k++) {
      const v = r.order[k];
      const l = r.nextLink[v];
      pathP[v] = network.nodeAvailability[v] * (l < 0 ? 1 : network.linkAvailability[l] * pathP[network.linkTarget[l]]);
    }
    for (let v = 0; v < N; v++) {
      if (pathP[v] < 1) correlated = true;
      nodeW[v] *= pathP[v];
    }
    for (let c = 0; c < C; c++) w[c] = network.cameraLive[c] === 1 ? w[c] * nodeW[network.cameraNode[c]] : 0;
  } else {
    for (let c = 0; c < C; c++) w[c] *= nodeW[network.cameraNode[c]];
  }
  const coverage = computeCoverage(network.cameras, { ...cov, availability: w });
  const districtBlackout: Record<string, number> = {};
  districts.forEach((d, k) => {
    if (q[k] > 0) districtBlackout[d] = q[k];
  });
  return { coverage, weights: w, exactness: correlated ? 'upper-bound' : 'exact', params: { live, cameraAvailability: caParam, districtBlackout } };
}

function sameIds(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Options of {@link simulateOutageCoverage}. */
export interface OutageCoverageOptions extends OutageSimulationOptions {
  coverage: FaultCoverageOptions;
  /** Trials to compute coverage for (the first ones of simulateOutages; integer in [1, 1000], default 5). */
  coverageTrials?: number;
  /** Live coverage (live cameras up and reached) instead of area coverage (default false). */
  live?: boolean;
}

/** Result of {@link simulateOutageCoverage}. */
export interface OutageCoverage {
  /** Covered area per trial, m² (trial t at index t). */
  coveredArea: Float64Array;
  coveredFraction: Float64Array;
  /** Distribution of the covered fraction over the trials. */
  coveredFractionSummary: TrialSummary;
  /** Trials whose camera set was the same as a previous one (coverage reused, not recomputed). */
  reused: number;
  params: { coverageTrials: number; live: boolean; seed: string; coverage: CoverageResult['params'] | null };
}

/**
 * Coverage over the first few outage trials of {@link simulateOutages} (same
 * options and seed → the same trials): a distribution, for when the exact
 * expectation of {@link expectedCoverageUnderOutages} is not enough (node-level
 * and district correlations, spread). Each trial is one computeCoverage; a
 * trial whose set of watching cameras is unchanged from the all-up state
 * reuses its coverage.
 *
 * @param network - the network
 * @param options - coverage (required), coverageTrials (5), live (false), and
 *   the simulateOutages options (seed, districtBlackout, cameraAvailability, …)
 * @returns covered area and fraction per trial and their summary
 * @throws {InvalidInputError} on bad options
 * @example
 * simulateOutageCoverage(net, { coverage: { city }, districtBlackout: 0.05, coverageTrials: 10 }).coveredFractionSummary
 *
 * Complexity: up to coverageTrials computeCoverage calls.
 */
export function simulateOutageCoverage(network: CommandNetwork, options: OutageCoverageOptions): OutageCoverage {
  const origin = 'simulateOutageCoverage';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const T = options.coverageTrials ?? 5;
  if (!Number.isInteger(T) || T < 1 || T > 1000) throw new InvalidInputError(origin, 'options.coverageTrials', 'must be an integer in [1, 1000]', T);
  const live = options.live ?? false;
  if (typeof live !== 'boolean') throw new InvalidInputError(origin, 'options.live', 'must be a boolean', live);
  const p = resolveLiveOptions(origin, options);
  const summary = resolveSummaryOptions(origin, { ...options, seed: options.seed ?? 1 });
  const centres = centreFlags(network, p.centreKinds);
  const routing = createRouting(network);
  const coveredArea = new Float64Array(T);
  const coveredFraction = new Float64Array(T);
  const seen = new Map<string, { ids: Uint32Array; result: CoverageResult }[]>();
  let reused = 0;
  let params: CoverageResult['params'] | null = null;
  let seed = '';
  for (let t = 0; t < T; t++) {
    const s = sampleOutageScenario(network, options, t);
    seed = s.provenance.seed ?? '';
    let flags = s.cameraUp;
    if (live) {
      routeToCentres(network, centres, s.nodeUp, s.linkUp, routing);
      flags = new Uint8Array(network.numCameras);
      for (let c = 0; c < network.numCameras; c++) if (s.cameraUp[c] === 1 && network.cameraLive[c] === 1 && routing.hops[network.cameraNode[c]] >= 0) flags[c] = 1;
    }
    const ids = idsWhere(flags);
    // Key: a cheap fingerprint of the set (count and a rolling hash of ids).
    let h = 0;
    for (let i = 0; i < ids.length; i++) h = (Math.imul(h, 31) + ids[i]) | 0;
    const key = `${ids.length}:${h}`;
    const bucket = seen.get(key) ?? [];
    let r: CoverageResult | undefined;
    for (const e of bucket) if (sameIds(e.ids, ids)) r = e.result;
    if (r === undefined) {
      r = computeCoverage(ids.length === network.numCameras ? network.cameras : network.cameras.subset(ids), cov);
      bucket.push({ ids, result: r });
      seen.set(key, bucket);
    } else reused++;
    params = r.params;
    coveredArea[t] = r.coveredArea;
    coveredFraction[t] = r.coveredFraction;
  }
  return {
    coveredArea,
    coveredFraction,
    coveredFractionSummary: summariseResolved(coveredFraction, summary, 'coveredFraction'),
    reused,
    params: { coverageTrials: T, live, seed, coverage: params },
  };
}

/** Options of {@link simulateDamageCoverage}. */
export interface DamageCoverageOptions extends DamageSimulationOptions {
  coverage: FaultCoverageOptions;
  /** Damage draws to compute coverage for (the first trials of simulateTargetedDamage; integer in [1, 1000], default 5). */
  coverageTrials?: number;
}

/**
 * Coverage under the first few random damage draws of
 * `simulateTargetedDamage` (same options and seed → the same draws): covered
 * area per draw and its distribution. One computeCoverage per draw.
 *
 * @param network - the network
 * @param options - coverage (required), coverageTrials (5), and the simulateTargetedDamage options
 * @returns covered area and fraction per draw, their summary, the params
 * @throws {InvalidInputError} on bad options
 * @example
 * simulateDamageCoverage(net, { coverage: { city }, randomUnits: 766, randomCameras: 493, seed: 2022 }).coveredFractionSummary
 *
 * Complexity: coverageTrials × (one computeCoverage + O(nodes + cameras)).
 */
export function simulateDamageCoverage(network: CommandNetwork, options: DamageCoverageOptions): OutageCoverage {
  const origin = 'simulateDamageCoverage';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const T = options.coverageTrials ?? 5;
  if (!Number.isInteger(T) || T < 1 || T > 1000) throw new InvalidInputError(origin, 'options.coverageTrials', 'must be an integer in [1, 1000]', T);
  const rng = toRng(options.seed ?? 1, origin);
  const summary = resolveSummaryOptions(origin, { ...options, seed: rng });
  const coveredArea = new Float64Array(T);
  const coveredFraction = new Float64Array(T);
  let params: CoverageResult['params'] | null = null;
  for (let t = 0; t < T; t++) {
    const s = applyTargetedDamage(network, { ...options, seed: rng.stream(`damage/${t}`) });
    const ids = idsWhere(s.cameraUp);
    const r = computeCoverage(ids.length === network.numCameras ? network.cameras : network.cameras.subset(ids), cov);
    params = r.params;
    coveredArea[t] = r.coveredArea;
    coveredFraction[t] = r.coveredFraction;
  }
  return {
    coveredArea,
    coveredFraction,
    coveredFractionSummary: summariseResolved(coveredFraction, summary, 'coveredFraction'),
    reused: 0,
    params: { coverageTrials: T, live: false, seed: rng.seed, coverage: params },
  };
}
