/**
 * Builds the City of a scenario: a preset with overrides, or a city
 * assembled from imported files (boundary, streets, buildings).
 */
import { InvalidInputError, type Seed } from '../../core/index.js';
import { type City, almatyCity, astanaCity, type PresetCityOptions, createCity, importStreets, type StreetImportResult, importOsmStreetsXml, OSM_LICENCE, importBuildings, type ImportReportEntry } from '../../city/index.js';
import { streetsExtent } from '../../city/internal.js';
import { createLocalProjection, lonLatCentre, projectCoordinates, type LocalProjection } from '../../geo/index.js';
import type { ScenarioSpec } from '../schema.js';
import { nodeFs, nodePath } from '../../core/internal.js';

/** What {@link buildScenarioCity} returns. */
export interface BuiltCity {
  city: City;
  /** Importer reports per file (empty for presets). */
  importReports: { file: string; entries: number; sample: ImportReportEntry[] }[];
}

/**
 * Builds the scenario's city.
 *
 * @param citySpec - the validated `city` section
 * @param seed - the scenario seed (default seed of a preset city)
 * @param baseDir - directory that relative file paths are resolved against
 * @returns the city and the importers' reports (at most 20 entries each kept as a sample)
 * @throws {InvalidInputError} when a file cannot be read or parsed, or the importers reject it
 * @example buildScenarioCity({ preset: 'almaty', blockSize: 300 }, 1, process.cwd()).city.name // 'Almaty'
 */
export function buildScenarioCity(citySpec: ScenarioSpec['city'], seed: Seed, baseDir: string): BuiltCity {
  if ('preset' in citySpec) {
    const { preset, ...overrides } = citySpec;
    const options: PresetCityOptions = { seed, ...(overrides as PresetCityOptions) };
    return { city: preset === 'almaty' ? almatyCity(options) : astanaCity(options), importReports: [] };
  }
  const origin = 'buildScenarioCity';
  const files = citySpec.import;
  const importReports: BuiltCity['importReports'] = [];
  let projection: LocalProjection | undefined;
  let boundaryLonLat: number[][][][] | null = null;
  if (files.boundary !== undefined) {
    boundaryLonLat = readBoundary(readJson(baseDir, files.boundary, origin, 'city.import.boundary'), origin);
    const pts: number[][] = [];
    for (const poly of boundaryLonLat) for (const p of poly[0]) pts.push(p);
    const [lon0, lat0] = lonLatCentre(pts);
    projection = createLocalProjection(lon0, lat0);
  }
  let streetsResult: StreetImportResult | null = null;
  if (files.streets !== undefined) {
    const path = resolvePath(baseDir, files.streets);
    const text = readText(path, origin, 'city.import.streets');
    const opts = { projection, includeFootways: citySpec.includeFootways, source: citySpec.source, licence: citySpec.licence };
    streetsResult = /\.(osm|xml)$/i.test(path) || text.trimStart().startsWith('<') ? importOsmStreetsXml(text, opts) : importStreets(parseJson(text, origin, 'city.import.streets'), opts);
    projection = streetsResult.projection;
    importReports.push({ file: files.streets, entries: streetsResult.report.length, sample: streetsResult.report.slice(0, 20) });
  }
  if (projection === undefined) throw new InvalidInputError(origin, 'city.import', 'must name a boundary or a streets file', files);
  let boundary: unknown;
  if (boundaryLonLat !== null) boundary = projectCoordinates(boundaryLonLat, projection);
  else {
    // No boundary file: the streets' extent, as createCity defaults it.
    boundary = streetsExtent(streetsResult!.streets, origin, 'city.import.streets', files.streets);
  }
  let buildings;
  let buildingsProvenance;
  if (files.buildings !== undefined) {
    const r = importBuildings(readJson(baseDir, files.buildings, origin, 'city.import.buildings'), { projection, source: citySpec.source, licence: citySpec.licence });
    buildings = r.buildings;
    buildingsProvenance = r.provenance;
    importReports.push({ file: files.buildings, entries: r.report.length, sample: r.report.slice(0, 20) });
  }
  const label = citySpec.source ?? 'files named in the scenario';
  const city = createCity({
    name: citySpec.name ?? 'imported city',
    boundary: boundary as never,
    projection,
    streets: streetsResult?.streets,
    buildings,
    districts: citySpec.districts,
    population: citySpec.population === undefined ? undefined : { total: citySpec.population },
    provenance: {
      boundary: files.boundary !== undefined
        ? { kind: 'real', description: `boundary from ${files.boundary} (${label})`, ...(citySpec.licence ? { licence: citySpec.licence } : {}) }
        : { kind: 'synthetic', description: `bounding box of the imported streets (${files.streets}), padded by 10 m` },
      ...(streetsResult ? { streets: { ...streetsResult.provenance, licence: streetsResult.provenance.licence ?? citySpec.licence } } : {}),
      ...(buildingsProvenance ? { buildings: buildingsProvenance } : {}),
    },
  });
  if (streetsResult && streetsResult.provenance.licence === OSM_LICENCE) city.provenance.streets.licence = OSM_LICENCE;
  return { city, importReports };
}

/** Resolves a path given in a scenario against the scenario's directory. */
export function resolvePath(baseDir: string, file: string): string {
  return nodePath.isAbsolute(file) ? file : nodePath.resolve(baseDir, file);
}

function readText(path: string, origin: string, field: string): string {
  try {
    return nodeFs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new InvalidInputError(origin, field, `must name a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path);
  }
}

function parseJson(text: string, origin: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InvalidInputError(origin, field, `must hold valid JSON (${(e as Error).message})`, text.slice(0, 40));
  }
}

/**
 * Reads and parses a JSON file named in a scenario.
 *
 * @throws {InvalidInputError} when the file cannot be read or is not JSON
 * @example readJson('/data', 'cameras.geojson', 'runScenario', 'cameras[0].file')
 */
export function readJson(baseDir: string, file: string, origin: string, field: string): unknown {
  return parseJson(readText(resolvePath(baseDir, file), origin, field), origin, field);
}

/** Polygon / MultiPolygon coordinates (lon/lat) from a GeoJSON geometry, Feature or FeatureCollection. */
function readBoundary(geojson: unknown, origin: string): number[][][][] {
  const out: number[][][][] = [];
  const visit = (g: unknown, where: string): void => {
    const o = g as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };
    if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, where, 'must be a GeoJSON object', g);
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach((f, i) => visit(f, `${where}.features[${i}]`));
    else if (o.type === 'Feature') visit(o.geometry, `${where}.geometry`);
    else if (o.type === 'Polygon' && Array.isArray(o.coordinates)) out.push(o.coordinates as number[][][]);
    else if (o.type === 'MultiPolygon' && Array.isArray(o.coordinates)) out.push(...(o.coordinates as number[][][][]));
    else throw new InvalidInputError(origin, where, 'must be a Polygon or MultiPolygon (or a Feature/FeatureCollection of them)', o.type);
  };
  visit(geojson, 'city.import.boundary');
  if (out.length === 0) throw new InvalidInputError(origin, 'city.import.boundary', 'must hold at least one polygon', geojson);
  return out;
}
