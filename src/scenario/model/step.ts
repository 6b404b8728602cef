/**
 * The model steps of a scenario run: build the city, build the cameras.
 */
import { CAMERA_KINDS, CAMERA_OPERATORS, CAPABILITY_FACE, CAPABILITY_PLATE, type CameraSet } from '../../cameras/index.js';
import { multiPolygonArea, PolygonLocator } from '../../geo/index.js';
import { type City } from '../../city/index.js';
import { ScenarioError, scenarioIssue, type ScenarioIssue } from '../scenario-error.js';
import { buildScenarioCity } from './build-city.js';
import { buildScenarioCameras, type BuiltCameras } from './build-cameras.js';
import { cameraAssumptions, cityAssumptions } from './assumptions.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';
import type { CameraSourceSpec } from '../schema.js';

const cityStep: ScenarioStep = {
  id: 'city',
  label: 'Building the city',
  enabled: () => true,
  run(ctx: ScenarioContext) {
    const { city, importReports } = buildScenarioCity(ctx.spec.city, ctx.spec.seed, ctx.baseDir);
    ctx.city = city;
    let streetM = 0;
    city.streets.forEachEdge((_e, a) => {
      streetM += a.length;
    });
    const areaKm2 = multiPolygonArea(city.boundary) / 1e6;
    ctx.metrics.city = {
      name: city.name,
      areaKm2,
      population: city.population.total,
      streetKm: streetM / 1000,
      streetSegments: city.streets.size,
      buildings: city.buildings.numBuildings,
      districts: city.districts.length,
      provenance: { ...city.provenance },
      importReports,
    };
    ctx.headline.cityAreaKm2 = areaKm2;
    ctx.headline.population = city.population.total;
    ctx.assumptions.push(...cityAssumptions(city, ctx.spec));
    checkOcclusion(ctx, city);
  },
};

/**
 * `occlusion: true` needs buildings to block the view. An analysis the user
 * turned it on for in a city without buildings is a ScenarioError naming the
 * field (before any camera is placed): its numbers would silently be those
 * of `occlusion: false`. The presets' cities always have buildings, so no
 * preset relies on it. The exposure analysis has `occlusion` on by default
 * (the user may not have asked for it): there it is a warning in
 * `result.warnings` (shown by the command and the report), not an error.
 */
function checkOcclusion(ctx: ScenarioContext, city: City): void {
  if (city.buildings.numBuildings > 0) return;
  const a = ctx.spec.analyses;
  const why = 'needs buildings to block the view, but the city has none (give city.import.buildings, or leave the preset city its buildings); set it to false';
  const issues: ScenarioIssue[] = [];
  if (a.coverage?.occlusion) issues.push(scenarioIssue('analyses.coverage.occlusion', why, true));
  if (a.streetCoverage?.occlusion) issues.push(scenarioIssue('analyses.streetCoverage.occlusion', why, true));
  if (a.districts?.occlusion) issues.push(scenarioIssue('analyses.districts.occlusion', why, true));
  if (issues.length > 0) throw new ScenarioError('runScenario', issues);
  if (a.exposure?.occlusion) {
    ctx.warnings.push('analyses.exposure.occlusion is true (its default) but the city has no buildings: nothing blocks the view in the exposure analysis (set it to false to say so, or give the city buildings)');
  }
}

/**
 * Which cameras stand inside the study area (the city boundary): 1 inside, 0 outside.
 *
 * @param city - the scenario's city
 * @param x - camera x, metres
 * @param y - camera y, metres
 * @returns one flag per camera
 * @example insideStudyArea(city, cameras.x, cameras.y).reduce((a, b) => a + b, 0) // cameras in the study area
 */
export function insideStudyArea(city: City, x: Float64Array, y: Float64Array): Uint8Array {
  const out = new Uint8Array(x.length);
  const locator = new PolygonLocator(city.boundary);
  for (let i = 0; i < x.length; i++) out[i] = locator.contains(x[i], y[i]) ? 1 : 0;
  return out;
}

/** The cameras of a spec: its own sources, or the preset city's cameras at full count. */
export function cameraSources(spec: ScenarioContext['spec']): CameraSourceSpec[] {
  if (spec.cameras) return spec.cameras;
  const name = 'preset' in spec.city ? spec.city.preset : 'almaty';
  return [{ from: 'preset', name }];
}

/**
 * Writes the camera metrics and headline numbers of a camera set into the
 * context (the cameras step; the timeline's year step again for the year's
 * cameras).
 *
 * @param ctx - the run's context (its city set)
 * @param c - the cameras
 * @param perSource - cameras each source built
 * @param importReports - the OSM import reports
 * @returns nothing; sets ctx.metrics.cameras and the camera headline keys
 * @example recordCameraMetrics(ctx, ctx.cameras!, built.perSource, built.importReports)
 */
export function recordCameraMetrics(ctx: ScenarioContext, c: CameraSet, perSource: BuiltCameras['perSource'], importReports: BuiltCameras['importReports']): void {
  const city = ctx.city!;
  let live = 0, face = 0, plate = 0;
  const byOperator: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  for (const o of CAMERA_OPERATORS) byOperator[o] = 0;
  for (const k of CAMERA_KINDS) byKind[k] = 0;
  const opCount = new Float64Array(CAMERA_OPERATORS.length);
  const kindCount = new Float64Array(CAMERA_KINDS.length);
  // Counts and densities are of the cameras inside the study area; the others stay in the set
  // (their view may reach across the boundary, so coverage inside counts it) but are not counted.
  const inside = insideStudyArea(city, c.x, c.y);
  let numInside = 0;
  for (let i = 0; i < c.numCameras; i++) {
    if (!inside[i]) continue;
    numInside++;
    live += c.live[i];
    if (c.capabilities[i] & CAPABILITY_FACE) face++;
    if (c.capabilities[i] & CAPABILITY_PLATE) plate++;
    opCount[c.operator[i]]++;
    kindCount[c.kind[i]]++;
  }
  CAMERA_OPERATORS.forEach((o, k) => (byOperator[o] = opCount[k]));
  CAMERA_KINDS.forEach((o, k) => (byKind[o] = kindCount[k]));
  const areaKm2 = ctx.metrics.city!.areaKm2;
  ctx.metrics.cameras = {
    numCameras: numInside,
    numOutside: c.numCameras - numInside,
    live,
    face,
    plate,
    byOperator,
    byKind,
    camerasPerKm2: areaKm2 > 0 ? numInside / areaKm2 : 0,
    perSource,
    importReports,
  };
  Object.assign(ctx.headline, {
    cameras: numInside,
    liveCameras: live,
    faceCameras: face,
    plateCameras: plate,
    camerasPerKm2: ctx.metrics.cameras.camerasPerKm2,
  });
  // Residents per camera has no value without a camera in the study area: the key is absent, not 0.
  if (numInside > 0) ctx.headline.residentsPerCamera = ctx.metrics.city!.population / numInside;
}

const camerasStep: ScenarioStep = {
  id: 'cameras',
  label: 'Placing the cameras',
  enabled: () => true,
  run(ctx: ScenarioContext) {
    const city = ctx.city!;
    const sources = cameraSources(ctx.spec);
    const built = buildScenarioCameras(sources, city, ctx.rng.stream('cameras'), ctx.baseDir, (i) => ctx.progress((i + 1) / sources.length, `source ${i + 1} of ${sources.length}`));
    ctx.cameras = built.cameras;
    recordCameraMetrics(ctx, built.cameras, built.perSource, built.importReports);
    ctx.assumptions.push(...cameraAssumptions(sources));
  },
};

/** The city and cameras steps. */
export const MODEL_STEPS: readonly ScenarioStep[] = [cityStep, camerasStep];
