/**
 * The hierarchical builder: cameras → aggregation points → district hubs →
 * city command centre(s) → national platform, as a {@link CommandNetwork}.
 *
 * Steps:
 * 1. **Aggregation points** where the cameras are: the cameras are split
 *    recursively at the median of the longer side of their bounding box
 *    (a k-d split) until every group holds at most `camerasPerAggregation`
 *    cameras; each group's centroid is a point. Groups therefore hold between
 *    about half and all of `camerasPerAggregation` cameras; deterministic.
 * 2. **Cameras → points**: every camera, in id order, goes to the nearest
 *    point that has fewer than `maxCamerasPerAggregation` cameras (overflow
 *    goes to the next nearest; never dropped).
 * 3. **Points → district hubs**: one hub per `city.districts` entry, placed at
 *    the camera-weighted centroid of its points (the district's bounding-box
 *    centre when it has none); a point outside every district joins the
 *    nearest hub. A city without districts gets one hub.
 * 4. **Hubs → centres**: `numCentres` city command centres (one: at the
 *    camera-weighted centroid of the hubs; several: seeded weighted k-means++
 *    over the hubs, or `centres` positions given). Each hub links to its
 *    `hubUplinks` nearest centres (more than 1 = redundant links, a DAG).
 * 5. **Centres → national platform** (optional).
 *
 * Link kinds of the aggregation uplinks follow `aggregationLinkMix` in exact
 * proportions (largest remainder), assigned to points by a seeded shuffle.
 * Latency = per-kind base + distance × propagation delay in fibre.
 */
import { type CameraSet } from '../cameras/index.js';
import { type City } from '../city/index.js';
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys, withNestedOptions } from '../core/internal.js';
import { multiPolygonBounds, PolygonLocator } from '../geo/index.js';
import {
  createCommandNetwork,
  createNetworkGraph,
  LINK_KINDS,
  NODE_KINDS,
  type CommandNetwork,
  type LinkKind,
  type NodeKind,
} from './command-network.js';
import { STREAM_OPTION_KEYS, type StreamOptions } from './streams.js';

/** Options of {@link buildHierarchicalNetwork}. Every field is optional; see {@link NETWORK_BUILD_DEFAULTS}. */
export interface HierarchicalNetworkOptions {
  /** Seed (or stream) of the random choices (link kinds, k-means++ seeding); default 1. */
  seed?: Seed | Rng;
  /** Largest group of the k-d split, i.e. the target cameras per aggregation point (integer ≥ 1). */
  camerasPerAggregation?: number;
  /** Capacity of an aggregation point, cameras (integer ≥ camerasPerAggregation). */
  maxCamerasPerAggregation?: number;
  /** Number of city command centres (integer ≥ 1); ignored when `centres` is given. */
  numCentres?: number;
  /** Explicit centre positions, metres. */
  centres?: readonly { x: number; y: number }[];
  /** Each hub links to this many nearest centres (integer in [1, number of centres]). */
  hubUplinks?: number;
  /** National platform: a position in metres, `null` for none, default co-located with the first centre. */
  national?: { x: number; y: number } | null;
  /** National platform as [lon, lat] (WGS84), projected with `city.projection`; wins over `national`. */
  nationalLonLat?: readonly [number, number];
  /** Total live face-recognition streams at the centres (split evenly), or `'auto'` = the number of live face cameras. */
  analyticsStreams?: number | 'auto';
  /** Analytics streams at the national platform (integer ≥ 0). */
  nationalAnalyticsStreams?: number;
  /** Share of aggregation uplinks by kind (each ≥ 0, sum > 0). */
  aggregationLinkMix?: Partial<Record<LinkKind, number>>;
  /** Capacity of an aggregation uplink by kind, Mbit/s (> 0). */
  aggregationUplinkMbps?: Partial<Record<LinkKind, number>>;
  /** Capacity of a hub → centre link (fibre), Mbit/s (> 0). */
  hubUplinkMbps?: number;
  /** Capacity of a centre → national link (fibre), Mbit/s (> 0). */
  centreUplinkMbps?: number;
  /** Base latency per link kind, ms (≥ 0). */
  baseLatencyMs?: Partial<Record<LinkKind, number>>;
  /** Propagation delay per km, ms (≥ 0), added to every link by its length. */
  latencyMsPerKm?: number;
  /** Availability per node kind, [0, 1]. */
  nodeAvailability?: Partial<Record<NodeKind, number>>;
  /** Availability per link kind, [0, 1]. */
  linkAvailability?: Partial<Record<LinkKind, number>>;
  /** Aggregation storage is sized for this many days of its cameras' video (≥ 0). */
  aggregationStorageDays?: number;
  /** Centre storage is sized for this many days of the live streams (≥ 0). */
  centreStorageDays?: number;
  /** Fixed storage of a district hub, TB (≥ 0). */
  hubStorageTB?: number;
  /** Fixed storage of the national platform, TB (≥ 0). */
  nationalStorageTB?: number;
  /** Stream model (frame rate, codec). */
  stream?: StreamOptions;
  /** Live flag per camera (default `cameras.live`). */
  cameraLive?: ArrayLike<number> | readonly boolean[];
}

/**
 * Largest counts and shares {@link buildHierarchicalNetwork} accepts (the
 * scenario schema uses the same limits). A bigger value is refused with an
 * InvalidInputError naming the option, never left to overflow a loop or a
 * 32-bit column.
 */
export const NETWORK_BUILD_LIMITS = {
  /** City command centres (`numCentres`, `centres.length`, `hubUplinks`): the scenario schema's cap. */
  numCentres: 1_000,
  /** Cameras per aggregation point (`camerasPerAggregation`, `maxCamerasPerAggregation`). */
  camerasPerAggregation: 10_000_000,
  /** Live analytics streams at the centres or the national platform (a Uint32 column). */
  analyticsStreams: 4_294_967_295,
  /** Each share of `aggregationLinkMix` (shares are relative weights: 0.8, 80 or 800 say the same). */
  linkShare: 1_000_000,
  /** Days of video kept at aggregation points and centres: a century (above it the storage figures overflow nothing useful). */
  storageDays: 36_500,
  /** Milliseconds of latency, per link or per km: a day. */
  latencyMs: 86_400_000,
} as const;

/**
 * Defaults of {@link buildHierarchicalNetwork}. Every value is an ASSUMPTION
 * (no sourced figure exists for these parts of the Almaty or Astana systems)
 * unless its comment names a source.
 */
export const NETWORK_BUILD_DEFAULTS = {
  seed: 1,
  /** Assumption: about 100 cameras per aggregation point (a street cabinet / district NVR). */
  camerasPerAggregation: 100,
  /** Assumption: a point takes up to 1.5× its target before overflowing to the next nearest. */
  maxCamerasPerAggregation: 150,
  /** Assumption: one city command centre. */
  numCentres: 1,
  /** No redundant hub uplinks. */
  hubUplinks: 1,
  /** Assumption: sized to demand (every live face-recognition camera gets a slot). */
  analyticsStreams: 'auto' as number | 'auto',
  /** Assumption: the national platform runs no live face recognition for city streams. */
  nationalAnalyticsStreams: 0,
  /** Assumption: 80% of aggregation points on fibre, 15% on LTE, 5% on point-to-point radio. */
  aggregationLinkMix: { fibre: 0.8, lte: 0.15, radio: 0.05 } as Record<LinkKind, number>,
  /**
   * Assumption: 1 Gbit/s fibre (Gigabit Ethernet), 50 Mbit/s LTE uplink (a
   * good LTE Cat-6-class uplink; real cell uplinks are often lower), 300 Mbit/s
   * licensed point-to-point radio.
   */
  aggregationUplinkMbps: { fibre: 1000, lte: 50, radio: 300 } as Record<LinkKind, number>,
  /**
   * Assumption: 100 Gbit/s fibre (100 Gigabit Ethernet) from a district hub to
   * a centre; a district's live streams at the default stream model add up to
   * tens of Gbit/s.
   */
  hubUplinkMbps: 100_000,
  /** Assumption: 10 Gbit/s fibre from a centre to the national platform. */
  centreUplinkMbps: 10_000,
  /** Assumption: switching/queueing base latency per hop: fibre 0.5 ms, LTE 20 ms, radio 2 ms. */
  baseLatencyMs: { fibre: 0.5, lte: 20, radio: 2 } as Record<LinkKind, number>,
  /**
   * Light in silica fibre travels at c / n with n ≈ 1.47, about 204,000 km/s,
   * i.e. 0.0049 ms per km (physics; used for every kind as the straight-line
   * path length lower bound).
   */
  latencyMsPerKm: 0.0049,
  /** Assumption: aggregation 99.5% (street power), hub 99.9%, centre and national 99.95% (backup power). */
  nodeAvailability: { aggregation: 0.995, 'district-hub': 0.999, 'city-centre': 0.9995, national: 0.9995 } as Record<NodeKind, number>,
  /** Assumption: fibre 99.9%, LTE 99% (weak signal, congestion), radio 99.5%. */
  linkAvailability: { fibre: 0.999, lte: 0.99, radio: 0.995 } as Record<LinkKind, number>,
  /** Assumption: recorders at aggregation points hold 30 days of all their cameras' video. */
  aggregationStorageDays: 30,
  /** Assumption: the centre archives 30 days of the live streams. */
  centreStorageDays: 30,
  /** Assumption: a hub stores 100 TB. */
  hubStorageTB: 100,
  /** Assumption: the national platform stores 1,000 TB. */
  nationalStorageTB: 1000,
} as const;

/** The options buildHierarchicalNetwork (and the network presets' overrides) know (unknown options are refused). */
export const HIERARCHICAL_NETWORK_OPTION_KEYS = withNestedOptions(optionKeys<HierarchicalNetworkOptions>()(NETWORK_BUILD_DEFAULTS, ['centres', 'national', 'nationalLonLat', 'stream', 'cameraLive']), { stream: STREAM_OPTION_KEYS });

interface Resolved {
  seed: Seed | Rng;
  camerasPerAggregation: number;
  maxCamerasPerAggregation: number;
  numCentres: number;
  centres: { x: number; y: number }[] | null;
  hubUplinks: number;
  national: { x: number; y: number } | null;
  /** True when the national platform goes next to the first centre (no position given). */
  nationalDefault: boolean;
  analyticsStreams: number | 'auto';
  nationalAnalyticsStreams: number;
  aggregationLinkMix: Record<LinkKind, number>;
  aggregationUplinkMbps: Record<LinkKind, number>;
  hubUplinkMbps: number;
  centreUplinkMbps: number;
  baseLatencyMs: Record<LinkKind, number>;
  latencyMsPerKm: number;
  nodeAvailability: Record<NodeKind, number>;
  linkAvailability: Record<LinkKind, number>;
  aggregationStorageDays: number;
  centreStorageDays: number;
  hubStorageTB: number;
  nationalStorageTB: number;
}

const ORIGIN = 'buildHierarchicalNetwork';

function num(field: string, v: unknown, check: 'pos' | 'nonneg' | 'prob'): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidInputError(ORIGIN, field, 'must be a finite number', v);
  if (check === 'pos' && v <= 0) throw new InvalidInputError(ORIGIN, field, 'must be a finite number > 0', v);
  if (check === 'nonneg' && v < 0) throw new InvalidInputError(ORIGIN, field, 'must be a finite number >= 0', v);
  if (check === 'prob' && !(v >= 0 && v <= 1)) throw new InvalidInputError(ORIGIN, field, 'must be a probability in [0, 1]', v);
  return v;
}
function int(field: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new InvalidInputError(ORIGIN, field, `must be an integer >= ${min}`, v);
  if (v > max) throw new InvalidInputError(ORIGIN, field, `must be at most ${formatCount(max)} (NETWORK_BUILD_LIMITS)`, v);
  return v;
}
function atMost(field: string, v: number, max: number): number {
  if (v > max) throw new InvalidInputError(ORIGIN, field, `must be at most ${formatCount(max)} (NETWORK_BUILD_LIMITS)`, v);
  return v;
}
function formatCount(v: number): string {
  return v.toLocaleString('en-US');
}
function record<K extends string>(field: string, v: unknown, defaults: Record<K, number>, keys: readonly K[], check: 'pos' | 'nonneg' | 'prob', max = Infinity): Record<K, number> {
  if (v === undefined) return { ...defaults };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidInputError(ORIGIN, field, 'must be an object', v);
  for (const k of Object.keys(v)) if (!(keys as readonly string[]).includes(k)) throw new InvalidInputError(ORIGIN, `${field}.${k}`, `is not a known key (${keys.join(', ')})`, (v as Record<string, unknown>)[k]);
  const out = { ...defaults };
  for (const k of keys) {
    const value = (v as Record<string, unknown>)[k];
    if (value === undefined) continue;
    out[k] = num(`${field}.${k}`, value, check);
    if (out[k] > max) throw new InvalidInputError(ORIGIN, `${field}.${k}`, `must be at most ${formatCount(max)}`, value);
  }
  return out;
}
function point(field: string, v: unknown): { x: number; y: number } {
  if (typeof v !== 'object' || v === null) throw new InvalidInputError(ORIGIN, field, 'must be { x, y } in metres', v);
  const p = v as { x: unknown; y: unknown };
  if (typeof p.x !== 'number' || !Number.isFinite(p.x)) throw new InvalidInputError(ORIGIN, `${field}.x`, 'must be a finite number (metres)', p.x);
  if (typeof p.y !== 'number' || !Number.isFinite(p.y)) throw new InvalidInputError(ORIGIN, `${field}.y`, 'must be a finite number (metres)', p.y);
  return { x: p.x, y: p.y };
}

function resolveOptions(options: HierarchicalNetworkOptions | undefined, city: City): Resolved {
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const D = NETWORK_BUILD_DEFAULTS;
  const L = NETWORK_BUILD_LIMITS;
  const camerasPerAggregation = int('options.camerasPerAggregation', o.camerasPerAggregation ?? D.camerasPerAggregation, 1, L.camerasPerAggregation);
  const maxCamerasPerAggregation = int('options.maxCamerasPerAggregation', o.maxCamerasPerAggregation ?? Math.max(D.maxCamerasPerAggregation, camerasPerAggregation), 1, L.camerasPerAggregation);
  if (maxCamerasPerAggregation < camerasPerAggregation) {
    throw new InvalidInputError(ORIGIN, 'options.maxCamerasPerAggregation', `must be >= options.camerasPerAggregation (${camerasPerAggregation})`, maxCamerasPerAggregation);
  }
  let centres: { x: number; y: number }[] | null = null;
  if (o.centres !== undefined) {
    if (!Array.isArray(o.centres) || o.centres.length === 0) throw new InvalidInputError(ORIGIN, 'options.centres', 'must be a non-empty array of { x, y }', o.centres);
    if (o.centres.length > L.numCentres) throw new InvalidInputError(ORIGIN, 'options.centres.length', `must be at most ${formatCount(L.numCentres)}`, o.centres.length);
    centres = o.centres.map((p, k) => point(`options.centres[${k}]`, p));
  }
  const numCentres = centres ? centres.length : int('options.numCentres', o.numCentres ?? D.numCentres, 1, L.numCentres);
  const hubUplinks = int('options.hubUplinks', o.hubUplinks ?? D.hubUplinks, 1, L.numCentres);
  if (hubUplinks > numCentres) throw new InvalidInputError(ORIGIN, 'options.hubUplinks', `must be at most the number of centres (${numCentres})`, hubUplinks);
  let national: { x: number; y: number } | null | undefined = undefined;
  if (o.nationalLonLat !== undefined) {
    const ll = o.nationalLonLat;
    if (!Array.isArray(ll) || ll.length !== 2) throw new InvalidInputError(ORIGIN, 'options.nationalLonLat', 'must be [lon, lat]', ll);
    if (!city.projection) throw new InvalidInputError(ORIGIN, 'city.projection', 'must be set to place the national platform by options.nationalLonLat', null);
    const [x, y] = city.projection.forward(ll[0], ll[1]);
    national = { x, y };
  } else if (o.national === null) national = null;
  else if (o.national !== undefined) national = point('options.national', o.national);
  const a = o.analyticsStreams ?? D.analyticsStreams;
  const analyticsStreams = a === 'auto' ? 'auto' : int('options.analyticsStreams', a, 0, L.analyticsStreams);
  const mix = record('options.aggregationLinkMix', o.aggregationLinkMix, D.aggregationLinkMix, LINK_KINDS, 'nonneg', L.linkShare);
  if (mix.fibre + mix.lte + mix.radio <= 0) throw new InvalidInputError(ORIGIN, 'options.aggregationLinkMix', 'must have a positive share', o.aggregationLinkMix);
  const seed = o.seed ?? D.seed;
  toRng(seed, ORIGIN, 'options.seed'); // checks it: a string, a finite number or an Rng
  return {
    seed,
    camerasPerAggregation,
    maxCamerasPerAggregation,
    numCentres,
    centres,
    hubUplinks,
    national: national ?? null,
    nationalDefault: national === undefined,
    analyticsStreams,
    nationalAnalyticsStreams: int('options.nationalAnalyticsStreams', o.nationalAnalyticsStreams ?? D.nationalAnalyticsStreams, 0, L.analyticsStreams),
    aggregationLinkMix: mix,
    aggregationUplinkMbps: record('options.aggregationUplinkMbps', o.aggregationUplinkMbps, D.aggregationUplinkMbps, LINK_KINDS, 'pos'),
    hubUplinkMbps: num('options.hubUplinkMbps', o.hubUplinkMbps ?? D.hubUplinkMbps, 'pos'),
    centreUplinkMbps: num('options.centreUplinkMbps', o.centreUplinkMbps ?? D.centreUplinkMbps, 'pos'),
    baseLatencyMs: record('options.baseLatencyMs', o.baseLatencyMs, D.baseLatencyMs, LINK_KINDS, 'nonneg', L.latencyMs),
    latencyMsPerKm: atMost('options.latencyMsPerKm', num('options.latencyMsPerKm', o.latencyMsPerKm ?? D.latencyMsPerKm, 'nonneg'), L.latencyMs),
    nodeAvailability: record('options.nodeAvailability', o.nodeAvailability, D.nodeAvailability, NODE_KINDS, 'prob'),
    linkAvailability: record('options.linkAvailability', o.linkAvailability, D.linkAvailability, LINK_KINDS, 'prob'),
    aggregationStorageDays: atMost('options.aggregationStorageDays', num('options.aggregationStorageDays', o.aggregationStorageDays ?? D.aggregationStorageDays, 'nonneg'), L.storageDays),
    centreStorageDays: atMost('options.centreStorageDays', num('options.centreStorageDays', o.centreStorageDays ?? D.centreStorageDays, 'nonneg'), L.storageDays),
    hubStorageTB: num('options.hubStorageTB', o.hubStorageTB ?? D.hubStorageTB, 'nonneg'),
    nationalStorageTB: num('options.nationalStorageTB', o.nationalStorageTB ?? D.nationalStorageTB, 'nonneg'),
  };
}

/**
 * Quickselect on [lo, hi) of the k-d arrays: afterwards position k holds the k-th smallest key, with
 * no larger key before it and no smaller after it. `ids`, `kx` and `ky` are permuted together
 * (coordinates travel with their ids, so the scans stay sequential in memory).
 */
function quickselect(ids: Uint32Array, kx: Float64Array, ky: Float64Array, key: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const m = (l + r) >>> 1;
    const a = key[l];
    const b = key[m];
    const c = key[r];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b; // median of three
    let i = l;
    let j = r;
    while (i <= j) {
      while (key[i] < pivot) i++;
      while (key[j] > pivot) j--;
      if (i <= j) {
        const t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
        const tx = kx[i];
        kx[i] = kx[j];
        kx[j] = tx;
        const ty = ky[i];
        ky[i] = ky[j];
        ky[j] = ty;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/**
 * k-d split of points into groups of at most `maxSize`: a group larger than
 * that is cut at the median of the longer side of its bounding box.
 *
 * @param x - x coordinates (metres)
 * @param y - y coordinates (metres)
 * @param n - number of points
 * @param maxSize - largest group, integer ≥ 1
 * @returns `ids` (a permutation of 0 … n − 1) and `groupStart` (group g is
 *   `ids[groupStart[g]]` … `ids[groupStart[g + 1] − 1]`), groups in depth-first k-d order
 * @example kdGroups(cameras.x, cameras.y, cameras.numCameras, 100)
 *
 * Complexity: O(n log(n / maxSize)).
 */
export function kdGroups(x: Float64Array, y: Float64Array, n: number, maxSize: number): { ids: Uint32Array; groupStart: Uint32Array } {
  const ids = new Uint32Array(n);
  const kx = new Float64Array(n);
  const ky = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = i;
    kx[i] = x[i];
    ky[i] = y[i];
  }
  const starts: number[] = [];
  const stack: number[] = n > 0 ? [0, n] : [];
  // Depth-first, left part first: groups come out in spatial (k-d) order.
  while (stack.length > 0) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= maxSize) {
      starts.push(lo);
      continue;
    }
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let k = lo; k < hi; k++) {
      const px = kx[k];
      const py = ky[k];
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    const mid = (lo + hi) >>> 1;
    quickselect(ids, kx, ky, maxX - minX >= maxY - minY ? kx : ky, lo, hi, mid);
    stack.push(mid, hi, lo, mid);
  }
  const groupStart = new Uint32Array(starts.length + 1);
  for (let g = 0; g < starts.length; g++) groupStart[g] = starts[g];
  groupStart[starts.length] = n;
  return { ids, groupStart };
}

/**
 * Assigns points (cameras) in index order to the nearest site (aggregation
 * point) that holds fewer than `capacity` of them; ties go to the lower site
 * index. A uniform grid over the query bounding box (about one site per cell)
 * is searched ring by ring; the search stops once no unvisited ring can hold
 * a closer site.
 *
 * Every query must lie inside [minX, maxX] × [minY, maxY] (the grid box) and
 * sites × capacity must be at least the number of queries.
 * Complexity: about O(queries) when sites are spread like the queries.
 */
function assignNearestWithRoom(qx: Float64Array, qy: Float64Array, nq: number, sx: Float64Array, sy: Float64Array, ns: number, capacity: number, out: Uint32Array, load: Uint32Array): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < nq; i++) {
    if (qx[i] < minX) minX = qx[i];
    if (qx[i] > maxX) maxX = qx[i];
    if (qy[i] < minY) minY = qy[i];
    if (qy[i] > maxY) maxY = qy[i];
  }
  for (let g = 0; g < ns; g++) {
    if (sx[g] < minX) minX = sx[g];
    if (sx[g] > maxX) maxX = sx[g];
    if (sy[g] < minY) minY = sy[g];
    if (sy[g] > maxY) maxY = sy[g];
  }
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  let cell = Math.sqrt((w * h) / Math.max(1, ns));
  if (!(cell > 0)) cell = Math.max(w, h);
  const cols = Math.max(1, Math.min(4096, Math.ceil(w / cell)));
  const rows = Math.max(1, Math.min(4096, Math.ceil(h / cell)));
  const cw = w / cols;
  const ch = h / rows;
  const cellOf = (v: number, lo: number, size: number, count: number): number => {
    const c = Math.floor((v - lo) / size);
    return c < 0 ? 0 : c >= count ? count - 1 : c;
  };
  const start = new Uint32Array(cols * rows + 1);
  const siteCell = new Uint32Array(ns);
  for (let g = 0; g < ns; g++) {
    const c = cellOf(sy[g], minY, ch, rows) * cols + cellOf(sx[g], minX, cw, cols);
    siteCell[g] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const sites = new Uint32Array(ns);
  const fill = start.slice(0, cols * rows);
  for (let g = 0; g < ns; g++) sites[fill[siteCell[g]]++] = g; // ascending site index within a cell
  const step = Math.min(cw, ch);
  const maxRing = Math.max(cols, rows);
  for (let i = 0; i < nq; i++) {
    const x = qx[i];
    const y = qy[i];
    const ci = cellOf(x, minX, cw, cols);
    const cj = cellOf(y, minY, ch, rows);
    let best = -1;
    let bd = Infinity;
    for (let r = 0; r <= maxRing; r++) {
      const j0 = cj - r;
      const j1 = cj + r;
      for (let j = j0; j <= j1; j++) {
        if (j < 0 || j >= rows) continue;
        const edgeRow = j === j0 || j === j1;
        for (let k = ci - r; k <= ci + r; k += edgeRow || r === 0 ? 1 : 2 * r) {
          if (k < 0 || k >= cols) continue;
          const c = j * cols + k;
          for (let p = start[c]; p < start[c + 1]; p++) {
            const g = sites[p];
            if (load[g] >= capacity) continue;
            const dx = sx[g] - x;
            const dy = sy[g] - y;
            const d = dx * dx + dy * dy;
            if (d < bd || (d === bd && g < best)) {
              bd = d;
              best = g;
            }
          }
        }
      }
      // Any site in ring r + 1 or beyond is at least r · step away (the query lies in its own cell).
      if (best >= 0 && Math.sqrt(bd) <= r * step) break;
    }
    out[i] = best;
    load[best]++;
  }
}

function dist(ax: number, ay: number, bx: number, by: number): number {
  return Math.hypot(ax - bx, ay - by);
}

/** Seeded weighted k-means (k-means++ seeding, 25 Lloyd iterations) of a few points. */
function weightedKMeans(px: number[], py: number[], w: number[], k: number, rng: Rng): { x: number; y: number }[] {
  const n = px.length;
  const cx: number[] = [];
  const cy: number[] = [];
  if (n === 0) {
    for (let j = 0; j < k; j++) {
      cx.push(0);
      cy.push(0);
    }
  } else {
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i] + 1e-9;
    let u = rng.next() * total;
    let first = n - 1;
    for (let i = 0; i < n; i++) {
      u -= w[i] + 1e-9;
      if (u < 0) {
        first = i;
        break;
      }
    }
    cx.push(px[first]);
    cy.push(py[first]);
    const d2 = new Float64Array(n);
    while (cx.length < k) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        let best = Infinity;
        for (let j = 0; j < cx.length; j++) best = Math.min(best, (px[i] - cx[j]) ** 2 + (py[i] - cy[j]) ** 2);
        d2[i] = best * (w[i] + 1e-9);
        sum += d2[i];
      }
      let pick = n - 1;
      if (sum > 0) {
        let v = rng.next() * sum;
        for (let i = 0; i < n; i++) {
          v -= d2[i];
          if (v < 0) {
            pick = i;
            break;
          }
        }
      } else pick = rng.int(n);
      cx.push(px[pick] + cx.length * 1e-6); // distinct even when points coincide
      cy.push(py[pick]);
    }
    for (let it = 0; it < 25; it++) {
      const sx = new Array(k).fill(0);
      const sy = new Array(k).fill(0);
      const sw = new Array(k).fill(0);
      for (let i = 0; i < n; i++) {
        let bj = 0;
        let bd = Infinity;
        for (let j = 0; j < k; j++) {
          const d = (px[i] - cx[j]) ** 2 + (py[i] - cy[j]) ** 2;
          if (d < bd) {
            bd = d;
            bj = j;
          }
        }
        const wi = w[i] + 1e-9;
        sx[bj] += px[i] * wi;
        sy[bj] += py[i] * wi;
        sw[bj] += wi;
      }
      for (let j = 0; j < k; j++) {
        if (sw[j] > 0) {
          cx[j] = sx[j] / sw[j];
          cy[j] = sy[j] / sw[j];
        }
      }
    }
  }
  return cx.map((x, j) => ({ x, y: cy[j] }));
}

/**
 * Builds a hierarchical command network over a camera set in a city (see the
 * module comment for the steps and {@link NETWORK_BUILD_DEFAULTS} for the
 * defaults and their status as assumptions).
 *
 * Node keys: `agg-<g>` (aggregation points in k-d order), `hub-<districtId>`
 * (or `hub-0` without districts), `centre-<k>`, `national`. Link keys
 * `<child>-><parent>`. Node index order: aggregation points, hubs, centres,
 * national. Aggregation storage = its cameras' video × aggregationStorageDays;
 * centre storage = live video routed to it × centreStorageDays; centre
 * analytics = `analyticsStreams` split in proportion to the live
 * face-recognition cameras routed to each centre (largest remainder; evenly
 * when there are none).
 *
 * @param cameras - the cameras (not mutated)
 * @param city - the city (districts, projection for `nationalLonLat`)
 * @param options - see {@link HierarchicalNetworkOptions}
 * @returns a CommandNetwork whose provenance records the resolved options and the seed
 * @throws {InvalidInputError} on a bad option (naming it), e.g. a capacity ≤ 0 or an availability outside [0, 1]
 * @example
 * const { city, cameras } = createPreset('almaty');
 * const net = buildHierarchicalNetwork(cameras, city, almatyNetworkOptions());
 * net.numNodes // ≈ 1,300 aggregation points + 8 hubs + 1 centre + 1 national
 *
 * Complexity: O(C log C) for C cameras (k-d split, nearest-point search), plus
 * O(A · D) point-in-district tests for A points and D districts.
 */
export function buildHierarchicalNetwork(cameras: CameraSet, city: City, options?: HierarchicalNetworkOptions): CommandNetwork {
  checkOptions('buildHierarchicalNetwork', options, HIERARCHICAL_NETWORK_OPTION_KEYS);
  if (typeof cameras !== 'object' || cameras === null || !Number.isInteger(cameras.numCameras) || !(cameras.x instanceof Float64Array)) {
    throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet', cameras);
  }
  if (typeof city !== 'object' || city === null || !Array.isArray(city.districts)) throw new InvalidInputError(ORIGIN, 'city', 'must be a City', city);
  const r = resolveOptions(options, city);
  const rng = toRng(r.seed, ORIGIN, 'options.seed');
  const C = cameras.numCameras;
  const cx = cameras.x;
  const cy = cameras.y;

  // 1. aggregation points
  const { ids, groupStart } = kdGroups(cx, cy, C, r.camerasPerAggregation);
  const A = groupStart.length - 1;
  const ax = new Float64Array(A);
  const ay = new Float64Array(A);
  for (let g = 0; g < A; g++) {
    let sx = 0;
    let sy = 0;
    for (let k = groupStart[g]; k < groupStart[g + 1]; k++) {
      sx += cx[ids[k]];
      sy += cy[ids[k]];
    }
    const m = groupStart[g + 1] - groupStart[g];
    ax[g] = sx / m;
    ay[g] = sy / m;
  }

  // 2. cameras → nearest point with room
  const cameraNode = new Uint32Array(C);
  const load = new Uint32Array(A);
  // total capacity A · max ≥ C (every group holds ≤ camerasPerAggregation ≤ max), so a point with room always exists
  if (A > 0) assignNearestWithRoom(cx, cy, C, ax, ay, A, r.maxCamerasPerAggregation, cameraNode, load);

  // 3. hubs
  const districts = city.districts;
  const H = Math.max(1, districts.length);
  const hubOf = new Int32Array(A).fill(-1);
  if (districts.length > 0) {
    const locators = districts.map((d) => new PolygonLocator(d.area));
    for (let g = 0; g < A; g++) {
      for (let d = 0; d < locators.length; d++) {
        if (locators[d].contains(ax[g], ay[g])) {
          hubOf[g] = d;
          break;
        }
      }
    }
  } else {
    hubOf.fill(0);
  }
  const hx = new Float64Array(H);
  const hy = new Float64Array(H);
  const hw = new Float64Array(H);
  for (let g = 0; g < A; g++) {
    const h = hubOf[g];
    if (h < 0) continue;
    hx[h] += ax[g] * load[g];
    hy[h] += ay[g] * load[g];
    hw[h] += load[g];
  }
  for (let h = 0; h < H; h++) {
    if (hw[h] > 0) {
      hx[h] /= hw[h];
      hy[h] /= hw[h];
    } else if (districts.length > 0) {
      const b = multiPolygonBounds(districts[h].area);
      hx[h] = (b[0] + b[2]) / 2;
      hy[h] = (b[1] + b[3]) / 2;
    } else {
      hx[h] = city.bounds ? (city.bounds[0] + city.bounds[2]) / 2 : 0;
      hy[h] = city.bounds ? (city.bounds[1] + city.bounds[3]) / 2 : 0;
    }
  }
  for (let g = 0; g < A; g++) {
    if (hubOf[g] >= 0) continue;
    let best = 0;
    let bd = Infinity;
    for (let h = 0; h < H; h++) {
      const d = dist(ax[g], ay[g], hx[h], hy[h]);
      if (d < bd) {
        bd = d;
        best = h;
      }
    }
    hubOf[g] = best;
    hw[best] += load[g];
  }

  // 4. centres
  let centres: { x: number; y: number }[];
  if (r.centres) centres = r.centres;
  else if (r.numCentres === 1) {
    let sx = 0;
    let sy = 0;
    let sw = 0;
    for (let h = 0; h < H; h++) {
      sx += hx[h] * hw[h];
      sy += hy[h] * hw[h];
      sw += hw[h];
    }
    centres = sw > 0 ? [{ x: sx / sw, y: sy / sw }] : [{ x: hx[0], y: hy[0] }];
  } else {
    centres = weightedKMeans(Array.from(hx), Array.from(hy), Array.from(hw), r.numCentres, rng.stream('centres'));
  }
  const K = centres.length;

  // 5. graph
  const graph = createNetworkGraph();
  const aggKeys: string[] = new Array(A);
  const hubKeys: string[] = new Array(H);
  const centreKeys: string[] = new Array(K);
  for (let g = 0; g < A; g++) {
    aggKeys[g] = `agg-${g}`;
    const d = hubOf[g];
    graph.addNode(aggKeys[g], {
      kind: 'aggregation',
      x: ax[g],
      y: ay[g],
      storageTB: 0,
      analyticsStreams: 0,
      availability: r.nodeAvailability.aggregation,
      ...(districts.length > 0 ? { districtId: districts[d].id } : {}),
    });
  }
  for (let h = 0; h < H; h++) {
    hubKeys[h] = districts.length > 0 ? `hub-${districts[h].id}` : 'hub-0';
    graph.addNode(hubKeys[h], {
      kind: 'district-hub',
      x: hx[h],
      y: hy[h],
      storageTB: r.hubStorageTB,
      analyticsStreams: 0,
      availability: r.nodeAvailability['district-hub'],
      ...(districts.length > 0 ? { name: districts[h].name, districtId: districts[h].id } : { name: 'hub' }),
    });
  }
  for (let k = 0; k < K; k++) {
    centreKeys[k] = `centre-${k}`;
    graph.addNode(centreKeys[k], {
      kind: 'city-centre',
      x: centres[k].x,
      y: centres[k].y,
      storageTB: 0,
      analyticsStreams: 0,
      availability: r.nodeAvailability['city-centre'],
      name: K === 1 ? 'city command centre' : `city command centre ${k + 1}`,
    });
  }
  const national = r.nationalDefault ? centres[0] : r.national;
  if (national) {
    graph.addNode('national', {
      kind: 'national',
      x: national.x,
      y: national.y,
      storageTB: r.nationalStorageTB,
      analyticsStreams: r.nationalAnalyticsStreams,
      availability: r.nodeAvailability.national,
      name: 'national platform',
    });
  }
  // aggregation uplink kinds: exact proportions, seeded shuffle
  const kinds = new Uint8Array(A);
  {
    const mix = r.aggregationLinkMix;
    const counts = largestRemainder(A, LINK_KINDS.map((k) => mix[k]));
    let p = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < counts[i]; j++) kinds[p++] = i;
    const shuffle = rng.stream('link-kinds');
    for (let i = A - 1; i > 0; i--) {
      const j = shuffle.int(i + 1);
      const t = kinds[i];
      kinds[i] = kinds[j];
      kinds[j] = t;
    }
  }
  const addLink = (s: string, t: string, kind: LinkKind, capacityMbps: number, sx: number, sy: number, tx: number, ty: number): void => {
    const latencyMs = r.baseLatencyMs[kind] + (dist(sx, sy, tx, ty) / 1000) * r.latencyMsPerKm;
    graph.addEdgeWithKey(`${s}->${t}`, s, t, { kind, capacityMbps, latencyMs, availability: r.linkAvailability[kind] });
  };
  for (let g = 0; g < A; g++) {
    const kind = LINK_KINDS[kinds[g]];
    const h = hubOf[g];
    addLink(aggKeys[g], hubKeys[h], kind, r.aggregationUplinkMbps[kind], ax[g], ay[g], hx[h], hy[h]);
  }
  for (let h = 0; h < H; h++) {
    const byDist = centres.map((c, k) => ({ k, d: dist(hx[h], hy[h], c.x, c.y) })).sort((p, q) => p.d - q.d || p.k - q.k);
    for (let u = 0; u < r.hubUplinks; u++) {
      const k = byDist[u].k;
      addLink(hubKeys[h], centreKeys[k], 'fibre', r.hubUplinkMbps, hx[h], hy[h], centres[k].x, centres[k].y);
    }
  }
  if (national) for (let k = 0; k < K; k++) addLink(centreKeys[k], 'national', 'fibre', r.centreUplinkMbps, centres[k].x, centres[k].y, national.x, national.y);

  const params = provenanceParams(r, { numCameras: C, numAggregation: A, numHubs: H, numCentres: K });
  const net = createCommandNetwork(graph, cameras, {
    cameraNode,
    cameraLive: (options ?? {}).cameraLive,
    stream: (options ?? {}).stream,
    origin: ORIGIN,
    provenance: { generator: ORIGIN, seed: typeof r.seed === 'object' ? r.seed.seed : r.seed, params },
  });

  // 6. size storage and analytics from the demand (written to the graph and the arrays)
  const storage = net.nodeStorageTB as Float64Array;
  const analytics = net.nodeAnalyticsStreams as Uint32Array;
  const TB_PER_MBPS_DAY = (1e6 * 86_400) / 8 / 1e12;
  for (let g = 0; g < A; g++) {
    storage[g] = net.nodeAllMbps[g] * r.aggregationStorageDays * TB_PER_MBPS_DAY;
    graph.setNodeAttribute(aggKeys[g], 'storageTB', storage[g]);
  }
  // each hub's live traffic and face demand go to its nearest centre (its first uplink)
  const centreLive = new Float64Array(K);
  const centreFace = new Float64Array(K);
  const hubFirstCentre = new Int32Array(H);
  for (let h = 0; h < H; h++) {
    const l = net.upLinks[net.upStart[A + h]];
    hubFirstCentre[h] = net.linkTarget[l] - A - H;
  }
  for (let g = 0; g < A; g++) {
    const k = hubFirstCentre[hubOf[g]];
    centreLive[k] += net.nodeLiveMbps[g];
    centreFace[k] += net.nodeLiveFaceCameras[g];
  }
  let faceTotal = 0;
  for (let k = 0; k < K; k++) faceTotal += centreFace[k];
  const totalStreams = r.analyticsStreams === 'auto' ? faceTotal : r.analyticsStreams;
  const shares = largestRemainder(totalStreams, faceTotal > 0 ? Array.from(centreFace) : new Array(K).fill(1));
  for (let k = 0; k < K; k++) {
    const v = A + H + k;
    storage[v] = centreLive[k] * r.centreStorageDays * TB_PER_MBPS_DAY;
    analytics[v] = shares[k];
    graph.mergeNodeAttributes(centreKeys[k], { storageTB: storage[v], analyticsStreams: shares[k] });
  }
  net.provenance.params.analyticsStreamsTotal = totalStreams;
  return net;
}

/**
 * Splits an integer total in proportion to finite, non-negative weights with
 * a positive sum (largest remainder, ties to the lower index). The weights
 * are first scaled by the largest, so huge weights cannot overflow to
 * Infinity (a share of 1e308 once made the fill loop run forever), and every
 * count is at most `total`.
 */
function largestRemainder(total: number, weights: number[]): number[] {
  let max = 0;
  let rawSum = 0;
  for (const w of weights) {
    if (w > max) max = w;
    rawSum += w;
  }
  const overflows = !Number.isFinite(rawSum) || !Number.isFinite(max * total);
  const scaled = overflows ? weights.map((w) => w / max) : weights;
  const sum = scaled.reduce((a, b) => a + b, 0);
  const out = scaled.map((w) => Math.min(total, Math.floor((w * total) / sum)));
  let assigned = out.reduce((a, b) => a + b, 0);
  const order = scaled.map((w, i) => ({ i, r: (w * total) / sum - out[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; assigned < total && j < total + order.length; j++, assigned++) out[order[j % order.length].i]++;
  return out;
}

function provenanceParams(r: Resolved, extra: Record<string, unknown>): Record<string, unknown> {
  const { seed: _seed, ...rest } = r;
  return JSON.parse(JSON.stringify({ ...rest, ...extra })) as Record<string, unknown>;
}
