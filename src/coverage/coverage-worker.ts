/**
 * Worker thread entry for the parallel coverage engine (see parallel.ts):
 * receives a job, rebuilds the engine over the same data, and claims chunks
 * until none is left.
 */
import { parentPort } from 'node:worker_threads';
import { claimTasks } from '../core/internal.js';
import { PolygonLocator, type MultiPolygonM } from '../geo/index.js';
import { runChunk } from './parallel.js';
import { createUnionEngine, type FootprintColumns } from './union-engine.js';

interface Job {
  fp: FootprintColumns;
  nbStart: Uint32Array;
  nbList: Uint32Array;
  areaSource: MultiPolygonM;
  isBox: boolean;
  weights: Float64Array | null;
  levels: number;
  chunk: number;
  ctl: Int32Array;
  status: Int32Array;
  acc: Float64Array;
  pieces: Float64Array;
  touched: Int32Array;
  touching: Uint32Array;
}

parentPort?.on('message', (job: Job) => {
  const numChunks = job.status.length;
  // Nothing left to claim (the calling thread was faster): skip building the engine.
  if (Atomics.load(job.ctl, 0) >= numChunks) return;
  const area = new PolygonLocator(job.areaSource, job.isBox);
  const engine = createUnionEngine(job.fp, job.nbStart, job.nbList, area, job.weights, job.levels);
  const stride = job.levels + 1;
  claimTasks(job.ctl, job.status, (c) => runChunk(engine, c, job.fp.n, stride, job.acc, job.pieces, job.touched, job.touching));
});
