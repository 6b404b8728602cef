/**
 * Worker thread entry of the population pipeline (see population-parallel.ts):
 * receives a job once, claims chunks until none is left, and posts each
 * chunk's result on the job's port (buffers transferred, not copied).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { fullCollector, claimTasks } from '../core/internal.js';
import { aggregateRows, columnStats, distinctScratch } from './person-metrics.js';
import { ChunkRunner, chunkTransferList, gatherRows, type PlanColumns, type PopulationJobData } from './population-chunk.js';
import type { PersonJob } from './population-parallel.js';
import { solveDestinations, type DestinationTask } from '../mobility/internal.js';

interface ChunksMessage {
  kind: 'chunks';
  job: PopulationJobData;
  ctl: Int32Array;
  status: Int32Array;
  port: MessagePort;
}

interface PersonsMessage {
  kind: 'persons';
  job: PersonJob;
  ctl: Int32Array;
  status: Int32Array;
}

interface DestinationsMessage {
  kind: 'destinations';
  task: DestinationTask;
  rangeStart: Uint32Array;
  ctl: Int32Array;
  status: Int32Array;
}

interface GatherMessage {
  kind: 'gather';
  rows: Float64Array;
  dst: PlanColumns;
  at: Uint32Array;
  rangeStart: Uint32Array;
  ctl: Int32Array;
  status: Int32Array;
}

interface StatsMessage {
  kind: 'stats';
  columns: Float64Array[];
  qs: number[];
  out: Float64Array;
  ctl: Int32Array;
  status: Int32Array;
}

interface ReleaseMessage {
  kind: 'release';
}

parentPort?.on('message', (msg: ChunksMessage | PersonsMessage | DestinationsMessage | StatsMessage | GatherMessage | ReleaseMessage) => {
  // The call is over: collect, so that this idle worker lets go of the call's SharedArrayBuffers (see WorkerPool.release).
  if (msg.kind === 'release') fullCollector()?.();
  else if (msg.kind === 'persons') runPersons(msg);
  else if (msg.kind === 'gather') claimTasks(msg.ctl, msg.status, (c) => gatherRows(msg.rows, msg.dst, msg.at, msg.rangeStart[c], msg.rangeStart[c + 1]));
  else if (msg.kind === 'stats') runStats(msg);
  else if (msg.kind === 'destinations') runDestinations(msg);
  else runChunks(msg);
});

/** Distribution statistics: claims columns and writes their statistics into the shared output. */
function runStats(msg: StatsMessage): void {
  const { columns, qs, out, ctl, status } = msg;
  const w = 3 + qs.length;
  claimTasks(ctl, status, (c) => columnStats(columns[c], qs, out, c * w));
}

/** The trip plans' destinations: claims ranges of zones and writes their residents' destinations into the shared outputs. */
function runDestinations(msg: DestinationsMessage): void {
  const { task, rangeStart, ctl, status } = msg;
  const numRanges = status.length;
  if (Atomics.load(ctl, 0) >= numRanges) return;
  // A failed range makes the calling thread rerun everything and throw the first error.
  claimTasks(ctl, status, (c) => solveDestinations(task, rangeStart[c], rangeStart[c + 1]));
}

/** The person pass: claims ranges of person-day rows and writes their metrics into the shared outputs. */
function runPersons(msg: PersonsMessage): void {
  const { job, ctl, status } = msg;
  const numRanges = status.length;
  if (Atomics.load(ctl, 0) >= numRanges) return;
  const scratch = distinctScratch(job.trips.numCameras);
  claimTasks(ctl, status, (c) => aggregateRows(job.trips, job.rows, job.rangeStart[c], job.rangeStart[c + 1], job.out, scratch));
}

/** The routing and scoring pass: claims chunks and posts their results. */
function runChunks(msg: ChunksMessage): void {
  const { job, ctl, status, port } = msg;
  const numChunks = status.length;
  // Nothing left to claim (the calling thread was faster). The port is left
  // open: the calling thread closes its end when it has read every result.
  if (Atomics.load(ctl, 0) >= numChunks) return;
  const runner = new ChunkRunner(job);
  claimTasks(ctl, status, (c) => {
    const r = runner.run(c);
    port.postMessage(r, chunkTransferList(r));
  });
}
