/**
 * Street import from GeoJSON: LineString / MultiLineString features in WGS84
 * longitude/latitude (RFC 7946), typically an OpenStreetMap export with
 * tags as properties.
 */
import { InvalidInputError } from '../core/index.js';
import { requireNonNegative, checkOptions, optionKeys } from '../core/internal.js';
import { type LocalProjection, createLocalProjection, lonLatCentre } from '../geo/index.js';
import type { Provenance, StreetClass, StreetGraph } from './city.js';
import { parseLengthTag, readFeature, type ImportReportEntry } from './import-report.js';
import { classifyHighway, STREET_WIDTHS } from './street-classes.js';
import { StreetGraphBuilder, type StreetBuildSummary } from './street-graph-builder.js';

/** Options of {@link importStreets} and {@link importOsmStreetsXml}. */
export interface StreetImportOptions {
  /**
   * Projection to local metres; default an azimuthal-equidistant projection
   * centred on the data's bounding box, taken across the ±180° meridian when
   * the data cross it (see `lonLatCentre`).
   */
  projection?: LocalProjection;
  /** Vertices closer than this (metres, ≥ 0) merge into one node. Default 0.01. */
  snapTolerance?: number;
  /** Widths per class when a street has no readable `width` tag (default {@link STREET_WIDTHS}). */
  widths?: Partial<Record<StreetClass, number>>;
  /** Keep footways, paths, steps and cycleways (default true). */
  includeFootways?: boolean;
  /** Where the data comes from, for the provenance (default `streets imported from GeoJSON` / `… from OpenStreetMap XML`). */
  source?: string;
  /** Licence of the data, for the provenance (default none for GeoJSON; `ODbL-1.0 (© OpenStreetMap contributors)` for OSM XML). */
  licence?: string;
}

/** What a street importer returns. */
export interface StreetImportResult {
  streets: StreetGraph;
  /** The projection used (given or made). */
  projection: LocalProjection;
  /** One entry per feature (or problem within one) that could not be fully read. */
  report: ImportReportEntry[];
  /** Counts: lines, skipped zero-length and duplicate segments, total length. */
  summary: StreetBuildSummary;
  provenance: Provenance;
}

/** Snap tolerance default, metres: 1 cm, far below survey precision, so that only truly coincident vertices merge. */
export const DEFAULT_SNAP_TOLERANCE = 0.01;

/** What the street importers fall back to when an option is not given. @internal shared by the street importers */
export interface StreetImportDefaults {
  snapTolerance: number;
  includeFootways: boolean;
  source: string;
  licence?: string;
}

/** Defaults of {@link importStreets}. */
export const IMPORT_STREETS_DEFAULTS = {
  /** Metres: {@link DEFAULT_SNAP_TOLERANCE} (1 cm), so that only truly coincident vertices merge. */
  snapTolerance: DEFAULT_SNAP_TOLERANCE,
  /** Keep footways, paths, steps and cycleways: nothing the data hold is dropped unless asked. */
  includeFootways: true,
  /** Provenance description when `source` is not given (no licence is assumed for GeoJSON). */
  source: 'streets imported from GeoJSON',
} as const;

/** The options importStreets knows (its unknown options are refused). */
const IMPORT_STREETS_OPTION_KEYS = optionKeys<StreetImportOptions>()(IMPORT_STREETS_DEFAULTS, ['projection', 'widths', 'licence']);

/** A line read from the input, before projection. @internal shared by the street importers */
export interface RawStreetLine {
  index: number;
  id: string | null;
  /** Flat lon/lat pairs. */
  lonLat: number[];
  /** Vertex ids (OSM node ids) when known. */
  ids?: string[];
  tags: Record<string, unknown>;
}

/**
 * Imports streets from a GeoJSON FeatureCollection of LineString and
 * MultiLineString features. Each line becomes edges between consecutive
 * vertices; vertices within `snapTolerance` merge. `streetClass` comes from
 * the `highway` property (see {@link HIGHWAY_CLASSES}), falling back to a
 * `streetClass` property; `width` from a `width` property (`12`, `12 m`,
 * `40 ft`) or the class default; `name` from `name`.
 *
 * Features that cannot be fully read are reported, never guessed silently: no
 * geometry, a geometry that is not a line, bad coordinates, fewer than two
 * positions (skipped); a missing or unknown `highway` (skipped); an
 * unreadable `width` (class default used, reported); a line with a position
 * that has no finite place in the projection (the antipode of a given
 * projection's centre; skipped).
 *
 * @param geojson - a GeoJSON FeatureCollection in WGS84
 * @param options - projection, snap tolerance, widths; see {@link StreetImportOptions}; defaults: {@link IMPORT_STREETS_DEFAULTS}
 * @returns the street graph, the projection, the report and a summary
 * @throws {InvalidInputError} when the input is not a FeatureCollection or an option is invalid
 * @example
 * const { streets, report } = importStreets(geojson, { projection: createLocalProjection(76.95, 43.24) });
 * @remarks O(V) expected for V vertices (hash-grid snapping).
 */
export function importStreets(geojson: unknown, options: StreetImportOptions = {}): StreetImportResult {
  checkOptions('importStreets', options, IMPORT_STREETS_OPTION_KEYS);
  const origin = 'importStreets';
  checkStreetImportOptions(options, origin);
  if (typeof geojson !== 'object' || geojson === null || (geojson as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((geojson as { features?: unknown }).features)) {
    throw new InvalidInputError(origin, 'geojson', 'must be a GeoJSON FeatureCollection with a features array', geojson);
  }
  const features = (geojson as { features: unknown[] }).features;
  const report: ImportReportEntry[] = [];
  const lines: RawStreetLine[] = [];
  for (let index = 0; index < features.length; index++) {
    const read = readFeature(features[index], index, report);
    if (read === null) continue;
    const { id, tags, geometry: g } = read;
    let parts: unknown[];
    if (g.type === 'LineString') parts = [g.coordinates];
    else if (g.type === 'MultiLineString' && Array.isArray(g.coordinates)) parts = g.coordinates;
    else {
      report.push({ index, id, field: 'geometry.type', value: g.type, reason: 'not a LineString or MultiLineString; skipped' });
      continue;
    }
    for (let p = 0; p < parts.length; p++) {
      const field = g.type === 'LineString' ? 'geometry.coordinates' : `geometry.coordinates[${p}]`;
      const lonLat = readPositions(parts[p]);
      if (typeof lonLat === 'string') {
        report.push({ index, id, field, value: parts[p], reason: `${lonLat}; line skipped` });
        continue;
      }
      lines.push({ index, id, lonLat, tags });
    }
  }
  return buildStreets(lines, report, options, origin);
}

/** Reads `[[lon, lat], …]` into a flat array, or returns why it cannot. */
function readPositions(coords: unknown): number[] | string {
  if (!Array.isArray(coords)) return 'coordinates are not an array of positions';
  if (coords.length < 2) return 'a line needs at least 2 positions';
  const out = new Array<number>(2 * coords.length);
  for (let i = 0; i < coords.length; i++) {
    const p = coords[i];
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !(p[0] >= -180 && p[0] <= 180) || !(p[1] >= -90 && p[1] <= 90)) {
      return `position ${i} is not a [lon, lat] pair within [-180, 180] × [-90, 90]`;
    }
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  }
  return out;
}

/**
 * Checks {@link StreetImportOptions} once at an importer's boundary.
 *
 * @internal
 * @throws {InvalidInputError} naming the bad option
 */
/**
 * Largest street width the importers accept, metres. Assumption: 1,000 m is
 * far above any carriageway (the widest avenues are a few hundred metres
 * across); a `width` tag above it is a data error, reported, and the class
 * default is used. It also keeps widths finite (a tag of 400 nines once
 * became Infinity).
 */
export const STREET_IMPORT_LIMITS = { width: 1000 } as const;

export function checkStreetImportOptions(options: StreetImportOptions, origin: string): void {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  if (options.snapTolerance !== undefined) requireNonNegative(origin, 'snapTolerance', options.snapTolerance);
  if (options.projection !== undefined && (typeof options.projection !== 'object' || options.projection === null || typeof options.projection.forward !== 'function')) {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection (see createLocalProjection)', options.projection);
  }
  if (options.widths !== undefined) {
    if (typeof options.widths !== 'object' || options.widths === null) throw new InvalidInputError(origin, 'widths', 'must be an object { arterial?, collector?, local?, footway? }', options.widths);
    for (const [k, v] of Object.entries(options.widths)) {
      if (!(k in STREET_WIDTHS)) throw new InvalidInputError(origin, `widths.${k}`, 'is not a street class (arterial, collector, local, footway)', k);
      if (typeof v !== 'number' || !(v > 0) || v === Infinity) throw new InvalidInputError(origin, `widths.${k}`, 'must be a finite number > 0', v);
      if (v > STREET_IMPORT_LIMITS.width) throw new InvalidInputError(origin, `widths.${k}`, `must be at most ${STREET_IMPORT_LIMITS.width} m`, v);
    }
  }
  if (options.source !== undefined && typeof options.source !== 'string') throw new InvalidInputError(origin, 'source', 'must be a string', options.source);
  if (options.licence !== undefined && typeof options.licence !== 'string') throw new InvalidInputError(origin, 'licence', 'must be a string', options.licence);
  if (options.includeFootways !== undefined && typeof options.includeFootways !== 'boolean') throw new InvalidInputError(origin, 'includeFootways', 'must be a boolean', options.includeFootways);
}

/**
 * Classifies, projects and assembles raw lines (shared by the GeoJSON and OSM
 * XML importers). Options must already be checked.
 *
 * @internal
 * @param lines - lines read from the input, lon/lat
 * @param report - the report so far (appended to, then sorted by feature index)
 * @param options - checked importer options
 * @param origin - the public function's name
 * @param defaults - the public function's defaults (snap tolerance, footways, provenance description and licence)
 * @returns the import result
 */
export function buildStreets(lines: RawStreetLine[], report: ImportReportEntry[], options: StreetImportOptions, origin: string, defaults: StreetImportDefaults = IMPORT_STREETS_DEFAULTS): StreetImportResult {
  const widths: Record<StreetClass, number> = { ...STREET_WIDTHS, ...options.widths };
  const includeFootways = options.includeFootways ?? defaults.includeFootways;
  const kept: { line: RawStreetLine; cls: StreetClass; width: number; name?: string }[] = [];
  for (const line of lines) {
    const { index, id, tags } = line;
    const highway = tags.highway;
    let cls = classifyHighway(highway);
    if (cls === null && highway === undefined && typeof tags.streetClass === 'string' && tags.streetClass in STREET_WIDTHS) cls = tags.streetClass as StreetClass;
    if (cls === null) {
      report.push({ index, id, field: 'highway', value: highway, reason: highway === undefined ? 'missing (and no streetClass property); skipped' : 'not a street class sightline knows; skipped' });
      continue;
    }
    if (cls === 'footway' && !includeFootways) continue;
    let width = widths[cls];
    if (tags.width !== undefined) {
      const w = parseLengthTag(tags.width);
      if (w > 0 && w <= STREET_IMPORT_LIMITS.width) width = w;
      else if (w > 0) report.push({ index, id, field: 'width', value: tags.width, reason: `above ${STREET_IMPORT_LIMITS.width} m (STREET_IMPORT_LIMITS); used the ${cls} default ${width} m` });
      else report.push({ index, id, field: 'width', value: tags.width, reason: `not a positive length; used the ${cls} default ${width} m` });
    }
    const name = typeof tags.name === 'string' ? tags.name : undefined;
    kept.push({ line, cls, width, name });
  }
  let projection = options.projection;
  if (projection === undefined) {
    // Centre on the data: the bounding box, taken across ±180° when the lines cross the meridian.
    let total = 0;
    for (const { line } of kept) total += line.lonLat.length;
    const all = new Float64Array(total);
    let o = 0;
    for (const { line } of kept) {
      all.set(line.lonLat, o);
      o += line.lonLat.length;
    }
    const [lon0, lat0] = total > 0 ? lonLatCentre(all) : [0, 0];
    projection = createLocalProjection(lon0, lat0);
  }
  const builder = new StreetGraphBuilder(options.snapTolerance ?? defaults.snapTolerance);
  for (const { line, cls, width, name } of kept) {
    const xy = projectLine(line.lonLat, projection);
    if (typeof xy === 'number') {
      const i = xy;
      report.push({
        index: line.index,
        id: line.id,
        field: 'geometry.coordinates',
        value: [line.lonLat[i], line.lonLat[i + 1]],
        reason: `position ${i / 2} has no finite position in the local projection (${projection.definition}); line skipped`,
        action: 'skipped',
      });
      continue;
    }
    builder.addLine(xy, cls, width, name, line.ids);
  }
  // Report in input order (problems were found in two passes).
  report.sort((a, b) => a.index - b.index);
  return {
    streets: builder.graph,
    projection,
    report,
    summary: builder.summary,
    provenance: provenanceOf(options.source ?? defaults.source, options.licence ?? defaults.licence),
  };
}

/**
 * Projects flat lon/lat pairs; returns the flat index of the first position
 * that has no finite projected position instead of throwing.
 * @internal
 */
export function projectLine(lonLat: ArrayLike<number>, projection: LocalProjection): Float64Array | number {
  const xy = new Float64Array(lonLat.length);
  for (let i = 0; i < lonLat.length; i += 2) {
    let x = NaN;
    let y = NaN;
    try {
      [x, y] = projection.forward(lonLat[i], lonLat[i + 1]);
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return i;
    xy[i] = x;
    xy[i + 1] = y;
  }
  return xy;
}

function provenanceOf(description: string, licence: string | undefined): Provenance {
  return licence === undefined ? { kind: 'real', description } : { kind: 'real', description, licence };
}
