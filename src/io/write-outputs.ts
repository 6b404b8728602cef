/**
 * Writes a scenario run's output files as one folder: cameras.geojson,
 * camera-footprints.geojson, network.geojson (the networkFromGeoJSON round
 * trip) with network-nodes.geojson and network-links.geojson (one geometry
 * type each, for GIS), districts.geojson, coverage-grid.geojson,
 * camera-density.geojson, their FlatGeobuf twins on request, exposure.csv,
 * report.html, results.json and manifest.json (every file with its SHA-256).
 * docs/guide/gis.md describes every file.
 * The folder is replaced as a unit (see ./output-folder.ts): whatever
 * happens, SIGKILL included, it holds wholly the previous run or wholly this
 * one, and files of the previous run that this one does not write are gone.
 */
import { InvalidInputError } from '../core/index.js';
import { type ScenarioResult, type ScenarioRun, SIGHTLINE_VERSION } from '../scenario/index.js';
import { throwIfAborted } from '../scenario/internal.js';
import { cameraDensityGeoJson, cameraFeatures, cameraFootprintFeatures, cameraFootprintsGeoJsonChunks, camerasGeoJsonChunks, coverageGridGeoJson, districtsGeoJson, networkGeoJson, networkLinksGeoJson, networkNodesGeoJson } from './geojson.js';
import { flatgeobufBytes, type FgbFeature } from './flatgeobuf.js';
import { buildReportHtml } from './report-html.js';
import { reportMapSection } from './report-map.js'; // issue 19: interactive map
import { exposureCsvChunks } from './exposure-csv.js';
import { MANIFEST_FILE, outputFolderProblem, recoverOutputFolder, writeOutputFolder, writeOutputFolderAsync, type OutputFolderFile } from './output-folder.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Options of {@link writeScenarioOutputs}. */
export interface WriteOutputsOptions {
  /** Stops between files (and within large ones) until the new folder is swapped in; the folder is then left as it was. */
  signal?: AbortSignal;
  /** Called after each file with its name. */
  onFile?: (name: string) => void;
  /** Cell size of the report's camera-density map and camera-density.geojson, metres (default 1000). */
  densityCellSize?: number;
  /**
   * Formats of the large layers (cameras, camera footprints, coverage grid,
   * camera density): `geojson` and/or `fgb` (FlatGeobuf), default
   * `['geojson']`. The small layers (districts, network) are always GeoJSON.
   */
  formats?: readonly OutputFormat[];
}

/** A file format of the large layers: GeoJSON text or FlatGeobuf binary. */
export type OutputFormat = 'geojson' | 'fgb';

/** The formats {@link WriteOutputsOptions.formats} accepts. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['geojson', 'fgb'];

/** The files {@link writeScenarioOutputs} may write, in order (network.geojson with a network, coverage-grid.geojson with a raster, exposure.csv with a residents sample); manifest.json last. */
export const OUTPUT_FILES = [
  'cameras.geojson', 'cameras.fgb', 'camera-footprints.geojson', 'camera-footprints.fgb', 'network.geojson', 'network-nodes.geojson', 'network-links.geojson',
  'districts.geojson', 'coverage-grid.geojson', 'coverage-grid.fgb', 'camera-density.geojson', 'camera-density.fgb', 'exposure.csv', 'report.html', 'results.json', MANIFEST_FILE,
] as const;

const ORIGIN = 'writeScenarioOutputs';

/**
 * The result as results.json holds it: everything but `timings`, which
 * differ from run to run (the command prints them; `--json` has them), so
 * that the same scenario and seed give the same bytes.
 */
function resultsJson(result: ScenarioResult): string {
  const { timings: _timings, ...rest } = result;
  return JSON.stringify(rest, null, 1);
}

function outputFiles(run: ScenarioRun, options: WriteOutputsOptions): OutputFolderFile[] {
  const { city, cameras, raster, result } = run;
  const rows = result.metrics.districts?.rows ?? [];
  const exposureRows = result.metrics.exposure?.population?.districts ?? [];
  const projection = city.projection;
  const formats = checkFormats(options.formats);
  const geojson = formats.includes('geojson');
  const fgb = formats.includes('fgb');
  const files: OutputFolderFile[] = [];
  let districts: ReturnType<typeof districtsGeoJson> | undefined;
  let density: ReturnType<typeof cameraDensityGeoJson> | undefined;
  const densityLayer = () => (density ??= cameraDensityGeoJson(cameras, city, options.densityCellSize ?? 1000));
  if (projection) {
    if (geojson) files.push({ name: 'cameras.geojson', data: () => camerasGeoJsonChunks(cameras, projection) });
    if (fgb) files.push({ name: 'cameras.fgb', data: () => flatgeobufBytes('cameras', 'Point', [...cameraFeatures(cameras, projection)]) });
    if (geojson) files.push({ name: 'camera-footprints.geojson', data: () => cameraFootprintsGeoJsonChunks(cameras, projection) });
    if (fgb) files.push({ name: 'camera-footprints.fgb', data: () => flatgeobufBytes('camera-footprints', 'Polygon', [...cameraFootprintFeatures(cameras, projection)]) });
    const network = run.network;
    if (network) {
      files.push({ name: 'network.geojson', data: () => JSON.stringify(networkGeoJson(network, projection)) });
      files.push({ name: 'network-nodes.geojson', data: () => JSON.stringify(networkNodesGeoJson(network, projection)) });
      files.push({ name: 'network-links.geojson', data: () => JSON.stringify(networkLinksGeoJson(network, projection)) });
    }
    files.push({ name: 'districts.geojson', data: () => JSON.stringify((districts = districtsGeoJson(city, rows, exposureRows))) });
    if (raster) {
      let grid: ReturnType<typeof coverageGridGeoJson> | undefined;
      const gridLayer = () => (grid ??= coverageGridGeoJson(raster, projection));
      if (geojson) files.push({ name: 'coverage-grid.geojson', data: () => JSON.stringify(gridLayer()) });
      if (fgb) files.push({ name: 'coverage-grid.fgb', data: () => flatgeobufBytes('coverage-grid', 'Polygon', gridLayer().features as FgbFeature[]) });
    }
    if (geojson) files.push({ name: 'camera-density.geojson', data: () => JSON.stringify(densityLayer()) });
    if (fgb) files.push({ name: 'camera-density.fgb', data: () => flatgeobufBytes('camera-density', 'Polygon', densityLayer().features as FgbFeature[]) });
  }
  const exposure = run.exposure;
  if (exposure) files.push({ name: 'exposure.csv', data: () => exposureCsvChunks(exposure.persons, exposure.residents, city) });
  files.push({
    name: 'report.html',
    data: () =>
      buildReportHtml(result, {
        ...(projection ? { districts: districts ?? districtsGeoJson(city, rows, exposureRows), density: densityLayer() } : {}),
        interactive: reportMapSection(run), // issue 19: the interactive map (plane metres, needs no projection)
      }),
  });
  files.push({ name: 'results.json', data: () => resultsJson(result) });
  return files;
}

/** The formats option, checked: a non-empty list of known formats, default `['geojson']`. */
function checkFormats(formats: readonly OutputFormat[] | undefined): readonly OutputFormat[] {
  if (formats === undefined) return ['geojson'];
  if (!Array.isArray(formats) || formats.length === 0 || formats.some((f) => !OUTPUT_FORMATS.includes(f))) {
    throw new InvalidInputError(ORIGIN, 'formats', `must be a non-empty list of ${OUTPUT_FORMATS.map((f) => JSON.stringify(f)).join(', ')}`, formats);
  }
  return formats;
}

function check(run: ScenarioRun, dir: string): void {
  if (typeof dir !== 'string' || dir.length === 0) throw new InvalidInputError(ORIGIN, 'dir', 'must be a non-empty string', dir);
  if (typeof run !== 'object' || run === null || typeof run.result !== 'object') throw new InvalidInputError(ORIGIN, 'run', 'must be a ScenarioRun (from runScenarioDetailed)', run);
  const problem = outputFolderProblem(dir, OUTPUT_FILES);
  if (problem) throw new InvalidInputError(ORIGIN, 'dir', `must be a folder sightline can write: ${problem}`, dir);
  recoverOutputFolder(dir);
}

/** The options writeScenarioOutputs knows (its unknown options are refused). */
const WRITE_SCENARIO_OUTPUTS_OPTION_KEYS = optionKeys<WriteOutputsOptions>()({}, ['signal', 'onFile', 'densityCellSize', 'formats']);

/**
 * Writes the outputs of a run into `dir`, as a unit: the files go to a
 * hidden staging folder beside `dir`, manifest.json last, and the staging
 * folder then replaces `dir` (two renames), so `dir` holds wholly the
 * previous outputs or wholly these, even after a crash; leftovers of an
 * interrupted earlier write are cleaned first. Files of yours in `dir` (not
 * listed in its previous manifest.json, not named like an output) are kept;
 * a `dir` holding folders of yours is refused. GeoJSON is WGS84 (RFC 7946),
 * unprojected through the city's projection; a city without a projection
 * gets only report.html, results.json and manifest.json (its maps cannot be
 * placed on Earth). results.json leaves out `timings`, so the same scenario
 * and seed give the same bytes in every file.
 *
 * @param run - from runScenarioDetailed
 * @param dir - output folder (created with its parents when missing)
 * @param options - `signal`, `onFile`, `densityCellSize`, `formats` (`['geojson']`, `['fgb']` or both: the large layers' formats)
 * @returns the paths written, in order, manifest.json last
 * @throws {ScenarioAbortError} when the signal aborts before the swap (dir left as it was)
 * @throws {InvalidInputError} on a bad run, or a dir that cannot be an output folder (a file, under a file, unwritable, holding folders of yours); file-system errors during the write as thrown by node:fs (dir left as it was)
 * @example
 * const run = await runScenarioDetailed(scenarioPreset('almaty', { numCameras: 5000 }));
 * writeScenarioOutputs(run, 'out/almaty');
 */
export function writeScenarioOutputs(run: ScenarioRun, dir: string, options: WriteOutputsOptions = {}): string[] {
  checkOptions('writeScenarioOutputs', options, WRITE_SCENARIO_OUTPUTS_OPTION_KEYS);
  check(run, dir);
  return writeOutputFolder(dir, outputFiles(run, options), { signal: options.signal, onFile: options.onFile, ownNames: OUTPUT_FILES, libraryVersion: SIGHTLINE_VERSION }, (point) => {
    throwIfAborted(options.signal, ORIGIN, point);
    throw new Error('unreachable');
  });
}

/**
 * {@link writeScenarioOutputs} that yields to the event loop while writing,
 * so that a signal handler (Ctrl-C) can stop it; the command uses it.
 *
 * @param run - from runScenarioDetailed
 * @param dir - output folder
 * @param options - as for writeScenarioOutputs
 * @returns the paths written, in order, manifest.json last
 * @example const files = await writeScenarioOutputsAsync(run, 'out/almaty', { signal });
 */
export async function writeScenarioOutputsAsync(run: ScenarioRun, dir: string, options: WriteOutputsOptions = {}): Promise<string[]> {
  check(run, dir);
  return writeOutputFolderAsync(dir, outputFiles(run, options), { signal: options.signal, onFile: options.onFile, ownNames: OUTPUT_FILES, libraryVersion: SIGHTLINE_VERSION }, (point) => {
    throwIfAborted(options.signal, ORIGIN, point);
    throw new Error('unreachable');
  });
}
