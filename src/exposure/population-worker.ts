/**
 * Worker thread entry of the population pipeline (see population-parallel.ts):
 * receives a job once, claims chunks until none is left, and posts each
 * chunk's result on the job's port (buffers transferred, not copied).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { ChunkRunner, chunkTransferList, type PopulationJobData } from './population-chunk.js';

interface Message {
  job: PopulationJobData;
  ctl: Int32Array;
  status: Int32Array;
  port: MessagePort;
}

parentPort?.on('message', (msg: Message) => {
  const { job, ctl, status, port } = msg;
  const numChunks = status.length;
  // Nothing left to claim (the calling thread was faster). The port is left
  // open: the calling thread closes its end when it has read every result.
  if (Atomics.load(ctl, 0) >= numChunks) return;
  const runner = new ChunkRunner(job);
  for (;;) {
    const c = Atomics.add(ctl, 0, 1);
    if (c >= numChunks) break;
    try {
      const r = runner.run(c);
      port.postMessage(r, chunkTransferList(r));
      Atomics.store(status, c, 1);
    } catch {
      Atomics.store(status, c, 2); // the calling thread redoes it
    }
    Atomics.add(ctl, 1, 1);
    Atomics.notify(ctl, 1);
  }
});
