/**
 * The coverage steps of a scenario run: area and k-coverage per level,
 * street coverage, the per-district table and the raster for the map.
 */
import { computeCoverage, computeStreetCoverage, computeDistrictCoverage, coverageRaster, computeFullViewCoverage, FULL_VIEW_COVERAGE_DEFAULTS, type SampledShare } from '../../coverage/index.js';
import { type Interval } from '../../core/index.js';
import { INTERVAL_LEVEL } from '../intervals.js';
import { PolygonLocator } from '../../geo/index.js';
import { type City } from '../../city/index.js';
import { coverageAssumptions, fullViewAssumptions } from './assumptions.js';
import { MAX_K_REPORTED, type CoverageRun, type DistrictMetrics } from './result.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';
import { coverageByHour } from '../../exposure/index.js';
import { lightAssumptions, lightMetrics, nightOptions, resolveLight } from '../light.js';

const trimK = (a: number[]) => a.slice(0, MAX_K_REPORTED + 1);

/** The `reason` of a metric whose input is missing (see NotComputed in ../result.ts). */
export function notComputedReason(missing: string, metric: string): string {
  return `no ${missing}: ${metric} not computed`;
}

/** Why the street coverage of a city without street edges is null. */
export const NO_STREET_DATA = notComputedReason('street data', 'street coverage');
/** Why the district table of a city given no districts is empty. */
export const NO_DISTRICT_DATA = notComputedReason('district data', 'per-district coverage');

const coverageStep: ScenarioStep = {
  id: 'coverage',
  label: 'Area coverage',
  enabled: (spec) => spec.analyses.coverage !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.coverage!;
    const runs: CoverageRun[] = [];
    o.levels.forEach((level, i) => {
      const r = computeCoverage(ctx.cameras!, { city: ctx.city!, level, occlusion: o.occlusion, availability: o.availability });
      runs.push({
        level,
        occlusion: o.occlusion,
        availability: o.availability ?? null,
        studyAreaKm2: r.studyArea / 1e6,
        coveredAreaKm2: r.coveredArea / 1e6,
        coveredFraction: r.coveredFraction,
        atLeast: trimK(r.atLeast),
        numCamerasConsidered: r.numCamerasConsidered,
      });
      ctx.progress((i + 1) / o.levels.length, `level ${level}`);
    });
    ctx.metrics.coverage = { runs };
    const first = runs[0];
    ctx.headline.coveredFraction = first.coveredFraction;
    ctx.headline.coveredAreaKm2 = first.coveredAreaKm2;
    ctx.headline.coveredFractionAtLeast2 = first.atLeast[2] ?? 0;
    ctx.headline.coveredFractionAtLeast3 = first.atLeast[3] ?? 0;
    for (const r of runs) ctx.headline[`coveredFraction_${r.level}`] = r.coveredFraction;
  },
};

const streetStep: ScenarioStep = {
  id: 'streetCoverage',
  label: 'Street coverage',
  enabled: (spec) => spec.analyses.streetCoverage !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.streetCoverage!;
    if (ctx.city!.streets.size === 0) {
      // No street data: nothing to measure, so no number (the headline key is absent).
      ctx.metrics.streetCoverage = { level: o.level, occlusion: o.occlusion, totalKm: 0, coveredFraction: null, atLeast: null, byClass: null, reason: NO_STREET_DATA };
      return;
    }
    const r = computeStreetCoverage(ctx.cameras!, ctx.city!, { level: o.level, occlusion: o.occlusion });
    ctx.metrics.streetCoverage = { level: o.level, occlusion: o.occlusion, totalKm: r.totalLength / 1000, coveredFraction: r.coveredFraction, atLeast: trimK(r.atLeast), byClass: r.byClass };
    ctx.headline.streetCoveredFraction = r.coveredFraction;
  },
};

/**
 * Residents per district: each population cell's residents go to the
 * district containing the cell centre (cells whose centre is in no district
 * are not counted).
 *
 * @param city - a city with districts and a population grid
 * @returns residents per district, in the city's district order
 * @example districtResidents(almatyCity()).reduce((a, b) => a + b) // ≈ 2.25 million
 */
export function districtResidents(city: City): Float64Array {
  const out = new Float64Array(city.districts.length);
  const locators = city.districts.map((d) => new PolygonLocator(d.area));
  const g = city.population;
  for (let r = 0; r < g.rows; r++) {
    const y = g.originY + (r + 0.5) * g.cellSize;
    for (let c = 0; c < g.cols; c++) {
      const v = g.values[r * g.cols + c];
      if (v === 0) continue;
      const x = g.originX + (c + 0.5) * g.cellSize;
      for (let d = 0; d < locators.length; d++) {
        if (locators[d].contains(x, y)) {
          out[d] += v;
          break;
        }
      }
    }
  }
  return out;
}

const districtsStep: ScenarioStep = {
  id: 'districts',
  label: 'Coverage per district',
  enabled: (spec) => spec.analyses.districts !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.districts!;
    if ('import' in ctx.spec.city && ctx.spec.city.districts === undefined) {
      // The city's one district is the whole city (createCity's default): a table of it would repeat the city's numbers as if per district.
      ctx.metrics.districts = { level: o.level, occlusion: o.occlusion, rows: [], reason: NO_DISTRICT_DATA };
      return;
    }
    const t = computeDistrictCoverage(ctx.cameras!, ctx.city!, { level: o.level, occlusion: o.occlusion, streets: o.streets });
    ctx.progress(0.9, 'residents per district');
    const residents = districtResidents(ctx.city!);
    const rows: DistrictMetrics[] = t.districts.map((d, i) => ({
      id: d.id,
      name: d.name,
      areaKm2: d.area / 1e6,
      coveredFraction: d.coveredFraction,
      atLeast: trimK(d.atLeast),
      streetKm: d.streetLength / 1000,
      // No street length to see (streets: false, no street data, none in the district): null, not 0 % of 0 km.
      streetCoveredFraction: d.streetLength > 0 ? d.streetCoveredFraction : null,
      numCameras: d.numCameras,
      camerasPerKm2: d.camerasPerKm2,
      residents: residents[i],
      residentsPerCamera: d.numCameras > 0 ? residents[i] / d.numCameras : null,
    }));
    ctx.metrics.districts = { level: o.level, occlusion: o.occlusion, rows };
    let lo = Infinity, hi = -Infinity;
    for (const r of rows) {
      if (r.coveredFraction < lo) lo = r.coveredFraction;
      if (r.coveredFraction > hi) hi = r.coveredFraction;
    }
    ctx.headline.districtCoveredFractionMin = lo;
    ctx.headline.districtCoveredFractionMax = hi;
  },
};

const rasterStep: ScenarioStep = {
  id: 'raster',
  label: 'Coverage raster for the map',
  enabled: (spec) => spec.analyses.raster !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.raster!;
    const r = coverageRaster(ctx.cameras!, { city: ctx.city!, cellSize: o.cellSize, level: o.level });
    ctx.artefacts.raster = r;
    let inArea = 0, maxDepth = 0;
    const counts = new Float64Array(MAX_K_REPORTED + 2);
    for (let i = 0; i < r.depth.length; i++) {
      if (!r.inArea[i]) continue;
      inArea++;
      const d = r.depth[i];
      if (d > maxDepth) maxDepth = d;
      counts[Math.min(d, MAX_K_REPORTED + 1)]++;
    }
    // Cells seen by at least k cameras (a tail sum of the histogram).
    const top = Math.min(maxDepth, MAX_K_REPORTED);
    const share: number[] = new Array(top + 1).fill(0);
    let tail = 0;
    for (let k = MAX_K_REPORTED + 1; k >= 0; k--) {
      tail += counts[k];
      if (k <= top) share[k] = inArea > 0 ? tail / inArea : 0;
    }
    ctx.metrics.raster = { cellSize: o.cellSize, level: o.level, cols: r.cols, rows: r.rows, cellsInArea: inArea, maxDepth, shareOfCellsAtLeast: share };
  },
};

const coverageByHourStep: ScenarioStep = {
  id: 'coverageByHour',
  label: 'Coverage by hour of day',
  enabled: (spec) => spec.analyses.coverageByHour !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.coverageByHour!;
    const city = ctx.city!;
    const { latitude, longitude, light } = resolveLight(ctx, 'coverageByHour', o);
    const r = coverageByHour(ctx.cameras!, {
      date: o.date, latitude, longitude, utcOffset: o.utcOffset, twilight: o.twilight, levels: o.levels, city, occlusion: o.occlusion,
      streets: o.streets && city.streets.size > 0, ...nightOptions(o),
    });
    const km2 = (c: (typeof r.levels)[number]['day']) => ({ coveredFraction: c.coveredFraction, coveredAreaKm2: c.coveredArea / 1e6, streetFraction: c.streetFraction });
    ctx.metrics.coverageByHour = {
      ...lightMetrics(o, latitude, longitude, light),
      occlusion: o.occlusion, nightRange: r.params.nightRange,
      levels: r.levels.map((l) => ({ level: l.level, day: km2(l.day), night: km2(l.night) })),
      hours: r.hours,
    };
    ctx.headline.coverageDayHours = r.light.dayHours;
    for (const l of r.levels) {
      ctx.headline[`coveredFractionDay_${l.level}`] = l.day.coveredFraction;
      ctx.headline[`coveredFractionNight_${l.level}`] = l.night.coveredFraction;
    }
    ctx.assumptions.push(...lightAssumptions(o, light, latitude, longitude));
  },
};

/** The interval of a sampled share, in the scenario's interval form. */
function shareInterval(s: SampledShare, points: string, what: string): Interval {
  return { lo: s.low, hi: s.high, level: INTERVAL_LEVEL, method: `Wilson score interval of ${s.of.toLocaleString('en-US')} ${points} (${s.count.toLocaleString('en-US')} ${what})` };
}

const fullViewStep: ScenarioStep = {
  id: 'fullView',
  label: 'Full-view (face-on) coverage',
  enabled: (spec) => spec.analyses.fullView !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.fullView!;
    const r = computeFullViewCoverage(ctx.cameras!, {
      city: ctx.city!,
      level: o.level,
      occlusion: o.occlusion,
      effectiveAngle: o.effectiveAngle,
      samples: o.samples,
      coveredSamples: o.coveredSamples,
      streets: o.streets,
      seed: ctx.rng.stream('fullView'),
      confidence: INTERVAL_LEVEL,
    });
    const km = (m: number) => m / 1000;
    const st = r.streets;
    ctx.metrics.fullView = {
      level: r.params.level,
      occlusion: r.params.occlusion,
      effectiveAngle: r.params.effectiveAngle,
      samples: r.params.samples,
      coveredSamples: r.params.coveredSamples,
      confidence: r.params.confidence,
      seed: r.params.seed,
      numCamerasConsidered: r.numCamerasConsidered,
      area: r.area === null ? null : { studyAreaKm2: r.area.studyArea / 1e6, samples: r.area.samples, covered: r.area.covered, fullView: r.area.fullView, fullViewOfCovered: r.area.fullViewOfCovered, method: r.area.method, coveredMethod: r.area.coveredMethod },
      streets: st === null ? null : {
        totalKm: km(st.totalLength),
        coveredKm: km(st.coveredLength),
        fullViewKm: km(st.fullViewLength),
        forwardKm: km(st.forwardLength),
        backwardKm: km(st.backwardLength),
        bothDirectionsKm: km(st.bothDirectionsLength),
        eitherDirectionKm: km(st.eitherDirectionLength),
        coveredShare: st.coveredShare,
        fullViewShare: st.fullViewShare,
        walkingShare: st.walkingShare,
        bothDirectionsShare: st.bothDirectionsShare,
        fullViewOfCovered: st.fullViewOfCovered,
        walkingOfCovered: st.walkingOfCovered,
        method: st.method,
      },
    };
    if (st !== null) {
      ctx.headline.fullViewStreetShare = st.fullViewShare;
      ctx.headline.fullViewStreetOfCovered = st.fullViewOfCovered;
      ctx.headline.faceOnWalkingStreetShare = st.walkingShare;
      ctx.headline.faceOnWalkingOfCovered = st.walkingOfCovered;
    }
    if (r.area !== null) {
      ctx.headline.fullViewAreaShare = r.area.fullView.share;
      ctx.intervals.fullViewAreaShare = shareInterval(r.area.fullView, 'jittered-grid points in the city, conservative for stratified points;', 'full-view covered');
      if (r.area.covered.count > 0) {
        ctx.headline.fullViewAreaOfCovered = r.area.fullViewOfCovered.share;
        ctx.intervals.fullViewAreaOfCovered = shareInterval(r.area.fullViewOfCovered, r.area.coveredMethod.startsWith('uniform') ? 'points uniform on the area seen' : 'grid points in the area seen', 'full-view covered');
      }
    }
    ctx.assumptions.push(...fullViewAssumptions(o, o.effectiveAngle !== FULL_VIEW_COVERAGE_DEFAULTS.effectiveAngle));
  },
};

/** Adds the optics and coverage-model rows to the assumptions once any coverage analysis ran. */
const assumptionsStep: ScenarioStep = {
  id: 'coverage-assumptions',
  label: 'Assumptions',
  enabled: (spec) => Object.keys(spec.analyses).length > 0,
  run(ctx: ScenarioContext) {
    ctx.assumptions.push(...coverageAssumptions());
  },
};

/** The coverage-layer steps, in run order. */
export const COVERAGE_STEPS: readonly ScenarioStep[] = [coverageStep, streetStep, districtsStep, rasterStep, coverageByHourStep, fullViewStep, assumptionsStep];
