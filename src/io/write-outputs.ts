/**
 * Writes a scenario run's output files into a directory, each atomically:
 * cameras.geojson, network.geojson, districts.geojson, coverage-grid.geojson,
 * exposure.csv, report.html and, last, results.json (so its presence means
 * every other file is complete).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/index.js';
import { type ScenarioRun } from '../scenario/index.js';
import { throwIfAborted } from '../scenario/internal.js';
import { writeFileAtomic } from './atomic-write.js';
import { cameraDensityGeoJson, camerasGeoJsonChunks, coverageGridGeoJson, districtsGeoJson } from './geojson.js';
import { buildReportHtml } from './report-html.js';
import { exposureCsvChunks } from './exposure-csv.js';
import { networkToGeoJSON } from '../network/index.js';

/** Options of {@link writeScenarioOutputs}. */
export interface WriteOutputsOptions {
  /** Stops between files (files already written stay, complete). */
  signal?: AbortSignal;
  /** Called after each file with its name. */
  onFile?: (name: string) => void;
  /** Cell size of the report's camera-density map, metres (default 1000). */
  densityCellSize?: number;
}

/** The files {@link writeScenarioOutputs} may write, in order (network.geojson with a network, coverage-grid.geojson with a raster, exposure.csv with a residents sample). */
export const OUTPUT_FILES = ['cameras.geojson', 'network.geojson', 'districts.geojson', 'coverage-grid.geojson', 'exposure.csv', 'report.html', 'results.json'] as const;

/**
 * Writes the outputs of a run. GeoJSON is WGS84 (RFC 7946), unprojected
 * through the city's projection; a city without a projection gets only
 * report.html and results.json (its maps cannot be placed on Earth).
 *
 * @param run - from runScenarioDetailed
 * @param dir - output directory (created when missing)
 * @param options - `signal`, `onFile`, `densityCellSize`
 * @returns the paths written, in order
 * @throws {ScenarioAbortError} when the signal aborts between files
 * @throws {InvalidInputError} on a bad directory argument; file-system errors as thrown by node:fs
 * @example
 * const run = await runScenarioDetailed(scenarioPreset('almaty', { numCameras: 5000 }));
 * writeScenarioOutputs(run, 'out/almaty');
 */
export function writeScenarioOutputs(run: ScenarioRun, dir: string, options: WriteOutputsOptions = {}): string[] {
  const origin = 'writeScenarioOutputs';
  if (typeof dir !== 'string' || dir.length === 0) throw new InvalidInputError(origin, 'dir', 'must be a non-empty string', dir);
  if (typeof run !== 'object' || run === null || typeof run.result !== 'object') throw new InvalidInputError(origin, 'run', 'must be a ScenarioRun (from runScenarioDetailed)', run);
  mkdirSync(dir, { recursive: true });
  const { signal, onFile } = options;
  const written: string[] = [];
  const write = (name: string, data: string | Iterable<string>) => {
    throwIfAborted(signal, origin, name);
    const path = join(dir, name);
    writeFileAtomic(path, data);
    written.push(path);
    onFile?.(name);
  };
  const { city, cameras, raster, result } = run;
  const rows = result.metrics.districts?.rows ?? [];
  const exposureRows = result.metrics.exposure?.population?.districts ?? [];
  const placed = city.projection !== null;
  let districts: ReturnType<typeof districtsGeoJson> | undefined;
  let density: ReturnType<typeof cameraDensityGeoJson> | undefined;
  if (placed) {
    write('cameras.geojson', camerasGeoJsonChunks(cameras, city.projection));
    if (run.network) write('network.geojson', JSON.stringify(networkToGeoJSON(run.network, city.projection!)));
    districts = districtsGeoJson(city, rows, exposureRows);
    write('districts.geojson', JSON.stringify(districts));
    if (raster) write('coverage-grid.geojson', JSON.stringify(coverageGridGeoJson(raster, city.projection)));
    density = cameraDensityGeoJson(cameras, city, options.densityCellSize ?? 1000);
  }
  if (run.exposure) write('exposure.csv', exposureCsvChunks(run.exposure.persons, run.exposure.residents, city));
  write('report.html', buildReportHtml(result, { districts, density }));
  write('results.json', JSON.stringify(result, null, 1));
  return written;
}
