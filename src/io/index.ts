/**
 * Outputs: atomic writes, GeoJSON, CSV, the HTML report.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { writeFileAtomic, TEMP_PREFIX } from './atomic-write.js';
export { buildComparisonHtml } from './comparison-html.js';
export { exposureCsvChunks, EXPOSURE_CSV_COLUMNS } from './exposure-csv.js';
export { camerasGeoJsonChunks, districtsGeoJson, coverageGridGeoJson, cameraDensityGeoJson, GEOJSON_PRECISION } from './geojson.js';
export { buildReportHtml } from './report-html.js';
export type { ReportMaps } from './report-html.js';
export { writeScenarioOutputs, writeScenarioOutputsAsync, OUTPUT_FILES } from './write-outputs.js';
export { MANIFEST_FILE, type OutputManifest } from './output-folder.js';
export type { WriteOutputsOptions } from './write-outputs.js';
