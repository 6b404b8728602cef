/**
 * Building import from GeoJSON: Polygon / MultiPolygon features in WGS84
 * (RFC 7946), typically OpenStreetMap `building=*` footprints, into the flat
 * {@link BuildingSet} used as occluders.
 */
import { InvalidInputError } from '../core/index.js';
import { type LocalProjection, createLocalProjection, lonLatCentre } from '../geo/index.js';
import { BuildingSetBuilder } from './building-set.js';
import type { BuildingSet, Provenance } from './city.js';
import { parseLengthTag, readFeature, type ImportReportEntry } from './import-report.js';
import { projectLine } from './import-streets.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Defaults of {@link importBuildings}. */
export const BUILDING_IMPORT_DEFAULTS = {
  /** Height when neither `height` nor `building:levels` is readable, metres. Assumption: 10 m (about three storeys). */
  height: 10,
  /** Metres per storey for `building:levels`. Assumption: 3 m, a common floor-to-floor rule of thumb. */
  metresPerLevel: 3,
  /** Provenance description when `source` is not given (no licence is assumed). */
  source: 'buildings imported from GeoJSON',
} as const;

/** The options importBuildings knows (its unknown options are refused). */
const IMPORT_BUILDINGS_OPTION_KEYS = optionKeys<BuildingImportOptions>()(BUILDING_IMPORT_DEFAULTS, ['projection', 'defaultHeight', 'licence'], ['height']);

/**
 * Largest building height the importer accepts, metres. Assumption: 10,000 m
 * is far above any building (the tallest is under 1 km); a taller `height`
 * or `building:levels` is a data error, reported, and the next fallback is
 * used. It also keeps heights within the Float32 column of a BuildingSet.
 */
export const BUILDING_IMPORT_LIMITS = { height: 10_000 } as const;

/** Options of {@link importBuildings}. */
export interface BuildingImportOptions {
  /** Projection to local metres; default centred on the data's bounding box, taken across ±180° when the data cross it (see `lonLatCentre`). */
  projection?: LocalProjection;
  /** Height used when none is tagged (metres > 0, default 10). */
  defaultHeight?: number;
  /** Storey height for `building:levels` (metres > 0, default 3). */
  metresPerLevel?: number;
  /** Where the data comes from, for the provenance. */
  source?: string;
  /** Licence of the data, for the provenance. */
  licence?: string;
}

/** What {@link importBuildings} returns. */
export interface BuildingImportResult {
  buildings: BuildingSet;
  projection: LocalProjection;
  /** For each building, the index of the feature it came from (a MultiPolygon gives several buildings). */
  featureIndex: Uint32Array;
  report: ImportReportEntry[];
  provenance: Provenance;
}

/**
 * Imports building footprints. Each polygon's outer ring becomes one
 * building (holes are dropped: a courtyard does not make a building
 * see-through); height from `height` (`12`, `12 m`, `40 ft`), else
 * `building:levels` × 3 m, else 10 m (both assumptions, see
 * {@link BUILDING_IMPORT_DEFAULTS}).
 *
 * Reported, never guessed silently: features without geometry, geometries
 * that are not polygons, rings with bad coordinates, fewer than 3 distinct
 * positions or zero area (collinear positions), or a position with no finite
 * place in the projection (that polygon skipped, action `skipped`); rings
 * whose last position does not repeat the first (closed and kept, action
 * `closed`); unreadable `height` or `building:levels` (the next fallback used).
 *
 * @param geojson - a GeoJSON FeatureCollection in WGS84
 * @param options - projection and height defaults; see {@link BuildingImportOptions}; defaults: {@link BUILDING_IMPORT_DEFAULTS}
 * @returns the buildings, the projection, the feature index of each building and the report
 * @throws {InvalidInputError} when the input is not a FeatureCollection or an option is invalid
 * @example
 * const { buildings, report } = importBuildings(geojson, { projection });
 * buildings.numBuildings
 * @remarks O(V) for V vertices.
 */
export function importBuildings(geojson: unknown, options: BuildingImportOptions = {}): BuildingImportResult {
  checkOptions('importBuildings', options, IMPORT_BUILDINGS_OPTION_KEYS);
  const origin = 'importBuildings';
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const defaultHeight = options.defaultHeight ?? BUILDING_IMPORT_DEFAULTS.height;
  if (typeof defaultHeight !== 'number' || !(defaultHeight > 0) || defaultHeight === Infinity) throw new InvalidInputError(origin, 'defaultHeight', 'must be a finite number > 0', defaultHeight);
  if (defaultHeight > BUILDING_IMPORT_LIMITS.height) throw new InvalidInputError(origin, 'defaultHeight', `must be at most ${BUILDING_IMPORT_LIMITS.height} m`, defaultHeight);
  const perLevel = options.metresPerLevel ?? BUILDING_IMPORT_DEFAULTS.metresPerLevel;
  if (typeof perLevel !== 'number' || !(perLevel > 0) || perLevel === Infinity) throw new InvalidInputError(origin, 'metresPerLevel', 'must be a finite number > 0', perLevel);
  if (options.projection !== undefined && (typeof options.projection !== 'object' || options.projection === null || typeof options.projection.forward !== 'function')) {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection (see createLocalProjection)', options.projection);
  }
  if (typeof geojson !== 'object' || geojson === null || (geojson as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((geojson as { features?: unknown }).features)) {
    throw new InvalidInputError(origin, 'geojson', 'must be a GeoJSON FeatureCollection with a features array', geojson);
  }
  const features = (geojson as { features: unknown[] }).features;
  const report: ImportReportEntry[] = [];
  const rings: { index: number; id: string | null; field: string; lonLat: number[]; height: number }[] = [];
  for (let index = 0; index < features.length; index++) {
    const read = readFeature(features[index], index, report);
    if (read === null) continue;
    const { id, tags, geometry: g } = read;
    let polys: unknown[];
    if (g.type === 'Polygon') polys = [g.coordinates];
    else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) polys = g.coordinates;
    else {
      report.push({ index, id, field: 'geometry.type', value: g.type, reason: 'not a Polygon or MultiPolygon; skipped' });
      continue;
    }
    // Height: height tag, else levels × metresPerLevel, else the default.
    let height = NaN;
    if (tags.height !== undefined) {
      height = parseLengthTag(tags.height);
      if (!(height > 0)) {
        report.push({ index, id, field: 'height', value: tags.height, reason: 'not a positive length; fell back to building:levels or the default' });
        height = NaN;
      } else if (height > BUILDING_IMPORT_LIMITS.height) {
        report.push({ index, id, field: 'height', value: tags.height, reason: `above ${BUILDING_IMPORT_LIMITS.height} m (BUILDING_IMPORT_LIMITS); fell back to building:levels or the default` });
        height = NaN;
      }
    }
    if (Number.isNaN(height) && tags['building:levels'] !== undefined) {
      const lv = typeof tags['building:levels'] === 'number' ? tags['building:levels'] : Number(String(tags['building:levels']).trim().replace(',', '.'));
      if (Number.isFinite(lv) && lv > 0 && lv * perLevel <= BUILDING_IMPORT_LIMITS.height) height = lv * perLevel;
      else if (Number.isFinite(lv) && lv > 0) report.push({ index, id, field: 'building:levels', value: tags['building:levels'], reason: `${lv} storeys of ${perLevel} m is above ${BUILDING_IMPORT_LIMITS.height} m (BUILDING_IMPORT_LIMITS); used the default height ${defaultHeight} m` });
      else report.push({ index, id, field: 'building:levels', value: tags['building:levels'], reason: `not a positive number; used the default height ${defaultHeight} m` });
    }
    if (Number.isNaN(height)) height = defaultHeight;
    for (let p = 0; p < polys.length; p++) {
      const field = g.type === 'Polygon' ? 'geometry.coordinates[0]' : `geometry.coordinates[${p}][0]`;
      const poly = polys[p];
      const ring = Array.isArray(poly) ? poly[0] : undefined;
      const read = readRing(ring);
      if (typeof read === 'string') {
        report.push({ index, id, field, value: ring, reason: `${read}; polygon skipped`, action: 'skipped' });
        continue;
      }
      if (read.zeroArea) {
        report.push({ index, id, field, value: ring, reason: 'the ring has zero area (its positions are collinear); polygon skipped', action: 'skipped' });
        continue;
      }
      if (!read.closed) {
        report.push({ index, id, field, value: ring, reason: 'the ring is not closed (GeoJSON rings repeat their first position at the end); closed and kept', action: 'closed' });
      }
      rings.push({ index, id, field, lonLat: read.lonLat, height });
    }
  }
  let projection = options.projection;
  if (projection === undefined) {
    // Centre on the data: the bounding box, taken across ±180° when the buildings cross the meridian.
    let total = 0;
    for (const r of rings) total += r.lonLat.length;
    const all = new Float64Array(total);
    let o = 0;
    for (const r of rings) {
      all.set(r.lonLat, o);
      o += r.lonLat.length;
    }
    const [lon0, lat0] = total > 0 ? lonLatCentre(all) : [0, 0];
    projection = createLocalProjection(lon0, lat0);
  }
  const builder = new BuildingSetBuilder();
  const indices: number[] = [];
  let lateSkips = false;
  for (let b = 0; b < rings.length; b++) {
    const c = rings[b].lonLat;
    const xy = projectLine(c, projection);
    if (typeof xy === 'number') {
      report.push({
        index: rings[b].index,
        id: rings[b].id,
        field: rings[b].field,
        value: [c[xy], c[xy + 1]],
        reason: `position ${xy / 2} has no finite position in the local projection (${projection.definition}); polygon skipped`,
        action: 'skipped',
      });
      lateSkips = true;
      continue;
    }
    builder.addRing(xy, rings[b].height);
    indices.push(rings[b].index);
  }
  if (lateSkips) report.sort((a, b) => a.index - b.index);
  const featureIndex = Uint32Array.from(indices);
  const description = options.source ?? BUILDING_IMPORT_DEFAULTS.source;
  return {
    buildings: builder.finish(),
    projection,
    featureIndex,
    report,
    provenance: options.licence === undefined ? { kind: 'real', description } : { kind: 'real', description, licence: options.licence },
  };
}

/**
 * A ring's area counts as zero when |area| ≤ ZERO_AREA_RATIO × (largest side of
 * its lon/lat bounding box)²: collinear positions, up to rounding. A choice of
 * this library: a 1 km wall would have to be thinner than a micrometre.
 */
const ZERO_AREA_RATIO = 1e-9;

/**
 * Reads a GeoJSON ring into flat lon/lat (closing position dropped), or returns
 * why it cannot; says whether the ring was closed and whether its area is zero
 * (shoelace on longitude differences wrapped into [-180, 180), so rings across
 * the ±180° meridian are measured correctly).
 */
function readRing(ring: unknown): { lonLat: number[]; closed: boolean; zeroArea: boolean } | string {
  if (!Array.isArray(ring)) return 'the outer ring is not an array of positions';
  let n = ring.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !(p[0] >= -180 && p[0] <= 180) || !(p[1] >= -90 && p[1] <= 90)) {
      return `position ${i} is not a [lon, lat] pair within [-180, 180] × [-90, 90]`;
    }
    out.push(p[0], p[1]);
  }
  const closed = n > 1 && out[0] === out[2 * n - 2] && out[1] === out[2 * n - 1];
  if (closed) {
    n--;
    out.length = 2 * n;
  }
  // Distinct positions.
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(`${out[2 * i]},${out[2 * i + 1]}`);
  if (seen.size < 3) return 'a ring needs at least 3 distinct positions';
  // Shoelace relative to the first position, longitude differences wrapped.
  let a2 = 0;
  let minX = 0, maxX = 0, minY = 0, maxY = 0;
  const wrap = (d: number) => (d >= 180 ? d - 360 : d < -180 ? d + 360 : d);
  let px = 0;
  let py = 0;
  for (let i = 1; i <= n; i++) {
    const k = i === n ? 0 : i;
    const x = k === 0 ? 0 : wrap(out[2 * k] - out[0]);
    const y = k === 0 ? 0 : out[2 * k + 1] - out[1];
    a2 += px * y - x * py;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    px = x;
    py = y;
  }
  const side = Math.max(maxX - minX, maxY - minY);
  return { lonLat: out, closed, zeroArea: !(Math.abs(a2) / 2 > ZERO_AREA_RATIO * side * side) };
}
