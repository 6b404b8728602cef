/**
 * Foundations: errors, seeded random streams, units, the shared numeric kit.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { SightlineError, InvalidInputError, NotFoundError, UsageError } from './errors.js';
export { createRng } from './random.js';
export type { Seed, Rng } from './random.js';
export { releaseScratch } from './scratch.js';
export { headingToAngle, angleToHeading, normaliseDegrees, normaliseRadians, DEG_TO_RAD, RAD_TO_DEG } from './units.js';
export type { Bounds } from './validate.js';
export type { QuantileSummary } from './quantile-summary.js';
export { SOURCES, formatSource } from './sources.js';
export type { Source, SourceId } from './sources.js';
export { poissonInterval, POISSON_INTERVAL_DEFAULTS } from './poisson-interval.js';
export type { Interval } from './poisson-interval.js';
export { bootstrapMeanInterval, bootstrapMeanIntervals, BOOTSTRAP_DEFAULTS } from './bootstrap-interval.js';
export type { BootstrapColumn, BootstrapOptions, BootstrapInterval } from './bootstrap-interval.js';
