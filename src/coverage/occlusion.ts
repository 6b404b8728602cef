/**
 * Occlusion: clips footprints by buildings. (Filled in once the visibility
 * module lands.)
 */
import type { BuildingSet } from '../city/city.js';
import { Footprints, buildSectorPrimitives } from './footprints.js';

export function applyOcclusion(fp: Footprints, buildings: BuildingSet): void {
  void buildings;
  buildSectorPrimitives(fp);
  throw new Error('occlusion not implemented yet');
}
