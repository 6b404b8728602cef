/**
 * Import of OpenStreetMap `man_made=surveillance` nodes (GeoJSON, e.g. an
 * Overpass export with tags as properties) into a {@link CameraSet}.
 *
 * Tagging read (https://wiki.openstreetmap.org/wiki/Tag:man_made%3Dsurveillance):
 * `surveillance`, `surveillance:type`, `surveillance:zone`, `camera:type`,
 * `camera:mount`, `camera:direction` (or plain `direction`), `camera:angle`
 * (tilt below the horizon, not the field of view), `height` (or
 * `camera:height`), `operator`, `indoor`, `camera:count`.
 *
 * Real data is messy. The importer never guesses silently: every feature it
 * skips, every tag it cannot read and every default it applies in place of a
 * missing or unreadable tag appears in the report, one entry per feature and
 * tag, saying what was done.
 *
 * The direction grammar is in parse-camera-direction.ts, the reading of one
 * feature's tags in osm-camera-feature.ts and the report in
 * osm-import-report.ts; this file holds the options, the import policy
 * (projection, cameras built per direction) and the result.
 */
import { InvalidInputError } from '../core/index.js';
import { createLocalProjection, lonLatCentre, type LocalProjection } from '../geo/index.js';
import { CAMERA_DEFAULTS, CAMERA_LIMITS, CameraSetBuilder, type CameraSet } from './camera-set.js';
import { readCameraFeature, type CameraCandidate, type FeatureReadSettings } from './osm-camera-feature.js';
import { summariseImportReport, type CameraImportReportEntry } from './osm-import-report.js';
import { provenanceParams } from './placement-common.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Options of {@link importOsmCameras}. */
export interface OsmImportOptions {
  /**
   * Projection to local metres. Default: azimuthal equidistant centred on the
   * imported points (see `lonLatCentre`: the bounding-box centre, taken across
   * the ±180° meridian when the data cross it).
   */
  projection?: LocalProjection;
  /** Import `surveillance=indoor` cameras (default false: reported and skipped; a 2-D street model cannot place them). */
  includeIndoor?: boolean;
  /** A list of directions (`180, 270`): one camera per direction (default true) or one 360° camera. */
  splitMultiDirection?: boolean;
  /**
   * A camera whose kind implies one direction (fixed, or kind unknown) but
   * whose direction is missing or unreadable: `omnidirectional` (default,
   * fov 360, reported) or `skip` (reported). Domes and panning cameras without
   * a direction are always imported with fov 360 (reported).
   */
  missingDirection?: 'omnidirectional' | 'skip';
  /** Field of view for a camera with one direction and no range, degrees (0, 360). Default 90 (assumption, see {@link OSM_IMPORT_DEFAULTS}). */
  fov?: number;
  /** Sensor resolution for every camera (OSM has no such tag). Default 1920. */
  resolutionPx?: number;
  /** Range in metres for every camera; default: the DORI detect distance from resolution and fov. */
  range?: number;
  /** Mount height where `height` is missing or unreadable, metres. Default 5. */
  height?: number;
  /** Tilt where `camera:angle` is missing or unreadable, degrees below the horizon. Default 15. */
  tilt?: number;
}

/** Defaults of {@link importOsmCameras}; each applied default is reported per feature. */
export const OSM_IMPORT_DEFAULTS = {
  includeIndoor: false,
  splitMultiDirection: true,
  missingDirection: 'omnidirectional' as const,
  /**
   * Assumption, not a sourced figure: OSM has no field-of-view tag; 90° is
   * typical of the 2.8–4 mm fixed lenses of general-purpose CCTV cameras.
   */
  fov: 90,
  /** The camera default mount height (5 m, an assumption: CAMERA_DEFAULTS). */
  height: CAMERA_DEFAULTS.height,
  /** The camera default tilt (15°, an assumption: CAMERA_DEFAULTS). */
  tilt: CAMERA_DEFAULTS.tilt,
  /** Assumption: Full HD (1920 px), see CAMERA_DEFAULTS. */
  resolutionPx: CAMERA_DEFAULTS.resolutionPx,
} as const;

/** The options importOsmCameras knows (its unknown options are refused). */
const IMPORT_OSM_CAMERAS_OPTION_KEYS = optionKeys<OsmImportOptions>()(OSM_IMPORT_DEFAULTS, ['projection', 'range']);

/** Result of {@link importOsmCameras}. */
export interface OsmImportResult {
  cameras: CameraSet;
  projection: LocalProjection;
  /** Everything not read as is, and every default applied, per feature and tag. */
  report: CameraImportReportEntry[];
  /** Features skipped (each has a report entry with action `skipped`). */
  skipped: number;
  /** Features imported (imported + skipped = number of features). */
  imported: number;
  /** For each camera, the index of the feature it came from (a feature may give several cameras). */
  featureIndex: Uint32Array;
  /** Free-text tags kept per camera ('' where absent): `operator`, `surveillance:zone`, `camera:mount`. */
  tags: { operator: string[]; zone: string[]; mount: string[] };
  /** Report entries counted by tag and action, most frequent first. */
  summary: { tag: string; action: string; count: number }[];
}

const ORIGIN = 'importOsmCameras';

/**
 * Imports `man_made=surveillance` nodes from a GeoJSON FeatureCollection
 * (tags as feature properties, `@id` like `node/123`).
 *
 * What each tag becomes (all fallbacks reported):
 * - `surveillance`: `public` → operator public; `outdoor` → private; `indoor`
 *   (or `indoor=yes`) → skipped unless `includeIndoor`; `fake` → skipped;
 *   missing or other values → operator unknown, outdoor assumed;
 * - `surveillance:type`: `camera`/`webcam` → camera; `ALPR` → camera with
 *   plate reading; `guard` and other non-camera types → skipped; missing → camera assumed;
 * - `camera:type`: `fixed` | `dome` | `panning` (| `ptz`) → kind; `360` → dome with fov 360; missing → fixed;
 * - `camera:direction` (else `direction`): see {@link parseCameraDirection};
 *   a single heading gets `options.fov`; a list gives one camera per
 *   direction (or one 360° camera); missing → see `missingDirection`;
 * - `camera:angle` → tilt (must be in [-90, 90]); `height` / `camera:height` → mount height
 *   (must be > 0; `0` is reported and the default used);
 * - `operator`, `surveillance:zone`, `camera:mount` → kept as text in `tags`.
 * OSM says nothing about live streaming: every camera is imported with live = false.
 * Non-Point geometries are reported and skipped (no centroid is guessed).
 *
 * @param geojson - a GeoJSON FeatureCollection in WGS84 lon/lat
 * @param options - see {@link OsmImportOptions}
 * @returns cameras (sourceId = OSM id; `provenance` records the importer and its options), projection,
 *   per-feature report, skipped/imported counts. A point with no finite position in the projection
 *   (the antipode of a given projection's centre) is reported and skipped.
 * @throws {InvalidInputError} if geojson is not a FeatureCollection with a features array, or an option is invalid
 * @example
 * const { cameras, report, skipped } = importOsmCameras(JSON.parse(text));
 * report.filter((r) => r.action === 'skipped'); // what was left out, and why
 *
 * Complexity: O(features).
 */
export function importOsmCameras(geojson: unknown, options?: OsmImportOptions): OsmImportResult {
  checkOptions('importOsmCameras', options, IMPORT_OSM_CAMERAS_OPTION_KEYS);
  if (typeof geojson !== 'object' || geojson === null || (geojson as { type?: unknown }).type !== 'FeatureCollection') {
    throw new InvalidInputError(ORIGIN, 'geojson', 'must be a GeoJSON FeatureCollection', geojson);
  }
  const features = (geojson as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new InvalidInputError(ORIGIN, 'geojson.features', 'must be an array', features);
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const o = options ?? {};
  const settings = readSettings(o);

  const report: CameraImportReportEntry[] = [];
  const candidates: CameraCandidate[] = [];
  let skipped = 0;
  for (let index = 0; index < features.length; index++) {
    const { candidate, entries } = readCameraFeature(features[index], index, settings.feature);
    report.push(...entries);
    if (candidate === null) skipped++;
    else candidates.push(candidate);
  }

  const projection = o.projection ?? projectionAround(candidates);
  const { placed, xs, ys, unplaced } = projectCandidates(candidates, projection, report);
  skipped += unplaced;
  const built = buildCameras(placed, xs, ys, o.range, settings.resolutionPx, report);
  skipped += built.refused;
  const { cameras, featureIndex, tags } = built;
  const summary = summariseImportReport(report);
  const { includeIndoor, splitMultiDirection, missingDirection, defaultFov, defaultHeight, defaultTilt } = settings.feature;
  cameras.provenance = {
    generator: ORIGIN,
    seed: null, // no randomness
    params: provenanceParams(o, {
      projection: projection.definition,
      features: features.length,
      imported: placed.length - built.refused,
      skipped,
      includeIndoor,
      splitMultiDirection,
      missingDirection,
      fov: defaultFov,
      resolutionPx: settings.resolutionPx,
      height: defaultHeight,
      tilt: defaultTilt,
    }),
  };
  return { cameras, projection, report, skipped, imported: placed.length - built.refused, featureIndex, tags, summary };
}

/** Validates the options and applies {@link OSM_IMPORT_DEFAULTS}. */
function readSettings(o: OsmImportOptions): { feature: FeatureReadSettings; resolutionPx: number } {
  const includeIndoor = o.includeIndoor ?? OSM_IMPORT_DEFAULTS.includeIndoor;
  if (typeof includeIndoor !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.includeIndoor', 'must be a boolean', includeIndoor);
  const split = o.splitMultiDirection ?? OSM_IMPORT_DEFAULTS.splitMultiDirection;
  if (typeof split !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.splitMultiDirection', 'must be a boolean', split);
  const missingDirection = o.missingDirection ?? OSM_IMPORT_DEFAULTS.missingDirection;
  if (missingDirection !== 'omnidirectional' && missingDirection !== 'skip') {
    throw new InvalidInputError(ORIGIN, 'options.missingDirection', 'must be "omnidirectional" or "skip"', missingDirection);
  }
  const defaultFov = o.fov ?? OSM_IMPORT_DEFAULTS.fov;
  if (typeof defaultFov !== 'number' || !(defaultFov > 0 && defaultFov <= 360)) throw new InvalidInputError(ORIGIN, 'options.fov', 'must be in (0, 360]', defaultFov);
  const defaultHeight = o.height ?? OSM_IMPORT_DEFAULTS.height;
  if (typeof defaultHeight !== 'number' || !(defaultHeight >= 0 && defaultHeight <= CAMERA_LIMITS.height)) throw new InvalidInputError(ORIGIN, 'options.height', `must be a finite number in [0, ${CAMERA_LIMITS.height}]`, defaultHeight);
  const defaultTilt = o.tilt ?? OSM_IMPORT_DEFAULTS.tilt;
  if (typeof defaultTilt !== 'number' || !(defaultTilt >= -90 && defaultTilt <= 90)) throw new InvalidInputError(ORIGIN, 'options.tilt', 'must be in [-90, 90]', defaultTilt);
  const resolutionPx = o.resolutionPx ?? OSM_IMPORT_DEFAULTS.resolutionPx;
  if (typeof resolutionPx !== 'number' || !(resolutionPx > 0 && resolutionPx <= CAMERA_LIMITS.resolutionPx)) throw new InvalidInputError(ORIGIN, 'options.resolutionPx', `must be a finite number in (0, ${CAMERA_LIMITS.resolutionPx}]`, resolutionPx);
  if (o.range !== undefined && (typeof o.range !== 'number' || !(o.range > 0 && o.range <= CAMERA_LIMITS.range))) throw new InvalidInputError(ORIGIN, 'options.range', `must be a finite number in (0, ${CAMERA_LIMITS.range}]`, o.range);
  if (o.projection !== undefined && (typeof o.projection !== 'object' || o.projection === null || typeof o.projection.forward !== 'function')) {
    throw new InvalidInputError(ORIGIN, 'options.projection', 'must be a LocalProjection (see createLocalProjection)', o.projection);
  }
  return { feature: { includeIndoor, splitMultiDirection: split, missingDirection, defaultFov, defaultHeight, defaultTilt }, resolutionPx };
}

/** A projection centred on the candidates (the smallest arc of longitudes, so data crossing ±180° work); at (0, 0) when there are none. */
function projectionAround(candidates: readonly CameraCandidate[]): LocalProjection {
  const lonLat = new Float64Array(2 * candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    lonLat[2 * i] = candidates[i].lon;
    lonLat[2 * i + 1] = candidates[i].lat;
  }
  const [lon0, lat0] = candidates.length ? lonLatCentre(lonLat) : [0, 0];
  return createLocalProjection(lon0, lat0);
}

/**
 * Projects each candidate once. A point with no finite position (the
 * antipode of the centre) is reported and skipped; the report is then
 * sorted back into feature order. Returns the placed candidates with their
 * positions, and how many were skipped.
 */
function projectCandidates(
  candidates: readonly CameraCandidate[],
  projection: LocalProjection,
  report: CameraImportReportEntry[],
): { placed: CameraCandidate[]; xs: Float64Array; ys: Float64Array; unplaced: number } {
  const xs = new Float64Array(candidates.length);
  const ys = new Float64Array(candidates.length);
  const placed: CameraCandidate[] = [];
  let unplaced = 0;
  for (const k of candidates) {
    let x = NaN;
    let y = NaN;
    try {
      [x, y] = projection.forward(k.lon, k.lat);
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      report.push({ index: k.index, id: k.id, tag: 'geometry', value: [k.lon, k.lat], reason: `has no finite position in the local projection (${projection.definition})`, action: 'skipped' });
      unplaced++;
      continue;
    }
    xs[placed.length] = x;
    ys[placed.length] = y;
    placed.push(k);
  }
  if (unplaced > 0) report.sort((a, b) => a.index - b.index);
  return { placed, xs, ys, unplaced };
}

/**
 * One camera per heading of each placed candidate, with the feature it came
 * from and its free-text tags. A feature whose values the camera set refuses
 * (the feature reader checks each tag, so this is a safety net) is reported
 * and skipped, and the set is built again without it: one bad feature never
 * aborts the import.
 */
function buildCameras(
  placed: readonly CameraCandidate[],
  xs: Float64Array,
  ys: Float64Array,
  range: number | undefined,
  resolutionPx: number,
  report: CameraImportReportEntry[],
): { cameras: CameraSet; featureIndex: Uint32Array; tags: OsmImportResult['tags']; refused: number } {
  const refused = new Map<number, InvalidInputError>();
  const first = tryBuildCameras(placed, xs, ys, range, resolutionPx, refused);
  if (first !== null) return { ...first, refused: 0 };
  // Second pass without the refused features (their cameras were partly added in the first).
  const skip = new Map(refused);
  const second = tryBuildCameras(placed, xs, ys, range, resolutionPx, skip);
  if (second === null) throw [...skip.values()][refused.size]; // cannot happen: validation is deterministic
  for (const [q, e] of refused) {
    const k = placed[q];
    report.push({ index: k.index, id: k.id, tag: e.field.replace(/^features\[\d+\]\./, ''), value: e.value, reason: e.message, action: 'skipped' });
  }
  report.sort((a, b) => a.index - b.index);
  return { ...second, refused: refused.size };
}

/**
 * Builds the set from the placed candidates not in `refused`; a candidate
 * whose camera the set refuses is added to `refused` with its error (the
 * set built then holds part of it and must be built again without it).
 */
function tryBuildCameras(
  placed: readonly CameraCandidate[],
  xs: Float64Array,
  ys: Float64Array,
  range: number | undefined,
  resolutionPx: number,
  refused: Map<number, InvalidInputError>,
): { cameras: CameraSet; featureIndex: Uint32Array; tags: OsmImportResult['tags'] } | null {
  const before = refused.size;
  let n = 0;
  for (let q = 0; q < placed.length; q++) if (!refused.has(q)) n += placed[q].headings.length;
  const builder = new CameraSetBuilder(n, ORIGIN);
  const featureIndex = new Uint32Array(n);
  const tags = { operator: new Array<string>(n), zone: new Array<string>(n), mount: new Array<string>(n) };
  for (let q = 0; q < placed.length; q++) {
    if (refused.has(q)) continue;
    const k = placed[q];
    const x = xs[q];
    const y = ys[q];
    for (let j = 0; j < k.headings.length; j++) {
      let i: number;
      try {
        i = builder.add(
        {
          x, y, heading: k.headings[j], fov: k.fovs[j], range, resolutionPx, height: k.height, tilt: k.tilt,
          kind: k.kind, operator: k.operator, capabilities: k.capabilities, live: false, sourceId: k.id ?? '',
        },
        `features[${k.index}]`,
        );
      } catch (e) {
        if (!(e instanceof InvalidInputError)) throw e;
        refused.set(q, e);
        break;
      }
      featureIndex[i] = k.index;
      tags.operator[i] = k.tags.operator;
      tags.zone[i] = k.tags.zone;
      tags.mount[i] = k.tags.mount;
    }
  }
  if (refused.size > before) return null;
  return { cameras: builder.finish(), featureIndex, tags };
}
