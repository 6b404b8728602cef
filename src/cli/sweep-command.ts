/**
 * `sightline sweep`: run a sweep file (all runs, or one shard of them) into an
 * output folder, and `sightline sweep merge` to combine shard folders.
 *
 * Shards: `--shard I/N` (0-based), else a cluster scheduler's array index —
 * Slurm's SLURM_ARRAY_TASK_ID with SIGHTLINE_SHARD_COUNT (or, for an array
 * that starts at 0, SLURM_ARRAY_TASK_COUNT: a re-run of one task has a count
 * of 1, so set SIGHTLINE_SHARD_COUNT), or Kubernetes' JOB_COMPLETION_INDEX with
 * SIGHTLINE_SHARD_COUNT (an Indexed Job does not publish its completions).
 * A shard writes `DIR/shard-IIII-of-NNNN/` (runs.csv, shard.json) as a unit,
 * so a re-run of a failed shard is idempotent.
 */
import { dirname, resolve } from 'node:path';
import { totalmem } from 'node:os';
import { UsageError } from '../core/index.js';
import { parseScenario } from '../scenario/index.js';
import { planSweep, runScenarioDocument, runSweep, writeSweepFolder, writeShardFolder, mergeSweepShards, shardFolderName, shardRuns, SWEEP_FILES, SHARD_FILES, type SweepShard, type SweepProgress } from '../sweep/index.js';
import { prepareOutFolder, readInput } from './cli-files.js';
import { guardResources, ResourceLimitError } from './resource-guard.js';
import type { ProgressSink } from './progress.js';

const CLI = 'sightline';

/** What the sweep command needs of the CLI's invocation. */
export interface SweepCommandContext {
  io: { stdout: { write(text: string): void }; stderr: ProgressSink; signal?: AbortSignal };
  values: { out?: string; shard?: string; jobs?: string; json?: boolean; quiet?: boolean; force?: boolean };
  json: boolean;
  cwd: string;
}

/** The shard from `--shard I/N` or the scheduler's environment; null for the whole sweep. */
export function shardFromArgs(flag: string | undefined, env: NodeJS.ProcessEnv): (SweepShard & { from: string }) | null {
  const int = (name: string, text: string | undefined): number => {
    if (text === undefined || !/^\d+$/.test(text.trim())) throw new UsageError(CLI, `${name} must be a non-negative integer, got ${JSON.stringify(text)}`);
    return Number(text.trim());
  };
  let s: (SweepShard & { from: string }) | null = null;
  if (flag !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(flag.trim());
    if (!m) throw new UsageError(CLI, `--shard must be I/N (0-based shard I of N, e.g. 0/4), got ${JSON.stringify(flag)}`);
    s = { index: Number(m[1]), count: Number(m[2]), from: '--shard' };
  } else if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    // The array index is the shard index (arrays are 0-based: --array=0-(N-1)). The count is
    // SIGHTLINE_SHARD_COUNT when set: re-running one failed task (sbatch --array=2) makes Slurm's own
    // count 1, so a re-run needs it; without it, Slurm's count, only for an array that starts at 0.
    const index = int('SLURM_ARRAY_TASK_ID', env.SLURM_ARRAY_TASK_ID);
    if (env.SIGHTLINE_SHARD_COUNT !== undefined) s = { index, count: int('SIGHTLINE_SHARD_COUNT', env.SIGHTLINE_SHARD_COUNT), from: 'Slurm job array' };
    else {
      if (env.SLURM_ARRAY_TASK_COUNT === undefined) throw new UsageError(CLI, 'SLURM_ARRAY_TASK_ID is set but neither SIGHTLINE_SHARD_COUNT nor SLURM_ARRAY_TASK_COUNT is: give --shard I/N');
      if (env.SLURM_ARRAY_TASK_MIN !== undefined && int('SLURM_ARRAY_TASK_MIN', env.SLURM_ARRAY_TASK_MIN) !== 0) {
        throw new UsageError(CLI, `the Slurm array starts at ${env.SLURM_ARRAY_TASK_MIN}, not 0: set SIGHTLINE_SHARD_COUNT to the number of shards (a re-run of some tasks), or give --shard I/N`);
      }
      s = { index, count: int('SLURM_ARRAY_TASK_COUNT', env.SLURM_ARRAY_TASK_COUNT), from: 'Slurm job array' };
    }
  } else if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (env.SIGHTLINE_SHARD_COUNT === undefined) throw new UsageError(CLI, 'JOB_COMPLETION_INDEX is set but SIGHTLINE_SHARD_COUNT is not (set it to the Job\'s completions), or give --shard I/N');
    s = { index: int('JOB_COMPLETION_INDEX', env.JOB_COMPLETION_INDEX), count: int('SIGHTLINE_SHARD_COUNT', env.SIGHTLINE_SHARD_COUNT), from: 'Kubernetes Indexed Job' };
  }
  if (s && (s.count < 1 || s.index < 0 || s.index >= s.count)) throw new UsageError(CLI, `shard ${s.index} of ${s.count} (${s.from}): the index must be in 0 … ${s.count - 1}`);
  return s;
}

const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
};

/** Progress lines: on a terminal one line redrawn; otherwise a line at most every 2 s (and the last). */
function progressPrinter(sink: ProgressSink, quiet: boolean): (p: SweepProgress) => void {
  let last = -Infinity;
  return (p) => {
    if (quiet) return;
    const now = performance.now();
    if (!sink.isTTY && p.done < p.total && now - last < 2000) return;
    last = now;
    const text = `sweep: ${p.done}/${p.total} runs (${((100 * p.done) / p.total).toFixed(1)} %), ${(p.elapsedMs / 1000 / p.done).toFixed(2)} s/run, ${p.cachedSteps} steps from the cache, ETA ${p.etaMs === null ? '–' : duration(p.etaMs)}`;
    sink.write(sink.isTTY ? `\r\x1b[2K${text}${p.done === p.total ? '\n' : ''}` : `${text}\n`);
  };
}

/**
 * Runs `sightline sweep …`.
 *
 * @param ctx - the invocation
 * @param positionals - `[SWEEP.json]` or `['merge', DIR, …]`
 * @param env - the environment (scheduler variables)
 * @returns the exit code
 */
export async function cmdSweep(ctx: SweepCommandContext, positionals: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (positionals[0] === 'merge') return cmdMerge(ctx, positionals.slice(1));
  if (positionals.length !== 1) throw new UsageError(CLI, `sweep: one sweep file expected (or sweep merge DIR...), got ${positionals.length}`);
  if (ctx.values.out === undefined || ctx.values.out === '') throw new UsageError(CLI, 'sweep: --out DIR is required (the folder for runs.csv, summary.json and report.html, or the shard folders)');
  const jobs = ctx.values.jobs === undefined ? 1 : /^\d+$/.test(ctx.values.jobs) && Number(ctx.values.jobs) >= 1 && Number(ctx.values.jobs) <= 256 ? Number(ctx.values.jobs) : NaN;
  if (Number.isNaN(jobs)) throw new UsageError(CLI, `--jobs must be an integer in 1 … 256, got ${JSON.stringify(ctx.values.jobs)}`);
  const shard = shardFromArgs(ctx.values.shard, env);
  const file = resolve(ctx.cwd, positionals[0]);
  const text = readInput(positionals[0] === '-' ? '-' : file);
  const plan = planSweep(text, { baseDir: positionals[0] === '-' ? ctx.cwd : dirname(file) });
  const out = shard ? resolve(ctx.cwd, ctx.values.out, shardFolderName(shard)) : resolve(ctx.cwd, ctx.values.out);
  prepareOutFolder(ctx, '--out', out, shard ? SHARD_FILES : SWEEP_FILES);
  const runs = shard ? shardRuns(plan.runs, shard) : plan.runs;
  // Memory: one run at a time per process; refuse what cannot fit before any work (unless --force).
  if (runs.length > 0) {
    const e = guardResources(parseScenario(runScenarioDocument(plan, runs[0])), { force: ctx.values.force === true, warn: (t) => ctx.io.stderr.write(t), origin: CLI });
    const procs = Math.min(jobs, runs.length);
    if (procs > 1 && e.bytes * procs > 0.75 * totalmem() && ctx.values.force !== true) {
      throw new ResourceLimitError(CLI, `${procs} worker processes need about ${(e.bytes * procs / 2 ** 30).toFixed(1)} GB, more than 75 % of this machine's ${(totalmem() / 2 ** 30).toFixed(1)} GB: use fewer --jobs, or pass --force`, e);
    }
  }
  if (!ctx.json && !ctx.values.quiet) {
    ctx.io.stderr.write(`sweep ${plan.name}: ${plan.design}, ${plan.variants.length} variant(s) × ${plan.seeds.length} seed(s) = ${plan.runs.length} runs${shard ? `; shard ${shard.index} of ${shard.count} (${shard.from}): ${runs.length} runs` : ''}${jobs > 1 ? `; ${jobs} worker processes` : ''}\n`);
  }
  const rows = await runSweep(plan, { shard: shard ?? undefined, jobs, signal: ctx.io.signal, onProgress: progressPrinter(ctx.io.stderr, ctx.values.quiet === true || ctx.json) });
  if (shard) {
    await writeShardFolder(out, plan, shard, rows, { signal: ctx.io.signal });
    if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, outDir: out, sweepHash: plan.hash, shard: { index: shard.index, count: shard.count }, runs: rows.length }) + '\n');
    else ctx.io.stdout.write(`Wrote shard ${shard.index} of ${shard.count} (${rows.length} runs) to ${out}\n  merge the shards: sightline sweep merge ${resolve(ctx.cwd, ctx.values.out)} --out DIR\n`);
    return 0;
  }
  const summary = await writeSweepFolder(out, plan, rows, { signal: ctx.io.signal });
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, outDir: out, summary }) + '\n');
  else ctx.io.stdout.write(`Wrote ${rows.length} runs to ${out}\n  runs.csv, summary.json, report: ${resolve(out, 'report.html')}\n`);
  return 0;
}

async function cmdMerge(ctx: SweepCommandContext, dirs: string[]): Promise<number> {
  if (dirs.length === 0) throw new UsageError(CLI, 'sweep merge: give the shard folders (or the folder holding them)');
  if (ctx.values.out === undefined || ctx.values.out === '') throw new UsageError(CLI, 'sweep merge: --out DIR is required');
  if (ctx.values.shard !== undefined || ctx.values.jobs !== undefined) throw new UsageError(CLI, 'sweep merge: --shard and --jobs do not apply');
  const out = prepareOutFolder(ctx, '--out', ctx.values.out, SWEEP_FILES);
  const { plan, rows } = mergeSweepShards(dirs.map((d) => resolve(ctx.cwd, d)));
  const summary = await writeSweepFolder(out, plan, rows, { signal: ctx.io.signal });
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, outDir: out, summary }) + '\n');
  else ctx.io.stdout.write(`Merged ${rows.length} runs to ${out}\n  runs.csv, summary.json, report: ${resolve(out, 'report.html')}\n`);
  return 0;
}
