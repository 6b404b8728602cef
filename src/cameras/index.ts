/**
 * Cameras: the camera store (struct of typed arrays), optics (DORI), placement strategies, OSM import, presets.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { createCameraSet, concatCameraSets, CAMERA_KINDS, CAMERA_OPERATORS, CAPABILITY_FACE, CAPABILITY_PLATE, NO_NODE, CAMERA_DEFAULTS, CAMERA_LIMITS, CameraSet, CameraSetBuilder } from './camera-set.js';
export type { CameraKind, CameraOperator, CameraCapability, CameraInput, CameraProvenance, CameraColumns } from './camera-set.js';
export { pixelDensity, doriDistance, DORI_LEVELS, DORI_PX_PER_M, RECTILINEAR_MAX_FOV } from './optics.js';
export type { DoriLevel } from './optics.js';
export { parseCameraDirection, COMPASS_POINTS } from './parse-camera-direction.js';
export type { ParsedDirection, DirectionParseResult } from './parse-camera-direction.js';
export { importOsmCameras, OSM_IMPORT_DEFAULTS } from './osm-import.js';
export type { OsmImportOptions, OsmImportResult } from './osm-import.js';
export type { CameraImportReportEntry } from './osm-import-report.js';
export { placeUniform, placeByPopulation, PLACE_UNIFORM_DEFAULTS, PLACE_BY_POPULATION_DEFAULTS } from './placement-area.js';
export type { ScatterPlacementOptions } from './placement-area.js';
export { snapOutsideBuildings, SNAP_OUTSIDE_BUILDINGS_DEFAULTS } from './snap-outside-buildings.js';
export { mountOnNearestStreet, MOUNT_ON_STREET_DEFAULTS } from './mount-on-street.js';
export type { MountOnStreetOptions, MountOnStreetResult } from './mount-on-street.js';
export type { SnapOutsideBuildingsOptions, SnapOutsideBuildingsResult } from './snap-outside-buildings.js';
export { MAX_CAMERAS, PLACEMENT_DEFAULTS } from './placement-common.js';
export type { CameraAttributeOptions, PlacementBaseOptions } from './placement-common.js';
export { placeOnFacades, FACADE_PLACEMENT_DEFAULTS } from './placement-facades.js';
export type { FacadePlacementOptions } from './placement-facades.js';
export { placeAtIntersections, INTERSECTION_PLACEMENT_DEFAULTS, countIntersections } from './placement-intersections.js';
export type { IntersectionPlacementOptions } from './placement-intersections.js';
export { placeAlongStreets, STREET_PLACEMENT_DEFAULTS } from './placement-streets.js';
export type { StreetPlacementOptions } from './placement-streets.js';
export { almatyCameras, astanaCameraMix, astanaCameras, createPreset, PRESET_CAMERA_GROUPS, ALMATY_CAMERA_FACTS, ASTANA_CAMERA_FACTS, ALMATY_CAMERA_MIX, PRESET_CAMERA_PROFILES, ALMATY_CAMERAS_DEFAULTS, ASTANA_CAMERAS_DEFAULTS, CREATE_PRESET_DEFAULTS } from './presets.js';
export type { CameraMix, PresetCameraOptions, AstanaCameraOptions, PresetOptions, Preset, PresetCameraGroup, PresetGroupOverride, PresetGroupOverrides } from './presets.js';
