/**
 * Street exposure profiles: computed once per camera network, for every
 * street edge, which cameras see which stretch of it, at which level, with
 * or without occlusion. Trips are then scored by walking their arcs and
 * reading these stretches — no geometry per trip.
 */
import type { CoverageLevel } from '../coverage/footprints.js';

/**
 * The levels a profile can record, from the widest footprint to the
 * narrowest: `range` (the camera sees something), then the DORI levels.
 * `level[q]` of an entry is an index into this list.
 */
export const PROFILE_LEVELS: readonly CoverageLevel[] = ['range', 'detect', 'observe', 'recognise', 'identify'];

/**
 * Entries grouped by edge: edge e's entries are `entryStart[e]` …
 * `entryStart[e + 1] − 1`, sorted by (level, camera, s0). An entry says:
 * camera `camera[q]` sees, at level `PROFILE_LEVELS[level[q]]` or better, the
 * stretch of edge e from `s0[q]` to `s1[q]` metres measured from the edge's
 * source node (0 ≤ s0 < s1 ≤ edge length). A camera can have several
 * entries on one edge at one level (wide fields of view, occlusion).
 *
 * Face direction ("full-view" coverage): a pedestrian walking forward
 * (source → target, arc 2e) faces the camera — the angle between the walking
 * direction and the line to the camera is at most the profile's
 * `faceAngle` — exactly where s ≤ `frontalUntil[q]`; walking backward
 * (arc 2e + 1), exactly where s ≥ `frontalFrom[q]`. (For a straight edge each
 * condition is one half-line; ±Infinity when it holds everywhere or nowhere.)
 */
export interface StreetExposureProfile {
  readonly numEdges: number;
  /** Levels recorded (subset of PROFILE_LEVELS, as indices, increasing). */
  readonly levels: readonly number[];
  readonly entryStart: Uint32Array;
  readonly camera: Uint32Array;
  readonly level: Uint8Array;
  readonly s0: Float64Array;
  readonly s1: Float64Array;
  readonly frontalUntil: Float64Array;
  readonly frontalFrom: Float64Array;
  /**
   * Per edge and recorded level: metres of the edge seen by at least one
   * camera at that level; `observedLength[li * numEdges + e]` for the li-th
   * recorded level.
   */
  readonly observedLength: Float64Array;
  /** Parameters that produced the profile (level list, occlusion, faceAngle, camera provenance). */
  readonly params: {
    levels: CoverageLevel[];
    occlusion: boolean;
    /** Degrees. */
    faceAngle: number;
    numCameras: number;
    cameras: unknown;
  };
}
