/**
 * One chunk of the population pipeline: route a share of the trip plans and
 * score the trips, returning per-trip metric rows (and the sampled persons'
 * sightings). Run identically on the calling thread and on workers, so the
 * merged result does not depend on who ran which chunk.
 */
import type { StreetNetwork, TripPlans } from '../mobility/index.js';
import { RouteScratch, routeValidated } from '../mobility/internal.js';
import { SightingBuffer } from './sightings.js';
import { TripScorer, type ResolvedScoring } from './sightings-scorer.js';
import type { StreetExposureProfile } from './street-exposure-profile.js';
import { TripMetricsBuffer, type TripMetricColumns } from './trip-metrics.js';

/** The per-trip metric columns of the result, in plan order (routed plans only). */
export interface PlanColumns extends TripMetricColumns {
  speed: Float64Array;
  observedFraction: Float64Array;
  longestGapSeconds: Float64Array;
  /** Chunk (camera-list block) and row within it of each plan's trip. */
  cameraBlock: Uint32Array;
  cameraRow: Uint32Array;
}

/** The names of the PlanColumns, in the order of a row of the chunks' row table. */
export const PLAN_COLUMN_NAMES = [
  'speed', 'sightings', 'identified', 'distinctCameras', 'length', 'observedLength', 'observedFraction',
  'longestGap', 'longestGapSeconds', 'pIdentified', 'faceSearches', 'plateCaptures', 'cameraBlock', 'cameraRow',
] as const satisfies readonly (keyof PlanColumns)[];

/** Numbers per row of the chunks' row table (one per PlanColumns column). */
export const ROW_WIDTH = PLAN_COLUMN_NAMES.length;

/*
 * The chunks' output is a row table, ROW_WIDTH numbers per plan (the
 * PlanColumns values in PLAN_COLUMN_NAMES order; chunk and row numbers are
 * exact in a double), indexed by position in the chunk order: `order[k]` is
 * the plan at position k, chunk c holds positions chunkStart[c] …
 * chunkStart[c + 1] − 1; rows of unreachable plans are not written (nor read).
 *
 * Why: a chunk then writes one contiguous stretch, where writing per-plan
 * columns by plan id scattered 14 writes a trip over 110 MB (1,000,000
 * trips), which cost the two threads each other's cache: the routing and
 * scoring scaled markedly worse on two threads. The rows go into plan order
 * afterwards in one gather (gatherRows), which reads each row's 112 bytes
 * together (two or three cache lines, where 14 separate columns cost 14 misses).
 */
let keptRows: Float64Array | null = null;

/**
 * The row table of a computePopulationExposure call (always on a
 * SharedArrayBuffer): one table kept between calls and reused, grown when a
 * call needs more and made anew when one needs under a quarter of it;
 * {@link releaseRowTable} drops it (terminatePopulationWorkers calls it). The
 * table is scratch (the result gets the gathered columns), and every row the
 * gather reads was written in full by its chunk, so it needs no clearing.
 * Why kept: a fresh table is 112 MB of fresh memory per 1,000,000 plans, slow
 * to fault in on a virtual machine (a first write to fresh memory is many
 * times slower than a second one; figures in benchmarks/README.md), and the old one would
 * stay allocated until the calling thread next collects.
 */
export function keptRowTable(numPlans: number): Float64Array {
  const n = ROW_WIDTH * numPlans;
  if (keptRows === null || keptRows.length < n || keptRows.length > 4 * n + 4096) {
    keptRows = null; // let the old table go before the new one is allocated
    keptRows = new Float64Array(new SharedArrayBuffer(8 * n));
  }
  return keptRows.subarray(0, n);
}

/** Drops the kept row table (see keptRowTable). */
export function releaseRowTable(): void {
  keptRows = null;
}

/**
 * Gathers rows `at[i]` of the row table into row i of the columns `dst`, for
 * i in i0 … i1 − 1 (reads scattered, writes in order).
 */
export function gatherRows(rows: Float64Array, dst: PlanColumns, at: Uint32Array, i0: number, i1: number): void {
  const { speed, sightings, identified, distinctCameras, length, observedLength, observedFraction, longestGap, longestGapSeconds, pIdentified, faceSearches, plateCaptures, cameraBlock, cameraRow } = dst;
  // Unrolled on purpose: a row's 14 numbers are read together, and every column is a local (no per-column dispatch).
  for (let i = i0; i < i1; i++) {
    const o = ROW_WIDTH * at[i];
    speed[i] = rows[o];
    sightings[i] = rows[o + 1];
    identified[i] = rows[o + 2];
    distinctCameras[i] = rows[o + 3];
    length[i] = rows[o + 4];
    observedLength[i] = rows[o + 5];
    observedFraction[i] = rows[o + 6];
    longestGap[i] = rows[o + 7];
    longestGapSeconds[i] = rows[o + 8];
    pIdentified[i] = rows[o + 9];
    faceSearches[i] = rows[o + 10];
    plateCaptures[i] = rows[o + 11];
    cameraBlock[i] = rows[o + 12];
    cameraRow[i] = rows[o + 13];
  }
}

/** Zeroed output columns for `numPlans` plans (on SharedArrayBuffers with `shared`). */
export function planColumns(numPlans: number, shared: boolean): PlanColumns {
  const f64 = () => (shared ? new Float64Array(new SharedArrayBuffer(8 * numPlans)) : new Float64Array(numPlans));
  const u32 = () => (shared ? new Uint32Array(new SharedArrayBuffer(4 * numPlans)) : new Uint32Array(numPlans));
  return {
    speed: f64(), sightings: f64(), identified: f64(), distinctCameras: f64(), length: f64(), observedLength: f64(), observedFraction: f64(),
    longestGap: f64(), longestGapSeconds: f64(), pIdentified: f64(), faceSearches: f64(), plateCaptures: f64(), cameraBlock: u32(), cameraRow: u32(),
  };
}

/** Everything a chunk needs (shared once with each worker). */
export interface PopulationJobData {
  network: StreetNetwork;
  plans: TripPlans;
  /** The profile (workers receive only its `entryStart`: the entries come packed in `entries`). */
  profile: StreetExposureProfile;
  /** Arc lengths in CSR order (csrLengths), one copy read by every thread. */
  weights: Float64Array;
  /** The profile's entries packed for scoring (packProfileEntries), one copy read by every thread. */
  entries: Float64Array;
  capabilities: Uint8Array;
  resolved: ResolvedScoring;
  speeds: { walk: number; car: number };
  /** Persons with id < sampleLimit keep their sightings (0: none). */
  sampleLimit: number;
  /** Plan ids grouped by origin node; chunk k is `order[chunkStart[k]]` … `order[chunkStart[k + 1] − 1]`. */
  order: Uint32Array;
  chunkStart: Uint32Array;
  /** Allocate the chunks' camera lists on SharedArrayBuffers (several threads: the person pass reads them all). */
  shared: boolean;
  /** Where the chunks write their trips' metrics: the row table (see keptRowTable). */
  out: Float64Array;
}

/** Result of one chunk: plain typed arrays (transferable). */
export interface ChunkResult {
  chunk: number;
  /** Plan id of each routed trip (chunk order); their metrics are in the job's `out` columns. */
  planId: Uint32Array;
  cameraStart: Uint32Array;
  cameraList: Uint32Array;
  cameraMiss: Float64Array | null;
  unreachable: Uint32Array;
  numTrees: number;
  /** Kept sightings (trip = plan id), or null. */
  kept: {
    trip: Uint32Array; person: Uint32Array; camera: Uint32Array; time: Float64Array; day: Uint16Array; duration: Float64Array;
    entryDistance: Float64Array; exitDistance: Float64Array; level: Uint8Array; frontal: Uint8Array; pIdentify: Float64Array; pSeen: Float64Array;
  } | null;
}

/** Per-thread state: one scorer (its scratch is sized to the camera count) per job. */
export class ChunkRunner {
  private readonly job: PopulationJobData;
  private readonly scorer: TripScorer;
  /** Routing arrays reused by every chunk this thread runs (the chunk's paths are dropped once scored). */
  private readonly routeScratch = new RouteScratch();
  /** Camera-list entries and path arcs of the chunks run so far, to size the next chunk's lists. */
  private entries = 0;
  private arcs = 0;
  constructor(job: PopulationJobData) {
    this.job = job;
    this.scorer = new TripScorer(job.profile, job.network.edgeLength, job.capabilities, job.resolved, job.entries);
  }

  run(chunk: number): ChunkResult {
    const job = this.job;
    const planIds = job.order.subarray(job.chunkStart[chunk], job.chunkStart[chunk + 1]);
    // The plans come from planTrips on this network (nodes, modes and ids in range): no per-chunk validation.
    const routed = routeValidated(job.network, job.plans, planIds, job.speeds.walk, job.speeds.car, this.routeScratch, job.weights);
    const trips = routed.trips;
    const nt = trips.numTrips;
    // Pre-size the camera lists from the entries per path arc seen so far on this thread (+10 %), so that
    // they rarely grow (each growth is a fresh allocation and copy, and fresh pages are slow to fault in).
    const pathArcs = trips.pathStart[nt];
    const capacity = this.arcs > 0 ? Math.ceil(pathArcs * (this.entries / this.arcs) * 1.1) + 1024 : nt * 16;
    const out = job.out;
    // The buffer's own metric columns (rows t of this chunk), copied into the row table after each trip.
    const buf = new TripMetricsBuffer(nt, !job.resolved.binary, { capacity, shared: job.shared });
    const keep = job.sampleLimit > 0 ? new SightingBuffer() : null;
    const s = this.scorer;
    // Trips come in the order of planIds, unreachable plans left out: j follows the trip's position.
    const first = job.chunkStart[chunk];
    let j = 0;
    for (let t = 0; t < nt; t++) {
      s.scoreTrip(trips.pathArcs, trips.pathStart[t], trips.pathStart[t + 1], trips.mode[t]);
      buf.record(t, s);
      while (planIds[j] !== trips.planId[t]) j++;
      const o = ROW_WIDTH * (first + j);
      const speed = trips.speed[t];
      const len = buf.length[t];
      // In PLAN_COLUMN_NAMES order.
      out[o] = speed;
      out[o + 1] = buf.sightings[t];
      out[o + 2] = buf.identified[t];
      out[o + 3] = buf.distinctCameras[t];
      out[o + 4] = len;
      out[o + 5] = buf.observedLength[t];
      out[o + 6] = len > 0 ? Math.min(1, buf.observedLength[t] / len) : 0;
      out[o + 7] = buf.longestGap[t];
      out[o + 8] = buf.longestGap[t] / speed;
      out[o + 9] = buf.pIdentified[t];
      out[o + 10] = buf.faceSearches[t];
      out[o + 11] = buf.plateCaptures[t];
      out[o + 12] = chunk;
      out[o + 13] = t;
      if (keep !== null && trips.person[t] < job.sampleLimit) keep.append(s, trips.planId[t], trips.person[t], trips.day[t], trips.departure[t], trips.speed[t]);
    }
    // Views, not trimmed copies: the chunk's lists are kept as one block of the result's camera lists.
    const used = buf.cameraStart[nt];
    this.entries += used;
    this.arcs += pathArcs;
    const cameraList = buf.cameraList.subarray(0, used);
    const cameraMiss = buf.cameraMiss === null ? null : buf.cameraMiss.subarray(0, used);
    let kept: ChunkResult['kept'] = null;
    if (keep !== null && keep.n > 0) {
      const f = keep.finish(new Uint32Array(0), null as never);
      kept = {
        trip: f.trip, person: f.person, camera: f.camera, time: f.time, day: f.day, duration: f.duration,
        entryDistance: f.entryDistance, exitDistance: f.exitDistance, level: f.level, frontal: f.frontal, pIdentify: f.pIdentify, pSeen: f.pSeen,
      };
    }
    return {
      chunk,
      planId: trips.planId.slice(0, nt),
      cameraStart: buf.cameraStart,
      cameraList,
      cameraMiss,
      unreachable: routed.unreachable.planIds.slice(),
      numTrees: routed.numTrees,
      kept,
    };
  }
}

/** The buffers of a chunk result, for postMessage's transfer list. */
export function chunkTransferList(r: ChunkResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView | null) => {
    if (a !== null && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  add(r.planId); add(r.cameraStart); add(r.cameraList); add(r.cameraMiss); add(r.unreachable);
  if (r.kept !== null) for (const v of Object.values(r.kept)) add(v);
  return out;
}
