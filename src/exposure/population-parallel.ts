/**
 * Runs the population pipeline's parallel passes on worker threads,
 * synchronously (the same scheme as the coverage engine's
 * src/coverage/parallel.ts): the trip plans' destinations (zones shared by
 * the workers and the calling thread), routing and scoring (chunks, on
 * `threads` workers while the calling thread waits: chunks make much garbage,
 * cheaper to collect in a worker's small heap), and the distinct cameras per
 * person-day (row ranges, workers and the calling thread).
 *
 * Chunks are claimed through an atomic counter by the workers; each worker posts each chunk's result on its own
 * MessageChannel, which the calling thread reads with `receiveMessageOnPort`
 * after waiting with `Atomics.wait` (allowed on Node's main thread), so
 * `computePopulationExposure` stays synchronous. Results are merged by chunk
 * index, so the output is identical whatever the number of threads; a worker
 * that fails a chunk, dies, or stalls (no chunk finished for STALL_MS) only
 * means the calling thread redoes that chunk (same numbers).
 *
 * The big inputs (network, profile, plans) go to each worker once per call,
 * as SharedArrayBuffer copies (no copy per worker or per chunk). Workers live
 * in a small pool created on first use and `unref`ed, and collect their heaps
 * after a call that shared hundreds of MB with them (their heaps would hold
 * those buffers until collected, see WorkerPool.release); they need the built
 * package (`dist/population-worker.js`); without it everything runs on the
 * calling thread.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { claimTasks, nodeWorkerThreads, WorkerPool, waitForChunks } from '../core/internal.js';
import type { StreetNetwork, TripPlans } from '../mobility/index.js';
import { solveDestinations, type DestinationTask } from '../mobility/internal.js';
import { aggregateRows, columnStats, distinctScratch, personDayColumns, type PersonDayColumns, type PersonDayInput, type PersonDayRows } from './person-metrics.js';
import { ChunkRunner, gatherRows, releaseRowTable, type ChunkResult, type PlanColumns, type PopulationJobData } from './population-chunk.js';
import type { StreetExposureProfile } from './street-exposure-profile.js';

/** How long the calling thread waits without any chunk finishing before redoing the unfinished chunks itself (ms). */
const STALL_MS = 10_000;

const pool = /* @__PURE__ */ new WorkerPool('./population-worker.js', import.meta.url);

/**
 * Tasks 0 … numTasks − 1 shared by `workers` and this thread: each worker is
 * sent `message` with the shared control words (`ctl`, `status`) and claims
 * tasks as this thread does (claimTasks); returns once every task is finished
 * or the workers stalled (STALL_MS). The caller redoes or reports what is not
 * marked done in the returned status (1 done, 2 failed, 0 never finished).
 */
function shareTasks(workers: readonly Worker[], message: object, numTasks: number, run: (task: number) => void): Int32Array {
  const ctl = new Int32Array(new SharedArrayBuffer(8)); // [next task to claim, tasks finished]
  const status = new Int32Array(new SharedArrayBuffer(4 * numTasks)); // 0 pending, 1 done, 2 failed
  for (const w of workers) w.postMessage({ ...message, ctl, status });
  claimTasks(ctl, status, run);
  waitForChunks(ctl, numTasks, STALL_MS);
  return status;
}

/** Reruns on this thread every task not marked done (same values: the tasks write disjoint outputs). */
function redoUnfinished(status: Int32Array, run: (task: number) => void): void {
  for (let c = 0; c < status.length; c++) if (Atomics.load(status, c) !== 1) run(c);
}

type Shareable = Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array;

function share<T extends Shareable>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const C = a.constructor as new (b: SharedArrayBuffer) => T;
  const copy = new C(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}

/**
 * Shared copies of long-lived inputs (the street network and the exposure
 * profile, typically reused across calls), by source array. A copy is reused
 * only while its bytes still equal the source's (one memcmp, far cheaper than
 * allocating and faulting in a fresh copy); held weakly, so it goes with its source.
 */
const sharedCopies = new WeakMap<object, Shareable>();

function bytes(a: Shareable): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function shareCached<T extends Shareable>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const c = sharedCopies.get(a);
  if (c !== undefined && c.constructor === a.constructor && c.length === a.length && bytes(a).equals(bytes(c))) return c as T;
  const copy = share(a);
  sharedCopies.set(a, copy);
  return copy;
}

function shareObject<T extends object>(o: T, skip: readonly string[] = [], cache = false): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (skip.includes(k)) continue;
    out[k] = ArrayBuffer.isView(v) && !(v instanceof DataView) ? (cache ? shareCached(v as Shareable) : share(v as Shareable)) : v;
  }
  return out as T;
}

/** The job with its big arrays on SharedArrayBuffers, and without fields workers do not need or cannot clone. */
function shareJob(job: PopulationJobData): PopulationJobData {
  const network = { ...shareObject(job.network as StreetNetwork, ['nodeKeys'], true), nodeKeys: [] } as StreetNetwork;
  const plans = shareObject(job.plans as TripPlans, ['params']) as TripPlans;
  (plans as { params: Record<string, unknown> }).params = {};
  // The scorers read only the entry offsets and the packed entries (shared, one copy for every thread).
  const profile = { entryStart: shareCached(job.profile.entryStart) } as StreetExposureProfile;
  return {
    ...job,
    network,
    plans,
    profile,
    weights: shareCached(job.weights),
    entries: share(job.entries),
    capabilities: share(job.capabilities),
    resolved: { ...job.resolved, weight: job.resolved.weight === null ? null : share(job.resolved.weight) },
    order: share(job.order),
    chunkStart: share(job.chunkStart),
  };
}

/**
 * Runs every chunk on `threads` workers while this thread waits (on one
 * thread, or without workers, on this thread alone); returns the results by
 * chunk index.
 */
export function runPopulationChunks(job: PopulationJobData, threads: number): ChunkResult[] {
  const numChunks = job.chunkStart.length - 1;
  const results: (ChunkResult | undefined)[] = new Array(numChunks);
  const runner = new ChunkRunner(job);
  // With several threads, `threads` workers route and score while this thread only waits: chunks make
  // much garbage (paths, scratch), and collecting it on this thread, whose heap holds the caller's city
  // and cameras, cost several times more than on a worker (1M trips: ~4 s of pauses here vs ~0.3 s).
  const workers = threads > 1 && numChunks > 1 ? pool.get(Math.min(threads, numChunks)) : null;
  if (workers === null || workers.length === 0) {
    for (let c = 0; c < numChunks; c++) results[c] = runner.run(c);
    return results as ChunkResult[];
  }
  const ctl = new Int32Array(new SharedArrayBuffer(8)); // [next chunk to claim, chunks finished]
  const status = new Int32Array(new SharedArrayBuffer(4 * numChunks)); // 0 pending, 1 posted, 2 failed
  const shared = shareJob(job);
  const ports: MessagePort[] = [];
  for (const w of workers) {
    const { port1, port2 } = new nodeWorkerThreads.MessageChannel();
    ports.push(port1);
    w.postMessage({ kind: 'chunks', job: shared, ctl, status, port: port2 }, [port2]);
  }
  waitForChunks(ctl, numChunks, STALL_MS);
  // Collect the workers' posted results.
  const drain = () => {
    for (const p of ports) {
      for (;;) {
        const m = nodeWorkerThreads.receiveMessageOnPort(p);
        if (m === undefined) break;
        const r = m.message as ChunkResult;
        if (results[r.chunk] === undefined) results[r.chunk] = r;
      }
    }
  };
  drain();
  // A posted message can trail its status flag by a moment; wait briefly for those, then redo what is missing.
  for (let tries = 0; tries < 40; tries++) {
    let waiting = false;
    for (let c = 0; c < numChunks; c++) if (results[c] === undefined && Atomics.load(status, c) === 1) waiting = true;
    if (!waiting) break;
    Atomics.wait(ctl, 1, Atomics.load(ctl, 1), 5);
    drain();
  }
  for (let c = 0; c < numChunks; c++) if (results[c] === undefined) results[c] = runner.run(c);
  for (const p of ports) p.close();
  return results as ChunkResult[];
}

/** Row ranges of the person pass: independent of the thread count (the values do not depend on them anyway). */
const PERSON_RANGES = 32;

/** The person pass's inputs and outputs, every array on a SharedArrayBuffer. */
export interface PersonJob {
  trips: PersonDayInput;
  rows: PersonDayRows;
  /** Ranges of rows: range k is rows rangeStart[k] … rangeStart[k + 1] − 1. */
  rangeStart: Uint32Array;
  out: PersonDayColumns;
}

/**
 * Person-day rows (see aggregateRows) aggregated by `threads − 1` workers
 * and this thread over ranges of rows of about equal trip counts. The workers
 * read the trip columns and every chunk's camera lists in place (on
 * SharedArrayBuffers when the pipeline ran with `shared`; other arrays are
 * copied once) and write their rows into shared outputs; a range that a
 * worker failed or stalled on is redone here (same values).
 *
 * @param trips - the trips' metric columns and camera lists
 * @param rows - trips grouped by person-day row
 * @param threads - threads to use (1: this thread alone)
 * @returns the person-day columns
 */
export function runPersonRows(trips: PersonDayInput, rows: PersonDayRows, threads: number): PersonDayColumns {
  const nr = rows.numRows;
  const nt = rows.rowStart[nr];
  const workers = threads > 1 && nt > 0 ? pool.get(threads - 1) : null;
  if (workers === null || workers.length === 0) {
    const out = personDayColumns(nr, false);
    aggregateRows(trips, rows, 0, nr, out, distinctScratch(trips.numCameras));
    return out;
  }
  // Ranges of about equal trip counts (row boundaries).
  const starts: number[] = [0];
  for (let k = 1, r = 0; k < PERSON_RANGES; k++) {
    const want = Math.floor((nt * k) / PERSON_RANGES);
    while (r < nr && rows.rowStart[r] < want) r++;
    if (r > starts[starts.length - 1] && r < nr) starts.push(r);
  }
  starts.push(nr);
  const numRanges = starts.length - 1;
  const job: PersonJob = {
    trips: {
      numCameras: trips.numCameras,
      cameraBlocks: trips.cameraBlocks.map((b) => ({ start: share(b.start), list: share(b.list), miss: b.miss === null ? null : share(b.miss) })),
      cameraBlock: share(trips.cameraBlock),
      cameraRow: share(trips.cameraRow),
      sightings: share(trips.sightings), faceSearches: share(trips.faceSearches), identified: share(trips.identified), length: share(trips.length),
      observedLength: share(trips.observedLength), longestGap: share(trips.longestGap), longestGapSeconds: share(trips.longestGapSeconds),
      pIdentified: share(trips.pIdentified),
    },
    rows: { numRows: nr, rowStart: share(rows.rowStart), order: share(rows.order) },
    rangeStart: Uint32Array.from(starts),
    out: personDayColumns(nr, true),
  };
  const scratch = distinctScratch(trips.numCameras);
  const run = (c: number) => aggregateRows(job.trips, job.rows, starts[c], starts[c + 1], job.out, scratch);
  redoUnfinished(shareTasks(workers, { kind: 'persons', job }, numRanges, run), run);
  return job.out;
}

/**
 * Distribution statistics of several columns (see columnStats), one column
 * per task, computed by `threads − 1` workers and this thread; columns not on
 * SharedArrayBuffers are copied once. A column a worker failed or stalled on
 * is redone here (same values).
 *
 * @param columns - the columns
 * @param qs - quantiles
 * @param threads - threads to use
 * @returns [mean, min, max, q…] per column, column after column
 */
export function runColumnStats(columns: Float64Array[], qs: readonly number[], threads: number): Float64Array {
  const w = 3 + qs.length;
  const n = columns.length;
  const workers = threads > 1 && n > 1 ? pool.get(1) : null;
  if (workers === null || workers.length === 0) {
    const out = new Float64Array(n * w);
    for (let c = 0; c < n; c++) columnStats(columns[c], qs, out, c * w);
    return out;
  }
  const shared = columns.map((c) => share(c));
  const out = new Float64Array(new SharedArrayBuffer(8 * n * w));
  const run = (c: number) => columnStats(shared[c], qs, out, c * w);
  redoUnfinished(shareTasks(workers, { kind: 'stats', columns: shared, qs: [...qs], out }, n, run), run);
  return out;
}

/** Row ranges of the merge's gather (independent of the thread count). */
const GATHER_RANGES = 16;

/**
 * The merge's gather (see gatherRows: the chunks' row table into plan-order
 * columns) over ranges of rows, by `threads − 1` workers and this thread; a
 * range a worker failed or stalled on is redone here (same values).
 *
 * @param rows - the row table (on a SharedArrayBuffer)
 * @param dst - columns in plan order (on SharedArrayBuffers)
 * @param at - position in the row table of each row of `dst`
 * @param threads - threads to use (1: this thread alone)
 */
export function runGather(rows: Float64Array, dst: PlanColumns, at: Uint32Array, threads: number): void {
  const n = at.length;
  const workers = threads > 1 && n > 0 ? pool.get(threads - 1) : null;
  if (workers === null || workers.length === 0) {
    gatherRows(rows, dst, at, 0, n);
    return;
  }
  const rangeStart = new Uint32Array(new SharedArrayBuffer(4 * (GATHER_RANGES + 1)));
  for (let k = 0; k <= GATHER_RANGES; k++) rangeStart[k] = Math.floor((n * k) / GATHER_RANGES);
  const shared = share(at);
  const run = (c: number) => gatherRows(rows, dst, shared, rangeStart[c], rangeStart[c + 1]);
  redoUnfinished(shareTasks(workers, { kind: 'gather', rows, dst, at: shared, rangeStart }, GATHER_RANGES, run), run);
}

/** Zone ranges of the destination pass (independent of the thread count). */
const DESTINATION_RANGES = 32;

/**
 * Draws the trip plans' destinations (planTrips' gravity model, the
 * zones² part) on `threads − 1` workers and this thread: zones with residents
 * are cut into ranges of equal counts, claimed by whoever is free; each zone
 * uses its own pre-drawn uniforms, so the destinations are those of the
 * serial loop. Any failure (a zone without a destination of positive weight,
 * or a worker that died) reruns everything on this thread, which throws the
 * first error in zone order, as planTrips does.
 *
 * @param task - planTrips' destination task (its outputs are filled in place)
 * @param threads - threads to use (1: this thread alone)
 */
export function runDestinations(task: DestinationTask, threads: number): void {
  const nz = task.numZones;
  const workers = threads > 1 ? pool.get(threads - 1) : null;
  if (workers === null || workers.length === 0) {
    solveDestinations(task, 0, nz);
    return;
  }
  let populated = 0;
  for (let z = 0; z < nz; z++) if (task.byZoneStart[z + 1] > task.byZoneStart[z]) populated++;
  const starts: number[] = [0];
  for (let z = 0, seen = 0, k = 1; z < nz && k < DESTINATION_RANGES; z++) {
    if (task.byZoneStart[z + 1] > task.byZoneStart[z]) seen++;
    if (seen >= (populated * k) / DESTINATION_RANGES) {
      if (z + 1 > starts[starts.length - 1] && z + 1 < nz) starts.push(z + 1);
      k++;
    }
  }
  starts.push(nz);
  const numRanges = starts.length - 1;
  const shared: DestinationTask = {
    ...task,
    x: share(task.x), y: share(task.y), node: share(task.node),
    attraction: task.attraction.map((a) => share(a)),
    det: task.det.map((d) => ({ ...d, fn: null })),
    byZoneStart: share(task.byZoneStart), byZone: share(task.byZone), role: share(task.role), errand: share(task.errand),
    draws: share(task.draws), drawStart: share(task.drawStart),
    primaryDest: new Uint32Array(new SharedArrayBuffer(4 * task.primaryDest.length)),
    errandDest: new Uint32Array(new SharedArrayBuffer(4 * task.errandDest.length)),
  };
  const rangeStart = Uint32Array.from(starts);
  const status = shareTasks(workers, { kind: 'destinations', task: shared, rangeStart }, numRanges, (c) => solveDestinations(shared, starts[c], starts[c + 1]));
  let failed = false;
  for (let c = 0; c < numRanges && !failed; c++) {
    const st = Atomics.load(status, c);
    if (st === 2) failed = true;
    else if (st !== 1) solveDestinations(shared, starts[c], starts[c + 1]); // a stalled worker's range
  }
  if (failed) {
    solveDestinations(task, 0, nz); // throws the first error in zone order
    return;
  }
  task.primaryDest.set(shared.primaryDest);
  task.errandDest.set(shared.errandDest);
}

/**
 * True when `computePopulationExposure({ threads })` can use worker threads
 * (the package is running from its build, where `population-worker.js` lives).
 *
 * @returns whether the worker file was found next to the package
 * @example
 * if (!parallelPopulationAvailable()) console.warn('running on one thread');
 */
export function parallelPopulationAvailable(): boolean {
  return pool.available();
}

/** Starts population workers up to `count` (they load in the background; no-op without the built package). */
export function prestartPopulationWorkers(count: number): void {
  if (count > 1) pool.get(count);
}

/**
 * Has the population workers collect their heaps, or retires them where that
 * is not possible (see WorkerPool.release): called at the end of a call that
 * shared much with them (POPULATION_EXPOSURE_DEFAULTS.releaseAfterBytes).
 */
export function releasePopulationWorkers(): void {
  pool.release();
}

/**
 * Stops the population worker threads (otherwise kept, unref'ed, for the life
 * of the process, and started again on the next call that uses threads), and
 * drops the row table kept between calls (14 numbers a plan: about 112 MB
 * after a call of 1,000,000 trips, on one thread too).
 *
 * @returns a promise that settles when every worker has stopped
 * @example
 * await terminatePopulationWorkers();
 */
export async function terminatePopulationWorkers(): Promise<void> {
  releaseRowTable();
  await pool.terminate();
}
