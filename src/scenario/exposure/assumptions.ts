/**
 * The exposure part's rows of the assumptions table: the mobility,
 * recognition and exposure assumptions behind the exposure figures (from
 * the mobility and exposure layers' constants).
 */
import { TRIP_DEFAULTS, TRAVEL_SPEEDS } from '../../mobility/index.js';
import { UNICITY_DEFAULTS, LEAST_SURVEILLED_DEFAULTS, CROWD_DEFAULTS, RECOGNITION_PRESETS, EXPOSURE_BY_HOUR_DEFAULTS, type RecognitionModel } from '../../exposure/index.js';
import type { SourceId } from '../../core/index.js';
import { formatCount } from '../assumptions.js';
import type { Assumption } from '../result.js';
import { rangedRow, registryRow } from '../assumption-registry.js';
import type { ScenarioSpec } from '../schema.js';
import type { ExposureMetrics } from './result.js';

/** Bibliography entries behind each built-in recognition model (its operating point mixes sourced and assumed figures). */
const RECOGNITION_SOURCES: Record<string, SourceId[]> = {
  'nist-photo-1n': ['nistir-8238'],
  'nist-video-noncooperative': ['nistir-8173'],
  'london-met-lfr': ['met-lfr-2025'],
};

/** True when the model is a built-in preset as shipped (a user model that reuses a preset's name cites nothing). */
function builtinRecognition(model: { name: string; truePositiveRate: number; falsePositivePerEntry: number; source?: string }): boolean {
  const preset = (RECOGNITION_PRESETS as Record<string, RecognitionModel | undefined>)[model.name];
  return preset !== undefined && RECOGNITION_SOURCES[model.name] !== undefined && preset.truePositiveRate === model.truePositiveRate && preset.falsePositivePerEntry === model.falsePositivePerEntry && preset.source === model.source;
}

/**
 * The mobility, recognition and exposure assumptions behind the exposure
 * figures (from the mobility and exposure modules' constants).
 *
 * @param spec - the scenario
 * @param m - the exposure metrics (the resolved recognition model)
 * @returns rows of the assumptions table
 * @example exposureAssumptions(spec, result.metrics.exposure)
 */
export function exposureAssumptions(spec: ScenarioSpec, m: ExposureMetrics): Assumption[] {
  const t = spec.trips;
  const T = TRIP_DEFAULTS;
  const P = m.population;
  const out: Assumption[] = [];
  if (P) {
    out.push(
      { topic: 'Residents simulated', value: `${formatCount(P.numResidents)} homes drawn from the population density; city-wide figures are scaled from them`, source: 'synthetic sample (seeded)', kind: 'synthetic' },
      { topic: 'Trips', value: `${P.numDays} day(s); roles ${JSON.stringify(t?.roleShares ?? T.roleShares)}; errands ${JSON.stringify(t?.errandProbability ?? T.errandProbability)}`, source: t?.roleShares || t?.errandProbability ? 'scenario' : 'assumption (TRIP_DEFAULTS: no Almaty travel survey bundled)', kind: 'assumption' },
      { topic: 'Destinations', value: 'gravity model exp(−d / scale): work 5 km, study 2.5 km, errands 1.5 km', source: t?.deterrence ? 'scenario' : 'form: Wilson 1967 (Transportation Research 1); scales: assumption', kind: 'assumption' },
      ...(['work', 'study', 'errand'] as const).map((p) => {
        const d = t?.deterrence?.[p];
        return registryRow(`deterrence${p[0].toUpperCase()}${p.slice(1)}`, d?.kind === 'exponential' ? d.scale : undefined, d !== undefined);
      }),
      { topic: 'Walk or drive', value: `walk with probability 1 / (1 + exp((d − ${t?.walkMidpoint ?? T.walkMidpoint} m) / ${t?.walkSpread ?? T.walkSpread} m))`, source: 'assumption (TRIP_DEFAULTS)', kind: 'assumption', ...rangedRow('walkMidpoint', t?.walkMidpoint ?? T.walkMidpoint) },
      registryRow('walkSpread', t?.walkSpread ?? T.walkSpread, t?.walkSpread !== undefined),
      { topic: 'Walking speed', value: `${t?.speeds?.walk ?? TRAVEL_SPEEDS.walk} m/s`, source: t?.speeds?.walk !== undefined ? 'scenario' : 'Murtagh et al., Sports Medicine 51(1):125–141, 2021 (usual pace)', ...(t?.speeds?.walk !== undefined ? {} : { sources: ['murtagh-2021' as const] }), kind: t?.speeds?.walk !== undefined ? 'assumption' : 'sourced', ...rangedRow('walkingSpeed', t?.speeds?.walk ?? TRAVEL_SPEEDS.walk) },
      { topic: 'Car speed', value: `${((t?.speeds?.car ?? TRAVEL_SPEEDS.car) * 3.6).toFixed(0)} km/h`, source: 'assumption (no published Almaty average found)', kind: 'assumption', ...rangedRow('carSpeed', t?.speeds?.car ?? TRAVEL_SPEEDS.car) },
      { topic: 'Plate reading', value: `at the ${m.plateLevel} level, read rate ${P.plateReadRate}`, source: 'assumption: vendors ask 300–540 px/m; 95% read rate quoted at 3 px/cm (Imagsa ANPR FAQ)', kind: 'assumption', ...rangedRow('plateReadRate', P.plateReadRate) },
      { topic: 'Plate read identifies the traveller', value: `every read plate counts as identifying the person in the car (${P.channels && P.channels.faceShareOfIdentifications !== null ? `${(100 * (1 - P.channels.faceShareOfIdentifications)).toFixed(1)} % of expected identifications here are plate reads` : 'plate channel'})`, source: 'assumption: a plate names the registered keeper, who is usually but not always the driver (shared, company and hired cars, passengers); plausible share of reads that identify the traveller 0.5–1', kind: 'assumption' },
      { topic: 'Channels', value: 'pedestrians can be identified only by face cameras, people in cars only by plate readers (faces in cars are not searched)', source: 'assumption (the sighting model\'s rule)', kind: 'assumption' },
    );
  }
  out.push(
    { topic: 'Recognition model', value: `${m.recognition.name}: TPR ${m.recognition.truePositiveRate}, P_1 ${m.recognition.falsePositivePerEntry.toExponential(2)}`, source: m.recognition.source || 'scenario', ...(builtinRecognition(m.recognition) ? { sources: RECOGNITION_SOURCES[m.recognition.name] } : {}), kind: 'assumption', ...rangedRow('recognitionTruePositiveRate', m.recognition.truePositiveRate) },
    registryRow('recognitionFalsePositivePerEntry', m.recognition.falsePositivePerEntry, spec.recognition !== undefined),
    { topic: 'Face angle', value: `${m.faceAngle}°`, source: 'assumption: half-way to profile (Wang & Cao, INFOCOM 2011 leave it a parameter; NISTIR 8238 on profile views)', kind: 'assumption', ...rangedRow('faceAngle', m.faceAngle) },
    { topic: 'Face identification level', value: m.faceLevel, source: 'EN 62676-4:2015 identify level (250 px/m)', sources: ['en-62676-4-2015'], kind: 'sourced' },
  );
  if (m.recognitionCheck) {
    const c = m.recognitionCheck;
    out.push({ topic: 'Recognition: laboratory or operational rate', value: `${m.recognition.name} predicts ${Math.round(c.predictedFalseAlerts).toLocaleString('en-US')} false alerts for the Met's ${c.facesScanned.toLocaleString('en-US')} scanned faces (watchlist ${c.watchlistSize.toLocaleString('en-US')}, an assumption), against ${c.observedFalseAlerts} published (90 % Poisson ${c.observedInterval.lo.toFixed(1)}–${c.observedInterval.hi.toFixed(1)}): ${c.withinInterval ? 'consistent with the operational record' : `${c.ratio >= 1 ? `${c.ratio.toFixed(0)}× more` : `${(1 / c.ratio).toFixed(0)}× fewer`} than it — a laboratory rate`}`, source: `Metropolitan Police LFR figures, ${c.period} (3,147,436 faces scanned, 2,077 alerts, 10 false); NIST's FPIR = 0.003 is a benchmark reporting point, not a deployment threshold`, sources: ['met-lfr-2025'], kind: 'assumption' });
  }
  if (P?.watchlist) out.push({ topic: 'Watchlist', value: `${formatCount(P.watchlist.size)} people; listed people captured as often as anybody`, source: 'assumption; false alerts P_N = 1 − (1 − P_1)^N (independent comparisons with each listed face)', kind: 'assumption', ...rangedRow('watchlistSize', P.watchlist.size) });
  if (P?.unicity) out.push({ topic: 'Unicity', value: `k = 1 … ${P.unicity.byK.length} random (camera, hour) points, in a crowd of ${formatCount(P.unicity.sampled)} simulated residents over ${P.unicity.days} day(s); the curve over crowd sizes also at ${P.unicity.curve?.[1]?.resolution ?? 'cell × hour'} (cell size: assumption standing in for antenna spacing)`, source: `method of de Montjoye et al., Sci. Rep. 3:1376, 2013 (their 95 % for 4 points is for 1.5 million people over 15 months at antenna × hour resolution: not comparable with this crowd and resolution); people sampled per k: assumption (default ${formatCount(UNICITY_DEFAULTS.sampleSize)})`, sources: ['de-montjoye-2013'], kind: 'assumption' });
  for (const c of m.crowds) {
    out.push({ topic: `Crowd: ${c.name}`, value: `${formatCount(c.numPeople)} people${c.afterDamage ? ', after the damage' : ''}; uniform positions, facing uniform (views ${CROWD_DEFAULTS.views} per camera unless set)`, source: c.source ?? 'scenario (assumption)', kind: 'assumption' });
  }
  if (m.routes.length) out.push({ topic: 'Least-surveilled routes', value: `weight ${LEAST_SURVEILLED_DEFAULTS.weight} m per metre seen, detour at most ${LEAST_SURVEILLED_DEFAULTS.maxDetour * 100}% (unless set)`, source: 'assumption (LEAST_SURVEILLED_DEFAULTS); Lagrangian hull search (Handler & Zang, Networks 1980); exposure avoided is measured against the least-seen of the equally short routes (exact, over the shortest-path DAG), so a route with no detour avoids nothing', kind: 'assumption' });
  return out;
}

/**
 * The rows of the exposure-by-hour model: the night recognition factors and how trips are assigned a light.
 *
 * @param o - the scenario's exposureByHour analysis
 * @returns rows of the assumptions table
 * @example exposureByHourAssumptions(spec.analyses.exposureByHour!)[0].topic // 'Face recognition at night (share of the day rate)'
 */
export function exposureByHourAssumptions(o: NonNullable<ScenarioSpec['analyses']['exposureByHour']>): Assumption[] {
  return [
    registryRow('nightFaceFactor', o.nightFaceFactor, o.nightFaceFactor !== EXPOSURE_BY_HOUR_DEFAULTS.nightFaceFactor),
    {
      topic: 'Plate reading at night (share of the day rate)', value: String(o.nightPlateFactor),
      source: 'assumption: plate readers light plates with infrared flash and plates are retro-reflective (plausible 0.8–1)', kind: 'assumption',
    },
    {
      topic: 'Trip light', value: 'a trip is scored by day or by night as a whole, by the light of the local hour it departs in; every simulated day has the light of the one date',
      source: 'model of this library (a trip crossing dusk or dawn takes its departure light)', kind: 'assumption',
    },
    registryRow('nightRangeFixed', o.nightRange ?? o.nightRangeByKind?.fixed, o.nightRange !== undefined || o.nightRangeByKind?.fixed !== undefined),
  ];
}
