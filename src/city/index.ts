/**
 * Cities: the City model, the grid generator, importers, population, districts, presets.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export type { BoundaryInput } from './boundary.js';
export { emptyBuildingSet, createBuildingSet, BuildingSetBuilder } from './building-set.js';
export type { BuildingInput } from './building-set.js';
export { STREET_CLASSES } from './city.js';
export type { StreetClass, StreetNodeAttributes, StreetEdgeAttributes, StreetGraph, BuildingSet, District, PopulationGrid, Provenance, City } from './city.js';
export { createCity, STREETS_EXTENT_PADDING } from './create-city.js';
export type { CityParts } from './create-city.js';
export { ALMATY_BOUNDARY_OSM_RELATION, ALMATY_BOUNDARY_ATTRIBUTION, ALMATY_BOUNDARY_BBOX, ALMATY_BOUNDARY } from './data/almaty-boundary.js';
export { splitIntoDistricts } from './districts.js';
export type { DistrictSpec } from './districts.js';
export { generateGridCity, GRID_CITY_DEFAULTS } from './generate-grid-city.js';
export type { GridCityOptions } from './generate-grid-city.js';
export { importBuildings, BUILDING_IMPORT_DEFAULTS, BUILDING_IMPORT_LIMITS } from './import-buildings.js';
export type { BuildingImportOptions, BuildingImportResult } from './import-buildings.js';
export { importOsmStreetsXml, OSM_LICENCE, IMPORT_OSM_STREETS_XML_DEFAULTS } from './import-osm-streets-xml.js';
export type { ImportReportEntry } from './import-report.js';
export { importStreets, DEFAULT_SNAP_TOLERANCE, IMPORT_STREETS_DEFAULTS, STREET_IMPORT_LIMITS } from './import-streets.js';
export type { StreetImportOptions, StreetImportResult } from './import-streets.js';
export { createPopulationGrid, populationCellIndex, populationAt, samplePopulationPoints, POPULATION_DEFAULTS } from './population.js';
export type { PopulationGridOptions, PopulationSample } from './population.js';
export { almatyCity, astanaCity, ALMATY_FACTS, ASTANA_FACTS } from './presets.js';
export type { PresetCityOptions } from './presets.js';
export { classifyHighway, STREET_WIDTHS, HIGHWAY_CLASSES } from './street-classes.js';
