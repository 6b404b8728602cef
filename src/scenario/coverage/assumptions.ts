/**
 * The coverage part's rows of the assumptions table: the optics standard
 * and the coverage model.
 */
import { DORI_PX_PER_M } from '../../cameras/index.js';
import type { Assumption } from '../result.js';
import type { ScenarioSpec } from '../schema.js';
import { registryRow } from '../assumption-registry.js';

/**
 * The optics standard and the coverage model.
 *
 * @returns rows of the assumptions table
 * @example coverageAssumptions()[0].topic // 'DORI detect'
 */
export function coverageAssumptions(): Assumption[] {
  const out: Assumption[] = [];
  for (const [level, px] of Object.entries(DORI_PX_PER_M)) {
    out.push({ topic: `DORI ${level}`, value: `${px} px/m`, source: 'EN 62676-4:2015 (DORI levels)', sources: ['en-62676-4-2015'], kind: 'sourced' });
  }
  out.push(
    { topic: 'Camera range', value: 'distance at which pixel density falls to the DORI detect level (25 px/m), unless given', source: 'pixel density = resolution / (2 d tan(fov/2)) (pinhole geometry); EN 62676-4 detect level', sources: ['en-62676-4-2015'], kind: 'sourced' },
    { topic: 'Footprint', value: 'circular sector (heading, fov, range), clipped by buildings when occlusion is on', source: 'model of this library (2-D, no terrain, no tilt limit)', kind: 'assumption' },
    { topic: 'Covered area', value: 'exact union of footprints inside the boundary', source: "method of this library: exact union (Green's theorem over footprint boundaries), no sampling error; rasters only for maps", kind: 'assumption' },
  );
  return out;
}

/**
 * The full-view analysis: its definition, its effective angle (a registry
 * entry with its range) and its method.
 *
 * @param o - the validated `analyses.fullView` section
 * @param given - whether the scenario set `effectiveAngle` itself
 * @returns rows of the assumptions table
 * @example fullViewAssumptions({ level: 'identify', occlusion: false, effectiveAngle: 45, samples: 20000, coveredSamples: 20000, streets: true })[0].topic // 'Full-view coverage'
 */
export function fullViewAssumptions(o: NonNullable<ScenarioSpec['analyses']['fullView']>, given = false): Assumption[] {
  return [
    {
      topic: 'Full-view coverage',
      value: `a point is face-on covered when, whatever way a person there faces, a camera covering it at the ${o.level} level lies within θ of that direction; a walker faces the walking direction`,
      source: 'Wang & Cao, On full-view coverage in camera sensor networks, IEEE INFOCOM 2011 (angles in the ground plane; camera height ignored)',
      sources: ['wang-cao-2011'],
      kind: 'sourced',
    },
    registryRow('fullViewAngle', o.effectiveAngle, given),
    {
      topic: 'Full-view method',
      value: `streets exact (split at footprint edges, frontal half-line ends and the circles on which two cameras subtend 2θ); area share from ${o.samples.toLocaleString('en-US')} jittered-grid points, its share of the area seen from ${o.coveredSamples.toLocaleString('en-US')} points uniform on the area seen, each with a 90 % Wilson interval`,
      source: 'method of this library; checked against brute-force sampling and against Stevens (1939) for random deployments',
      sources: ['stevens-1939'],
      kind: 'assumption',
    },
  ];
}
