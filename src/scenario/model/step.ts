/**
 * The model steps of a scenario run: build the city, build the cameras.
 */
import { CAMERA_KINDS, CAMERA_OPERATORS, CAPABILITY_FACE, CAPABILITY_PLATE } from '../../cameras/index.js';
import { multiPolygonArea } from '../../geo/index.js';
import { buildScenarioCity } from './build-city.js';
import { buildScenarioCameras } from './build-cameras.js';
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
  },
};

/** The cameras of a spec: its own sources, or the preset city's cameras at full count. */
export function cameraSources(spec: ScenarioContext['spec']): CameraSourceSpec[] {
  if (spec.cameras) return spec.cameras;
  const name = 'preset' in spec.city ? spec.city.preset : 'almaty';
  return [{ from: 'preset', name }];
}

const camerasStep: ScenarioStep = {
  id: 'cameras',
  label: 'Placing the cameras',
  enabled: () => true,
  run(ctx: ScenarioContext) {
    const city = ctx.city!;
    const sources = cameraSources(ctx.spec);
    const built = buildScenarioCameras(sources, city, ctx.rng.stream('cameras'), ctx.baseDir, (i) => ctx.progress((i + 1) / sources.length, `source ${i + 1} of ${sources.length}`));
    const c = built.cameras;
    ctx.cameras = c;
    let live = 0, face = 0, plate = 0;
    const byOperator: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    for (const o of CAMERA_OPERATORS) byOperator[o] = 0;
    for (const k of CAMERA_KINDS) byKind[k] = 0;
    const opCount = new Float64Array(CAMERA_OPERATORS.length);
    const kindCount = new Float64Array(CAMERA_KINDS.length);
    for (let i = 0; i < c.numCameras; i++) {
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
      numCameras: c.numCameras,
      live,
      face,
      plate,
      byOperator,
      byKind,
      camerasPerKm2: areaKm2 > 0 ? c.numCameras / areaKm2 : 0,
      perSource: built.perSource,
      importReports: built.importReports,
    };
    Object.assign(ctx.headline, {
      cameras: c.numCameras,
      liveCameras: live,
      faceCameras: face,
      plateCameras: plate,
      camerasPerKm2: ctx.metrics.cameras.camerasPerKm2,
      residentsPerCamera: c.numCameras > 0 ? ctx.metrics.city!.population / c.numCameras : 0,
    });
    ctx.assumptions.push(...cameraAssumptions(sources));
  },
};

/** The city and cameras steps. */
export const MODEL_STEPS: readonly ScenarioStep[] = [cityStep, camerasStep];
