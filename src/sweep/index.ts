/**
 * Sweeps: a scenario run over seeds and varied inputs (grid, one at a time,
 * Sobol) with stage caching, worker processes, shards and their merge
 * (planSweep, runSweep, writeSweepFolder, mergeSweepShards); and global (Sobol') and one-at-a-time sensitivity of any model of a few
 * numeric parameters, and the Sobol low-discrepancy sequence behind the
 * global design.
 *
 * Each analysis comes as a pair a sweep runner can split across processes
 * (points first, outputs later: {@link saltelliDesign} then
 * {@link sobolFromEvaluations}; {@link oneAtATimePoints} then
 * {@link oneAtATimeFromEvaluations}) and as a one-call wrapper that evaluates
 * the model itself ({@link sobolIndices}, {@link oneAtATime}).
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file.
 */
export { sobolSequence, SOBOL_MAX_DIMENSIONS, SOBOL_MAX_VALUES } from './sobol-sequence.js';
export type { SobolSequenceOptions } from './sobol-sequence.js';
export { JOE_KUO_DIRECTIONS } from './joe-kuo-directions.js';
export type { JoeKuoRow } from './joe-kuo-directions.js';
export { saltelliDesign, SALTELLI_DESIGN_DEFAULTS, SALTELLI_MAX_SAMPLES, SALTELLI_MAX_PARAMETERS } from './saltelli-design.js';
export type { SaltelliDesign, SaltelliDesignOptions, SaltelliIndex } from './saltelli-design.js';
export { sobolIndices, sobolFromEvaluations, SOBOL_DEFAULTS, SOBOL_MAX_BOOTSTRAP } from './sobol-indices.js';
export type { SobolIndices, SobolIndicesDefined, SobolIndicesUndefined, SobolIndicesOptions, SobolFromEvaluationsOptions, SobolParams } from './sobol-indices.js';
export { oneAtATime, oneAtATimePoints, oneAtATimeFromEvaluations } from './one-at-a-time.js';
export type { OneAtATimeLevels, OneAtATimeParameters, OneAtATimeDesign, OneAtATimeSwing, OneAtATimeResult } from './one-at-a-time.js';
export type { ParameterRange, ParameterRanges, SweepModel } from './parameter-ranges.js';
export type { Interval } from '../core/index.js';
export { parseSweep, sweepJsonSchema, sweepSchema, SweepError, SWEEP_DEFAULTS } from './sweep-schema.js';
export type { SweepSpec, SweepInput, SweepRange, SweepIssue } from './sweep-schema.js';
export { planSweep, runScenarioDocument } from './plan-sweep.js';
export type { SweepPlan, SweepParameter, SweepRun, PlanSweepOptions } from './plan-sweep.js';
export { runSweep, shardRuns } from './run-sweep.js';
export type { SweepRow, SweepShard, SweepProgress, RunSweepOptions } from './run-sweep.js';
export { summariseSweep, SWEEP_INTERVAL_LEVEL } from './summarise-sweep.js';
export type { SweepSummary, SweepStat, SweepSwing } from './summarise-sweep.js';
export { sweepRowsCsv, readSweepRowsCsv } from './sweep-csv.js';
export { writeSweepFolder, writeShardFolder, mergeSweepShards, shardFolderName, SWEEP_FILES, SHARD_FILES } from './sweep-folder.js';
export type { ShardRecord } from './sweep-folder.js';
export { buildSweepReportHtml } from './sweep-report-html.js';
export { setPath, getPath } from './scenario-path.js';
export { StageCache } from '../scenario/index.js';
export type { StageCacheOptions } from '../scenario/index.js';
