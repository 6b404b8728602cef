/**
 * Camera presets for the reference cities: Almaty (128,000 cameras of mixed
 * kinds) and Astana (22,000 new cameras, optionally the ~6,000 older ones),
 * and {@link createPreset}, which builds a preset city with its cameras.
 *
 * Every count is in a commented constant with its source. The figures come
 * from the bibliography (core SOURCES; 2024–2026 reporting) where a source was found, and
 * "City presets"), which collected them for this project; where a number is
 * derived or assumed, the comment says so.
 */
import { InvalidInputError, createRng, type Rng, type Seed } from '../core/index.js';
import { requireInteger, requireKnownKeys, requireObject, requireProbability, checkOptions, optionKeys, withNestedOptions } from '../core/internal.js';
import { PRESET_CITY_OPTION_KEYS } from '../city/internal.js';
import { type City, almatyCity, astanaCity, type PresetCityOptions } from '../city/index.js';
import { concatCameraSets, type CameraCapability, type CameraOperator, type CameraSet } from './camera-set.js';
import { doriDistance, DORI_LEVELS, type DoriLevel } from './optics.js';
import { countIntersections, placeAtIntersections } from './placement-intersections.js';
import { placeAlongStreets } from './placement-streets.js';
import { placeByPopulation, placeUniform } from './placement-area.js';
import { placeOnFacades } from './placement-facades.js';
import { MAX_CAMERAS, provenanceParams, provenanceValue, seedOf } from './placement-common.js';

/** Almaty figures: sourced where a bibliography id is named, otherwise assumptions (no source found). */
export const ALMATY_CAMERA_FACTS = {
  /** Assumption: the reference case's "over 128,000 cameras"; reported totals are higher, more than 155,000 (SOURCES['qazaqstan-press-2024']). */
  totalCameras: 128_000,
  /** Assumption: no source found; the unified system is reported at 65,000 cameras in 2026 (SOURCES['kazinform-2026-02-07']). */
  unifiedSystemCameras: 57_604,
  /** About 53,000 connected to the police operations centre: SOURCES['bestnews-2025-09-17']. */
  liveConnected: 53_000,
  /** Sergek: 1,341 units carrying 7,894 cameras, SOURCES['kazlenta-2024'] (1,641 units by Feb 2026: SOURCES['kazinform-2026-02-07']). */
  sergekUnits: 1_341,
  /** Sergek: 1,341 units carrying 7,894 cameras, SOURCES['kazlenta-2024'] (1,641 units by Feb 2026: SOURCES['kazinform-2026-02-07']). */
  sergekCameras: 7_894,
  /** Assumption: about 2,200 face-recognition cameras (no source found; plausible 1,000–10,000). */
  faceRecognitionCameras: 2_200,
} as const;

/** Astana figures: sourced where a bibliography id is named, otherwise assumptions. */
export const ASTANA_CAMERA_FACTS = {
  /** 22,000 new cameras: SOURCES['tengrinews-2025-astana']. */
  newCameras: 22_000,
  /** Assumption: about 6,000 older cameras (no source found for the size of the older system; plausible 3,000–10,000). */
  olderCameras: 6_000,
} as const;

/** Counts per group of a preset's camera mix. */
export interface CameraMix {
  /** Traffic / plate-reading cameras on Sergek-style units at arterial intersections: public, live, plate reading. */
  traffic: number;
  /** Number of traffic units (intersections) the traffic cameras are spread over. */
  trafficUnits: number;
  /** Face-recognition cameras where people are (public spaces): public, live, face. */
  face: number;
  /** Public street cameras streaming live to the command centre. */
  streetLive: number;
  /** Public street cameras that only record locally. */
  streetRecordOnly: number;
  /** Building and entrance cameras on facades: private, record-only. */
  facade: number;
  /** Older street cameras kept in service (Astana only): public, record-only, lower resolution. */
  older: number;
}

/**
 * The Almaty mix at full scale, derived from {@link ALMATY_CAMERA_FACTS}:
 * - traffic 7,894 on 1,341 units (sourced);
 * - face 2,200 (sourced);
 * - street live = 53,000 − 7,894 − 2,200 = 42,906. Derived, with the
 *   assumption that the Sergek and face-recognition cameras are among the
 *   53,000 live-connected and the 57,604 unified-system cameras;
 * - street record-only = 57,604 − 53,000 = 4,604 (the rest of the unified
 *   system; derived under the same assumption);
 * - facade = 128,000 − 57,604 = 70,396: cameras outside the unified system,
 *   modelled as private building/entrance cameras (assumption: reporting says
 *   only that the mix includes "building and entrance cameras").
 * Totals: 128,000 cameras, 53,000 live.
 */
export const ALMATY_CAMERA_MIX: Readonly<CameraMix> = {
  traffic: ALMATY_CAMERA_FACTS.sergekCameras,
  trafficUnits: ALMATY_CAMERA_FACTS.sergekUnits,
  face: ALMATY_CAMERA_FACTS.faceRecognitionCameras,
  streetLive: ALMATY_CAMERA_FACTS.liveConnected - ALMATY_CAMERA_FACTS.sergekCameras - ALMATY_CAMERA_FACTS.faceRecognitionCameras,
  streetRecordOnly: ALMATY_CAMERA_FACTS.unifiedSystemCameras - ALMATY_CAMERA_FACTS.liveConnected,
  facade: ALMATY_CAMERA_FACTS.totalCameras - ALMATY_CAMERA_FACTS.unifiedSystemCameras,
  older: 0,
};

/**
 * Optics and mounting per group. Every value is an assumption (typical
 * equipment for the role), not a sourced figure; ranges follow from
 * resolution and fov by the DORI "detect" level (EN 62676-4, 25 px/m).
 */
export const PRESET_CAMERA_PROFILES = {
  /** Assumption: narrow 40° lens, Full HD, 6 m pole or gantry (lane-watching traffic camera). */
  traffic: { fov: 40, resolutionPx: 1920, height: 6, kind: 'fixed' as const },
  /** Assumption: 60° lens, 4K (3840 px) for face detail, 4 m mount. */
  face: { fov: 60, resolutionPx: 3840, height: 4, kind: 'fixed' as const },
  /** Assumption: 90° lens, Full HD, 5 m pole (the default height, an assumption). */
  street: { fov: 90, resolutionPx: 1920, height: 5, kind: 'fixed' as const },
  /** Assumption: 90° lens, Full HD, 3 m above an entrance. */
  facade: { fov: 90, resolutionPx: 1920, height: 3, kind: 'fixed' as const },
  /** Assumption: older 720p cameras (1280 px), 90° lens, 5 m pole. */
  older: { fov: 90, resolutionPx: 1280, height: 5, kind: 'fixed' as const },
} as const;

const GROUPS = ['traffic', 'face', 'streetLive', 'streetRecordOnly', 'facade', 'older'] as const;

/**
 * The camera groups of a preset that `groups` overrides name: `traffic`
 * (Sergek-style units at arterial intersections), `face` (face-recognition
 * cameras where people are), `street` (public street cameras, live and
 * record-only), `facade` (private building and entrance cameras, Almaty) and
 * `older` (older record-only street cameras, Astana with `includeOlder`).
 */
export const PRESET_CAMERA_GROUPS = ['traffic', 'face', 'street', 'facade', 'older'] as const;
/** One of {@link PRESET_CAMERA_GROUPS}. */
export type PresetCameraGroup = (typeof PRESET_CAMERA_GROUPS)[number];

/**
 * Changes to one group of a preset's cameras. Every field is optional; a
 * field left out keeps the preset's value ({@link PRESET_CAMERA_PROFILES},
 * {@link ALMATY_CAMERA_MIX}), so an empty override changes nothing.
 */
export interface PresetGroupOverride {
  /** Cameras in the group (integer >= 0), instead of the mix's (scaled) count. */
  numCameras?: number;
  /** `traffic` only: units (intersections) the cameras are spread over (integer >= 1). Default: scaled with `numCameras`. */
  units?: number;
  /** Analytics the cameras feed: `['face']`, `['plate']`, both, or `[]`. */
  capabilities?: readonly CameraCapability[];
  /** Horizontal resolution, pixels (> 0). */
  resolutionPx?: number;
  /** Lens: horizontal field of view, degrees (0, 360]. */
  fov?: number;
  /**
   * Range rule: metres (> 0), or a DORI level (`detect`, `observe`,
   * `recognise`, `identify`) whose distance for the group's resolution and fov
   * is the range. Default: the placement's rule, the DORI `detect` distance.
   */
  range?: number | DoriLevel;
  /** Mount height, metres (>= 0). */
  height?: number;
  /** Share of the group's cameras that stream live, [0, 1] (a seeded sample of exactly round(share × count) cameras). */
  liveShare?: number;
  /** Who operates the cameras. */
  operator?: CameraOperator;
  /** `face` only: metres beyond the carriageway the street-mounted camera stands (default `MOUNT_ON_STREET_DEFAULTS.kerbOffset`, an assumption). */
  kerbOffset?: number;
  /** `face` only: metres ahead along the street at which the camera is aimed at the centreline (default `MOUNT_ON_STREET_DEFAULTS.aimDistance`, an assumption). */
  aimDistance?: number;
}

/** Overrides per preset camera group (see {@link PresetGroupOverride}). */
export type PresetGroupOverrides = Partial<Record<PresetCameraGroup, PresetGroupOverride>>;

const OVERRIDE_KEYS = ['numCameras', 'units', 'capabilities', 'resolutionPx', 'fov', 'range', 'height', 'liveShare', 'operator'] as const;
/** The face group's street-mount keys (checked by mountOnNearestStreet). */
const MOUNT_KEYS = ['kerbOffset', 'aimDistance'] as const;

/** Checks `groups` once (keys, counts, shares, range rule); the attributes are checked again by the placement. */
function checkGroupOverrides(origin: string, groups: unknown): PresetGroupOverrides {
  const g = requireObject(origin, 'options.groups', groups);
  requireKnownKeys(origin, 'options.groups', g, PRESET_CAMERA_GROUPS);
  for (const name of PRESET_CAMERA_GROUPS) {
    if (g[name] === undefined) continue;
    const field = `options.groups.${name}`;
    const o = requireObject(origin, field, g[name]);
    requireKnownKeys(origin, field, o, name === 'traffic' ? OVERRIDE_KEYS : name === 'face' ? [...OVERRIDE_KEYS.filter((k) => k !== 'units'), ...MOUNT_KEYS] : OVERRIDE_KEYS.filter((k) => k !== 'units'));
    if (o.numCameras !== undefined) {
      requireInteger(origin, `${field}.numCameras`, o.numCameras, 0);
      if ((o.numCameras as number) > MAX_CAMERAS) throw new InvalidInputError(origin, `${field}.numCameras`, `must be at most MAX_CAMERAS = ${MAX_CAMERAS}`, o.numCameras);
    }
    if (o.units !== undefined) requireInteger(origin, `${field}.units`, o.units, 1);
    if (o.liveShare !== undefined) requireProbability(origin, `${field}.liveShare`, o.liveShare);
    if (typeof o.range === 'string' && !(DORI_LEVELS as readonly string[]).includes(o.range)) {
      throw new InvalidInputError(origin, `${field}.range`, `must be metres (> 0) or a DORI level (${DORI_LEVELS.join(', ')})`, o.range);
    }
  }
  return g as PresetGroupOverrides;
}

/**
 * The mix with the groups' `numCameras`, `units` and street `liveShare`
 * overrides applied (the street group's live / record-only split keeps the
 * mix's share unless `liveShare` is given). Without overrides, `mix` itself.
 */
function applyGroupCounts(mix: Readonly<CameraMix>, groups: PresetGroupOverrides | undefined): Readonly<CameraMix> {
  if (groups === undefined) return mix;
  const out: CameraMix = { ...mix };
  const t = groups.traffic;
  if (t?.numCameras !== undefined) {
    out.traffic = t.numCameras;
    // Units scale with the cameras, at the mix's (or the full Almaty mix's) cameras per unit.
    const perUnit = mix.traffic > 0 && mix.trafficUnits > 0 ? mix.traffic / mix.trafficUnits : ALMATY_CAMERA_MIX.traffic / ALMATY_CAMERA_MIX.trafficUnits;
    out.trafficUnits = out.traffic === 0 ? 0 : Math.max(1, Math.min(out.traffic, Math.round(out.traffic / perUnit)));
  }
  if (t?.units !== undefined) out.trafficUnits = out.traffic === 0 ? 0 : t.units;
  if (groups.face?.numCameras !== undefined) out.face = groups.face.numCameras;
  if (groups.facade?.numCameras !== undefined) out.facade = groups.facade.numCameras;
  if (groups.older?.numCameras !== undefined) out.older = groups.older.numCameras;
  const st = groups.street;
  if (st?.numCameras !== undefined || st?.liveShare !== undefined) {
    const before = mix.streetLive + mix.streetRecordOnly;
    const n = st.numCameras ?? before;
    const share = st.liveShare ?? (before > 0 ? mix.streetLive / before : ALMATY_CAMERA_MIX.streetLive / (ALMATY_CAMERA_MIX.streetLive + ALMATY_CAMERA_MIX.streetRecordOnly));
    out.streetLive = Math.round(share * n);
    out.streetRecordOnly = n - out.streetLive;
  }
  return out;
}

/**
 * A group's placement attributes: the preset's, with the override's on top.
 * `live` is the group's default unless the override's live share makes it
 * all (1) or none (0); a share in between is drawn by {@link markLive}.
 */
function groupAttributes<T extends object>(base: T, o: PresetGroupOverride | undefined): T {
  if (o === undefined) return base;
  // Keys the base already has keep their place (the provenance records the options in order).
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const k of ['fov', 'resolutionPx', 'height', 'capabilities', 'operator'] as const) if (o[k] !== undefined) out[k] = o[k];
  if (o.liveShare !== undefined) out.live = o.liveShare === 1;
  if (typeof o.range === 'number') out.range = o.range;
  else if (o.range !== undefined) out.range = doriDistance(out.resolutionPx as number, out.fov as number, o.range);
  // Only a group that is street-mounted (face) reads the mount keys.
  if (out.mountOnStreet === true && (o.kerbOffset !== undefined || o.aimDistance !== undefined)) {
    out.mountOnStreet = { ...(o.kerbOffset !== undefined ? { kerbOffset: o.kerbOffset } : {}), ...(o.aimDistance !== undefined ? { aimDistance: o.aimDistance } : {}) };
  }
  return out as T;
}

/** Marks exactly `k` of the cameras of `s` live: a seeded partial Fisher–Yates sample. */
function markLive(s: CameraSet, k: number, pick: Rng): void {
  const n = s.numCameras;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + pick.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
    s.live[idx[i]] = 1;
  }
}

/** Applies a live share strictly between 0 and 1 to a group placed record-only. */
function applyLiveShare(s: CameraSet, o: PresetGroupOverride | undefined, rng: Rng, group: PresetCameraGroup): void {
  const share = o?.liveShare;
  if (share === undefined || share === 0 || share === 1) return;
  markLive(s, Math.round(share * s.numCameras), rng.stream(`${group}-live`));
}

/**
 * Scales a mix to `total` cameras keeping its proportions: largest-remainder
 * rounding, so the groups add up to exactly `total`. Traffic units scale with
 * the traffic cameras (at least one unit when there is a traffic camera).
 *
 * @param mix - the full-scale mix
 * @param total - integer in [0, {@link MAX_CAMERAS}]
 * @param origin - function name used in error messages
 * @returns a new mix whose groups sum to `total`
 * @throws {InvalidInputError} if total is not an integer >= 0, or is above {@link MAX_CAMERAS}
 * @example scaleCameraMix(ALMATY_CAMERA_MIX, 1280).traffic // 79
 */
export function scaleCameraMix(mix: Readonly<CameraMix>, total: number, origin = 'scaleCameraMix'): CameraMix {
  requireInteger(origin, 'numCameras', total, 0);
  if (total > MAX_CAMERAS) throw new InvalidInputError(origin, 'numCameras', `must be at most MAX_CAMERAS = ${MAX_CAMERAS}`, total);
  let full = 0;
  for (const g of GROUPS) full += mix[g];
  const out: CameraMix = { traffic: 0, trafficUnits: 0, face: 0, streetLive: 0, streetRecordOnly: 0, facade: 0, older: 0 };
  if (full === 0) return out;
  const rema: { g: (typeof GROUPS)[number]; r: number }[] = [];
  let assigned = 0;
  for (const g of GROUPS) {
    const exact = (mix[g] * total) / full;
    out[g] = Math.floor(exact);
    assigned += out[g];
    rema.push({ g, r: exact - out[g] });
  }
  rema.sort((a, b) => b.r - a.r || GROUPS.indexOf(a.g) - GROUPS.indexOf(b.g));
  for (let k = 0; assigned < total; k++, assigned++) out[rema[k % rema.length].g]++;
  out.trafficUnits = out.traffic === 0 ? 0 : Math.max(1, Math.min(out.traffic, Math.round((mix.trafficUnits * out.traffic) / Math.max(1, mix.traffic))));
  return out;
}

/** Options of {@link almatyCameras} and {@link astanaCameras}. */
export interface PresetCameraOptions {
  /** Seed (or stream) of every random choice; default 1. */
  seed?: Seed | Rng;
  /** Total number of cameras (the mix is scaled, exact total). Default: the preset's full count. */
  numCameras?: number;
  /**
   * Changes per camera group (count, capabilities, resolution, lens, range
   * rule, mount height, live share, operator), applied after the mix is
   * scaled to `numCameras`; see {@link PresetGroupOverride}. Default: none
   * (the preset as it is; an empty object changes nothing either).
   */
  groups?: PresetGroupOverrides;
}

/** Options of {@link astanaCameras}. */
export interface AstanaCameraOptions extends PresetCameraOptions {
  /** Also place the ~6,000 older cameras (default false: only the 22,000 new ones). */
  includeOlder?: boolean;
}

/** Defaults of {@link almatyCameras}. */
export const ALMATY_CAMERAS_DEFAULTS = {
  /** The Almaty reference case's 128,000 cameras ({@link ALMATY_CAMERA_FACTS}; an assumption). */
  numCameras: ALMATY_CAMERA_FACTS.totalCameras,
  /** Assumption: a fixed seed, so that the preset without options is the same network on every call. */
  seed: 1 as Seed,
} as const;

/** The options almatyCameras knows (its unknown options are refused). */
const ALMATY_CAMERAS_OPTION_KEYS = optionKeys<PresetCameraOptions>()(ALMATY_CAMERAS_DEFAULTS, ['groups']);

/** Defaults of {@link astanaCameras} (without `numCameras` the total is the mix's: 22,000, or 28,000 with the older cameras). */
export const ASTANA_CAMERAS_DEFAULTS = {
  /** Only the 22,000 new cameras (SOURCES['tengrinews-2025-astana']). */
  includeOlder: false,
  /** Assumption: a fixed seed, so that the preset without options is the same network on every call. */
  seed: 1 as Seed,
} as const;

/** The options astanaCameras knows (its unknown options are refused). */
const ASTANA_CAMERAS_OPTION_KEYS = optionKeys<AstanaCameraOptions>()(ASTANA_CAMERAS_DEFAULTS, ['numCameras', 'groups']);

function rngOf(origin: string, seed: Seed | Rng | undefined, fallback: Seed): Rng {
  if (seed === undefined) return createRng(fallback);
  if (typeof seed === 'object' && seed !== null && typeof (seed as Rng).next === 'function') return seed as Rng;
  if (typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed))) return createRng(seed);
  throw new InvalidInputError(origin, 'options.seed', 'must be a string, a finite number or an Rng', seed);
}

/**
 * Places a mix of cameras in a city:
 * traffic units at arterial intersections (falling back to collector, then
 * any intersections when the city has too few), face-recognition cameras
 * weighted by population (uniform over the boundary when the population is
 * empty) and then mounted at the kerb of the nearest street, looking along
 * it (`mountOnStreet`; an assumption: such cameras are aimed at the flow of
 * people so that walkers face them), street cameras along all streets (a seeded subset of exactly
 * `streetLive` streams live), facade cameras on walls facing a street, older
 * cameras along streets.
 *
 * @param city - the city
 * @param mix - exact counts per group
 * @param rng - random stream (sub-streams per group)
 * @param origin - function name used in error messages
 * @returns the cameras, groups in the order traffic, face, street, facade, older; the
 *   provenance records `origin` as generator, the stream's seed, the mix, and each group's own provenance
 * @throws {InvalidInputError} when the city cannot hold a group (no intersections, streets or facades)
 * @example
 * const mix = scaleCameraMix(ALMATY_CAMERA_MIX, 5000);
 * const cameras = placeCameraMix(generateGridCity(), mix, createRng(1));
 *
 * Complexity: O(V + E + walls + cameras).
 */
export function placeCameraMix(city: City, mix: Readonly<CameraMix>, rng: Rng, origin = 'placeCameraMix', groups?: PresetGroupOverrides): CameraSet {
  const G = groups ?? {};
  if (typeof city !== 'object' || city === null || typeof city.streets !== 'object' || city.streets === null) {
    throw new InvalidInputError(origin, 'city', 'must be a City with a street graph', city);
  }
  const parts: CameraSet[] = [];
  const P = PRESET_CAMERA_PROFILES;
  if (mix.traffic > 0) {
    // Arterial intersections; when the city has fewer than the units needed, widen to collectors, then to any street.
    const tiers = [['arterial'], ['arterial', 'collector'], undefined] as const;
    let classes: (typeof tiers)[number] = undefined;
    for (const t of tiers) {
      classes = t;
      if (t === undefined) break;
      const available = countIntersections(city, { streetClasses: t });
      if (available >= mix.trafficUnits) break;
    }
    const t = placeAtIntersections(
      city,
      groupAttributes(
        {
          ...P.traffic,
          streetClasses: classes,
          maxIntersections: mix.trafficUnits,
          numCameras: mix.traffic,
          heading: 'streets' as const,
          capabilities: ['plate'] as readonly CameraCapability[],
          operator: 'public' as CameraOperator,
          live: true,
          seed: rng.stream('traffic'),
        },
        G.traffic,
      ),
    );
    applyLiveShare(t, G.traffic, rng, 'traffic');
    parts.push(t);
  }
  if (mix.face > 0) {
    const faceOpts = groupAttributes({ ...P.face, capabilities: ['face'] as readonly CameraCapability[], operator: 'public' as CameraOperator, live: true, mountOnStreet: true, seed: rng.stream('face') }, G.face);
    const pop = city.population;
    let total = 0;
    if (pop && pop.values) for (let i = 0; i < pop.values.length; i++) total += pop.values[i];
    const f = total > 0 ? placeByPopulation(city, mix.face, faceOpts) : placeUniform(city.boundary, mix.face, city.buildings ? { ...faceOpts, streets: city.streets, buildings: city.buildings } : { ...faceOpts, streets: city.streets });
    applyLiveShare(f, G.face, rng, 'face');
    parts.push(f);
  }
  const street = mix.streetLive + mix.streetRecordOnly;
  if (street > 0) {
    // The street group's live share is in the mix (streetLive of the street cameras): placed record-only, then marked.
    const { liveShare: _share, ...streetOverride } = G.street ?? {};
    const s = placeAlongStreets(city, groupAttributes({ ...P.street, numCameras: street, operator: 'public' as CameraOperator, live: false, seed: rng.stream('street') }, streetOverride));
    // Exactly streetLive of them stream live: a seeded partial Fisher–Yates sample.
    markLive(s, mix.streetLive, rng.stream('street-live'));
    parts.push(s);
  }
  if (mix.facade > 0) {
    if (!city.buildings || city.buildings.numBuildings === 0) {
      throw new InvalidInputError(origin, 'city.buildings', 'must contain buildings for the facade cameras; got facade cameras', mix.facade);
    }
    const f = placeOnFacades(city, mix.facade, groupAttributes({ ...P.facade, operator: 'private' as CameraOperator, live: false, seed: rng.stream('facade') }, G.facade));
    applyLiveShare(f, G.facade, rng, 'facade');
    parts.push(f);
  }
  if (mix.older > 0) {
    const o = placeAlongStreets(city, groupAttributes({ ...P.older, numCameras: mix.older, heading: 'across' as const, operator: 'public' as CameraOperator, live: false, seed: rng.stream('older') }, G.older));
    applyLiveShare(o, G.older, rng, 'older');
    parts.push(o);
  }
  const out = concatCameraSets(parts);
  out.provenance = {
    generator: origin,
    seed: rng.seed,
    params: { mix: provenanceValue(mix) as Record<string, unknown>, groups: GROUPS.filter((g) => mix[g] > 0) },
    sources: parts.map((p) => p.provenance),
  };
  return out;
}

/**
 * The Almaty camera network: 128,000 cameras by default in the mix
 * {@link ALMATY_CAMERA_MIX} (traffic units at arterial intersections, face
 * recognition where people are, public street cameras, private facade
 * cameras; 53,000 live).
 *
 * @param city - usually `almatyCity()`; any City with streets, buildings and population works
 * @param options - seed and `numCameras` (scales the mix, exact total); defaults: {@link ALMATY_CAMERAS_DEFAULTS}
 * @returns a CameraSet of exactly `numCameras` cameras (default 128,000); its provenance
 *   records `almatyCameras`, the seed, the options, the mix and each group's placement
 * @throws {InvalidInputError} on a bad option or a city that cannot hold a group
 * @example
 * const cameras = almatyCameras(almatyCity(), { seed: 1 });
 * cameras.numCameras // 128000
 */
export function almatyCameras(city: City, options?: PresetCameraOptions): CameraSet {
  checkOptions('almatyCameras', options, ALMATY_CAMERAS_OPTION_KEYS);
  const origin = 'almatyCameras';
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const total = o.numCameras ?? ALMATY_CAMERAS_DEFAULTS.numCameras;
  const groups = o.groups === undefined ? undefined : checkGroupOverrides(origin, o.groups);
  const mix = applyGroupCounts(scaleCameraMix(ALMATY_CAMERA_MIX, total, origin), groups);
  const cameras = placeCameraMix(city, mix, rngOf(origin, o.seed, ALMATY_CAMERAS_DEFAULTS.seed), origin, groups);
  recordPreset(cameras, origin, o, ALMATY_CAMERAS_DEFAULTS.seed, { numCameras: total });
  return cameras;
}

/** Sets a preset camera set's provenance: the seed as given, the options and the mix. */
function recordPreset(cameras: CameraSet, origin: string, o: PresetCameraOptions, defaultSeed: Seed, resolved: Record<string, unknown>): void {
  const p = cameras.provenance;
  cameras.provenance = {
    generator: origin,
    seed: seedOf(o.seed, defaultSeed),
    params: provenanceParams(o, { ...resolved, mix: p?.params.mix ?? null }),
    sources: p?.sources ?? [],
  };
}

/**
 * The Astana mix: 22,000 new cameras (SOURCES['tengrinews-2025-astana']) split like Almaty's public,
 * unified-system part (traffic 7,894 : face 2,200 : street live 42,906 :
 * street record-only 4,604 — assumption: no breakdown is sourced for Astana;
 * the new system is taken to be public), plus, optionally, the ~6,000 older
 * cameras (an assumption) as public record-only street cameras.
 *
 * @param includeOlder - add the older cameras
 * @param numCameras - total (scales the mix), default 22,000 or 28,000
 * @returns exact counts per group
 */
export function astanaCameraMix(includeOlder: boolean = ASTANA_CAMERAS_DEFAULTS.includeOlder, numCameras?: number): CameraMix {
  const origin = 'astanaCameras';
  const publicPart: CameraMix = { ...ALMATY_CAMERA_MIX, facade: 0, older: 0 };
  const scaled = scaleCameraMix(publicPart, ASTANA_CAMERA_FACTS.newCameras, origin);
  const full: CameraMix = { ...scaled, older: includeOlder ? ASTANA_CAMERA_FACTS.olderCameras : 0 };
  if (numCameras === undefined) return full;
  return scaleCameraMix(full, numCameras, origin);
}

/**
 * The Astana camera network: 22,000 new cameras, plus the ~6,000 older ones
 * with `includeOlder` (see {@link astanaCameraMix}).
 *
 * @param city - usually `astanaCity()`
 * @param options - seed, `numCameras`, `includeOlder`; defaults: {@link ASTANA_CAMERAS_DEFAULTS}
 * @returns a CameraSet of exactly 22,000 (28,000 with the older ones) or `numCameras` cameras;
 *   its provenance records `astanaCameras`, the seed, the options, the mix and each group's placement
 * @throws {InvalidInputError} on a bad option or a city that cannot hold a group
 * @example
 * astanaCameras(astanaCity(), { includeOlder: true }).numCameras // 28000
 */
export function astanaCameras(city: City, options?: AstanaCameraOptions): CameraSet {
  checkOptions('astanaCameras', options, ASTANA_CAMERAS_OPTION_KEYS);
  const origin = 'astanaCameras';
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const includeOlder = o.includeOlder ?? ASTANA_CAMERAS_DEFAULTS.includeOlder;
  if (typeof includeOlder !== 'boolean') throw new InvalidInputError(origin, 'options.includeOlder', 'must be a boolean', includeOlder);
  const groups = o.groups === undefined ? undefined : checkGroupOverrides(origin, o.groups);
  const mix = applyGroupCounts(astanaCameraMix(includeOlder, o.numCameras), groups);
  const cameras = placeCameraMix(city, mix, rngOf(origin, o.seed, ASTANA_CAMERAS_DEFAULTS.seed), origin, groups);
  recordPreset(cameras, origin, o, ASTANA_CAMERAS_DEFAULTS.seed, { numCameras: cameras.numCameras, includeOlder });
  return cameras;
}

/** Options of {@link createPreset}. */
export interface PresetOptions {
  /** Seed of the city and the cameras (default 1). */
  seed?: Seed;
  /** Total number of cameras (scales the mix). */
  numCameras?: number;
  /** Block size of the city grid, metres (shortcut for `city.blockSize`). */
  blockSize?: number;
  /** Residents (shortcut for `city.population`). */
  population?: number;
  /** Any other override of the city preset (see almatyCity / astanaCity). */
  city?: PresetCityOptions;
  /** Astana only: include the ~6,000 older cameras. */
  includeOlder?: boolean;
}

/** Defaults of {@link createPreset} (the city and camera counts: the presets' own, see {@link almatyCameras} and {@link astanaCameras}). */
export const CREATE_PRESET_DEFAULTS = {
  /** Assumption: a fixed seed of the city and the cameras, so that a preset without options is the same on every call. */
  seed: 1 as Seed,
  /** Astana only: as {@link astanaCameras}, only the 22,000 new cameras. */
  includeOlder: ASTANA_CAMERAS_DEFAULTS.includeOlder,
} as const;

/** The options createPreset knows (its unknown options are refused). */
const CREATE_PRESET_OPTION_KEYS = withNestedOptions(optionKeys<PresetOptions>()(CREATE_PRESET_DEFAULTS, ['numCameras', 'blockSize', 'population', 'city']), { city: PRESET_CITY_OPTION_KEYS });

/** A preset: a city, its cameras, and where the numbers come from. */
export interface Preset {
  name: 'almaty' | 'astana';
  city: City;
  cameras: CameraSet;
  seed: Seed;
  description: string;
  sources: string[];
}

function recordCreatePreset(cameras: CameraSet, name: string, seed: Seed, o: PresetOptions): void {
  cameras.provenance = {
    generator: 'createPreset',
    seed: seedOf(seed, CREATE_PRESET_DEFAULTS.seed),
    params: provenanceParams(o, { name, numCameras: cameras.numCameras }),
    sources: [cameras.provenance],
  };
}

const SOURCES_COMMON = [
  'Camera counts: 53,000 live (bestnews.kz, 17 Sep 2025), 1,341 Sergek units with 7,894 cameras (kazlenta.kz citing Tengrinews, 2024), 22,000 new Astana cameras (Tengrinews, 2025); the 128,000 total, the 57,604 in the unified system and the 2,200 face-recognition cameras are assumptions (no source found; see the bibliography, SOURCES).',
  'DORI pixel densities: EN 62676-4:2015 (detect 25, observe 62.5, recognise 125, identify 250 px/m).',
  'Camera optics and mounting per group: assumptions (PRESET_CAMERA_PROFILES), not sourced figures.',
];

/**
 * Builds a named preset: the city (from src/city/presets) and its cameras.
 *
 * @param name - `almaty` | `astana`
 * @param options - seed, numCameras, includeOlder, and city overrides (blockSize, population, city);
 *   defaults: {@link CREATE_PRESET_DEFAULTS}
 * @returns `{ name, city, cameras, seed, description, sources }`; `cameras.provenance` records
 *   `createPreset`, the seed and the options, with the camera preset's provenance as its source
 * @throws {InvalidInputError} on an unknown name or a bad option
 * @example
 * const p = createPreset('almaty', { seed: 7 });
 * p.cameras.numCameras // 128000
 */
export function createPreset(name: 'almaty' | 'astana', options?: PresetOptions): Preset {
  checkOptions('createPreset', options, CREATE_PRESET_OPTION_KEYS);
  const origin = 'createPreset';
  if (name !== 'almaty' && name !== 'astana') throw new InvalidInputError(origin, 'name', 'must be "almaty" or "astana"', name);
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const seed = o.seed ?? CREATE_PRESET_DEFAULTS.seed;
  const rng = rngOf(origin, seed, CREATE_PRESET_DEFAULTS.seed);
  const cityOptions: PresetCityOptions = { seed, ...(o.city ?? {}) };
  if (o.blockSize !== undefined) cityOptions.blockSize = o.blockSize;
  if (o.population !== undefined) cityOptions.population = o.population;
  if (name === 'almaty') {
    const city = almatyCity(cityOptions);
    const cameras = almatyCameras(city, { seed: rng.stream('cameras'), numCameras: o.numCameras });
    recordCreatePreset(cameras, name, seed, o);
    const mix = scaleCameraMix(ALMATY_CAMERA_MIX, cameras.numCameras, origin);
    return {
      name,
      city,
      cameras,
      seed,
      description:
        `Almaty: ${cameras.numCameras.toLocaleString('en-US')} cameras (synthetic positions) — ` +
        `${mix.traffic} traffic/plate cameras on ${mix.trafficUnits} units at arterial intersections, ${mix.face} face-recognition, ` +
        `${mix.streetLive + mix.streetRecordOnly} public street cameras, ${mix.facade} private facade cameras; ` +
        `${mix.traffic + mix.face + mix.streetLive} live-connected.`,
      sources: [...SOURCES_COMMON, 'Derived counts and the private facade share: see ALMATY_CAMERA_MIX.'],
    };
  }
  if (o.includeOlder !== undefined && typeof o.includeOlder !== 'boolean') throw new InvalidInputError(origin, 'options.includeOlder', 'must be a boolean', o.includeOlder);
  const city = astanaCity(cityOptions);
  const cameras = astanaCameras(city, { seed: rng.stream('cameras'), numCameras: o.numCameras, includeOlder: o.includeOlder });
  recordCreatePreset(cameras, name, seed, o);
  const mix = astanaCameraMix(o.includeOlder ?? CREATE_PRESET_DEFAULTS.includeOlder, o.numCameras);
  return {
    name,
    city,
    cameras,
    seed,
    description:
      `Astana: ${cameras.numCameras.toLocaleString('en-US')} cameras (synthetic positions) — ${mix.traffic + mix.face + mix.streetLive + mix.streetRecordOnly} new public cameras` +
      (mix.older ? ` and ${mix.older} older record-only street cameras` : '') +
      `; ${mix.traffic + mix.face + mix.streetLive} live-connected (assumed Almaty-like split).`,
    sources: [...SOURCES_COMMON, 'The split of Astana\'s 22,000 new cameras into groups is an assumption (Almaty\'s public mix); see astanaCameraMix.'],
  };
}
