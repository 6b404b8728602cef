/**
 * Reading one GeoJSON feature of an OpenStreetMap `man_made=surveillance`
 * export into a camera candidate: the feature checks (a Point in range,
 * tagged as surveillance), then one step per tag group (surveillance type,
 * operator and indoor, camera kind, direction and field of view, tilt,
 * height, count). Every step writes what it could not read, and every
 * default it applied, to the feature's {@link FeatureLog}.
 */
import { CAMERA_LIMITS, type CameraCapability, type CameraKind, type CameraOperator } from './camera-set.js';
import { FeatureLog, type CameraImportReportEntry } from './osm-import-report.js';
import { parseCameraDirection, type DirectionParseResult } from './parse-camera-direction.js';

/** The import options a feature's reading depends on (validated, defaults applied). */
export interface FeatureReadSettings {
  includeIndoor: boolean;
  splitMultiDirection: boolean;
  missingDirection: 'omnidirectional' | 'skip';
  defaultFov: number;
  defaultHeight: number;
  defaultTilt: number;
}

/** A feature read as one or more cameras (one per heading), before projection. */
export interface CameraCandidate {
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

/** A feature's reading: the candidate (null when skipped) and the entries it adds to the report. */
export interface FeatureReading {
  candidate: CameraCandidate | null;
  entries: CameraImportReportEntry[];
}

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

/**
 * Reads feature `index` of the collection. See `importOsmCameras` for what
 * each tag becomes.
 */
export function readCameraFeature(feature: unknown, index: number, settings: FeatureReadSettings): FeatureReading {
  const f = feature as Record<string, unknown> | null;
  const props = (f && typeof f === 'object' && typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
  const rawId = props['@id'] ?? (f && typeof f === 'object' ? f.id : undefined);
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  const log = new FeatureLog(index, id);
  const candidate = readCandidate(f, props, settings, log);
  return { candidate, entries: log.entries() };
}

/** The reading steps in order; null as soon as one of them skips the feature. */
function readCandidate(f: Record<string, unknown> | null, props: Record<string, unknown>, settings: FeatureReadSettings, log: FeatureLog): CameraCandidate | null {
  const position = checkSurveillancePoint(f, props, log);
  if (position === null) return null;
  const capabilities = readSurveillanceType(props, log);
  if (capabilities === null) return null;
  const operator = readOperator(props, settings.includeIndoor, log);
  if (operator === null) return null;
  const { kind, impliesOmni } = readKind(props, log);
  const directions = readDirections(props, kind, impliesOmni, settings, log);
  if (directions === null) return null;
  const tilt = readTilt(props, settings.defaultTilt, log);
  const height = readHeight(props, settings.defaultHeight, log);
  noteCameraCount(props, directions.headings.length, log);
  return {
    index: log.index, id: log.id, lon: position[0], lat: position[1], headings: directions.headings, fovs: directions.fovs, kind, operator, capabilities, height, tilt,
    tags: { operator: str(props['operator']) ?? '', zone: str(props['surveillance:zone']) ?? '', mount: str(props['camera:mount']) ?? '' },
  };
}

/** Structure and geometry: a GeoJSON Feature with a Point in lon/lat range, tagged `man_made=surveillance`. Returns [lon, lat]. */
function checkSurveillancePoint(f: Record<string, unknown> | null, props: Record<string, unknown>, log: FeatureLog): [number, number] | null {
  if (typeof f !== 'object' || f === null || f.type !== 'Feature') return log.skip('type', f && typeof f === 'object' ? f.type : f, 'not a GeoJSON Feature');
  const geom = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (geom === null || geom === undefined) return log.skip('geometry', geom, 'missing geometry');
  if (typeof geom !== 'object' || geom.type !== 'Point') {
    return log.skip('geometry', typeof geom === 'object' ? geom.type : geom, 'not a Point (cameras are OSM nodes; no centroid is guessed)');
  }
  const c = geom.coordinates as unknown[];
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !(c[0] >= -180 && c[0] <= 180) || !(c[1] >= -90 && c[1] <= 90)) {
    return log.skip('geometry', c, 'coordinates are not a [lon, lat] position in range');
  }
  const manMade = props['man_made'];
  if (manMade !== 'surveillance') return log.skip('man_made', manMade, 'not man_made=surveillance');
  return [c[0] as number, c[1] as number];
}

/** `surveillance:type`: the camera's capabilities, or null (skipped) for a guard or another non-camera type. */
function readSurveillanceType(props: Record<string, unknown>, log: FeatureLog): CameraCapability[] | null {
  const capabilities: CameraCapability[] = [];
  const sType = str(props['surveillance:type']);
  if (sType === undefined) {
    log.note('surveillance:type', props['surveillance:type'], 'missing', 'assumed camera');
    return capabilities;
  }
  const types = sType.toLowerCase().split(';').map((t) => t.trim());
  const isCamera = types.some((t) => t === 'camera' || t === 'webcam' || t === 'alpr');
  if (!isCamera) return log.skip('surveillance:type', sType, types.includes('guard') ? 'a guard, not a camera' : 'not a camera type');
  if (types.includes('alpr')) capabilities.push('plate');
  return capabilities;
}

/** `surveillance` and `indoor`: the operator, or null (skipped) for a fake camera or an indoor one not asked for. */
function readOperator(props: Record<string, unknown>, includeIndoor: boolean, log: FeatureLog): CameraOperator | null {
  const surv = str(props['surveillance']);
  let operator: CameraOperator = 'unknown';
  let indoor = str(props['indoor'])?.toLowerCase() === 'yes';
  if (surv === undefined) {
    log.note('surveillance', props['surveillance'], 'missing', 'operator unknown; outdoor assumed');
  } else {
    const key = surv.toLowerCase();
    if (key === 'fake') return log.skip('surveillance', surv, 'a fake (dummy) camera');
    const mapped = SURVEILLANCE_VALUES[key];
    if (mapped) {
      operator = mapped.operator;
      indoor = indoor || mapped.indoor;
      if (mapped.note) log.note('surveillance', surv, mapped.note, `operator ${operator}`);
    } else {
      log.note('surveillance', surv, 'not a documented value of surveillance (public | outdoor | indoor)', 'operator unknown; outdoor assumed');
    }
  }
  if (indoor && !includeIndoor) {
    const byValue = surv?.toLowerCase() === 'indoor';
    return log.skip(byValue ? 'surveillance' : 'indoor', byValue ? surv : props['indoor'], 'indoor camera (options.includeIndoor is false)');
  }
  return operator;
}

/** `camera:type`: the kind (fixed when missing or unknown), and whether the value implies a 360° view. */
function readKind(props: Record<string, unknown>, log: FeatureLog): { kind: CameraKind; impliesOmni: boolean } {
  const camType = str(props['camera:type']);
  if (camType === undefined) {
    log.note('camera:type', props['camera:type'], 'missing', 'kind fixed');
    return { kind: 'fixed', impliesOmni: false };
  }
  const parts = camType.toLowerCase().split(';').map((t) => t.trim());
  const known = parts.find((t) => t === 'fixed' || t === 'dome' || t === 'panning' || t === 'ptz' || t === '360');
  if (known === undefined) {
    log.note('camera:type', camType, 'not a documented value (fixed | panning | dome)', 'kind fixed');
    return { kind: 'fixed', impliesOmni: false };
  }
  const kind = known === '360' ? 'dome' : (known as CameraKind);
  if (known === '360') log.note('camera:type', camType, 'not a documented value', 'read as a 360° dome');
  else if (parts.length > 1) log.note('camera:type', camType, 'several values', `kind ${kind} (first known value)`);
  return { kind, impliesOmni: known === '360' };
}

/**
 * `camera:direction` (else `direction`): one heading and field of view per
 * camera, or null (skipped) for a fixed camera without a readable direction
 * when `missingDirection` is `skip`.
 */
function readDirections(
  props: Record<string, unknown>,
  kind: CameraKind,
  kindImpliesOmni: boolean,
  settings: FeatureReadSettings,
  log: FeatureLog,
): { headings: number[]; fovs: number[] } | null {
  const headings: number[] = [];
  const fovs: number[] = [];
  let dirTag = 'camera:direction';
  let dirValue: unknown = props['camera:direction'];
  if (dirValue === undefined && props['direction'] !== undefined) {
    dirTag = 'direction';
    dirValue = props['direction'];
  } else if (dirValue !== undefined && props['direction'] !== undefined && str(props['direction']) !== str(dirValue)) {
    log.note('direction', props['direction'], `conflicts with camera:direction=${str(dirValue)}`, 'ignored; camera:direction used');
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
      log.note(dirTag, dirValue, parsed.note, `heading ${read}`);
    }
    const dirs = parsed.directions;
    if (dirs.length > 1 && !settings.splitMultiDirection) {
      headings.push(0);
      fovs.push(360);
      log.note(dirTag, dirValue, `${dirs.length} directions`, 'one omnidirectional camera (fov 360; options.splitMultiDirection is false)');
    } else {
      if (dirs.length > 1) log.note(dirTag, dirValue, `${dirs.length} directions`, `one camera per direction (${dirs.length} cameras)`);
      let defaulted = false;
      for (const d of dirs) {
        headings.push(d.heading);
        if (d.fov === undefined) defaulted = true;
        fovs.push(d.fov ?? (kindImpliesOmni ? 360 : settings.defaultFov));
      }
      if (defaulted) {
        log.note(dirTag, dirValue, 'a heading without a field of view (OSM has no fov tag)', kindImpliesOmni ? 'fov 360 (camera:type=360)' : `fov ${settings.defaultFov}° (options.fov)`);
      }
    }
    return { headings, fovs };
  }
  const omniKind = kind === 'dome' || kind === 'panning' || kind === 'ptz' || kindImpliesOmni;
  if (omniKind) {
    log.note(dirTag, dirValue, `${why}; a ${kindImpliesOmni ? '360' : kind} camera can look any way`, 'omnidirectional (fov 360)');
  } else if (settings.missingDirection === 'skip') {
    return log.skip(dirTag, dirValue, `${why}: direction unknown for a fixed camera (options.missingDirection is "skip")`);
  } else {
    log.note(dirTag, dirValue, `${why}: direction unknown`, 'omnidirectional (fov 360)');
  }
  headings.push(0);
  fovs.push(360);
  return { headings, fovs };
}

/** `camera:angle`: tilt below the horizon in [-90, 90], else the default. */
function readTilt(props: Record<string, unknown>, defaultTilt: number, log: FeatureLog): number {
  const angle = props['camera:angle'];
  if (angle === undefined) {
    log.note('camera:angle', angle, 'missing', `tilt ${defaultTilt}° (default)`);
    return defaultTilt;
  }
  const m = /^([+-]?\d+(?:\.\d+)?)\s*°?$/.exec(str(angle) ?? '');
  const v = m ? Number(m[1]) : NaN;
  if (v >= -90 && v <= 90) return v;
  log.note('camera:angle', angle, m ? 'outside [-90, 90] (camera:angle is tilt below the horizon, not a field of view)' : 'not a number of degrees', `tilt ${defaultTilt}° (default)`);
  return defaultTilt;
}

/** `height` (else `camera:height`): mount height in metres, > 0, else the default. */
function readHeight(props: Record<string, unknown>, defaultHeight: number, log: FeatureLog): number {
  const hTag = props['height'] !== undefined ? 'height' : props['camera:height'] !== undefined ? 'camera:height' : 'height';
  const hVal = props[hTag];
  if (hVal === undefined) {
    log.note('height', undefined, 'missing', `height ${defaultHeight} m (default)`);
    return defaultHeight;
  }
  const h = parseMetres(hVal);
  if (h !== undefined && h > 0 && h <= CAMERA_LIMITS.height) return h;
  if (h !== undefined && h > 0) log.note(hTag, hVal, `a mount height must be a finite length of at most ${CAMERA_LIMITS.height} m`, `height ${defaultHeight} m (default)`);
  else if (h !== undefined) log.note(hTag, hVal, 'a mount height must be > 0 m', `height ${defaultHeight} m (default)`);
  else log.note(hTag, hVal, 'not a length in metres', `height ${defaultHeight} m (default)`);
  return defaultHeight;
}

/** `camera:count` other than 1 is not modelled: reported, and one camera per listed direction imported. */
function noteCameraCount(props: Record<string, unknown>, numCameras: number, log: FeatureLog): void {
  const count = str(props['camera:count']);
  if (count !== undefined && count !== '1') {
    log.note('camera:count', count, 'a count of cameras on one node is not modelled', `imported as ${numCameras} camera${numCameras === 1 ? '' : 's'} (one per listed direction)`);
  }
}

/** A tag value as trimmed text (a finite number as its decimal form); undefined otherwise. */
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
