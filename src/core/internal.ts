/**
 * Internal entry of the core layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
// Node built-ins and thread services, per platform (package.json "imports" #platform).
export { fullCollector, availableParallelism, workerFileUrl, startWorker, nodeFs, nodePath, nodeCrypto, nodeModule, nodeUrl, nodeWorkerThreads, nodeZlib, PLATFORM } from '#platform';
// Third-party libraries without `sideEffects: false`, each in a chunk of its own (see lib-proj4.ts).
export { proj4 } from './lib-proj4.js';
export { Graph, DirectedGraph } from './lib-graphology.js';
export { formatValue } from './errors.js';
export { toRng } from './random.js';
export { scratchFloat64, scratchUint32, scratchUint8, sharedScratchFloat64, sharedScratchUint8, scratchInt32, sharedScratchUint32 } from './scratch.js';
export { requireBounds, requireFinite, requireNonNegative, requirePositive, requireInteger, requireObject, requireProbability, requireOneOf, requireKnownKeys } from './validate.js';
export { claimTasks, WorkerPool, waitForChunks } from './worker-pool.js';
export { warnDeprecated } from './deprecation.js';
export { checkOptions, optionKeys, withNestedOptions, nearestKey, pickOptions, UnknownOptionError } from './check-options.js';
export type { OptionKeys } from './check-options.js';
export { selectKth, selectRanks, orderStatistics } from './select.js';
export { quantileSummary, quantileSummaryInto, quantileSummaryFromRow, QUANTILE_SUMMARY_DEFAULTS } from './quantile-summary.js';
export type { QuantileSummary, QuantileSummaryMethod, QuantileSummaryOptions } from './quantile-summary.js';
export { headingToAngleDeg } from './units.js';
