/**
 * Exact unique coverage per camera (or per group of cameras) in one pass of
 * the union engine.
 *
 * The region covered only by group G (at least one of G's footprints, none
 * of the others) has a boundary made of pieces the engine already evaluates
 * (see union-engine.ts): across a piece of footprint i's boundary lying
 * inside the set J of other footprints, the set of footprints covering a
 * point changes from J (outside i) to J ∪ {i} (inside i). So
 * - J empty: the piece bounds "only group(i)" with i's interior on its left,
 *   and its Green term is added to group(i);
 * - J non-empty, all of one group G ≠ group(i): outside i the point is
 *   covered only by G, inside it is not; the piece bounds "only G" with G's
 *   region on its right, and its Green term is subtracted from G;
 * - otherwise the piece separates two points with the same "only" status.
 * A study-area piece inside the footprints J, all of one group G, bounds
 * "only G" (study-area interior on its left) and is added to G. With one
 * group per camera, J = {j} gives the rule "pieces of i inside no other,
 * plus pieces of other footprints j inside i and inside nothing else".
 *
 * The pass is the engine's own (same splits, same symbolic rule for
 * coincident boundaries), so the level sums it returns equal
 * {@link unionAreas}' exactly; {@link ExactUnionEngine} itself is unchanged.
 */
import { type PolygonLocator } from '../geo/index.js';
import { type Footprints } from './footprints.js';
import { neighbourLists } from './neighbour-pairs.js';
import { BOUNDARY_EPS, ExactUnionEngine, containsEdgePiece, footprintClassify, resolveOnBoundary, CHUNK_SIZE, MIN_PIECE_LENGTH } from './union-engine.js';

/** Result of {@link uniqueAreasByGroup}. */
export interface UniqueAreas {
  /** unique[g] = m² covered by group g's footprints and by no other footprint, inside the study area. */
  unique: Float64Array;
  /** m² covered by at least one footprint (the union), inside the study area. */
  covered: number;
  /** Boundary pieces evaluated. */
  numPieces: number;
}

/** The union engine with a second accumulator: each piece's Green term also goes to the group whose "only" region it bounds. */
class AttributionEngine extends ExactUnionEngine {
  private readonly group: Int32Array;
  private readonly unique: Float64Array;
  private readonly tmp = new Float64Array(2);

  constructor(fp: Footprints, nbStart: Uint32Array, nbList: Uint32Array, area: PolygonLocator, levels: number, group: Int32Array, unique: Float64Array) {
    super(fp, nbStart, nbList, area, null, levels);
    this.group = group;
    this.unique = unique;
  }

  protected override addIsolatedSector(i: number): void {
    // Measure the sector's own area in a scratch accumulator, then add it to both.
    const saved = this.accFoot;
    const tmp = this.tmp;
    tmp[1] = 0;
    this.accFoot = tmp;
    super.addIsolatedSector(i);
    this.accFoot = saved;
    saved[1] += tmp[1];
    this.unique[this.group[i]] += tmp[1];
  }

  protected override addPiece(i: number, nbFrom: number, nbTo: number, mx: number, my: number, nx: number, ny: number, g: number): void {
    this.numPieces++;
    const fp = this.fp;
    const nbList = this.nbList;
    const group = this.group;
    let c = 0;
    let only = -1;
    let mixed = false;
    for (let q = nbFrom; q < nbTo; q++) {
      const j = nbList[q];
      let k = footprintClassify(fp, j, mx, my);
      if (k === 2) k = resolveOnBoundary(fp, j, i, mx, my, nx, ny);
      if (k === 1) {
        c++;
        const gj = group[j];
        if (only < 0) only = gj;
        else if (gj !== only) mixed = true;
      }
    }
    this.accFoot[c + 1] += g;
    if (c === 0) this.unique[group[i]] += g;
    else if (!mixed && only !== group[i]) this.unique[only] -= g;
  }

  protected override addEdgePieces(cams: number[], px: number, py: number, dx: number, dy: number, len: number, ns: number, accEdge: Float64Array): void {
    const fp = this.fp;
    const group = this.group;
    const splits = this.splits;
    const nx = -dy / len;
    const ny = dx / len;
    let ta = 0;
    for (let s = 0; s <= ns; s++) {
      const tb = s < ns ? splits[s] : 1;
      if ((tb - ta) * len < MIN_PIECE_LENGTH) continue;
      const ax = px + ta * dx;
      const ay = py + ta * dy;
      const bx = px + tb * dx;
      const by = py + tb * dy;
      ta = tb;
      const g = 0.5 * (ax * by - bx * ay);
      const mx = (ax + bx) * 0.5;
      const my = (ay + by) * 0.5;
      this.numPieces++;
      let c = 0;
      let only = -1;
      let mixed = false;
      for (let q = 0; q < cams.length; q++) {
        const j = cams[q];
        if (containsEdgePiece(fp, j, mx, my, nx, ny)) {
          c++;
          if (only < 0) only = group[j];
          else if (group[j] !== only) mixed = true;
        }
      }
      accEdge[c] += g;
      if (c > 0 && !mixed) this.unique[only] += g;
    }
  }
}

/**
 * Exact area covered only by each group of footprints, and the area of the
 * union, inside a study area, in one pass of the union engine (one thread).
 * unique[g] equals area(all) − area(all but group g) up to rounding.
 *
 * @param fp - footprints (plain or occluded), coordinates relative to fp's origin
 * @param area - the study area, in the same relative coordinates
 * @param group - group id in [0, numGroups) of each footprint
 * @param numGroups - number of groups
 * @returns unique area per group, the union's area and the work done
 * @internal Used by the planning layer (rankCameraImportance).
 */
export function uniqueAreasByGroup(fp: Footprints, area: PolygonLocator, group: Int32Array, numGroups: number): UniqueAreas {
  const n = fp.n;
  const unique = new Float64Array(numGroups);
  const { start: nbStart, list: nbList, maxDegree } = neighbourLists(fp.minX, fp.minY, fp.maxX, fp.maxY, n, BOUNDARY_EPS, true);
  const levels = maxDegree + 2;
  const engine = new AttributionEngine(fp, nbStart, nbList, area, levels, group, unique);
  const accFoot = new Float64Array(levels + 1);
  const touching = new Uint32Array(Math.max(1, n));
  let numPieces = 0;
  let numTouching = 0;
  for (let from = 0; from < n; from += CHUNK_SIZE) {
    const [pieces, touched] = engine.footprintChunk(from, Math.min(n, from + CHUNK_SIZE), accFoot, touching, numTouching);
    numPieces += pieces;
    numTouching += touched;
  }
  const accEdge = new Float64Array(levels + 1);
  numPieces += engine.edgePass(touching, numTouching, accEdge);
  // Level 1 = footprint pieces at level 1 + study-area pieces at any depth ≥ 1.
  let covered = accFoot[1];
  for (let k = 1; k <= levels; k++) covered += accEdge[k];
  for (let g = 0; g < numGroups; g++) if (unique[g] < 0) unique[g] = 0;
  return { unique, covered: covered < 0 ? 0 : covered, numPieces };
}
