/**
 * Outputs: atomic writes, GeoJSON, CSV, the HTML report.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { writeFileAtomic, TEMP_PREFIX } from './atomic-write.js';
export { buildComparisonHtml } from './comparison-html.js';
export { exposureCsvChunks, EXPOSURE_CSV_COLUMNS } from './exposure-csv.js';
export { camerasGeoJsonChunks, districtsGeoJson, coverageGridGeoJson, cameraDensityGeoJson, GEOJSON_PRECISION, cameraFootprintsGeoJsonChunks, cameraFootprintFeatures, cameraFeatures, CAMERA_FOOTPRINTS_DEFAULTS, networkGeoJson, networkNodesGeoJson, networkLinksGeoJson } from './geojson.js';
export type { CameraFootprintsOptions, CameraProperties } from './geojson.js';
export { flatgeobufBytes } from './flatgeobuf.js';
export type { FgbFeature } from './flatgeobuf.js';
export { buildReportHtml } from './report-html.js';
export type { ReportMaps } from './report-html.js';
export { writeScenarioOutputs, writeScenarioOutputsAsync, OUTPUT_FILES, OUTPUT_FORMATS } from './write-outputs.js';
export { MANIFEST_FILE, type OutputManifest } from './output-folder.js';
export type { WriteOutputsOptions, OutputFormat } from './write-outputs.js';
