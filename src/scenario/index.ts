/**
 * Scenarios: schema, presets, runScenario, comparison.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { compareScenarios } from './compare.js';
export type { MetricDelta, ScenarioComparison } from './compare.js';
export { scenarioPreset, SCENARIO_PRESET_NAMES, JANUARY_2022_HOLD, ALMATY_MINIMAL_RETENTION, PRESET_PLACES, JANUARY_2022_CROWD } from './presets.js';
export type { ScenarioPresetName, ScenarioPresetOptions } from './presets.js';
export type { Assumption, StepTiming, Histogram, NotComputed, ScenarioMetrics, ScenarioResult } from './result.js';
export type { CityMetrics, CameraMetrics } from './model/result.js';
export type { CoverageRun, DistrictMetrics } from './coverage/result.js';
export type { TrialSummaryMetrics, NetworkMetrics } from './network/result.js';
export type { DistrictExposureMetrics, DistributionMetrics, CrowdMetrics, PopulationExposureMetrics, ExposureMetrics } from './exposure/result.js';
export type { RetentionPolicyMetrics, RetroactiveCrowdMetrics, RetentionMetrics } from './retention/result.js';
export { runScenarioDetailed, runScenario } from './run-scenario.js';
export type { ScenarioProgress, RunScenarioOptions, ScenarioRun } from './run-scenario.js';
export { ScenarioError, ScenarioAbortError } from './scenario-error.js';
export type { ScenarioIssue } from './scenario-error.js';
export { parseScenario, scenarioJsonSchema, SCENARIO_FORMAT_VERSION, scenarioSchema } from './schema.js';
export type { ScenarioSpec, ScenarioInput, CameraSourceSpec } from './schema.js';
export { SCENARIO_STEPS } from './steps.js';
export { ASSUMPTION_REGISTRY, assumptionEntry } from './assumption-registry.js';
export type { AssumptionEntry, AssumptionRange, AssumptionDistribution } from './assumption-registry.js';
export { applyAssumptions } from './apply-assumptions.js';
export type { ScenarioContext, ScenarioStep } from './steps.js';
export { SIGHTLINE_VERSION } from './version.js';
export { StageCache, stageInputs } from './stage-cache.js';
export type { StageCacheOptions } from './stage-cache.js';
