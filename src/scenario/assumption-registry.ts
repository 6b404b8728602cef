/**
 * The registry of uncertain defaults: every default that stands for an
 * uncertain fact, with its central value (the value the library uses, read
 * from the constant in force, never copied), a plausible range (low, high
 * and a distribution over it), the reason for the range (a source's spread,
 * a physical bound or stated reasoning) and where a scenario sets it: `path`,
 * a dotted path into the scenario JSON (`cameras.*.…` for every camera
 * source of the kind `from`), and `stage`, the id of the scenario step that
 * first reads it (the sweep runner caches the steps before it).
 *
 * A scenario overrides any entry by name in its `assumptions` section
 * (`{ "assumptions": { "plateReadRate": 0.9 } }`); parseScenario writes the
 * value at the entry's path before validation (see apply-assumptions.ts).
 * Values outside [low, high] are allowed: a scenario may disagree with the
 * range, but not with the field's own validation.
 *
 * Sourced facts with a published value (the DORI pixel densities of EN
 * 62676-4, the Almaty camera counts) are not here: they have no range unless
 * their source gives one.
 */
import { InvalidInputError, type SourceId } from '../core/index.js';
import { MOUNT_ON_STREET_DEFAULTS, OSM_IMPORT_DEFAULTS, doriDistance } from '../cameras/index.js';
import { TRIP_DEFAULTS, TRAVEL_SPEEDS } from '../mobility/index.js';
import { EXPOSURE_PROFILE_DEFAULTS, MET_LFR_2025, RECOGNITION_PRESETS, SIGHTING_DEFAULTS, perEntryFromFpir, EXPOSURE_BY_HOUR_DEFAULTS, NIGHT_CAMERA_SET_DEFAULTS } from '../exposure/index.js';
import { ANALYSE_NETWORK_DEFAULTS, NETWORK_BUILD_DEFAULTS, OUTAGE_SIMULATION_DEFAULTS, STREAM_DEFAULTS, UPTIME_DEFAULTS } from '../network/index.js';
import { FULL_VIEW_COVERAGE_DEFAULTS } from '../coverage/index.js';
import { ANALYSE_RETENTION_DEFAULTS, DEFAULT_PRICE_PER_TB_MONTH, RETENTION_PRESETS } from '../retention/index.js';

/** How the value is spread over [low, high] when a sweep draws it. */
export type AssumptionDistribution = 'uniform' | 'triangular' | 'log-uniform';

/** One uncertain default. */
export interface AssumptionEntry {
  /** Name in the scenario's `assumptions` section, e.g. `plateReadRate`. */
  readonly name: string;
  /** What it is about, as in the assumptions table. */
  readonly topic: string;
  /** Unit of central, low and high (`probability`, `m`, `m/s`, `days`, …). */
  readonly unit: string;
  /** The value the library uses (read from the library's constant). */
  readonly central: number;
  /** Low end of the plausible range. */
  readonly low: number;
  /** High end of the plausible range. */
  readonly high: number;
  /** How a sweep spreads the value over [low, high] (triangular: peaked at central). */
  readonly distribution: AssumptionDistribution;
  /** Dotted path into the scenario JSON where the value lives; `*` stands for every camera source of kind `from`. */
  readonly path: string;
  /** Id of the scenario step that first reads it (`cameras`, `network`, `exposure`, `retention`, …). */
  readonly stage: string;
  /** Why this range: the source's spread, a physical bound, or the reasoning. */
  readonly basis: string;
  /** Bibliography entries the range rests on (ids of SOURCES). */
  readonly sources?: readonly SourceId[];
  /**
   * The part of the scenario that must be there for the value to be read
   * (after presets are written out): without it an override is refused,
   * since nothing would read it. Objects between it and the value are created.
   */
  readonly requires: string;
  /** `cameras.*` paths only: the camera sources (`from`) it applies to. */
  readonly from?: string;
  /** Objects created in place of missing ones on the way, by path (e.g. the deterrence's `kind`). */
  readonly create?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const DEFAULT_RECOGNITION = RECOGNITION_PRESETS[SIGHTING_DEFAULTS.recognition as keyof typeof RECOGNITION_PRESETS];
const MET_RECOGNITION = RECOGNITION_PRESETS['london-met-lfr'];
const ALMATY_ASSUMED = RETENTION_PRESETS['almaty-assumed'].rules;
const D = NETWORK_BUILD_DEFAULTS;
const round1 = (x: number) => Math.round(x * 10) / 10;
const osmRange = (px: number) => round1(doriDistance(px, 360, 'detect'));

/** The default gravity scale of a purpose (the default deterrence is exponential). */
function deterrenceScale(purpose: 'work' | 'study' | 'errand'): number {
  const d = TRIP_DEFAULTS.deterrence[purpose] as { kind: string; scale?: number };
  if (d.kind !== 'exponential' || d.scale === undefined) throw new InvalidInputError('ASSUMPTION_REGISTRY', `TRIP_DEFAULTS.deterrence.${purpose}`, 'must be exponential', d);
  return d.scale;
}

const NOT_SURVEYED = 'no Almaty travel survey is bundled';

/** Every uncertain default, by stage order. */
export const ASSUMPTION_REGISTRY: readonly AssumptionEntry[] = Object.freeze([
  // --- cameras ---
  {
    name: 'faceKerbOffset', topic: 'Face camera kerb offset', unit: 'm',
    central: MOUNT_ON_STREET_DEFAULTS.kerbOffset, low: 0.5, high: 3, distribution: 'uniform',
    path: 'cameras.*.groups.face.kerbOffset', from: 'preset', stage: 'cameras', requires: 'cameras',
    basis: 'reasoning: the pole or bracket stands on the pavement, between just behind the kerb (0.5 m) and the far side of a wide pavement (3 m)',
  },
  {
    name: 'faceAimDistance', topic: 'Face camera aim distance', unit: 'm',
    central: MOUNT_ON_STREET_DEFAULTS.aimDistance, low: 5, high: 15, distribution: 'uniform',
    path: 'cameras.*.groups.face.aimDistance', from: 'preset', stage: 'cameras', requires: 'cameras',
    basis: `reasoning: the axis should cross the walking line inside the preset face lens's identify zone (about ${round1(doriDistance(3840, 60, 'identify'))} m for 60° and 3840 px, EN 62676-4 geometry); 5 m is the near end of a useful approach, 15 m just beyond the zone`,
    sources: ['en-62676-4-2015'],
  },
  {
    name: 'osmFov', topic: 'OSM cameras: field of view of a directed camera', unit: 'degrees',
    central: OSM_IMPORT_DEFAULTS.fov, low: 50, high: 110, distribution: 'uniform',
    path: 'cameras.*.fov', from: 'osm', stage: 'cameras', requires: 'cameras',
    basis: 'reasoning: OSM has no field-of-view tag; fixed CCTV lenses of 6 mm to 2.8 mm on the common 1/2.8-inch sensors give about 50° to 110° (vendor data sheets, not bundled)',
  },
  {
    name: 'osmResolutionPx', topic: 'OSM cameras: sensor resolution (sets their range)', unit: 'px',
    central: OSM_IMPORT_DEFAULTS.resolutionPx, low: 1280, high: 3840, distribution: 'uniform',
    path: 'cameras.*.resolutionPx', from: 'osm', stage: 'cameras', requires: 'cameras',
    basis: `reasoning: 720p to 4K spans the IP cameras in service; the range of every OSM camera without a range is its DORI detect distance, so a camera imported as 360° for want of a direction sees ${osmRange(OSM_IMPORT_DEFAULTS.resolutionPx)} m at ${OSM_IMPORT_DEFAULTS.resolutionPx} px (${osmRange(1280)} m at 1280 px, ${osmRange(3840)} m at 3840 px; EN 62676-4 detect level)`,
    sources: ['en-62676-4-2015'],
  },
  // --- network ---
  {
    name: 'aggregationAvailability', topic: 'Node availability: aggregation point', unit: 'probability',
    central: D.nodeAvailability.aggregation, low: 0.99, high: 0.999, distribution: 'uniform',
    path: 'network.nodeAvailability.aggregation', stage: 'network', requires: 'network',
    basis: 'reasoning: a street cabinet on street power without a battery; 0.99 is about 3.7 days down a year, 0.999 about 9 hours (no sourced rate)',
  },
  {
    name: 'hubAvailability', topic: 'Node availability: district hub', unit: 'probability',
    central: D.nodeAvailability['district-hub'], low: 0.995, high: 0.9999, distribution: 'uniform',
    path: 'network.nodeAvailability.district-hub', stage: 'network', requires: 'network',
    basis: 'reasoning: a district hub with some backup power; from about 44 hours down a year (0.995) to under an hour (0.9999); no sourced rate',
  },
  {
    name: 'centreAvailability', topic: 'Node availability: city centre', unit: 'probability',
    central: D.nodeAvailability['city-centre'], low: 0.999, high: 0.99999, distribution: 'uniform',
    path: 'network.nodeAvailability.city-centre', stage: 'network', requires: 'network',
    basis: 'reasoning: a centre with backup power and staff; from about 9 hours down a year (0.999) to about 5 minutes (0.99999); no sourced rate',
  },
  {
    name: 'nationalAvailability', topic: 'Node availability: national platform', unit: 'probability',
    central: D.nodeAvailability.national, low: 0.999, high: 0.99999, distribution: 'uniform',
    path: 'network.nodeAvailability.national', stage: 'network', requires: 'network',
    basis: 'reasoning: as the city centre (backup power); no sourced rate',
  },
  {
    name: 'fibreAvailability', topic: 'Link availability: fibre', unit: 'probability',
    central: D.linkAvailability.fibre, low: 0.995, high: 0.9999, distribution: 'uniform',
    path: 'network.linkAvailability.fibre', stage: 'network', requires: 'network',
    basis: 'reasoning: cable cuts and repairs of hours to days a year; no sourced rate for Almaty',
  },
  {
    name: 'lteAvailability', topic: 'Link availability: LTE', unit: 'probability',
    central: D.linkAvailability.lte, low: 0.95, high: 0.999, distribution: 'uniform',
    path: 'network.linkAvailability.lte', stage: 'network', requires: 'network',
    basis: 'reasoning: a shared cell uplink loses the stream in weak signal and congestion (crowds load the same cells); from a few per cent of the time down to fibre-like; no sourced rate',
  },
  {
    name: 'radioAvailability', topic: 'Link availability: radio', unit: 'probability',
    central: D.linkAvailability.radio, low: 0.99, high: 0.9999, distribution: 'uniform',
    path: 'network.linkAvailability.radio', stage: 'network', requires: 'network',
    basis: 'reasoning: licensed point-to-point links are planned for 0.999–0.9999 against rain fade; alignment and power faults add to that (no sourced rate)',
  },
  {
    name: 'streamFps', topic: 'Frame rate', unit: 'fps',
    central: STREAM_DEFAULTS.fps, low: 12.5, high: 30, distribution: 'uniform',
    path: 'network.stream.fps', stage: 'network', requires: 'network',
    basis: 'reasoning: recorders are often set to half rate (12.5–15 fps) to save storage; 25 fps is PAL-region full rate, 30 fps NTSC-region',
  },
  {
    name: 'aggregationStorageDays', topic: 'Storage at aggregation points', unit: 'days',
    central: D.aggregationStorageDays, low: 7, high: 90, distribution: 'uniform',
    path: 'network.aggregationStorageDays', stage: 'network', requires: 'network',
    basis: 'reasoning: street recorders hold a week to the 90 days of the Kazakh regional video rule (Kazakhstanskaya Pravda, 6 Jan 2026)',
    sources: ['kazpravda-2026-01-06'],
  },
  {
    name: 'centreStorageDays', topic: 'Storage at the centres', unit: 'days',
    central: D.centreStorageDays, low: 30, high: 90, distribution: 'uniform',
    path: 'network.centreStorageDays', stage: 'network', requires: 'network',
    basis: 'the 30 days reported for the NYPD Domain Awareness System to the at least 90 days of the Kazakh regional rule',
    sources: ['nypd-das-2009', 'kazpravda-2026-01-06'],
  },
  {
    name: 'networkRetentionDays', topic: 'Retention for the storage figures', unit: 'days',
    central: ANALYSE_NETWORK_DEFAULTS.retentionDays, low: 30, high: 90, distribution: 'uniform',
    path: 'analyses.network.retentionDays', stage: 'network-metrics', requires: 'analyses.network',
    basis: 'the 30 days reported for the NYPD Domain Awareness System to the at least 90 days of the Kazakh regional rule',
    sources: ['nypd-das-2009', 'kazpravda-2026-01-06'],
  },
  {
    name: 'districtBlackout', topic: 'District blackout probability per trial', unit: 'probability',
    central: OUTAGE_SIMULATION_DEFAULTS.districtBlackout, low: 0, high: 0.002, distribution: 'uniform',
    path: 'analyses.outages.districtBlackout', stage: 'outages', requires: 'analyses.outages',
    basis: 'reasoning: the chance a district is without power at a random moment is its yearly hours without supply / 8,760; grids with 1–10 hours a year give 0.0001–0.001, doubled for weaker grids; 0 leaves blackouts out (no sourced rate)',
  },
  {
    name: 'cameraAvailability', topic: 'Camera availability in outage trials', unit: 'probability',
    central: OUTAGE_SIMULATION_DEFAULTS.cameraAvailability, low: 0.9, high: 1, distribution: 'uniform',
    path: 'analyses.outages.cameraAvailability', stage: 'outages', requires: 'analyses.outages',
    basis: 'reasoning: the share of a fleet working at a random moment; 1 assumes no camera is broken, 0.9 one in ten waiting for repair (no sourced failure rate)',
  },
  {
    name: 'cameraMtbfHours', topic: 'Uptime: mean time between camera failures', unit: 'h',
    central: UPTIME_DEFAULTS.cameraMtbfHours, low: 8760, high: 87600, distribution: 'log-uniform',
    path: 'analyses.uptime.cameraMtbfHours', stage: 'uptime', requires: 'analyses.uptime',
    basis: 'reasoning: a street camera in the field fails for its power supply, cabling, water and vandalism as well as its electronics (whose laboratory MTBF vendors quote higher); once a year to once a decade (no sourced field rate)',
  },
  {
    name: 'cameraRepairHours', topic: 'Uptime: mean time to repair a camera', unit: 'h',
    central: UPTIME_DEFAULTS.cameraRepairHours, low: 8, high: 336, distribution: 'log-uniform',
    path: 'analyses.uptime.cameraRepairHours', stage: 'uptime', requires: 'analyses.uptime',
    basis: 'reasoning: detection, dispatch and replacement take from a working shift (8 h) to two weeks waiting for parts (no sourced figure)',
  },
  {
    name: 'powerFailuresPerYear', topic: 'Uptime: power cuts per district per year', unit: 'per year',
    central: UPTIME_DEFAULTS.powerFailuresPerYear, low: 0.5, high: 10, distribution: 'log-uniform',
    path: 'analyses.uptime.powerFailuresPerYear', stage: 'uptime', requires: 'analyses.uptime',
    basis: 'reasoning: distribution grids see interruptions from about once every two years to about ten times a year per customer (no sourced SAIFI for Almaty)',
  },
  {
    name: 'powerRepairHours', topic: 'Uptime: mean length of a power cut', unit: 'h',
    central: UPTIME_DEFAULTS.powerRepairHours, low: 1, high: 12, distribution: 'log-uniform',
    path: 'analyses.uptime.powerRepairHours', stage: 'uptime', requires: 'analyses.uptime',
    basis: 'reasoning: a switching fix restores supply in about an hour, a repair of a cable or substation in up to half a day (no sourced SAIDI/SAIFI for Almaty)',
  },
  {
    name: 'aggregationRepairHours', topic: 'Uptime: mean time to repair an aggregation point', unit: 'h',
    central: UPTIME_DEFAULTS.nodeRepairHours.aggregation, low: 6, high: 96, distribution: 'log-uniform',
    path: 'analyses.uptime.nodeRepairHours.aggregation', stage: 'uptime', requires: 'analyses.uptime',
    basis: 'reasoning: a crew reaches a street cabinet the same day or within four days (no sourced figure); with the node availability this sets how often it fails',
  },
  {
    name: 'fibreRepairHours', topic: 'Uptime: mean time to mend a fibre link', unit: 'h',
    central: UPTIME_DEFAULTS.linkRepairHours.fibre, low: 3, high: 48, distribution: 'log-uniform',
    path: 'analyses.uptime.linkRepairHours.fibre', stage: 'uptime', requires: 'analyses.uptime',
    basis: 'reasoning: a cable cut is spliced in a few hours when access is easy, up to two days when the duct must be dug (no sourced figure)',
  },
  // --- exposure ---
  {
    name: 'recognitionTruePositiveRate', topic: 'Recognition: true-positive rate (default model)', unit: 'probability',
    central: DEFAULT_RECOGNITION.truePositiveRate, low: DEFAULT_RECOGNITION.truePositiveRate, high: 0.99, distribution: 'uniform',
    path: 'recognition.truePositiveRate', stage: 'exposure', requires: 'analyses.exposure',
    basis: 'NIST FIVE (NISTIR 8173): between about 60 % and more than 99 % of subjects identified from video, depending on capture; the default takes the low end (passive capture in crowds)',
    sources: ['nistir-8173'],
  },
  {
    name: 'recognitionFalsePositivePerEntry', topic: 'Recognition: false positives per gallery entry (default model)', unit: 'probability per entry',
    central: DEFAULT_RECOGNITION.falsePositivePerEntry, low: MET_RECOGNITION.falsePositivePerEntry, high: perEntryFromFpir(0.01, DEFAULT_RECOGNITION.referenceGallerySize!), distribution: 'log-uniform',
    path: 'recognition.falsePositivePerEntry', stage: 'exposure', requires: 'analyses.exposure',
    basis: "from the Met's operational record (10 false alerts in 3,147,436 faces scanned, watchlist about 16,000) up to FPIR 0.01 over the FIVE gallery (a threshold looser than NIST's 0.003 reporting point); orders of magnitude apart, hence log-uniform",
    sources: ['met-lfr-2025', 'nistir-8173'],
  },
  {
    name: 'faceAngle', topic: 'Face angle', unit: 'degrees',
    central: EXPOSURE_PROFILE_DEFAULTS.faceAngle, low: 30, high: 60, distribution: 'uniform',
    path: 'analyses.exposure.faceAngle', stage: 'exposure', requires: 'analyses.exposure',
    basis: 'reasoning: 30° counts only near-frontal views; 60° counts half-profiles, which the best algorithms still match, less reliably (NISTIR 8238 on profile views)',
    sources: ['nistir-8238'],
  },
  {
    name: 'fullViewAngle', topic: 'Full-view effective angle', unit: 'degrees',
    central: FULL_VIEW_COVERAGE_DEFAULTS.effectiveAngle, low: 30, high: 60, distribution: 'uniform',
    path: 'analyses.fullView.effectiveAngle', stage: 'fullView', requires: 'analyses.fullView',
    basis: 'the same reasoning as faceAngle (the same θ): 30° counts only near-frontal views, 60° half-profiles; Wang & Cao leave θ free (θ ≤ 90° in their analysis); algorithms lose more than 10 points of accuracy from frontal to profile (Sengupta et al. 2016)',
    sources: ['wang-cao-2011', 'sengupta-2016'],
  },
  {
    name: 'plateReadRate', topic: 'Plate read rate', unit: 'probability',
    central: SIGHTING_DEFAULTS.plateReadRate, low: 0.8, high: 0.99, distribution: 'uniform',
    path: 'analyses.exposure.plateReadRate', stage: 'exposure', requires: 'analyses.exposure',
    basis: 'reasoning: OCR vendors quote 95 % at 3 px/cm (Imagsa ANPR FAQ, not bundled); dirt, weather, angle and non-standard plates lower it (0.8), the best vendor claims reach 0.99',
  },
  {
    name: 'nightFaceFactor', topic: 'Face recognition at night (share of the day rate)', unit: 'probability',
    central: EXPOSURE_BY_HOUR_DEFAULTS.nightFaceFactor, low: 0.2, high: 0.9, distribution: 'triangular',
    path: 'analyses.exposureByHour.nightFaceFactor', stage: 'exposure', requires: 'analyses.exposureByHour',
    basis: 'reasoning: infrared and low-light images lose colour and contrast and matchers trained on daylight photos lose accuracy on them; NIST found the best FRVT 2006 algorithms still sensitive to lighting but publishes no night rate for street video; 0.9 for lit streets and current near-infrared-trained matchers, 0.2 for dim, noisy infrared frames',
    sources: ['nist-phillips-2010-lighting', 'nistir-8173'],
  },
  {
    name: 'nightRangeFixed', topic: 'Night (infrared) range of fixed cameras', unit: 'm',
    central: NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind.fixed, low: 20, high: 80, distribution: 'uniform',
    path: 'analyses.exposureByHour.nightRangeByKind.fixed', stage: 'exposure', requires: 'analyses.exposureByHour',
    basis: 'vendor datasheets: infrared "up to" ranges of fixed street bullets run from 20 m (Hikvision value bullets) through 30 m (Smart Hybrid Light) and 50 m (ACTi K32-P1) to 80 m (long-range IR bullets)',
    sources: ['cctv-camera-database-2026'],
  },
  {
    name: 'watchlistSize', topic: 'Watchlist size', unit: 'people',
    central: MET_LFR_2025.watchlistSize, low: 1000, high: 100_000, distribution: 'log-uniform',
    path: 'analyses.exposure.watchlistSize', stage: 'exposure', requires: 'analyses.exposure',
    basis: "reasoning: the order of the Met's LFR watchlists (about 10^4 per deployment, an assumption used for the recognition check); an order of magnitude either way for a city's list (no Almaty figure). The watchlist figures are computed only when a size is given",
    sources: ['met-lfr-2025'],
  },
  {
    name: 'walkMidpoint', topic: 'Walk or drive: midpoint', unit: 'm',
    central: TRIP_DEFAULTS.walkMidpoint, low: 800, high: 2000, distribution: 'uniform',
    path: 'trips.walkMidpoint', stage: 'exposure', requires: 'residents',
    basis: `reasoning: the distance at which walking and driving are equally likely; walking trips of more than 1–2 km are rare in car-owning cities (${NOT_SURVEYED})`,
  },
  {
    name: 'walkSpread', topic: 'Walk or drive: spread', unit: 'm',
    central: TRIP_DEFAULTS.walkSpread, low: 150, high: 600, distribution: 'uniform',
    path: 'trips.walkSpread', stage: 'exposure', requires: 'residents',
    basis: `reasoning: half to twice the default width of the switch from walking to driving (${NOT_SURVEYED})`,
  },
  {
    name: 'walkingSpeed', topic: 'Walking speed', unit: 'm/s',
    central: TRAVEL_SPEEDS.walk, low: 1.27, high: 1.35, distribution: 'uniform',
    path: 'trips.speeds.walk', stage: 'exposure', requires: 'residents',
    basis: 'Murtagh et al., Sports Medicine 51(1):125–141, 2021: mean usual pace 1.31 m/s, 95 % CI 1.27–1.35',
    sources: ['murtagh-2021'],
  },
  {
    name: 'carSpeed', topic: 'Car speed (door to door)', unit: 'm/s',
    central: TRAVEL_SPEEDS.car, low: 15 / 3.6, high: 40 / 3.6, distribution: 'uniform',
    path: 'trips.speeds.car', stage: 'exposure', requires: 'residents',
    basis: 'reasoning: about 15 km/h in congested peak traffic to 40 km/h on free-flowing arterials (no published Almaty average found)',
  },
  ...(['work', 'study', 'errand'] as const).map((purpose): AssumptionEntry => ({
    name: `deterrence${purpose[0].toUpperCase()}${purpose.slice(1)}`, topic: `Destinations: ${purpose} distance scale`, unit: 'm',
    central: deterrenceScale(purpose), low: deterrenceScale(purpose) / 2, high: deterrenceScale(purpose) * 2, distribution: 'log-uniform',
    path: `trips.deterrence.${purpose}.scale`, stage: 'exposure', requires: 'residents',
    create: { [`trips.deterrence.${purpose}`]: { kind: 'exponential' } },
    basis: `reasoning: the scale of the gravity model exp(−d / scale) (form: Wilson 1967); a factor of two either way (${NOT_SURVEYED})`,
  })),
  // --- retention (the almaty-assumed preset's durations; a policy written out or another preset has its own) ---
  {
    name: 'retentionVideoDays', topic: 'Retention: video at the city centre', unit: 'days',
    central: ALMATY_ASSUMED.city!.video!.days as number, low: 30, high: 180, distribution: 'uniform',
    path: 'retention.policy.rules.city.video.days', stage: 'retention', requires: 'retention.policy.rules.city.video',
    basis: 'the 30 days reported for the NYPD Domain Awareness System; the Kazakh regional rule says at least 90 days (not verified for Almaty), so up to twice that',
    sources: ['nypd-das-2009', 'kazpravda-2026-01-06'],
  },
  {
    name: 'retentionFaceTemplateDays', topic: 'Retention: face templates at the city centre', unit: 'days',
    central: ALMATY_ASSUMED.city!.faceTemplates!.days as number, low: 30, high: 365, distribution: 'uniform',
    path: 'retention.policy.rules.city.faceTemplates.days', stage: 'retention', requires: 'retention.policy.rules.city.faceTemplates',
    basis: 'reasoning: no documented rule; from the shortest video rule found (30 days, NYPD) to the year the national platform is assumed to keep them',
    sources: ['nypd-das-2009'],
  },
  {
    name: 'retentionSightingDays', topic: 'Retention: match events at the city centre', unit: 'days',
    central: ALMATY_ASSUMED.city!.sightings!.days as number, low: 30, high: 365, distribution: 'uniform',
    path: 'retention.policy.rules.city.sightings.days', stage: 'retention', requires: 'retention.policy.rules.city.sightings',
    basis: 'reasoning: as the face templates (no documented rule)',
  },
  {
    name: 'retentionNationalDays', topic: 'Retention: templates and match events at the national platform', unit: 'days',
    central: ALMATY_ASSUMED.national!.faceTemplates!.days as number, low: 90, high: 1825, distribution: 'log-uniform',
    path: 'retention.policy.rules.national.faceTemplates.days', stage: 'retention', requires: 'retention.policy.rules.national.faceTemplates',
    basis: 'reasoning: at least as long as the city centre (90 days) and up to the five years reported for plate reads in New York (no documented rule); match events at the national platform keep their own rule (rules.national.sightings)',
  },
  {
    name: 'retentionPlateReadDays', topic: 'Retention: plate reads at the city centre', unit: 'days',
    central: ALMATY_ASSUMED.city!.plateReads!.days as number, low: 30, high: 1825, distribution: 'log-uniform',
    path: 'retention.policy.rules.city.plateReads.days', stage: 'retention', requires: 'retention.policy.rules.city.plateReads',
    basis: "Flock deletes plate reads after 30 days; New York's plate reads are reported kept five years; the Almaty rule is not known",
    sources: ['flock-evidence-policy', 'nypd-das-2009'],
  },
  {
    name: 'retentionAlertDays', topic: 'Retention: alerts at the city centre', unit: 'days',
    central: ALMATY_ASSUMED.city!.alerts!.days as number, low: 30, high: 365, distribution: 'uniform',
    path: 'retention.policy.rules.city.alerts.days', stage: 'retention', requires: 'retention.policy.rules.city.alerts',
    basis: 'reasoning: no documented rule; from the shortest video rule found (30 days) to a year of case files',
  },
  {
    name: 'operatingDays', topic: 'System running for', unit: 'days',
    central: ANALYSE_RETENTION_DEFAULTS.operatingDays, low: 1825, high: 7300, distribution: 'uniform',
    path: 'retention.operatingDays', stage: 'retention', requires: 'retention',
    basis: "reasoning: from five to twenty years; Sergek's cameras date from about 2017 (nur.kz, 14 Aug 2025), nine years before 2026",
    sources: ['nur-2025-08-14'],
  },
  {
    name: 'storagePricePerTBMonth', topic: 'Storage price', unit: 'USD per TB-month',
    central: DEFAULT_PRICE_PER_TB_MONTH, low: 5, high: 25, distribution: 'uniform',
    path: 'retention.pricePerTBMonth', stage: 'retention', requires: 'retention',
    basis: 'the Google Cloud Storage standard list price stands in for storage an operator runs itself: own disks cost less (5), replicated managed storage more (25)',
    sources: ['gcs-pricing-2026'],
  },
] satisfies AssumptionEntry[]);

const BY_NAME: ReadonlyMap<string, AssumptionEntry> = new Map(ASSUMPTION_REGISTRY.map((e) => [e.name, e]));

/** Names of the registry, in order. */
export const ASSUMPTION_NAMES: readonly string[] = ASSUMPTION_REGISTRY.map((e) => e.name);

/**
 * The registry entry of an uncertain default.
 *
 * @param name - its name, e.g. `plateReadRate`
 * @returns the entry
 * @throws {InvalidInputError} for an unknown name, with the closest name
 * @example assumptionEntry('plateReadRate').path // 'analyses.exposure.plateReadRate'
 */
export function assumptionEntry(name: string): AssumptionEntry {
  const e = typeof name === 'string' ? BY_NAME.get(name) : undefined;
  if (e === undefined) {
    const near = typeof name === 'string' ? closestName(name) : null;
    throw new InvalidInputError('assumptionEntry', 'name', `must name an entry of ASSUMPTION_REGISTRY${near ? ` (did you mean "${near}"?)` : ''}`, name);
  }
  return e;
}

/** The closest registry name (Levenshtein, case-insensitive), or null when none is close. */
export function closestName(name: string): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const a = name.toLowerCase();
  for (const n of ASSUMPTION_NAMES) {
    const d = levenshtein(a, n.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  // Close: at most a third of the name's letters differ, or one name contains the other.
  if (best !== null && (bestD <= Math.max(2, Math.floor(best.length / 3)) || best.toLowerCase().includes(a) || a.includes(best.toLowerCase()))) return best;
  return null;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The range shown in an assumptions-table row (see `Assumption.range`). */
export interface AssumptionRange {
  low: number;
  central: number;
  high: number;
  unit: string;
  distribution: AssumptionDistribution;
  /** The value the run used, when it differs from central (the scenario set it). */
  used?: number;
}

/**
 * The `name` and `range` of an assumptions-table row for a registry entry.
 *
 * @param name - the entry's name
 * @param used - the value the run used (left out of the range when it equals central)
 * @returns `{ name, range }`, to spread into the row
 * @example { topic: 'Plate reading', ..., ...rangedRow('plateReadRate', 0.9) }
 */
export function rangedRow(name: string, used?: number): { name: string; range: AssumptionRange } {
  const e = assumptionEntry(name);
  return { name, range: { low: e.low, central: e.central, high: e.high, unit: e.unit, distribution: e.distribution, ...(used !== undefined && used !== e.central ? { used } : {}) } };
}

/**
 * A row of the assumptions table for a registry entry that has no row of
 * its own: its topic, the value used, the basis and the range.
 *
 * @param name - the entry's name
 * @param used - the value the run used (default: central)
 * @param given - whether the scenario set the value
 * @returns the row
 */
export function registryRow(name: string, used?: number, given = false): { topic: string; value: string; source: string; sources?: SourceId[]; kind: 'assumption'; name: string; range: AssumptionRange } {
  const e = assumptionEntry(name);
  const v = used ?? e.central;
  return {
    topic: e.topic,
    value: `${formatValue(v)} ${e.unit}`,
    source: given ? `scenario (plausible range: ${e.basis})` : `assumption: ${e.basis}`,
    ...(e.sources ? { sources: [...e.sources] } : {}),
    kind: 'assumption',
    ...rangedRow(name, v),
  };
}

/** A number for the table: up to 6 significant digits, exponent form below 1e-3. */
export function formatValue(x: number): string {
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(2);
  return Number(x.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * A range as the report's "Plausible range" column shows it.
 *
 * @param r - the row's range
 * @returns e.g. `0.8–0.99 probability (uniform; default 0.95; this run 0.9)`
 * @example formatRange(rangedRow('plateReadRate').range) // '0.8–0.99 probability (uniform; default 0.95)'
 */
export function formatRange(r: AssumptionRange): string {
  return `${formatValue(r.low)}–${formatValue(r.high)} ${r.unit} (${r.distribution}; default ${formatValue(r.central)}${r.used !== undefined ? `; this run ${formatValue(r.used)}` : ''})`;
}
