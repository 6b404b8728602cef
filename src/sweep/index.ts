/**
 * Sweeps: global (Sobol') and one-at-a-time sensitivity of any model of a few
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
