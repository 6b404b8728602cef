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
 */
import { InvalidInputError, normalizeDegrees } from '../core/index.js';
import { createLocalProjection, lonLatCentre, type LocalProjection } from '../geo/index.js';
import {
  CAMERA_DEFAULTS,
  CameraSetBuilder,
  type CameraCapability,
  type CameraKind,
  type CameraOperator,
  type CameraSet,
} from './camera-set.js';
import { provenanceParams } from './placement-common.js';

// ---------------------------------------------------------------------------
// Direction parsing
// ---------------------------------------------------------------------------

/** One viewing direction read from a direction tag. */
export interface ParsedDirection {
  /** Degrees clockwise from north, [0, 360). */
  heading: number;
  /** Field of view in degrees when the value implies one (a range `a-b`, or `360`). */
  fov?: number;
}

/** Result of {@link parseCameraDirection}. */
export type DirectionParseResult =
  | {
      ok: true;
      directions: ParsedDirection[];
      /** What was read in a non-obvious way (e.g. a negative angle normalised), if anything. */
      note?: string;
    }
  | { ok: false; reason: string };

/** The 16 compass points, degrees clockwise from north. */
export const COMPASS_POINTS: Readonly<Record<string, number>> = {
  n: 0, nne: 22.5, ne: 45, ene: 67.5, e: 90, ese: 112.5, se: 135, sse: 157.5,
  s: 180, ssw: 202.5, sw: 225, wsw: 247.5, w: 270, wnw: 292.5, nw: 315, nnw: 337.5,
};

const NUMBER_RE = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)\s*°?$/;
const RANGE_RE = /^([a-z0-9.°\s_]+?)\s*-\s*([a-z0-9.°\s_]+)$/i;

/**
 * A compass point: an abbreviation without separators (`NE`), or words with
 * optional separators (`north-east`, `North East`). `N-E` is not a word: it
 * reads as the range N to E.
 */
function compassHeading(token: string): number | undefined {
  let t = token.toLowerCase();
  if (!/north|south|east|west/.test(t)) return Object.prototype.hasOwnProperty.call(COMPASS_POINTS, t) ? COMPASS_POINTS[t] : undefined;
  t = t
    .replace(/[\s_-]+/g, '')
    .replace(/north/g, 'n')
    .replace(/south/g, 's')
    .replace(/east/g, 'e')
    .replace(/west/g, 'w');
  return Object.prototype.hasOwnProperty.call(COMPASS_POINTS, t) ? COMPASS_POINTS[t] : undefined;
}

/** An unsigned angle in [0, 360] or a compass word; undefined if neither. */
function unsignedAngle(token: string): number | undefined {
  const m = NUMBER_RE.exec(token.trim());
  if (m) {
    if (m[1] !== '') return undefined;
    const v = Number(m[2]);
    return v >= 0 && v <= 360 ? v : undefined;
  }
  return compassHeading(token.trim());
}

/**
 * Parses an OSM `camera:direction` / `direction` value.
 *
 * Accepted forms (case-insensitive, surrounding spaces ignored):
 * - degrees `0`…`360`, decimals and a trailing `°` allowed; `360` alone means
 *   omnidirectional (`{ heading: 0, fov: 360 }`); negative degrees down to
 *   −360 are normalised into [0, 360) and say so in `note`;
 * - compass points `N`, `NNE`, `NE`, … `NNW`, and words `north`,
 *   `south-west`, `north east`, `northnortheast`, … (`N-E`, with a separator
 *   between abbreviations, is the range from N to E);
 * - a clockwise range `a-b` (degrees or compass points): the heading is the
 *   middle of the clockwise arc from a to b and the fov its width
 *   (`190-100` → heading 325, fov 270); `0-360` is the full circle; `a-a` (zero width,
 *   ambiguous) is also read as the full circle and says so in `note`;
 * - a list separated by `;` or `,` (`180, 270`, `90;160;270`): one direction per item.
 *
 * @param value - the tag value (a string; a finite number is read as degrees)
 * @returns `{ ok: true, directions }` or `{ ok: false, reason }`; never throws
 * @example
 * parseCameraDirection('SW')       // { ok: true, directions: [{ heading: 225 }] }
 * parseCameraDirection('190-100')  // { ok: true, directions: [{ heading: 325, fov: 270 }] }
 * parseCameraDirection('180, 270') // { ok: true, directions: [{ heading: 180 }, { heading: 270 }] }
 * parseCameraDirection('up')       // { ok: false, reason: 'unrecognised direction "up"' }
 */
export function parseCameraDirection(value: unknown): DirectionParseResult {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'not a finite number' };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { ok: false, reason: `not a string (${value === null ? 'null' : typeof value})` };
  }
  if (text === '') return { ok: false, reason: 'empty value' };
  const tokens = text.split(/[;,]/).map((t) => t.trim());
  const directions: ParsedDirection[] = [];
  const notes: string[] = [];
  for (const token of tokens) {
    if (token === '') return { ok: false, reason: `empty item in list "${text}"` };
    const num = NUMBER_RE.exec(token);
    if (num) {
      const v = Number(num[2]) * (num[1] === '-' ? -1 : 1);
      if (v < -360 || v > 360) return { ok: false, reason: `angle ${token} outside [-360, 360]` };
      if (v === 360 && num[1] !== '-' && tokens.length === 1) {
        directions.push({ heading: 0, fov: 360 });
        continue;
      }
      const h = normalizeDegrees(v) + 0;
      if (v < 0) notes.push(`negative angle ${token} read as ${h}°`);
      directions.push({ heading: h });
      continue;
    }
    const word = compassHeading(token);
    if (word !== undefined) {
      directions.push({ heading: word });
      continue;
    }
    const range = RANGE_RE.exec(token);
    if (range) {
      const a = unsignedAngle(range[1]);
      const b = unsignedAngle(range[2]);
      if (a === undefined || b === undefined) return { ok: false, reason: `unrecognised range "${token}"` };
      let width = normalizeDegrees(b - a);
      if (width === 0) {
        width = 360;
        // `0-360` clearly means the full circle; `90-90` is ambiguous (zero width, or all round?).
        if (a === b) notes.push(`zero-width range "${token}" (start equals end) read as the full circle`);
      }
      directions.push({ heading: normalizeDegrees(a + width / 2) + 0, fov: width });
      continue;
    }
    return { ok: false, reason: `unrecognised direction "${token}"` };
  }
  return notes.length ? { ok: true, directions, note: notes.join('; ') } : { ok: true, directions };
}

// ---------------------------------------------------------------------------
// Importer
// ---------------------------------------------------------------------------

/**
 * One thing the importer could not read, or a default it applied, for one
 * feature and tag. Like the city importers' `ImportReportEntry`, with `tag`
 * for the OSM tag and an `action` saying what was done.
 */
export interface CameraImportReportEntry {
  /** Index of the feature in `geojson.features`. */
  index: number;
  /** OSM id (`@id`, else the feature's `id`), e.g. `node/123`, or null. */
  id: string | null;
  /** The tag (or GeoJSON member: `type`, `geometry`) concerned. */
  tag: string;
  /** The value found (undefined when missing). */
  value: unknown;
  /** Why it could not be read as is. */
  reason: string;
  /** What was done: the default applied, how it was read, or `skipped`. */
  action: string;
}

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
  /** DESIGN.md camera default (mount height 5 m). */
  height: CAMERA_DEFAULTS.height,
  /** DESIGN.md camera default (tilt 15°). */
  tilt: CAMERA_DEFAULTS.tilt,
  /** Assumption: Full HD (1920 px), see CAMERA_DEFAULTS. */
  resolutionPx: CAMERA_DEFAULTS.resolutionPx,
} as const;

/**
 * How `surveillance=*` maps to operator and placement. Source: OSM wiki,
 * Key:surveillance — `public`: surveillance of public space, generally run or
 * commissioned by a public body; `outdoor`: an outdoor area that is not public
 * (courtyards, car parks, entrances — read here as privately operated, an
 * interpretation); `indoor`: inside a building.
 */
const SURVEILLANCE_VALUES: Readonly<Record<string, { operator: CameraOperator; indoor: boolean; note?: string }>> = {
  public: { operator: 'public', indoor: false },
  outdoor: { operator: 'private', indoor: false },
  indoor: { operator: 'private', indoor: true },
  private: { operator: 'private', indoor: false, note: 'not a documented value of surveillance' },
  privat: { operator: 'private', indoor: false, note: 'misspelling of "private"' },
  traffic: { operator: 'public', indoor: false, note: 'not a documented value of surveillance; traffic monitoring is read as public' },
  red_light: { operator: 'public', indoor: false, note: 'not a documented value of surveillance; red-light enforcement is read as public' },
  maxspeed: { operator: 'public', indoor: false, note: 'not a documented value of surveillance; speed enforcement is read as public' },
};

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

interface Candidate {
  index: number;
  id: string | null;
  lon: number;
  lat: number;
  headings: number[];
  fovs: number[];
  kind: CameraKind;
  operator: CameraOperator;
  capabilities: CameraCapability[];
  height: number;
  tilt: number;
  tags: { operator: string; zone: string; mount: string };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Parses a length like `3`, `3.5 m`, `4m`; undefined if unreadable. */
function parseMetres(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(m|metres|meters)?$/i.exec(s.replace(',', '.'));
  return m ? Number(m[1]) : undefined;
}

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
  if (typeof geojson !== 'object' || geojson === null || (geojson as { type?: unknown }).type !== 'FeatureCollection') {
    throw new InvalidInputError(ORIGIN, 'geojson', 'must be a GeoJSON FeatureCollection', geojson);
  }
  const features = (geojson as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new InvalidInputError(ORIGIN, 'geojson.features', 'must be an array', features);
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const o = options ?? {};
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
  if (typeof defaultHeight !== 'number' || !(defaultHeight >= 0) || !Number.isFinite(defaultHeight)) throw new InvalidInputError(ORIGIN, 'options.height', 'must be a finite number >= 0', defaultHeight);
  const defaultTilt = o.tilt ?? OSM_IMPORT_DEFAULTS.tilt;
  if (typeof defaultTilt !== 'number' || !(defaultTilt >= -90 && defaultTilt <= 90)) throw new InvalidInputError(ORIGIN, 'options.tilt', 'must be in [-90, 90]', defaultTilt);
  const resolutionPx = o.resolutionPx ?? OSM_IMPORT_DEFAULTS.resolutionPx;
  if (typeof resolutionPx !== 'number' || !(resolutionPx > 0) || !Number.isFinite(resolutionPx)) throw new InvalidInputError(ORIGIN, 'options.resolutionPx', 'must be a finite number > 0', resolutionPx);
  if (o.range !== undefined && (typeof o.range !== 'number' || !(o.range > 0) || !Number.isFinite(o.range))) throw new InvalidInputError(ORIGIN, 'options.range', 'must be a finite number > 0', o.range);
  if (o.projection !== undefined && (typeof o.projection !== 'object' || o.projection === null || typeof o.projection.forward !== 'function')) {
    throw new InvalidInputError(ORIGIN, 'options.projection', 'must be a LocalProjection (see createLocalProjection)', o.projection);
  }

  const report: CameraImportReportEntry[] = [];
  const candidates: Candidate[] = [];
  let skipped = 0;

  for (let index = 0; index < features.length; index++) {
    const f = features[index] as Record<string, unknown> | null;
    const props = (f && typeof f === 'object' && typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
    const rawId = props['@id'] ?? (f && typeof f === 'object' ? f.id : undefined);
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const entries: CameraImportReportEntry[] = [];
    const note = (tag: string, value: unknown, reason: string, action: string) => entries.push({ index, id, tag, value, reason, action });
    const skip = (tag: string, value: unknown, reason: string) => {
      report.push({ index, id, tag, value, reason, action: 'skipped' });
      skipped++;
    };

    // Structure and geometry.
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      skip('type', f && typeof f === 'object' ? f.type : f, 'not a GeoJSON Feature');
      continue;
    }
    const geom = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (geom === null || geom === undefined) {
      skip('geometry', geom, 'missing geometry');
      continue;
    }
    if (typeof geom !== 'object' || geom.type !== 'Point') {
      skip('geometry', typeof geom === 'object' ? geom.type : geom, 'not a Point (cameras are OSM nodes; no centroid is guessed)');
      continue;
    }
    const c = geom.coordinates as unknown[];
    if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !(c[0] >= -180 && c[0] <= 180) || !(c[1] >= -90 && c[1] <= 90)) {
      skip('geometry', c, 'coordinates are not a [lon, lat] position in range');
      continue;
    }
    const manMade = props['man_made'];
    if (manMade !== 'surveillance') {
      skip('man_made', manMade, 'not man_made=surveillance');
      continue;
    }

    // What kind of surveillance.
    const capabilities: CameraCapability[] = [];
    const sType = str(props['surveillance:type']);
    if (sType === undefined) {
      note('surveillance:type', props['surveillance:type'], 'missing', 'assumed camera');
    } else {
      const types = sType.toLowerCase().split(';').map((t) => t.trim());
      const isCamera = types.some((t) => t === 'camera' || t === 'webcam' || t === 'alpr');
      if (!isCamera) {
        skip('surveillance:type', sType, types.includes('guard') ? 'a guard, not a camera' : 'not a camera type');
        continue;
      }
      if (types.includes('alpr')) capabilities.push('plate');
    }

    const surv = str(props['surveillance']);
    let operator: CameraOperator = 'unknown';
    let indoor = str(props['indoor'])?.toLowerCase() === 'yes';
    if (surv === undefined) {
      note('surveillance', props['surveillance'], 'missing', 'operator unknown; outdoor assumed');
    } else {
      const key = surv.toLowerCase();
      if (key === 'fake') {
        skip('surveillance', surv, 'a fake (dummy) camera');
        continue;
      }
      const mapped = SURVEILLANCE_VALUES[key];
      if (mapped) {
        operator = mapped.operator;
        indoor = indoor || mapped.indoor;
        if (mapped.note) note('surveillance', surv, mapped.note, `operator ${operator}`);
      } else {
        note('surveillance', surv, 'not a documented value of surveillance (public | outdoor | indoor)', 'operator unknown; outdoor assumed');
      }
    }
    if (indoor && !includeIndoor) {
      skip(surv?.toLowerCase() === 'indoor' ? 'surveillance' : 'indoor', surv?.toLowerCase() === 'indoor' ? surv : props['indoor'], 'indoor camera (options.includeIndoor is false)');
      continue;
    }

    // Kind.
    let kind: CameraKind = 'fixed';
    let kindImpliesOmni = false;
    const camType = str(props['camera:type']);
    if (camType === undefined) {
      note('camera:type', props['camera:type'], 'missing', 'kind fixed');
    } else {
      const parts = camType.toLowerCase().split(';').map((t) => t.trim());
      const known = parts.find((t) => t === 'fixed' || t === 'dome' || t === 'panning' || t === 'ptz' || t === '360');
      if (known === undefined) {
        note('camera:type', camType, 'not a documented value (fixed | panning | dome)', 'kind fixed');
      } else {
        kind = known === '360' ? 'dome' : (known as CameraKind);
        kindImpliesOmni = known === '360';
        if (known === '360') note('camera:type', camType, 'not a documented value', 'read as a 360° dome');
        else if (parts.length > 1) note('camera:type', camType, 'several values', `kind ${kind} (first known value)`);
      }
    }

    // Direction and field of view.
    const headings: number[] = [];
    const fovs: number[] = [];
    let dirTag = 'camera:direction';
    let dirValue: unknown = props['camera:direction'];
    if (dirValue === undefined && props['direction'] !== undefined) {
      dirTag = 'direction';
      dirValue = props['direction'];
    } else if (dirValue !== undefined && props['direction'] !== undefined && str(props['direction']) !== str(dirValue)) {
      note('direction', props['direction'], `conflicts with camera:direction=${str(dirValue)}`, 'ignored; camera:direction used');
    }
    let parsed: DirectionParseResult | null = null;
    let why = 'missing';
    if (dirValue !== undefined) {
      parsed = parseCameraDirection(dirValue);
      if (!parsed.ok) {
        why = parsed.reason;
        parsed = null;
      }
    }
    if (parsed && parsed.ok) {
      if (parsed.note) {
        const read = parsed.directions.map((d) => (d.fov === undefined ? `${d.heading}°` : `${d.heading}° fov ${d.fov}°`)).join(', ');
        note(dirTag, dirValue, parsed.note, `heading ${read}`);
      }
      const dirs = parsed.directions;
      if (dirs.length > 1 && !split) {
        headings.push(0);
        fovs.push(360);
        note(dirTag, dirValue, `${dirs.length} directions`, 'one omnidirectional camera (fov 360; options.splitMultiDirection is false)');
      } else {
        if (dirs.length > 1) note(dirTag, dirValue, `${dirs.length} directions`, `one camera per direction (${dirs.length} cameras)`);
        let defaulted = false;
        for (const d of dirs) {
          headings.push(d.heading);
          if (d.fov === undefined) defaulted = true;
          fovs.push(d.fov ?? (kindImpliesOmni ? 360 : defaultFov));
        }
        if (defaulted) note(dirTag, dirValue, 'a heading without a field of view (OSM has no fov tag)', kindImpliesOmni ? 'fov 360 (camera:type=360)' : `fov ${defaultFov}° (options.fov)`);
      }
    } else {
      const omniKind = kind === 'dome' || kind === 'panning' || kind === 'ptz' || kindImpliesOmni;
      if (omniKind) {
        headings.push(0);
        fovs.push(360);
        note(dirTag, dirValue, `${why}; a ${kindImpliesOmni ? '360' : kind} camera can look any way`, 'omnidirectional (fov 360)');
      } else if (missingDirection === 'skip') {
        skip(dirTag, dirValue, `${why}: direction unknown for a fixed camera (options.missingDirection is "skip")`);
        continue;
      } else {
        headings.push(0);
        fovs.push(360);
        note(dirTag, dirValue, `${why}: direction unknown`, 'omnidirectional (fov 360)');
      }
    }

    // Tilt and height.
    let tilt = defaultTilt;
    const angle = props['camera:angle'];
    if (angle === undefined) {
      note('camera:angle', angle, 'missing', `tilt ${defaultTilt}° (default)`);
    } else {
      const m = /^([+-]?\d+(?:\.\d+)?)\s*°?$/.exec(str(angle) ?? '');
      const v = m ? Number(m[1]) : NaN;
      if (v >= -90 && v <= 90) tilt = v;
      else note('camera:angle', angle, m ? 'outside [-90, 90] (camera:angle is tilt below the horizon, not a field of view)' : 'not a number of degrees', `tilt ${defaultTilt}° (default)`);
    }
    let height = defaultHeight;
    const hTag = props['height'] !== undefined ? 'height' : props['camera:height'] !== undefined ? 'camera:height' : 'height';
    const hVal = props[hTag];
    if (hVal === undefined) {
      note('height', undefined, 'missing', `height ${defaultHeight} m (default)`);
    } else {
      const h = parseMetres(hVal);
      if (h !== undefined && h > 0) height = h;
      else if (h !== undefined) note(hTag, hVal, 'a mount height must be > 0 m', `height ${defaultHeight} m (default)`);
      else note(hTag, hVal, 'not a length in metres', `height ${defaultHeight} m (default)`);
    }
    const count = str(props['camera:count']);
    if (count !== undefined && count !== '1') {
      note('camera:count', count, 'a count of cameras on one node is not modelled', `imported as ${headings.length} camera${headings.length === 1 ? '' : 's'} (one per listed direction)`);
    }

    report.push(...entries);
    candidates.push({
      index, id, lon: c[0] as number, lat: c[1] as number, headings, fovs, kind, operator, capabilities, height, tilt,
      tags: { operator: str(props['operator']) ?? '', zone: str(props['surveillance:zone']) ?? '', mount: str(props['camera:mount']) ?? '' },
    });
  }

  // Projection: given, or centred on the imported points (the smallest arc of longitudes, so data crossing ±180° work).
  let projection = o.projection;
  if (projection === undefined) {
    const lonLat = new Float64Array(2 * candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      lonLat[2 * i] = candidates[i].lon;
      lonLat[2 * i + 1] = candidates[i].lat;
    }
    const [lon0, lat0] = candidates.length ? lonLatCentre(lonLat) : [0, 0];
    projection = createLocalProjection(lon0, lat0);
  }

  // Project once per feature; a point with no finite position (the antipode of the centre) is reported and skipped.
  const xs = new Float64Array(candidates.length);
  const ys = new Float64Array(candidates.length);
  const placed: Candidate[] = [];
  let lateSkips = false;
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
      skipped++;
      lateSkips = true;
      continue;
    }
    xs[placed.length] = x;
    ys[placed.length] = y;
    placed.push(k);
  }
  if (lateSkips) report.sort((a, b) => a.index - b.index);

  let n = 0;
  for (const k of placed) n += k.headings.length;
  const builder = new CameraSetBuilder(n, ORIGIN);
  const featureIndex = new Uint32Array(n);
  const tags = { operator: new Array<string>(n), zone: new Array<string>(n), mount: new Array<string>(n) };
  for (let q = 0; q < placed.length; q++) {
    const k = placed[q];
    const x = xs[q];
    const y = ys[q];
    for (let j = 0; j < k.headings.length; j++) {
      const i = builder.add(
        {
          x, y, heading: k.headings[j], fov: k.fovs[j], range: o.range, resolutionPx, height: k.height, tilt: k.tilt,
          kind: k.kind, operator: k.operator, capabilities: k.capabilities, live: false, sourceId: k.id ?? '',
        },
        `features[${k.index}]`,
      );
      featureIndex[i] = k.index;
      tags.operator[i] = k.tags.operator;
      tags.zone[i] = k.tags.zone;
      tags.mount[i] = k.tags.mount;
    }
  }
  const counts = new Map<string, { tag: string; action: string; count: number }>();
  for (const r of report) {
    const key = `${r.tag}\u0000${r.action}`;
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { tag: r.tag, action: r.action, count: 1 });
  }
  const summary = [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag) || a.action.localeCompare(b.action));
  const cameras = builder.finish();
  cameras.provenance = {
    generator: ORIGIN,
    seed: null, // no randomness
    params: provenanceParams(o, {
      projection: projection.definition,
      features: features.length,
      imported: placed.length,
      skipped,
      includeIndoor,
      splitMultiDirection: split,
      missingDirection,
      fov: defaultFov,
      resolutionPx,
      height: defaultHeight,
      tilt: defaultTilt,
    }),
  };
  return { cameras, projection, report, skipped, imported: placed.length, featureIndex, tags, summary };
}
