/**
 * Internal entry of the scenario layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { throwIfAborted } from './scenario-error.js';

// The parts' report sections and the helpers they share, for the page src/io/report-html.ts assembles.
export { esc, fmtNum, VEGA_LITE_SCHEMA } from './report-kit.js';
export { formatWithInterval } from './intervals.js';
export type { ReportCard, ReportMapFeatures, ReportSection } from './report-kit.js';
export { MODEL_REPORT } from './model/report.js';
export { COVERAGE_REPORT } from './coverage/report.js';
export { NETWORK_REPORT } from './network/report.js';
export { UPTIME_REPORT } from './network/uptime.js';
export { TIMELINE_REPORT } from './timeline/report.js';
export { EXPOSURE_REPORT } from './exposure/report.js';
export { UNICITY_KEEP_DEFAULT } from './exposure/step.js';
export { RETENTION_REPORT } from './retention/report.js';
export { stableJson } from './stage-cache.js';

// The assumptions table's range column and the registry's helpers for the parts' rows.
export { formatRange, rangedRow, registryRow, closestName } from './assumption-registry.js';
