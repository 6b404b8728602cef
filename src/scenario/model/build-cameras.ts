/**
 * Builds the CameraSet of a scenario from its camera sources, concatenated
 * in order (camera ids follow the order of the sources).
 */
import { InvalidInputError, type Rng } from '../../core/index.js';
import { warnDeprecated } from '../../core/internal.js';
import { type City } from '../../city/index.js';
import { concatCameraSets, createCameraSet, type CameraInput, type CameraSet, almatyCameras, astanaCameras, placeAtIntersections, placeAlongStreets, placeUniform, placeByPopulation, placeOnFacades, importOsmCameras, type CameraImportReportEntry } from '../../cameras/index.js';
import type { CameraSourceSpec } from '../schema.js';
import { readJson } from './build-city.js';

/** What {@link buildScenarioCameras} returns. */
export interface BuiltCameras {
  cameras: CameraSet;
  /** Cameras per source, in order. */
  perSource: { from: string; numCameras: number }[];
  /** OSM import reports per source index (summary and a sample of entries). */
  importReports: { source: number; file: string; imported: number; skipped: number; summary: { tag: string; action: string; count: number }[]; sample: CameraImportReportEntry[] }[];
}

/**
 * A camera source's count: `numCameras`, or `count`, its name until this
 * release (still read, with a DeprecationWarning). The schema refuses both.
 */
function sourceCount(src: { numCameras?: number; count?: number }, index: number): number | undefined {
  if (src.count !== undefined) warnDeprecated('sightline:scenario-count', `cameras[${index}].count is deprecated: use cameras[${index}].numCameras`);
  return src.numCameras ?? src.count;
}

/**
 * Builds every camera source and concatenates them.
 *
 * @param sources - the validated `cameras` section
 * @param city - the scenario's city (streets, buildings, projection)
 * @param rng - the scenario's `cameras` stream; source i uses `rng.stream(String(i))` unless it has its own seed
 * @param baseDir - directory that relative file paths are resolved against
 * @param onSource - called after each source (for progress and abort checks)
 * @returns the concatenated set (provenance `concat` of each source's provenance)
 * @throws {InvalidInputError} when a source cannot be built (e.g. facades in a city without buildings, lon/lat without a projection)
 * @example buildScenarioCameras([{ from: 'uniform', numCameras: 100 }], city, createRng(1), '.').cameras.numCameras // 100
 */
export function buildScenarioCameras(sources: readonly CameraSourceSpec[], city: City, rng: Rng, baseDir: string, onSource?: (index: number) => void): BuiltCameras {
  const origin = 'buildScenarioCameras';
  const parts: CameraSet[] = [];
  const perSource: BuiltCameras['perSource'] = [];
  const importReports: BuiltCameras['importReports'] = [];
  sources.forEach((src, i) => {
    const seed = 'seed' in src && src.seed !== undefined ? src.seed : rng.stream(String(i));
    let set: CameraSet;
    switch (src.from) {
      case 'preset':
        // groups only when given, so that a source without it records the same provenance as before.
        set = src.name === 'almaty'
          ? almatyCameras(city, { seed, numCameras: sourceCount(src, i), ...(src.groups ? { groups: src.groups } : {}) })
          : astanaCameras(city, { seed, numCameras: sourceCount(src, i), includeOlder: src.includeOlder, ...(src.groups ? { groups: src.groups } : {}) });
        break;
      case 'intersections': {
        const { from: _f, count: _c, numCameras: _n, seed: _s, ...o } = src;
        set = placeAtIntersections(city, { ...o, numCameras: sourceCount(src, i), seed });
        break;
      }
      case 'streets': {
        const { from: _f, count: _c, numCameras: _n, seed: _s, ...o } = src;
        set = placeAlongStreets(city, { ...o, numCameras: sourceCount(src, i), seed });
        break;
      }
      case 'uniform': {
        const { from: _f, count: _c, numCameras: _n, seed: _s, ...o } = src;
        // The city's buildings, so that no camera stands inside one (unless avoidBuildings: false).
        set = placeUniform(city.boundary, sourceCount(src, i)!, city.buildings && city.buildings.numBuildings > 0 ? { ...o, buildings: city.buildings, seed } : { ...o, seed });
        break;
      }
      case 'population': {
        const { from: _f, count: _c, numCameras: _n, seed: _s, ...o } = src;
        set = placeByPopulation(city, sourceCount(src, i)!, { ...o, seed });
        break;
      }
      case 'facades': {
        const { from: _f, count: _c, numCameras: _n, spacing, seed: _s, ...o } = src;
        const numCameras = sourceCount(src, i);
        set = placeOnFacades(city, numCameras !== undefined ? numCameras : { spacing: spacing! }, { ...o, seed });
        break;
      }
      case 'osm': {
        if (!city.projection) throw new InvalidInputError(origin, `cameras[${i}]`, 'needs a city with a projection (a preset or imported files) to place OSM cameras', src.file);
        const { from: _f, file, ...o } = src;
        const r = importOsmCameras(readJson(baseDir, file, origin, `cameras[${i}].file`), { ...o, projection: city.projection });
        set = r.cameras;
        importReports.push({ source: i, file, imported: r.imported, skipped: r.skipped, summary: r.summary, sample: r.report.slice(0, 20) });
        break;
      }
      case 'list': {
        const inputs: CameraInput[] = src.cameras.map((c, k) => {
          if ('lon' in c) {
            if (!city.projection) throw new InvalidInputError(origin, `cameras[${i}].cameras[${k}]`, 'gives lon/lat, which needs a city with a projection', c);
            const { lon, lat, ...rest } = c;
            const [x, y] = city.projection.forward(lon, lat);
            return { ...rest, x, y };
          }
          return c;
        });
        set = createCameraSet(inputs);
        set.provenance = { generator: 'scenario list', seed: null, params: { numCameras: inputs.length }, sources: [] };
        break;
      }
    }
    parts.push(set);
    perSource.push({ from: src.from, numCameras: set.numCameras });
    onSource?.(i);
  });
  const cameras = parts.length === 1 ? parts[0] : concatCameraSets(parts);
  return { cameras, perSource, importReports };
}
