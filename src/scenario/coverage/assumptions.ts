/**
 * The coverage part's rows of the assumptions table: the optics standard
 * and the coverage model.
 */
import { DORI_PX_PER_M } from '../../cameras/index.js';
import type { Assumption } from '../result.js';

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
