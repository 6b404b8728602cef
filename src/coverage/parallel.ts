/**
 * Runs the footprint chunks of the exact coverage engine on worker threads
 * beside the calling thread, synchronously.
 *
 * Chunks are claimed one at a time through an atomic counter by the calling
 * thread and by the workers alike, and each chunk's sums go to its own slot,
 * added in chunk order afterwards: the result is identical whatever the
 * number of threads, and a worker that is slow to start (or never starts)
 * only means the calling thread takes more chunks. The calling thread waits
 * for in-flight chunks with `Atomics.wait` (allowed on Node's main thread),
 * which keeps `computeCoverage` synchronous.
 *
 * The workers live in a small pool created on first use and `unref`ed, so
 * they never keep a process alive. They need the built package
 * (`dist/coverage-worker.js`); when it is absent (e.g. running from the
 * TypeScript sources) everything runs on the calling thread.
 */
import { claimTasks, WorkerPool, waitForChunks, sharedScratchFloat64, sharedScratchUint32, sharedScratchUint8 } from '../core/internal.js';
import { type PolygonLocator } from '../geo/index.js';
import type { FootprintColumns, UnionEngine } from './union-engine.js';

/** Footprints per chunk (keep equal to union-engine's CHUNK_SIZE). */
const CHUNK = 4096;
/**
 * How long the calling thread waits without any chunk finishing before it
 * redoes the unfinished chunks itself (ms). A chunk takes tens of
 * milliseconds, so this only fires for a dead or starved worker.
 */
const STALL_MS = 5_000;

const pool = /* @__PURE__ */ new WorkerPool('./coverage-worker.js', import.meta.url);

/**
 * Fills the per-chunk results using `threads − 1` workers and this thread.
 * Returns false when workers are not available (the caller then runs the
 * chunks itself).
 */
export function runChunksInParallel(
  engine: UnionEngine,
  fp: FootprintColumns,
  nbStart: Uint32Array,
  nbList: Uint32Array,
  area: PolygonLocator,
  weights: Float64Array | null,
  levels: number,
  threads: number,
  chunkAcc: Float64Array,
  chunkPieces: Float64Array,
  chunkTouching: Int32Array,
  touching: Uint32Array,
): boolean {
  const workers = pool.get(threads - 1);
  if (workers === null || workers.length === 0) return false;
  const n = fp.n;
  const numChunks = Math.ceil(n / CHUNK);
  const stride = levels + 1;
  // Shared results and control: [next chunk to claim, chunks done].
  const ctl = new Int32Array(new SharedArrayBuffer(8));
  const status = new Int32Array(new SharedArrayBuffer(4 * numChunks));
  const acc = new Float64Array(new SharedArrayBuffer(8 * numChunks * stride));
  const pieces = new Float64Array(new SharedArrayBuffer(8 * numChunks));
  const touched = new Int32Array(new SharedArrayBuffer(4 * numChunks));
  const touchingShared = new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, n)));
  // Typed arrays on SharedArrayBuffers reach the workers without a copy; copy the others once here.
  let copies = 0;
  const share = <T extends Float64Array | Uint32Array | Uint8Array>(a: T): T => {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const key = `parallel.share.${copies++}`;
    const copy = (a instanceof Float64Array ? sharedScratchFloat64(key, a.length) : a instanceof Uint32Array ? sharedScratchUint32(key, a.length) : sharedScratchUint8(key, a.length)) as T;
    copy.set(a as never);
    return copy;
  };
  const job = {
    fp: {
      n: fp.n, cx: share(fp.cx), cy: share(fp.cy), r: share(fp.r), a0: share(fp.a0), a1: share(fp.a1),
      u0x: share(fp.u0x), u0y: share(fp.u0y), u1x: share(fp.u1x), u1y: share(fp.u1y), mode: share(fp.mode), tip: share(fp.tip),
      minX: share(fp.minX), minY: share(fp.minY), maxX: share(fp.maxX), maxY: share(fp.maxY),
      primStart: share(fp.primStart), primType: share(fp.primType), prim: share(fp.prim), vis: fp.vis,
    },
    nbStart: share(nbStart),
    nbList: share(nbList),
    areaSource: area.source,
    isBox: area.isBox,
    weights,
    levels,
    chunk: CHUNK,
    ctl,
    status,
    acc,
    pieces,
    touched,
    touching: touchingShared,
  };
  for (const w of workers) w.postMessage(job);
  // Claim chunks here too.
  claimTasks(ctl, status, (c) => runChunk(engine, c, n, stride, acc, pieces, touched, touchingShared));
  // Wait for the workers' in-flight chunks; redo here any that stall (no
  // chunk finished for STALL_MS, e.g. a worker that died) or failed. Redoing
  // a chunk gives the same numbers, so a late worker is harmless.
  waitForChunks(ctl, numChunks, STALL_MS);
  for (let c = 0; c < numChunks; c++) {
    if (Atomics.load(status, c) !== 1) runChunk(engine, c, n, stride, acc, pieces, touched, touchingShared);
  }
  chunkAcc.set(acc);
  chunkPieces.set(pieces);
  chunkTouching.set(touched);
  touching.set(touchingShared.subarray(0, n));
  return true;
}

/** Runs chunk c on an engine and writes its results (shared by the calling thread and the workers). */
export function runChunk(
  engine: UnionEngine,
  c: number,
  n: number,
  stride: number,
  acc: Float64Array,
  pieces: Float64Array,
  touched: Int32Array,
  touching: Uint32Array,
): void {
  const from = c * CHUNK;
  // Accumulate in thread-local memory, then copy: the chunks' slots in the
  // shared array sit next to each other, and adding into them in the hot loop
  // from two threads at once would make the cores fight over cache lines.
  if (localAcc === null || localAcc.length !== stride) localAcc = new Float64Array(stride);
  else localAcc.fill(0);
  const [p, t] = engine.footprintChunk(from, Math.min(n, from + CHUNK), localAcc, touching, from);
  acc.set(localAcc, c * stride);
  pieces[c] = p;
  touched[c] = t;
}

let localAcc: Float64Array | null = null;

/**
 * True when worker threads can be used by `computeCoverage({ threads })`
 * (the package is running from its build, where `coverage-worker.js` lives).
 */
export function parallelCoverageAvailable(): boolean {
  return pool.available();
}

/**
 * Stops the coverage worker threads (they are otherwise kept, unref'ed, for
 * the life of the process, and started again on the next call that uses
 * threads).
 *
 * @returns a promise that settles when every worker has stopped
 * @example
 * await terminateCoverageWorkers();
 */
export async function terminateCoverageWorkers(): Promise<void> {
  await pool.terminate();
}
