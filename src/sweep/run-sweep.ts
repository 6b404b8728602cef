/**
 * Running a sweep's runs: in this process with one stage cache, or split over
 * worker processes (`jobs`), or one shard of them (`shard`). Every way gives
 * the same rows: a run's result depends only on its scenario document, and
 * rows come back sorted by run id.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../core/index.js';
import { checkOptions } from '../core/internal.js';
import { runScenario, type ScenarioAbortError } from '../scenario/index.js';
import { StageCache } from '../scenario/index.js';
import { runScenarioDocument, type SweepPlan, type SweepRun } from './plan-sweep.js';
import { SweepError } from './sweep-schema.js';

/** One run's row: its variant's values and every headline number. */
export interface SweepRow {
  run: number;
  variant: number;
  seed: string | number;
  /** The variant's value of each parameter (plan.parameters order). */
  values: number[];
  headline: Record<string, number>;
}

/** A shard: the `index`-th (0-based) of `count` contiguous slices of the runs. */
export interface SweepShard {
  index: number;
  count: number;
}

/** Progress of a sweep. */
export interface SweepProgress {
  done: number;
  total: number;
  /** Milliseconds since the sweep started. */
  elapsedMs: number;
  /** Estimated milliseconds left (from the mean time per run so far), null before the first run ends. */
  etaMs: number | null;
  /** Steps restored from the stage cache so far (this process and its workers). */
  cachedSteps: number;
}

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** Run only this slice of the runs (default: all). */
  shard?: SweepShard;
  /** Worker processes (default 1: this process). Each keeps its own stage cache; runs are split in contiguous blocks. */
  jobs?: number;
  /** Called after each run. */
  onProgress?: (p: SweepProgress) => void;
  /** Stops the sweep (between runs, and within a run between steps). */
  signal?: AbortSignal;
}

const ORIGIN = 'runSweep';

/**
 * The runs of one shard: contiguous, so runs sharing a seed's stages stay
 * together; shard sizes differ by at most one.
 *
 * @param runs - every run, in canonical order
 * @param shard - `{ index, count }`, 0 ≤ index < count
 * @returns the shard's runs
 * @throws {InvalidInputError} on a bad shard
 * @example shardRuns(plan.runs, { index: 0, count: 4 })
 */
export function shardRuns<T>(runs: readonly T[], shard: SweepShard): T[] {
  const { index, count } = shard ?? ({} as SweepShard);
  if (!Number.isInteger(count) || count < 1) throw new InvalidInputError('shardRuns', 'shard.count', 'must be an integer >= 1', count);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new InvalidInputError('shardRuns', 'shard.index', `must be an integer in [0, ${count - 1}]`, index);
  const n = runs.length;
  return runs.slice(Math.floor((index * n) / count), Math.floor(((index + 1) * n) / count));
}

/**
 * Runs one run in this process.
 *
 * @param plan - from planSweep
 * @param run - one of plan.runs
 * @param cache - the stage cache to reuse
 * @param signal - optional AbortSignal
 * @returns its row
 */
export async function runOne(plan: SweepPlan, run: SweepRun, cache: StageCache, signal?: AbortSignal): Promise<SweepRow> {
  const doc = runScenarioDocument(plan, run);
  let r;
  try {
    // Rows keep headline numbers only: the bootstrap intervals of each run (which never change a headline number) are skipped.
    r = await runScenario(doc, { cache, baseDir: plan.scenarioBaseDir, signal, bootstrap: false });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e as ScenarioAbortError;
    const values = plan.parameters.map((p, i) => `${p.key} = ${plan.variants[run.variant][i]}`).join(', ');
    throw new SweepError(ORIGIN, [{ path: `run ${run.id}`, message: `(seed ${JSON.stringify(run.seed)}${values ? `, ${values}` : ''}) failed: ${(e as Error)?.message ?? String(e)}` }]);
  }
  return { run: run.id, variant: run.variant, seed: run.seed, values: plan.variants[run.variant], headline: r.headline };
}

/** The worker file (built next to this module in dist/). */
function workerFile(): string | null {
  try {
    const f = fileURLToPath(new URL('./sweep-worker.js', import.meta.url));
    return existsSync(f) ? f : null;
  } catch {
    return null;
  }
}

/**
 * Runs a sweep's runs (all, or one shard) and returns their rows sorted by
 * run id. With `jobs` > 1 the runs are split into contiguous blocks, one per
 * worker process (the package's `sweep-worker.js`); rows are the same as in
 * one process.
 *
 * @param plan - from planSweep
 * @param options - `shard`, `jobs`, `onProgress`, `signal`
 * @returns the rows, sorted by run id
 * @throws {SweepError} when a run fails (naming the run, its seed and values)
 * @throws {InvalidInputError} on bad options, or `jobs` > 1 when the package is not built (worker file missing)
 * @example const rows = await runSweep(planSweep(sweepFile), { jobs: 2 });
 */
export async function runSweep(plan: SweepPlan, options: RunSweepOptions = {}): Promise<SweepRow[]> {
  checkOptions(ORIGIN, options, ['shard', 'jobs', 'onProgress', 'signal']);
  const runs = options.shard ? shardRuns(plan.runs, options.shard) : plan.runs;
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new InvalidInputError(ORIGIN, 'options.jobs', 'must be an integer in [1, 256]', jobs);
  const t0 = performance.now();
  let done = 0;
  let cachedSteps = 0;
  const report = () => {
    done++;
    const elapsedMs = performance.now() - t0;
    options.onProgress?.({ done, total: runs.length, elapsedMs, etaMs: (elapsedMs / done) * (runs.length - done), cachedSteps });
  };
  const rows: SweepRow[] = [];
  const blocks = Math.min(jobs, runs.length);
  if (blocks <= 1) {
    const cache = new StageCache();
    for (const run of runs) {
      const before = cache.hits;
      rows.push(await runOne(plan, run, cache, options.signal));
      cachedSteps += cache.hits - before;
      report();
    }
    return rows;
  }
  const file = workerFile();
  if (file === null) throw new InvalidInputError(ORIGIN, 'options.jobs', 'needs the built package (dist/sweep-worker.js); run npm run build, or use jobs: 1', jobs);
  const parts = Array.from({ length: blocks }, (_, i) => shardRuns(runs, { index: i, count: blocks }));
  const children: ReturnType<typeof fork>[] = [];
  await Promise.all(
    parts.map(
      (part) =>
        new Promise<void>((resolveBlock, reject) => {
          const child = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          children.push(child);
          let failed = false;
          const onAbort = () => child.kill('SIGTERM');
          options.signal?.addEventListener('abort', onAbort, { once: true });
          child.on('message', (m: { type: string; row?: SweepRow; cached?: number; error?: { name: string; message: string } }) => {
            if (m.type === 'row') {
              rows.push(m.row!);
              cachedSteps += m.cached ?? 0;
              report();
            } else if (m.type === 'error') {
              failed = true;
              reject(m.error!.name === 'SweepError' ? new SweepError(ORIGIN, [{ path: 'worker', message: m.error!.message }]) : new Error(m.error!.message));
            }
          });
          child.on('exit', (code, sig) => {
            options.signal?.removeEventListener('abort', onAbort);
            if (failed) return;
            if (options.signal?.aborted) reject(Object.assign(new Error(`${ORIGIN}: aborted`), { name: 'AbortError' }));
            else if (code === 0) resolveBlock();
            else reject(new SweepError(ORIGIN, [{ path: 'worker', message: `a worker process exited with ${sig ?? `code ${code}`}` }]));
          });
          child.send({ sweep: plan.sweep, baseDir: plan.scenarioBaseDir, hash: plan.hash, runIds: part.map((r) => r.id) });
        }),
    ),
  ).catch((e) => {
    // One block failed: stop the others.
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    throw e;
  });
  rows.sort((a, b) => a.run - b.run);
  return rows;
}
