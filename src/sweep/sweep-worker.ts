/**
 * A sweep's worker process (dist/sweep-worker.js, started by runSweep with
 * `jobs` > 1): receives the sweep and a block of run ids over IPC, runs them
 * in order with its own stage cache, and sends each row back.
 */
import { StageCache } from '../scenario/index.js';
import { planSweep } from './plan-sweep.js';
import { runOne } from './run-sweep.js';

interface Job {
  sweep: unknown;
  baseDir: string;
  hash: string;
  runIds: number[];
}

const send = (m: unknown) => new Promise<void>((resolve, reject) => process.send!(m, undefined, {}, (e) => (e ? reject(e) : resolve())));

process.once('message', (job: Job) => {
  void (async () => {
    try {
      const plan = planSweep(job.sweep, { baseDir: job.baseDir });
      if (plan.hash !== job.hash) throw new Error(`sweep-worker: the sweep planned here (${plan.hash.slice(0, 12)}) is not the parent's (${job.hash.slice(0, 12)})`);
      const cache = new StageCache();
      for (const id of job.runIds) {
        const before = cache.hits;
        const row = await runOne(plan, plan.runs[id], cache);
        await send({ type: 'row', row, cached: cache.hits - before });
      }
      process.disconnect();
    } catch (e) {
      await send({ type: 'error', error: { name: (e as Error)?.name ?? 'Error', message: (e as Error)?.message ?? String(e) } }).catch(() => {});
      process.exit(1);
    }
  })();
});
