/**
 * A sweep's output folder, written as a unit (staging folder, manifest.json,
 * swap: see src/io's output folder): the whole sweep writes `runs.csv`,
 * `summary.json` and `report.html`; a shard writes its `runs.csv` and
 * `shard.json` (the sweep with its scenario inline, its hash and the shard's
 * place), so that a re-run of a failed shard replaces its folder whole and a
 * merge needs nothing but the shard folders.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidInputError } from '../core/index.js';
import { checkOptions } from '../core/internal.js';
import { SIGHTLINE_VERSION } from '../scenario/index.js';
import { throwIfAborted } from '../scenario/internal.js';
import { MANIFEST_FILE } from '../io/index.js';
import { outputFolderProblem, recoverOutputFolder, writeOutputFolderAsync } from '../io/internal.js';
import { planSweep, type SweepPlan } from './plan-sweep.js';
import { shardRuns, type SweepRow, type SweepShard } from './run-sweep.js';
import { readSweepRowsCsv, sweepRowsCsv } from './sweep-csv.js';
import { summariseSweep, type SweepSummary } from './summarise-sweep.js';
import { buildSweepReportHtml } from './sweep-report-html.js';
import { SweepError } from './sweep-schema.js';

/** Files of a whole sweep's folder (manifest.json last). */
export const SWEEP_FILES = ['runs.csv', 'summary.json', 'report.html', MANIFEST_FILE] as const;
/** Files of a shard's folder (manifest.json last). */
export const SHARD_FILES = ['runs.csv', 'shard.json', MANIFEST_FILE] as const;

/** shard.json. */
export interface ShardRecord {
  format: 'sightline-sweep-shard';
  formatVersion: 1;
  libraryVersion: string;
  sweepHash: string;
  shard: SweepShard;
  /** Ids of the shard's runs (first and last, inclusive; none when the shard is empty). */
  runs: { first: number; last: number } | null;
  /** The sweep with its scenario inline (what the merge plans from). */
  sweep: SweepPlan['sweep'];
  scenarioBaseDir: string;
}

/** The folder name of a shard inside a sweep's output folder: `shard-0003-of-0016`. */
export function shardFolderName(shard: SweepShard): string {
  const w = Math.max(4, String(shard.count).length);
  return `shard-${String(shard.index).padStart(w, '0')}-of-${String(shard.count).padStart(w, '0')}`;
}

function checkDir(origin: string, dir: string, own: readonly string[]): void {
  if (typeof dir !== 'string' || dir.length === 0) throw new InvalidInputError(origin, 'dir', 'must be a non-empty string', dir);
  const problem = outputFolderProblem(dir, own);
  if (problem) throw new InvalidInputError(origin, 'dir', `must be a folder sightline can write: ${problem}`, dir);
  recoverOutputFolder(dir);
}

const onAbort = (origin: string, signal?: AbortSignal) => (point: string): never => {
  throwIfAborted(signal, origin, point);
  throw new Error('unreachable');
};

/**
 * Writes a whole sweep's folder: runs.csv, summary.json, report.html.
 *
 * @param dir - the folder (created when missing; replaced as a unit)
 * @param plan - the sweep's plan
 * @param rows - every run's row, sorted by run id
 * @param options - `signal`
 * @returns the summary written
 */
export async function writeSweepFolder(dir: string, plan: SweepPlan, rows: readonly SweepRow[], options: { signal?: AbortSignal } = {}): Promise<SweepSummary> {
  checkOptions('writeSweepFolder', options, ['signal']);
  checkDir('writeSweepFolder', dir, SWEEP_FILES);
  const summary = summariseSweep(plan, rows);
  await writeOutputFolderAsync(
    dir,
    [
      { name: 'runs.csv', data: () => sweepRowsCsv(plan, rows) },
      { name: 'summary.json', data: () => JSON.stringify(summary, null, 1) + '\n' },
      { name: 'report.html', data: () => buildSweepReportHtml(summary) },
    ],
    { signal: options.signal, ownNames: SWEEP_FILES, libraryVersion: SIGHTLINE_VERSION },
    onAbort('writeSweepFolder', options.signal),
  );
  return summary;
}

/**
 * Writes one shard's folder: runs.csv (its rows) and shard.json.
 *
 * @param dir - the shard's folder (replaced as a unit, so a re-run is idempotent)
 * @param plan - the sweep's plan
 * @param shard - which shard
 * @param rows - the shard's rows, sorted by run id
 * @param options - `signal`
 */
export async function writeShardFolder(dir: string, plan: SweepPlan, shard: SweepShard, rows: readonly SweepRow[], options: { signal?: AbortSignal } = {}): Promise<void> {
  checkOptions('writeShardFolder', options, ['signal']);
  checkDir('writeShardFolder', dir, SHARD_FILES);
  const record: ShardRecord = {
    format: 'sightline-sweep-shard',
    formatVersion: 1,
    libraryVersion: SIGHTLINE_VERSION,
    sweepHash: plan.hash,
    shard,
    runs: rows.length ? { first: rows[0].run, last: rows[rows.length - 1].run } : null,
    sweep: plan.sweep,
    scenarioBaseDir: plan.scenarioBaseDir,
  };
  await writeOutputFolderAsync(
    dir,
    [
      { name: 'runs.csv', data: () => sweepRowsCsv(plan, rows) },
      { name: 'shard.json', data: () => JSON.stringify(record, null, 1) + '\n' },
    ],
    { signal: options.signal, ownNames: SHARD_FILES, libraryVersion: SIGHTLINE_VERSION },
    onAbort('writeShardFolder', options.signal),
  );
}

/** The shard folders named: each argument is a shard folder, or a folder holding `shard-*` folders. */
export function shardFolders(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    if (existsSync(join(abs, 'shard.json'))) out.push(abs);
    else if (existsSync(abs) && statSync(abs).isDirectory()) {
      const inner = readdirSync(abs)
        .filter((n) => /^shard-\d+-of-\d+$/.test(n) && existsSync(join(abs, n, 'shard.json')))
        .sort()
        .map((n) => join(abs, n));
      if (inner.length === 0) throw new SweepError('mergeSweepShards', [{ path: p, message: 'is neither a shard folder (no shard.json) nor a folder holding shard-* folders' }]);
      out.push(...inner);
    } else throw new SweepError('mergeSweepShards', [{ path: p, message: 'does not exist' }]);
  }
  return out;
}

/**
 * Combines shard folders into the whole sweep's plan and rows; refuses (naming
 * the folders) shards of different sweeps or library versions, missing and
 * duplicated shards, and a shard whose rows are not exactly its runs.
 *
 * @param paths - shard folders, or folders holding them
 * @returns the plan and every row, sorted by run id
 * @throws {SweepError} naming the folders at fault
 * @example const { plan, rows } = mergeSweepShards(['out/sweep']); await writeSweepFolder('out/merged', plan, rows);
 */
export function mergeSweepShards(paths: readonly string[]): { plan: SweepPlan; rows: SweepRow[] } {
  const dirs = shardFolders(paths);
  const recs = dirs.map((d) => {
    let r: ShardRecord;
    try {
      r = JSON.parse(readFileSync(join(d, 'shard.json'), 'utf8')) as ShardRecord;
    } catch (e) {
      throw new SweepError('mergeSweepShards', [{ path: d, message: `has an unreadable shard.json (${(e as Error).message})` }]);
    }
    if (r?.format !== 'sightline-sweep-shard') throw new SweepError('mergeSweepShards', [{ path: d, message: 'has a shard.json that is not a sightline sweep shard' }]);
    return { dir: d, r };
  });
  const first = recs[0];
  const issues = recs
    .filter((x) => x.r.sweepHash !== first.r.sweepHash || x.r.libraryVersion !== first.r.libraryVersion || x.r.shard.count !== first.r.shard.count)
    .map((x) => ({
      path: x.dir,
      message: x.r.sweepHash !== first.r.sweepHash ? `is from a different sweep (hash ${x.r.sweepHash.slice(0, 12)}…, ${first.dir} has ${first.r.sweepHash.slice(0, 12)}…)` : x.r.libraryVersion !== first.r.libraryVersion ? `was run by sightline ${x.r.libraryVersion}, ${first.dir} by ${first.r.libraryVersion}` : `is shard ${x.r.shard.index} of ${x.r.shard.count}, ${first.dir} of ${first.r.shard.count}`,
    }));
  if (issues.length) throw new SweepError('mergeSweepShards', issues);
  const count = first.r.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const x of recs) byIndex.set(x.r.shard.index, [...(byIndex.get(x.r.shard.index) ?? []), x.dir]);
  const dup = [...byIndex.entries()].filter(([, ds]) => ds.length > 1).map(([i, ds]) => ({ path: ds.join(' and '), message: `are both shard ${i} of ${count}` }));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (dup.length || missing.length) throw new SweepError('mergeSweepShards', [...dup, ...(missing.length ? [{ path: `shards ${missing.join(', ')} of ${count}`, message: `are missing (run them: sightline sweep SWEEP.json --shard I/${count})` }] : [])]);
  const plan = planSweep(first.r.sweep, { baseDir: first.r.scenarioBaseDir });
  if (plan.hash !== first.r.sweepHash) throw new SweepError('mergeSweepShards', [{ path: first.dir, message: 'records a sweep whose hash does not match its content (edited by hand?)' }]);
  const rows: SweepRow[] = [];
  for (const x of [...recs].sort((a, b) => a.r.shard.index - b.r.shard.index)) {
    const expected = shardRuns(plan.runs, x.r.shard).map((r) => r.id);
    const got = readSweepRowsCsv(plan, readFileSync(join(x.dir, 'runs.csv'), 'utf8'), join(x.dir, 'runs.csv'));
    if (got.length !== expected.length || got.some((r, i) => r.run !== expected[i])) throw new SweepError('mergeSweepShards', [{ path: x.dir, message: `holds runs ${got.length ? `${got[0].run}–${got[got.length - 1].run}` : 'none'} (${got.length}), shard ${x.r.shard.index} of ${count} is runs ${expected.length ? `${expected[0]}–${expected[expected.length - 1]}` : 'none'} (${expected.length})` }]);
    rows.push(...got);
  }
  return { plan, rows };
}
