/**
 * Scenario presets: ready-made scenarios for the reference cities.
 * `almaty` (the default): the Almaty preset city, its 128,000 cameras, its
 * command network and a day of trips for a sample of residents; `astana`:
 * 22,000 new cameras with the older ~6,000 still in service
 * (createPreset('astana', { includeOlder: true })), its network and a day of
 * trips; `astana-older`: the older ~6,000 alone, to compare with `astana`;
 * `almaty-january-2022`: the damage of January 2022, a crowd on Republic
 * Square and its retroactive identification under a legal hold;
 * `almaty-retention`: the assumed Almaty retention policy against a minimal
 * one (30 days of video, templates deleted at once).
 */
import { InvalidInputError } from '../core/index.js';
import { UNICITY_KEEP_DEFAULT } from './exposure/step.js';
import { ALMATY_CAMERA_FACTS, ASTANA_CAMERA_FACTS, PRESET_CAMERA_PROFILES } from '../cameras/index.js';
import { JANUARY_2022_DAMAGE, ALMATY_NETWORK_FACTS } from '../network/index.js';
import type { ScenarioInput } from './schema.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Names of the scenario presets. */
export const SCENARIO_PRESET_NAMES = ['almaty', 'astana', 'astana-older', 'almaty-january-2022', 'almaty-retention'] as const;

/**
 * The legal hold of the January 2022 preset. ASSUMPTIONS (no published hold
 * order was found): everything captured within 300 m of Republic Square
 * during the week of the unrest (days 0–7 of the timeline, the crowd on day 0)
 * is kept 3 years for the police and prosecutors, as holds after a protest
 * keep evidence for the length of an investigation.
 */
export const JANUARY_2022_HOLD = { marginM: 300, from: 0, to: 7, keepDays: 3 * 365, searchedAfterDays: [30, 120, 365] } as const;

/**
 * The policy `almaty-retention` compares with the assumed Almaty policy: the
 * same system with video kept 30 days (the NYPD DAS and Flock period) instead
 * of 90, and face templates deleted at once (as London's Met does for faces
 * that raise no alert) — match events and alerts 30 days, plate reads 30 days,
 * read by the police only. An illustration, not a proposal anybody made.
 */
export const ALMATY_MINIMAL_RETENTION = {
  name: 'almaty-minimal',
  description: 'Video 30 days (NYPD DAS / Flock period), face templates deleted at once (Met LFR), match events, plate reads and alerts 30 days; police only. An illustrative alternative to almaty-assumed.',
  sources: ['Periods from the nypd-das, flock and met-lfr presets (see their sources); the combination is an illustration (assumption)'],
  rules: {
    camera: { video: { days: 0, copyTo: 'city' as const }, plateReads: { days: 0, copyTo: 'city' as const } },
    city: {
      video: { days: 30, readers: ['police'] },
      faceTemplates: { days: 0 },
      sightings: { days: 30, readers: ['police'] },
      plateReads: { days: 30, readers: ['police'] },
      alerts: { days: 30, readers: ['police'] },
    },
  },
};

/**
 * Places used by the presets, WGS84.
 * - Republic Square, Almaty: 43°14′18″ N, 76°56′43″ E (wildticketasia.com,
 *   "Republic Square in Almaty"); 580 m long and 210 m wide (followme.kg,
 *   "Republican Square"; urbaskovi.eu gives the same figures).
 * - Almaty-2 railway station: 43.273736° N, 76.939097° E (Wikipedia (pl), "Ałmaty-2").
 */
export const PRESET_PLACES = {
  republicSquare: { lon: 76.945278, lat: 43.238333, lengthM: 580, widthM: 210 },
  almaty2Station: { lon: 76.939097, lat: 43.273736 },
} as const;

/**
 * The crowd on Republic Square in the January 2022 preset. ASSUMPTIONS (no
 * sourced head count or duration is used): 10,000 people, 3 hours, the
 * square as a 580 × 210 m rectangle centred on its coordinates with the long
 * side north–south (its orientation is an approximation).
 */
export const JANUARY_2022_CROWD = { numPeople: 10_000, durationS: 3 * 3600 } as const;

/**
 * Where the January 2022 preset aims its damage. Sourced: clashes on
 * Republic Square on 4 January 2022 and the square blocked by armoured
 * vehicles on 5 January (SOURCES['pledgetimes-2022-01-05']); the city
 * administration (akimat), on the square, stormed and set on fire on 5
 * January (SOURCES['interfax-2022-01-05']); the akim: cameras were disabled
 * first of all, working street cameras fell to 43% (SOURCES['zakon-2022-sagintaev']).
 * ASSUMPTIONS (no source gives which units or cameras were hit): every unit
 * and every camera within 1 km of the square's centre (the square, the
 * akimat and the streets around them) is destroyed, and the rest of the
 * reported 766 units and 493 cameras is drawn at random over the city (766
 * is more than half of Sergek's 1,341 units, so the damage cannot have been
 * central only). The other places the sources name are not targeted. They
 * are streets (SOURCES['pledgetimes-2022-01-05']: crowds at Tole bi street
 * and the Eastern bypass and at Tole bi and Momysh-uly street in Aksai,
 * police cordons at al-Farabi and Nazarbayev avenues), but what the source
 * places there is crowds and cordons, not damaged cameras; and their
 * coordinates cannot be justified from the data at hand: the preset's streets
 * are a synthetic grid, the only Almaty OSM data bundled is the city boundary
 * (relation 2465058, no streets), and no source used here gives them.
 * The Interfax and Zakon.kz entries name no street. The area's assumptions row cites the
 * three sources (`sources` of the damage area).
 */
const JANUARY_2022_TARGET = { radiusM: 1000, unitShare: 1, cameraShare: 1 } as const;

/**
 * A rectangle of `lengthM` (north–south) × `widthM` (east–west) metres
 * centred on a point, as a lon/lat ring (equirectangular offsets; error
 * below a centimetre at this size).
 */
function rectangleAround(lon: number, lat: number, lengthM: number, widthM: number): [number, number][] {
  const mPerDegLat = 111_320;
  const mPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  const dLat = lengthM / 2 / mPerDegLat;
  const dLon = widthM / 2 / mPerDegLon;
  const r = (v: number) => Math.round(v * 1e7) / 1e7;
  return [
    [r(lon - dLon), r(lat - dLat)],
    [r(lon + dLon), r(lat - dLat)],
    [r(lon + dLon), r(lat + dLat)],
    [r(lon - dLon), r(lat + dLat)],
  ];
}
export type ScenarioPresetName = (typeof SCENARIO_PRESET_NAMES)[number];

/** Options of {@link scenarioPreset}. */
export interface ScenarioPresetOptions {
  /** Seed (default 1). */
  seed?: string | number;
  /**
   * Total cameras, for reduced-size runs: every preset camera source is
   * scaled by numCameras / (full count), keeping the mix (default: full scale).
   */
  numCameras?: number;
  /** Residents simulated for the exposure analysis (default 10,000), for reduced-size runs. */
  numResidents?: number;
  /** Outage trials (default 1,000). */
  outageTrials?: number;
}

/** The options scenarioPreset knows (its unknown options are refused). */
const SCENARIO_PRESET_OPTION_KEYS = optionKeys<ScenarioPresetOptions>()({}, ['seed', 'numCameras', 'numResidents', 'outageTrials']);

/**
 * A preset scenario, as a scenario document (JSON-ready, before defaults).
 *
 * - `almaty`: Almaty, 128,000 cameras; area coverage at the camera range and
 *   at the DORI identify level, with buildings as occluders; streets; districts; raster.
 * - `astana`: Astana's 22,000 new cameras plus the ~6,000 older ones
 *   (the Astana camera preset with `includeOlder`), with the same analyses.
 * - `astana-older`: the ~6,000 older cameras only (the network being replaced),
 *   to compare with `astana` (`sightline compare`).
 * - `almaty` and `astana` also build the city's command network
 *   (`almatyNetworkOptions` / `astanaNetworkOptions`: live share, overloaded
 *   links, storage, single points of failure, 1,000 outage trials) and run a
 *   day of trips for `numResidents` residents (exposure distributions, per
 *   district, a 10,000-person watchlist, unicity k = 1…8; Almaty: the
 *   least-surveilled route from Almaty-2 station to Republic Square).
 * - `almaty-january-2022`: the damage of January 2022 (766 units sized like
 *   Sergek's, 493 cameras: every one within 1 km of Republic Square and the
 *   akimat, the rest at random), coverage and live share after it, and
 *   a crowd on Republic Square before and after (live vs archive), and its
 *   retroactive identification 30, 120 and 365 days later under the Kazakh
 *   90-day video rule and an assumed legal hold (JANUARY_2022_HOLD).
 * - `almaty-retention`: Almaty with its network and residents under the
 *   assumed Almaty retention policy compared with ALMATY_MINIMAL_RETENTION.
 * - `almaty` and `astana` carry a retention policy too (`almaty-assumed`,
 *   `kazakhstan-90d`).
 *
 * @param name - one of {@link SCENARIO_PRESET_NAMES}
 * @param options - `seed`, `numCameras` (scale for quick runs), `numResidents` (default 10,000), `outageTrials` (default 1,000)
 * @returns the scenario (validate and run it with runScenario)
 * @throws {InvalidInputError} on an unknown name or a bad option
 * @example
 * const r = await runScenario(scenarioPreset('almaty', { numCameras: 5000 }));
 */
export function scenarioPreset(name: ScenarioPresetName, options: ScenarioPresetOptions = {}): ScenarioInput {
  checkOptions('scenarioPreset', options, SCENARIO_PRESET_OPTION_KEYS);
  const origin = 'scenarioPreset';
  if (!(SCENARIO_PRESET_NAMES as readonly string[]).includes(name)) {
    throw new InvalidInputError(origin, 'name', `must be one of ${SCENARIO_PRESET_NAMES.map((n) => JSON.stringify(n)).join(', ')}`, name);
  }
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const seed = options.seed ?? 1;
  const n = options.numCameras;
  if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) throw new InvalidInputError(origin, 'options.numCameras', 'must be an integer >= 1', n);
  const nr = options.numResidents ?? 10_000;
  if (typeof nr !== 'number' || !Number.isInteger(nr) || nr < 1) throw new InvalidInputError(origin, 'options.numResidents', 'must be an integer >= 1', nr);
  const trials = options.outageTrials ?? 1000;
  if (typeof trials !== 'number' || !Number.isInteger(trials) || trials < 1) throw new InvalidInputError(origin, 'options.outageTrials', 'must be an integer >= 1', trials);
  const places = { 'Republic Square': { lon: PRESET_PLACES.republicSquare.lon, lat: PRESET_PLACES.republicSquare.lat }, 'Almaty-2 station': { ...PRESET_PLACES.almaty2Station } };
  const exposure = (withRoute: boolean) => ({
    watchlistSize: 10_000,
    sample: Math.min(nr, UNICITY_KEEP_DEFAULT),
    unicity: { kMax: 8, sampleSize: 1000 },
    ...(withRoute ? { places, routes: [{ from: 'Almaty-2 station', to: 'Republic Square' }] } : {}),
  });
  const networkAnalyses = { network: {}, spof: { top: 10 }, outages: { trials } };
  const analyses = {
    coverage: { levels: ['range', 'identify'] as ('range' | 'identify')[], occlusion: true },
    streetCoverage: { occlusion: true },
    districts: { occlusion: true },
    raster: { cellSize: 250 },
    // Face-on coverage beside plain coverage, at the identify level (the level face identification needs).
    fullView: { occlusion: true },
  };
  if (name === 'almaty') {
    return {
      name: 'Almaty',
      description: `Almaty's camera network at full scale: 128,000 cameras on the real city boundary (synthetic street grid and camera positions), about 53,000 live to the police operations centre, and a day of trips for ${nr.toLocaleString('en-US')} residents.`,
      seed,
      city: { preset: 'almaty' },
      cameras: [{ from: 'preset', name: 'almaty', ...(n !== undefined ? { numCameras: n } : {}) }],
      network: { from: 'preset', name: 'almaty' },
      residents: { count: nr },
      retention: { preset: 'almaty-assumed' },
      analyses: { ...analyses, ...networkAnalyses, exposure: exposure(true) },
    };
  }
  if (name === 'almaty-retention') {
    return {
      name: 'Almaty, retention compared',
      description:
        `Almaty's 128,000 cameras and command network with a day of trips for ${nr.toLocaleString('en-US')} residents, under the assumed Almaty retention policy (90 days of video, face templates kept) ` +
        'and under a minimal one (30 days of video, templates deleted at once): storage and its cost, how far back each kind of data reaches, how much of a resident\'s last 30 days can be reconstructed, and who can read it.',
      seed,
      city: { preset: 'almaty' },
      cameras: [{ from: 'preset', name: 'almaty', ...(n !== undefined ? { numCameras: n } : {}) }],
      network: { from: 'preset', name: 'almaty' },
      residents: { count: nr },
      retention: { preset: 'almaty-assumed', compareWith: { policy: ALMATY_MINIMAL_RETENTION } },
      analyses: { districts: { occlusion: false, streets: false }, raster: { cellSize: 250 }, network: {}, exposure: { watchlistSize: 10_000, sample: 0 } },
    };
  }
  if (name === 'almaty-january-2022') {
    const sq = PRESET_PLACES.republicSquare;
    const polygon = rectangleAround(sq.lon, sq.lat, sq.lengthM, sq.widthM);
    const crowdSource = 'Republic Square 43°14′18″ N 76°56′43″ E (wildticketasia.com), 580 × 210 m (followme.kg); 10,000 people for 3 hours: assumption';
    const unitSize = Math.round(ALMATY_NETWORK_FACTS.sergekCameras / ALMATY_NETWORK_FACTS.sergekUnits);
    // The gathering starts at noon of day 0; the archive is searched days later.
    const retroactive = { start: 0.5, daysAfter: [...JANUARY_2022_HOLD.searchedAfterDays] };
    return {
      name: 'Almaty, January 2022',
      description:
        `Almaty after the damage of January 2022 (${JANUARY_2022_DAMAGE.units} Sergek units damaged: Tengrinews via kgnews.asia, 17 Jan 2022; ${JANUARY_2022_DAMAGE.cameras} cameras shot down: Kazinform, 12 Jan 2022), modelled as ${JANUARY_2022_DAMAGE.units} units — ` +
        `aggregation points sized like a Sergek unit (at most ${unitSize + 2} cameras, ${ALMATY_NETWORK_FACTS.sergekCameras.toLocaleString('en-US')} / ${ALMATY_NETWORK_FACTS.sergekUnits.toLocaleString('en-US')} ≈ ${unitSize} on average) — and ${JANUARY_2022_DAMAGE.cameras} cameras, ` +
        `aimed where the clashes were reported: every unit and camera within ${JANUARY_2022_TARGET.radiusM / 1000} km of Republic Square and the akimat (Interfax, 5 Jan 2022; the radius and the share hit are assumptions), the rest at random over the city; ` +
        'coverage and live share after the damage, and a crowd on Republic Square captured and identified live or from the archive, before and after the damage. ' +
        `Retention: the Kazakh 90-day video rule, and a legal hold (assumed) on everything captured within ${JANUARY_2022_HOLD.marginM} m of the square during the first week, kept ${JANUARY_2022_HOLD.keepDays / 365} years; ` +
        `the crowd is searched for in the archive ${JANUARY_2022_HOLD.searchedAfterDays.join(', ')} days later.`,
      seed,
      city: { preset: 'almaty' },
      cameras: [{ from: 'preset', name: 'almaty', ...(n !== undefined ? { numCameras: n } : {}) }],
      // Units sized like Sergek's roadside units, so that destroying one darkens a handful of cameras, not a district cabinet's hundred.
      network: { from: 'preset', name: 'almaty', camerasPerAggregation: unitSize + 2, maxCamerasPerAggregation: 2 * (unitSize + 2) },
      analyses: {
        coverage: { levels: ['range'], occlusion: true },
        districts: { occlusion: true },
        raster: { cellSize: 250 },
        network: {},
        damage: {
          areas: [
            {
              name: 'Republic Square and the akimat',
              circle: { centre: [sq.lon, sq.lat], radius: JANUARY_2022_TARGET.radiusM },
              unitShare: JANUARY_2022_TARGET.unitShare,
              cameraShare: JANUARY_2022_TARGET.cameraShare,
              source:
                'clashes on Republic Square 4 Jan 2022 (Pledge Times citing Interfax, 5 Jan 2022); the akimat on the square stormed and set on fire 5 Jan (Interfax, 5 Jan 2022); cameras disabled first of all (Zakon.kz, the akim); ' +
                'every unit and camera within 1 km hit: assumption (no source says which were)',
              sources: ['pledgetimes-2022-01-05', 'interfax-2022-01-05', 'zakon-2022-sagintaev'],
            },
          ],
          totalUnits: scaleCount(JANUARY_2022_DAMAGE.units, n),
          totalCameras: scaleCount(JANUARY_2022_DAMAGE.cameras, n),
        },
        exposure: {
          crowds: [
            { name: 'Republic Square', polygon, numPeople: JANUARY_2022_CROWD.numPeople, durationS: JANUARY_2022_CROWD.durationS, gallerySize: 10_000, source: crowdSource, retroactive },
            { name: 'Republic Square after the damage', polygon, numPeople: JANUARY_2022_CROWD.numPeople, durationS: JANUARY_2022_CROWD.durationS, gallerySize: 10_000, afterDamage: true, source: crowdSource, retroactive },
          ],
        },
      },
      retention: {
        preset: 'kazakhstan-90d',
        legalHolds: [{ id: 'january-2022', area: rectangleAround(sq.lon, sq.lat, sq.lengthM + 2 * JANUARY_2022_HOLD.marginM, sq.widthM + 2 * JANUARY_2022_HOLD.marginM), from: JANUARY_2022_HOLD.from, to: JANUARY_2022_HOLD.to, keepDays: JANUARY_2022_HOLD.keepDays, readers: ['police', 'prosecutors'] }],
      },
    };
  }
  const newer = ASTANA_CAMERA_FACTS.newCameras;
  const older = ASTANA_CAMERA_FACTS.olderCameras;
  // Scale both sources by the same factor so their ratio stays 22,000 : 6,000.
  const O = PRESET_CAMERA_PROFILES.older;
  const scale = (count: number) => (n === undefined ? count : Math.max(1, Math.round((count * n) / (newer + older))));
  if (name === 'astana-older') {
    return {
      name: 'Astana, older cameras only',
      description: `The older Astana network of about ${older.toLocaleString('en-US')} record-only street cameras, before the new system.`,
      seed,
      city: { preset: 'astana' },
      // As astanaCameras places its older group: along streets, facing across, public, record-only.
      cameras: [{ from: 'streets', numCameras: scale(older), fov: O.fov, resolutionPx: O.resolutionPx, height: O.height, kind: O.kind, heading: 'across', operator: 'public', live: false }],
      analyses,
    };
  }
  return {
    name: 'Astana',
    description: `Astana: ${newer.toLocaleString('en-US')} new cameras with the ~${older.toLocaleString('en-US')} older ones still in service, their command network, and a day of trips for ${nr.toLocaleString('en-US')} residents.`,
    seed,
    city: { preset: 'astana' },
    cameras: [{ from: 'preset', name: 'astana', includeOlder: true, ...(n !== undefined ? { numCameras: n } : {}) }],
    network: { from: 'preset', name: 'astana' },
    residents: { count: nr },
    retention: { preset: 'kazakhstan-90d' },
    analyses: { ...analyses, ...networkAnalyses, exposure: exposure(false) },
  };
}

/** A count scaled with the cameras in reduced-size runs (the full Almaty count is 128,000). */
function scaleCount(count: number, numCameras: number | undefined): number {
  return numCameras === undefined ? count : Math.max(1, Math.round((count * numCameras) / ALMATY_CAMERA_FACTS.totalCameras));
}
