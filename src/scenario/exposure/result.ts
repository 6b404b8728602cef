/**
 * The exposure part's result types (`metrics.exposure` of results.json),
 * derived from the exposure layer's result types (PopulationExposure,
 * DistrictExposureRow, CrowdModeResult, UnicityAtK, WatchlistResult (through PopulationExposure),
 * LeastSurveilledRoute, RecognitionModel). Where the JSON differs on
 * purpose: per-person typed arrays are summarised (histograms, quantiles),
 * lengths are in km, and nested library fields the report needs are lifted
 * to the top of a row (a route's `params.maxDetour` as `maxDetour`).
 */
import type { CoverageLevel } from '../../coverage/index.js';
import type { ExposureByHour } from '../../exposure/index.js';
import type { LightMetrics } from '../light.js';
import type { CrowdModeResult, DistributionSummary, DistrictExposureRow, GroupInequality, LeastSurveilledRoute, PopulationExposure, RecognitionModel, UnicityAtK, UnicityCurvePoint } from '../../exposure/index.js';
import type { Histogram } from '../result.js';
import type { Interval } from '../../core/index.js';

/** One district's exposure (residents by home district; means per resident and day): the exposure layer's row as is. */
export type DistrictExposureMetrics = DistrictExposureRow;

/** A distribution across person-days: mean, extremes, quantiles (the exposure layer's summary as is). */
export type DistributionMetrics = DistributionSummary;

/** Live or archive exposure of one crowd: a CrowdModeResult without its per-k and search details. */
export interface CrowdModeMetrics extends Pick<CrowdModeResult, 'captured' | 'capturedShare' | 'identified' | 'identifiedShare' | 'expectedFalseAlerts'> {
  /** CrowdModeResult `numCaptureCameras`. */
  cameras: CrowdModeResult['numCaptureCameras'];
}

/** One crowd's exposure, live and from the archive. */
export interface CrowdMetrics {
  name: string;
  kind: 'area' | 'route';
  numPeople: number;
  /** m² of the area, or metres of the route. */
  size: number;
  afterDamage: boolean;
  live: CrowdModeMetrics;
  archive: CrowdModeMetrics;
  source: string | null;
}

/** Population exposure of the residents sample (computePopulationExposure) and what is built on it. */
export interface PopulationExposureMetrics extends Pick<PopulationExposure, 'numResidents' | 'numDays' | 'numTrips' | 'summary'> {
  /** PopulationExposure `unreachable.count`. */
  unreachableTrips: PopulationExposure['unreachable']['count'];
  seed: PopulationExposure['params']['seed'];
  plateReadRate: PopulationExposure['params']['sighting']['plateReadRate'];
  /** True when the trips were scored against only the cameras left working by the damage analysis. */
  afterDamage: boolean;
  histograms: { sightings: Histogram; pIdentified: Histogram };
  /** PopulationExposure `districts.rows`. */
  districts: DistrictExposureMetrics[];
  inequality: Record<keyof PopulationExposure['inequality'], Pick<GroupInequality, 'gini' | 'maxMinRatio' | 'maxGroup' | 'minGroup'>>;
  /** With the watchlist `size` the scenario gave. */
  watchlist: (Pick<NonNullable<PopulationExposure['watchlist']>, 'citySearchesPerDay' | 'simulatedSearches' | 'expectedTrue' | 'expectedFalse' | 'falseShare'> & {
    size: number;
    /** False alerts a day for the same searches and watchlist at the Met's operational false-alert rate (the london-met-lfr preset's P_1). */
    expectedFalseAtMetRate?: number;
  }) | null;
  /**
   * Unicity of the kept residents' traces: per k at camera × hour over the
   * whole kept crowd (`sampled` residents, `days` simulated days), and the
   * curve at k = 4 over nested crowds of growing size at two resolutions
   * (camera × hour and cell × hour), see unicityCurve.
   */
  unicity: {
    sampled: number;
    days: number;
    byK: Pick<UnicityAtK, 'k' | 'share' | 'ciLow' | 'ciHigh' | 'sampled' | 'excluded'>[];
    curve: { resolution: string; cellSize: number | null; numUnits: number; points: UnicityCurvePoint[] }[];
  } | null;
  /**
   * Identification split by channel (faces on walk trips, plate reads on car
   * trips), means over person-days: P(identified at least once by that
   * channel) and expected identifications; the faces' share of all expected
   * identifications; and the person-days with walk trips and no car trip
   * (their share of all person-days, their mean P(identified)).
   */
  channels: {
    face: { pIdentifiedMean: number; identifiedMean: number };
    plate: { pIdentifiedMean: number; identifiedMean: number };
    /** Null when nobody was identified. */
    faceShareOfIdentifications: number | null;
    walkOnly: { share: number; pIdentifiedMean: number };
  };
}

/** One least-surveilled route between named places (a LeastSurveilledRoute, lengths in km). */
export interface RouteMetrics extends Pick<LeastSurveilledRoute, 'detour'>, Pick<LeastSurveilledRoute['params'], 'maxDetour' | 'weight'> {
  from: string;
  to: string;
  shortestKm: number;
  /** Street seen on the least-seen of the equally short routes (LeastSurveilledRoute `shortest`, the reference). */
  shortestObservedKm: number;
  /** Street seen on the most-seen of the equally short routes (`shortestExposureRange.max`). */
  shortestObservedKmMax: number;
  /** How many equally short routes there are (`shortestExposureRange.numPaths`, a floating-point count). */
  numShortestPaths: number;
  routeKm: number;
  routeObservedKm: number;
  /** LeastSurveilledRoute `exposureAvoided` over the reference's exposure (0 when that is 0): what the detour buys. */
  exposureAvoidedShare: number;
}

/** The exposure analysis: the residents sample (when the scenario has residents), crowds and routes. */
export interface ExposureMetrics {
  recognition: Pick<RecognitionModel, 'name' | 'truePositiveRate' | 'falsePositivePerEntry' | 'source'>;
  /**
   * The model against the Met's live facial recognition record
   * (validateRecognition with MET_LFR_2025): false alerts it predicts for the
   * Met's scanned faces and watchlist, against the 10 published, with that
   * count's 90 % Poisson interval. Shows whether the model's false-alert rate
   * is a laboratory or an operational one.
   */
  recognitionCheck: {
    record: string;
    period: string;
    facesScanned: number;
    watchlistSize: number;
    predictedFalseAlerts: number;
    observedFalseAlerts: number;
    observedInterval: Interval;
    withinInterval: boolean;
    ratio: number;
  };
  faceLevel: CoverageLevel;
  plateLevel: CoverageLevel;
  faceAngle: number;
  occlusion: boolean;
  /** Null when the scenario has no `residents` section. */
  population: PopulationExposureMetrics | null;
  crowds: CrowdMetrics[];
  routes: RouteMetrics[];
}

/**
 * `metrics.exposureByHour`: exposureByHour's result (the residents' trips by the light of their departure hour; night
 * trips scored against the night ranges at the night rates) with the date, place and sun events it was computed for.
 */
export type ExposureByHourMetrics = LightMetrics & Pick<ExposureByHour, 'hours' | 'day' | 'night' | 'total' | 'allByDay' | 'perResidentDay' | 'cityPerDay' | 'params'>;

/** The exposure part's keys of `ScenarioMetrics` (result.ts): each present when its analysis ran. */
export interface ExposurePartMetrics {
  exposure?: ExposureMetrics;
  exposureByHour?: ExposureByHourMetrics;
}
