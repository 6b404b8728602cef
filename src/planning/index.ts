/**
 * Planning: where to add cameras (greedy maximum coverage with exact
 * marginal gains) and which cameras matter most (exact unique coverage and
 * the greedy removal order). Published as the subpath `sightline/planning`.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file.
 */
export { optimisePlacement, OPTIMISE_PLACEMENT_DEFAULTS, PLACEMENT_OBJECTIVES } from './optimise-placement.js';
export type { OptimisePlacementOptions, PlacementObjective, PlacementResult } from './optimise-placement.js';
export { rankCameraImportance, RANK_CAMERA_IMPORTANCE_DEFAULTS } from './camera-importance.js';
export type { CameraImportanceOptions, CameraImportance, ImportanceRow, RemovalStep, ImportanceMetric, ImportanceGrouping } from './camera-importance.js';
export type { PlanningAreaOptions } from './study-area-input.js';
