/**
 * The exposure steps of a scenario run, in two stages so that a sweep over
 * recognition parameters reuses the routing:
 * - `trips`: a sample of residents makes a day (or more) of trips, routed on
 *   the street graph and scored against the cameras' street exposure profile
 *   (computePopulationExposure, with the library's default recognition
 *   rates), unicity of the sampled residents' traces, and least-surveilled
 *   routes between named places — nothing here depends on recognition rates,
 *   the plate read rate or the watchlist;
 * - `exposure`: the trips rescored with the scenario's recognition model,
 *   plate read rate and watchlist (rescorePopulationExposure: bit-identical to
 *   computing them with those rates from the start), the watchlist
 *   expectations, crowds (live and from the archive), the headline numbers and
 *   their intervals.
 * Every run takes both stages, cached or not, so a restored `trips` stage
 * gives the same bytes as a fresh one.
 */
import { poissonInterval, type Interval } from '../../core/index.js';
import { type CoverageLevel } from '../../coverage/index.js';
import { buildStreetNetwork, type PlanTripsOptions, type StreetNetwork } from '../../mobility/index.js';
import { unicityCurve, cellUnits, validateRecognition, falseAlertProbability, RECOGNITION_PRESETS, MET_LFR_2025 } from '../../exposure/index.js';
import { rescorePopulationExposure, type PopulationExposure, type PopulationExposureOptions, type LeastSurveilledRoute } from '../../exposure/index.js';
import { computeStreetExposureProfile, EXPOSURE_PROFILE_DEFAULTS, PROFILE_LEVELS, computePopulationExposure, sightingPoints, unicity, crowdExposure, CROWD_DEFAULTS, type CrowdInput, type GroupInequality, leastSurveilledRoute, type StreetExposureProfile, recognitionModel, type PersonDayMetrics } from '../../exposure/index.js';
import { personChannelDays, type PersonChannelDays } from '../../retention/index.js';
import { histogram } from '../histogram.js';
import { exposureAssumptions, exposureByHourAssumptions } from './assumptions.js';
import { toMetres } from '../positions.js';
import { keyOf } from '../headline-key.js';
import { residentMeanIntervals, wilsonShareInterval } from '../intervals.js';
import type { CrowdMetrics, ExposureMetrics, PopulationExposureMetrics } from './result.js';
import type { ResidentMean } from '../intervals.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';
import { nightCameraSet, exposureByHour } from '../../exposure/index.js';
import { lightAssumptions, lightMetrics, nightOptions, resolveLight } from '../light.js';
import type { ExposureByHourMetrics } from './result.js';

/** planTrips options from the scenario's `trips` section (the parametric forms of the function-valued options). */
function planOptions(t: ScenarioContext['spec']['trips']): Omit<PlanTripsOptions, 'seed'> {
  if (!t) return {};
  const o: Omit<PlanTripsOptions, 'seed'> = { days: t.days };
  if (t.roleShares) o.roleShares = t.roleShares;
  if (t.errandProbability) o.errandProbability = t.errandProbability;
  if (t.deterrence) o.deterrence = t.deterrence;
  if (t.departure) o.departure = t.departure;
  if (t.duration) o.duration = t.duration;
  if (t.walkMidpoint !== undefined || t.walkSpread !== undefined) {
    // The planner's default form, 1 / (1 + exp((d − midpoint) / spread)), with the scenario's parameters.
    const mid = t.walkMidpoint ?? 1200;
    const spread = t.walkSpread ?? 300;
    o.walkProbability = (d: number) => 1 / (1 + Math.exp((d - mid) / spread));
  }
  return o;
}

/** What the `trips` stage leaves for the `exposure` stage (recognition-independent). */
interface TripsStage {
  /** The residents' trips scored with the default recognition rates (rescored by the exposure stage); null without residents. */
  population: { r: PopulationExposure; numResidents: number; unicity: PopulationExposureMetrics['unicity']; options: PopulationExposureOptions } | null;
  /** Least-surveilled routes, in the scenario's order. */
  routes: { from: string; to: string; route: LeastSurveilledRoute }[];
  /** The same residents' trips scored against the cameras' night ranges (analyses.exposureByHour), else null. */
  night: PopulationExposure | null;
}

/** The resolved view options both stages share. */
function viewOptions(ctx: ScenarioContext) {
  const o = ctx.spec.analyses.exposure!;
  const occlusion = o.occlusion && ctx.city!.buildings.numBuildings > 0;
  const faceLevel: CoverageLevel = o.faceLevel ?? 'identify';
  const plateLevel: CoverageLevel = o.plateLevel ?? 'identify';
  const faceAngle = o.faceAngle ?? EXPOSURE_PROFILE_DEFAULTS.faceAngle;
  return { o, occlusion, faceLevel, plateLevel, faceAngle };
}

const tripsStep: ScenarioStep = {
  id: 'trips',
  label: 'Trips: residents routed past the cameras',
  enabled: (spec) => spec.analyses.exposure !== undefined && (spec.residents !== undefined || (spec.analyses.exposure.routes?.length ?? 0) > 0),
  run(ctx: ScenarioContext) {
    const spec = ctx.spec;
    const city = ctx.city!;
    const { o, occlusion, faceLevel, plateLevel, faceAngle } = viewOptions(ctx);
    const levels = PROFILE_LEVELS.filter((l) => l === 'range' || l === faceLevel || l === plateLevel);
    // The street network and exposure profile serve the residents and the routes; crowds need neither.
    ctx.progress(0.02, 'street network');
    const network = buildStreetNetwork(city.streets);
    ctx.progress(0.05, 'street exposure profile');
    const profile = computeStreetExposureProfile(ctx.cameras!, city, { levels, occlusion, faceAngle });
    const population = spec.residents ? routeResidents(ctx, network, profile, faceLevel, plateLevel) : null;
    let night: PopulationExposure | null = null;
    if (population && spec.analyses.exposureByHour) {
      // The same residents and trips (same seed stream, same plans), scored against the cameras as they see at night.
      ctx.progress(0.82, 'night ranges: street exposure profile and trips');
      const nightCameras = nightCameraSet(ctx.cameras!, nightOptions(spec.analyses.exposureByHour));
      const nightProfile = computeStreetExposureProfile(nightCameras, city, { levels, occlusion, faceAngle });
      night = computePopulationExposure(nightCameras, city, { ...population.options, profile: nightProfile, keepSightings: false });
    }
    const routes: TripsStage['routes'] = [];
    for (const rt of o.routes ?? []) {
      ctx.progress(0.9, `route ${rt.from} → ${rt.to}`);
      const a = toMetres(city, o.places![rt.from], `analyses.exposure.places[${JSON.stringify(rt.from)}]`);
      const b = toMetres(city, o.places![rt.to], `analyses.exposure.places[${JSON.stringify(rt.to)}]`);
      routes.push({ from: rt.from, to: rt.to, route: leastSurveilledRoute(network, profile, [a.x, a.y], [b.x, b.y], { maxDetour: rt.maxDetour, weight: rt.weight }) });
    }
    ctx.artefacts.tripsStage = { population, routes, night } satisfies TripsStage;
  },
};

const exposureStep: ScenarioStep = {
  id: 'exposure',
  label: 'Exposure: recognition, watchlist, crowds',
  enabled: (spec) => spec.analyses.exposure !== undefined,
  run(ctx: ScenarioContext) {
    const spec = ctx.spec;
    const city = ctx.city!;
    const cameras = ctx.cameras!;
    const { o, occlusion, faceLevel, plateLevel, faceAngle } = viewOptions(ctx);
    const stage = ctx.artefacts.tripsStage as TripsStage | undefined;
    const population = spec.residents && stage?.population ? populationPart(ctx, stage.population, stage.night) : null;

    const crowds: CrowdMetrics[] = [];
    for (const [i, c] of (o.crowds ?? []).entries()) {
      ctx.progress(0.85, `crowd ${c.name}`);
      const pts = (c.polygon ?? c.route)!.map(([a, b], j) => {
        const p = c.coordinates === 'lonlat' ? toMetres(city, { lon: a, lat: b }, `analyses.exposure.crowds[${i}].${c.polygon ? 'polygon' : 'route'}[${j}]`) : { x: a, y: b };
        return [p.x, p.y];
      });
      const input: CrowdInput = c.polygon ? { area: [pts], numPeople: c.numPeople, durationS: c.durationS } : { route: pts, width: c.width!, numPeople: c.numPeople, durationS: c.durationS };
      const availability = c.afterDamage && ctx.damage ? ctx.damage.cameraUp : undefined;
      const crowdOptions = {
        model: spec.recognition,
        faceAngle,
        views: c.views,
        city,
        occlusion,
        gallerySize: c.gallerySize,
        seed: ctx.rng.stream(`crowd/${i}`),
      };
      const e = crowdExposure(cameras, input, { ...crowdOptions, availability });
      (ctx.artefacts.crowds ??= []).push({ name: c.name, input, options: crowdOptions, afterDamage: c.afterDamage && ctx.damage !== undefined, durationS: c.durationS ?? 0, retroactive: c.retroactive });
      const mode = (m: typeof e.live) => ({ captured: m.captured, capturedShare: m.capturedShare, identified: m.identified, identifiedShare: m.identifiedShare, cameras: m.numCaptureCameras, expectedFalseAlerts: m.expectedFalseAlerts });
      crowds.push({
        name: c.name,
        kind: c.polygon ? 'area' : 'route',
        numPeople: c.numPeople,
        size: e.geometry.kind === 'area' ? e.geometry.areaM2 : e.geometry.length,
        afterDamage: c.afterDamage,
        live: mode(e.live),
        archive: mode(e.archive),
        source: c.source ?? null,
      });
    }

    const routes: ExposureMetrics['routes'] = (stage?.routes ?? []).map(({ from, to, route: l }) => ({
      from,
      to,
      shortestKm: l.shortest.length / 1000,
      shortestObservedKm: l.shortest.exposure / 1000,
      shortestObservedKmMax: l.shortestExposureRange.max / 1000,
      numShortestPaths: l.shortestExposureRange.numPaths,
      routeKm: l.length / 1000,
      routeObservedKm: l.exposure / 1000,
      detour: l.detour,
      exposureAvoidedShare: l.shortest.exposure > 0 ? l.exposureAvoided / l.shortest.exposure : 0,
      maxDetour: l.params.maxDetour,
      weight: l.params.weight,
    }));

    const rec = recognitionModel(spec.recognition ?? CROWD_DEFAULTS.model);
    const check = validateRecognition(rec);
    const m: ExposureMetrics = {
      recognition: { name: rec.name, truePositiveRate: rec.truePositiveRate, falsePositivePerEntry: rec.falsePositivePerEntry, source: rec.source },
      recognitionCheck: {
        record: check.record,
        period: MET_LFR_2025.period,
        facesScanned: MET_LFR_2025.facesScanned,
        watchlistSize: MET_LFR_2025.watchlistSize,
        predictedFalseAlerts: check.predictedFalseAlerts,
        observedFalseAlerts: check.observedFalseAlerts,
        observedInterval: check.observedInterval,
        withinInterval: check.withinInterval,
        ratio: check.ratio,
      },
      faceLevel,
      plateLevel,
      faceAngle,
      occlusion,
      population,
      crowds,
      routes,
    };
    ctx.metrics.exposure = m;
    for (const c of crowds) {
      const k = keyOf(c.name);
      Object.assign(ctx.headline, {
        [`crowd${k}LiveCaptured`]: c.live.captured,
        [`crowd${k}LiveIdentified`]: c.live.identified,
        [`crowd${k}ArchiveCaptured`]: c.archive.captured,
        [`crowd${k}ArchiveIdentified`]: c.archive.identified,
      });
    }
    for (const rt of routes) {
      const k = `${keyOf(rt.from)}To${keyOf(rt.to)}`;
      ctx.headline[`route${k}Detour`] = rt.detour;
      ctx.headline[`route${k}ExposureAvoidedShare`] = rt.exposureAvoidedShare;
      ctx.headline[`route${k}ShortestObservedKmMin`] = rt.shortestObservedKm;
      ctx.headline[`route${k}ShortestObservedKmMax`] = rt.shortestObservedKmMax;
    }
    ctx.assumptions.push(...exposureAssumptions(spec, m));
  },
};

/**
 * Residents whose sightings are kept for unicity when the scenario does not
 * say (`analyses.exposure.sample`): every simulated resident up to this many.
 * A kept resident's day of sightings takes about 20 kB (some 220 sightings ×
 * the sighting columns), so 20,000 residents take about 400 MB.
 */
export const UNICITY_KEEP_DEFAULT = 20_000;

/**
 * The `trips` stage's residents: computePopulationExposure with the default
 * recognition rates and no watchlist (the exposure stage rescores them), and
 * unicity of the kept traces (which depends on where and when people were
 * seen, not on recognition).
 */
function routeResidents(ctx: ScenarioContext, network: StreetNetwork, profile: StreetExposureProfile, faceLevel: CoverageLevel, plateLevel: CoverageLevel): NonNullable<TripsStage['population']> {
  const spec = ctx.spec;
  const o = spec.analyses.exposure!;
  ctx.progress(0.3, 'residents and trips');
  const numResidents = spec.residents!.count;
  // Unicity on every simulated resident by default, up to UNICITY_KEEP_DEFAULT (each kept resident's sightings stay in memory).
  const sample = o.sample ?? Math.min(numResidents, UNICITY_KEEP_DEFAULT);
  const keep = o.unicity !== undefined && sample > 0;
  const options: PopulationExposureOptions = {
    seed: ctx.rng.stream('exposure'),
    numResidents,
    plans: planOptions(spec.trips),
    speeds: spec.trips?.speeds,
    profile,
    network,
    threads: o.threads,
    keepSightings: keep,
    sample,
    faceLevel,
    plateLevel,
    // Damaged cameras see nothing (the profile keeps their geometry; scoring drops their captures).
    cameraUp: o.afterDamage && ctx.damage ? ctx.damage.cameraUp : undefined,
  };
  const r = computePopulationExposure(ctx.cameras!, ctx.city!, options);
  let uni: PopulationExposureMetrics['unicity'] = null;
  if (keep && r.sightings !== null && r.sightings.numSightings > 0) {
    ctx.progress(0.8, 'unicity');
    const sampled = Math.min(sample, numResidents);
    const points = sightingPoints(r.sightings, sampled);
    const u = unicity(points, { kMax: o.unicity!.kMax, sampleSize: o.unicity!.sampleSize, seed: ctx.rng.stream('unicity') });
    // The curve over crowd sizes at two resolutions: camera × hour, and cell × hour (antenna-like).
    const curveOpts = { k: 4, crowdSizes: o.unicity!.crowdSizes, sampleSize: o.unicity!.sampleSize };
    // One seed for both resolutions: each crowd size tests the same people, so the two rows differ by resolution only.
    const byCamera = unicityCurve(points, { ...curveOpts, seed: ctx.rng.stream('unicity-curve') });
    const cells = cellUnits(ctx.cameras!.x, ctx.cameras!.y, o.unicity!.cellSize);
    const byCell = unicityCurve(points, { ...curveOpts, unitOf: cells.unitOf, seed: ctx.rng.stream('unicity-curve') });
    // The whole crowd at camera × hour is the headline's own measurement (unicityK4): one figure, not two draws.
    const k4 = u.byK[3];
    const last = byCamera.points[byCamera.points.length - 1];
    if (k4 && last.crowdSize === sampled) Object.assign(last, { share: k4.share, ciLow: k4.ciLow, ciHigh: k4.ciHigh, sampled: k4.sampled, excluded: k4.excluded });
    uni = {
      sampled,
      days: r.numDays,
      byK: u.byK.map((b) => ({ k: b.k, share: b.share, ciLow: b.ciLow, ciHigh: b.ciHigh, sampled: b.sampled, excluded: b.excluded })),
      curve: [
        { resolution: 'camera × hour', cellSize: null, numUnits: byCamera.params.numUnits, points: byCamera.points },
        { resolution: `${o.unicity!.cellSize >= 1000 ? `${o.unicity!.cellSize / 1000} km` : `${o.unicity!.cellSize} m`} cell × hour`, cellSize: o.unicity!.cellSize, numUnits: byCell.params.numUnits, points: byCell.points },
      ],
    };
  }
  return { r, numResidents, unicity: uni, options };
}

/** The residents sample with the scenario's recognition: rescored trips, channels, headline numbers and intervals. */
function populationPart(ctx: ScenarioContext, stage: NonNullable<TripsStage['population']>, night: PopulationExposure | null): PopulationExposureMetrics {
  const spec = ctx.spec;
  const o = spec.analyses.exposure!;
  const { numResidents } = stage;
  const uni = stage.unicity;
  // The scenario's rates, applied to the trips' capture counts (the kept sightings are not needed here).
  const r = rescorePopulationExposure(stage.r, { recognition: spec.recognition, plateReadRate: o.plateReadRate, watchlistSize: o.watchlistSize, keepSightings: false });
  // Per person-day and channel, once: the channel split below and the retention step both read it.
  const perChannel = personChannelDays(r.trips, { numPersons: numResidents, numDays: r.numDays });
  ctx.artefacts.exposure = { persons: r.persons, residents: r.residents, trips: r.trips, numResidents, numDays: r.numDays, channels: perChannel };
  const S = r.summary;
  const channels = identificationChannels(perChannel, numResidents * r.numDays);
  const p: PopulationExposureMetrics = {
    numResidents,
    numDays: r.numDays,
    numTrips: r.numTrips,
    unreachableTrips: r.unreachable.count,
    seed: r.params.seed,
    plateReadRate: r.params.sighting.plateReadRate,
    afterDamage: o.afterDamage && ctx.damage !== undefined,
    summary: S,
    histograms: { sightings: histogram(r.persons.sightings, 40), pIdentified: histogram(r.persons.pIdentified, 20, [0, 1]) },
    districts: r.districts.rows.map((d) => ({ ...d })),
    inequality: {
      meanSightings: pickInequality(r.inequality.meanSightings),
      meanIdentified: pickInequality(r.inequality.meanIdentified),
      meanPIdentified: pickInequality(r.inequality.meanPIdentified),
    },
    watchlist: r.watchlist
      ? { size: o.watchlistSize!, citySearchesPerDay: r.watchlist.citySearchesPerDay, simulatedSearches: r.watchlist.simulatedSearches, expectedTrue: r.watchlist.expectedTrue, expectedFalse: r.watchlist.expectedFalse, falseShare: r.watchlist.falseShare }
      : null,
    unicity: uni,
    channels,
  };
  Object.assign(ctx.headline, {
    exposureResidents: numResidents,
    exposureTrips: r.numTrips,
    exposureSightingsMean: S.sightings.mean,
    exposureSightingsMedian: S.sightings.quantiles['0.5'],
    exposureIdentifiedMean: S.identified.mean,
    exposurePIdentifiedMean: S.pIdentified.mean,
    exposurePIdentifiedMedian: S.pIdentified.quantiles['0.5'],
    exposureObservedFractionMean: S.observedFraction.mean,
    exposureDistrictGiniPIdentified: p.inequality.meanPIdentified.gini,
    exposurePIdentifiedFaceMean: channels.face.pIdentifiedMean,
    exposurePIdentifiedPlateMean: channels.plate.pIdentifiedMean,
    ...(channels.faceShareOfIdentifications !== null ? { exposureIdentifiedFaceShare: channels.faceShareOfIdentifications } : {}),
    exposurePIdentifiedWalkOnlyMean: channels.walkOnly.pIdentifiedMean,
  });
  if (p.watchlist) {
    // The false alerts at the Met's operational rate (the london-met-lfr preset's P_1) for the same searches and watchlist.
    p.watchlist.expectedFalseAtMetRate = p.watchlist.citySearchesPerDay * falseAlertProbability(RECOGNITION_PRESETS['london-met-lfr'].falsePositivePerEntry, p.watchlist.size);
    Object.assign(ctx.headline, { watchlistTruePerDay: p.watchlist.expectedTrue, watchlistFalsePerDay: p.watchlist.expectedFalse, watchlistFalsePerDayAtMetRate: p.watchlist.expectedFalseAtMetRate });
    Object.assign(ctx.intervals, watchlistIntervals(p.watchlist));
  }
  if (uni) {
    for (const b of uni.byK) ctx.headline[`unicityK${b.k}`] = b.share;
    ctx.headline.unicityCrowdSize = uni.sampled;
    const cellAt = uni.curve[1].points[uni.curve[1].points.length - 1];
    if (cellAt.share !== null) ctx.headline.unicityK4Cell = cellAt.share;
    // 90 % Wilson intervals from the counts (the metrics keep the unicity functions' own 95 % ones).
    for (const b of uni.byK) {
      if (b.sampled > 0) ctx.intervals[`unicityK${b.k}`] = wilsonShareInterval(b.share, Math.round(b.share * b.sampled), b.sampled, `singled out by ${b.k} random (camera, hour) point${b.k > 1 ? 's' : ''}`);
    }
    if (cellAt.share !== null && cellAt.sampled > 0) ctx.intervals.unicityK4Cell = wilsonShareInterval(cellAt.share, Math.round(cellAt.share * cellAt.sampled), cellAt.sampled, `singled out by 4 random (${uni.curve[1].resolution}) points`);
  }
  if (night && spec.analyses.exposureByHour) byHourPart(ctx, r, night);
  ctx.progress(0.84, 'intervals');
  if (ctx.bootstrap) residentMeanIntervals(ctx.headline, ctx.intervals, residentMeans(r.persons, perChannel, numResidents * r.numDays), r.numDays, ctx.rng.stream('bootstrap/exposure'));
  return p;
}

/**
 * Exposure by hour of day: the night trips rescored with the scenario's
 * recognition (as the day ones), then the trips split by the light of their
 * departure hour (exposureByHour).
 */
function byHourPart(ctx: ScenarioContext, day: PopulationExposure, nightStage: PopulationExposure): void {
  const spec = ctx.spec;
  const o = spec.analyses.exposureByHour!;
  const night = rescorePopulationExposure(nightStage, { recognition: spec.recognition, plateReadRate: spec.analyses.exposure!.plateReadRate, watchlistSize: undefined, keepSightings: false });
  const { latitude, longitude, light } = resolveLight(ctx, 'exposureByHour', o);
  const b = exposureByHour(day, night, light, { nightFaceFactor: o.nightFaceFactor, nightPlateFactor: o.nightPlateFactor });
  const m: ExposureByHourMetrics = {
    ...lightMetrics(o, latitude, longitude, light),
    hours: b.hours, day: b.day, night: b.night, total: b.total, allByDay: b.allByDay,
    perResidentDay: b.perResidentDay, cityPerDay: b.cityPerDay, params: b.params,
  };
  ctx.metrics.exposureByHour = m;
  Object.assign(ctx.headline, {
    exposureByHourIdentifiedDayPerResident: b.perResidentDay.day,
    exposureByHourIdentifiedNightPerResident: b.perResidentDay.night,
    exposureByHourIdentifiedCityDay: b.cityPerDay.day,
    exposureByHourIdentifiedCityNight: b.cityPerDay.night,
    exposureByHourNightTripShare: b.total.trips > 0 ? b.night.trips / b.total.trips : 0,
  });
  // The light rows once (the coverage part adds them when it ran on the same light).
  if (spec.analyses.coverageByHour === undefined) ctx.assumptions.push(...lightAssumptions(o, light, latitude, longitude));
  ctx.assumptions.push(...exposureByHourAssumptions(o));
}

/**
 * The headline means over residents' person-days, as columns for the
 * bootstrap: the per-person-day figures, P(identified) by channel (as
 * {@link identificationChannels} computes them), the walk-only mean (over
 * the person-days with walk trips and no car trip: weight 1 there, 0
 * elsewhere) and the faces' share of identifications (weights: all
 * identifications).
 */
function residentMeans(persons: PersonDayMetrics, pc: PersonChannelDays, rows: number): ResidentMean[] {
  const face = new Float64Array(rows);
  const plate = new Float64Array(rows);
  const walkOnlyP = new Float64Array(rows);
  const walkOnly = new Float64Array(rows);
  const identifications = new Float64Array(rows);
  let anyWalkOnly = false;
  let anyIdentification = false;
  for (let i = 0; i < rows; i++) {
    face[i] = -Math.expm1(pc.faceLogMiss[i]) + 0;
    plate[i] = -Math.expm1(pc.plateLogMiss[i]) + 0;
    if (pc.plateTrips[i] === 0 && pc.faceTrips[i] > 0) {
      walkOnly[i] = 1;
      walkOnlyP[i] = face[i];
      anyWalkOnly = true;
    }
    identifications[i] = pc.faceIdentified[i] + pc.plateIdentified[i];
    if (identifications[i] > 0) anyIdentification = true;
  }
  const means: ResidentMean[] = [
    { key: 'exposureSightingsMean', values: persons.sightings },
    { key: 'exposureIdentifiedMean', values: persons.identified },
    { key: 'exposurePIdentifiedMean', values: persons.pIdentified },
    { key: 'exposureObservedFractionMean', values: persons.observedFraction },
    { key: 'exposurePIdentifiedFaceMean', values: face },
    { key: 'exposurePIdentifiedPlateMean', values: plate },
  ];
  if (anyWalkOnly) means.push({ key: 'exposurePIdentifiedWalkOnlyMean', values: walkOnlyP, weights: walkOnly, over: 'the person-days drawn with walk trips and no car trip' });
  if (anyIdentification) means.push({ key: 'exposureIdentifiedFaceShare', values: pc.faceIdentified, weights: identifications, over: 'the identifications drawn (face identifications / all identifications)' });
  return means;
}

/**
 * P(identified at least once in a day) split by channel. A walk trip can
 * only be identified by a face camera and a car trip only by a plate read
 * (the sighting model's rule), so per person-day
 * P(face) = 1 − Π over walk trips (1 − p_trip) and P(plate) likewise over
 * car trips; both are means over every person-day (people who made no trip of
 * that mode count as 0). `walkOnly` is the residents who made no car trip
 * that day (and at least one trip): what people who do not drive face.
 */
function identificationChannels(pc: PersonChannelDays, rows: number): PopulationExposureMetrics['channels'] {
  let face = 0, plate = 0, faceId = 0, plateId = 0, walkOnly = 0, walkOnlyP = 0;
  for (let i = 0; i < rows; i++) {
    const pf = -Math.expm1(pc.faceLogMiss[i]) + 0;
    const pp = -Math.expm1(pc.plateLogMiss[i]) + 0;
    face += pf;
    plate += pp;
    faceId += pc.faceIdentified[i];
    plateId += pc.plateIdentified[i];
    if (pc.plateTrips[i] === 0 && pc.faceTrips[i] > 0) {
      walkOnly++;
      walkOnlyP += pf;
    }
  }
  const n = rows > 0 ? rows : 1;
  const total = faceId + plateId;
  return {
    face: { pIdentifiedMean: face / n, identifiedMean: faceId / n },
    plate: { pIdentifiedMean: plate / n, identifiedMean: plateId / n },
    faceShareOfIdentifications: total > 0 ? faceId / total : null,
    walkOnly: { share: walkOnly / n, pIdentifiedMean: walkOnly > 0 ? walkOnlyP / walkOnly : 0 },
  };
}

/**
 * 90 % intervals of the watchlist figures: both are proportional to the face
 * searches the simulated residents made, so the exact Poisson interval of that
 * count, scaled like the count, bounds them. Only the sampling of searches is
 * covered (not the recognition rates nor the choice of residents' trips).
 */
function watchlistIntervals(w: { simulatedSearches: number; expectedTrue: number; expectedFalse: number }): Record<string, Interval> {
  const n = w.simulatedSearches;
  const ci = poissonInterval(n);
  const method = `exact Poisson (Garwood) interval of the ${Math.round(n).toLocaleString('en-US')} simulated face searches, scaled to the city`;
  const scaled = (x: number): Interval => ({ lo: n > 0 ? (x * ci.lo) / n : 0, hi: n > 0 ? (x * ci.hi) / n : 0, level: ci.level, method });
  return { watchlistTruePerDay: scaled(w.expectedTrue), watchlistFalsePerDay: scaled(w.expectedFalse) };
}

/** The inequality figures results.json keeps (the group extremes themselves are in the district table). */
function pickInequality(g: GroupInequality): PopulationExposureMetrics['inequality']['meanSightings'] {
  return { gini: g.gini, maxMinRatio: g.maxMinRatio, maxGroup: g.maxGroup, minGroup: g.minGroup };
}

/** The exposure-layer steps, in run order. */
export const EXPOSURE_STEPS: readonly ScenarioStep[] = [tripsStep, exposureStep];
