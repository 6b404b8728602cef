/**
 * Pieces of one straight segment against a set of footprints: the segment is
 * split wherever it crosses one of their boundaries, and every piece is
 * classified against every footprint — with exactly the footprint tests,
 * tolerances and piece rule of the coverage module's street lengths
 * (`segmentCoverage` in src/coverage/street-coverage.ts), so that lengths
 * computed from these pieces equal the coverage module's to the last bit.
 *
 * Rules copied from there (and kept in step with it):
 * - a segment shorter than MIN_PIECE_LENGTH is skipped;
 * - pieces shorter than MIN_PIECE_LENGTH are merged into the next piece
 *   (a tiny last piece is dropped: at most 1e-10 m);
 * - a piece counts as inside a footprint when its midpoint is strictly
 *   inside, or, when the midpoint lies within BOUNDARY_EPS of the boundary,
 *   when a probe PROBE_OFFSET to either side is inside (footprints are
 *   closed sets: a piece running along a boundary is seen).
 *
 * @internal
 */
import { type Footprints, MIN_PIECE_LENGTH, PROBE_OFFSET, footprintClassify, footprintContains, maxSplitsOf, sortSplits, splitSegmentByFootprint } from '../coverage/internal.js';

/** Scratch buffers reused across segments (grown on demand, never shrunk). */
export interface PieceScratch {
  splits: Float64Array;
  /** Piece p spans parameters [ta[p], tb[p]] of the segment (t ∈ [0, 1]). */
  ta: Float64Array;
  tb: Float64Array;
  /** inside[q · numPieces + p] = 1 when footprint cams[q] contains piece p. */
  inside: Uint8Array;
  /** Per piece: number of the listed footprints containing it. */
  depth: Uint32Array;
  /** The footprint indexes, sorted ascending (a sorted copy of the search result). */
  cams: Uint32Array;
}

export function createPieceScratch(): PieceScratch {
  return {
    splits: new Float64Array(64),
    ta: new Float64Array(32),
    tb: new Float64Array(32),
    inside: new Uint8Array(256),
    depth: new Uint32Array(32),
    cams: new Uint32Array(16),
  };
}

/**
 * Splits segment P + t·d (relative coordinates, length `len`) by the
 * footprints listed in `cand` and classifies every piece against each of
 * them. On return `sc.cams[0 … cand.length)` holds the footprints sorted
 * ascending (so camera ids ascending, as footprints are built in id order),
 * and the pieces, inside flags and depths are in `sc`.
 *
 * @returns the number of pieces (0 when the segment is shorter than MIN_PIECE_LENGTH)
 */
export function classifyPieces(fp: Footprints, cand: ArrayLike<number>, px: number, py: number, dx: number, dy: number, len: number, sc: PieceScratch): number {
  if (len < MIN_PIECE_LENGTH) return 0;
  const nc = cand.length;
  if (sc.cams.length < nc) sc.cams = new Uint32Array(2 * nc);
  const cams = sc.cams;
  // Insertion sort of the (few) candidates.
  for (let q = 0; q < nc; q++) {
    const v = cand[q];
    let k = q - 1;
    while (k >= 0 && cams[k] > v) {
      cams[k + 1] = cams[k];
      k--;
    }
    cams[k + 1] = v;
  }
  let need = 8;
  for (let q = 0; q < nc; q++) need += maxSplitsOf(fp, cams[q]);
  if (sc.splits.length < need) sc.splits = new Float64Array(2 * need);
  const splits = sc.splits;
  let ns = 0;
  for (let q = 0; q < nc; q++) ns = splitSegmentByFootprint(fp, cams[q], px, py, dx, dy, len, splits, ns);
  sortSplits(splits, ns);
  if (sc.ta.length < ns + 1) {
    sc.ta = new Float64Array(2 * ns + 2);
    sc.tb = new Float64Array(2 * ns + 2);
    sc.depth = new Uint32Array(2 * ns + 2);
  }
  const pa = sc.ta;
  const pb = sc.tb;
  // Pieces, with the coverage module's rule for tiny ones.
  let np = 0;
  let ta = 0;
  for (let k = 0; k <= ns; k++) {
    const tb = k < ns ? splits[k] : 1;
    if ((tb - ta) * len < MIN_PIECE_LENGTH) continue;
    pa[np] = ta;
    pb[np] = tb;
    np++;
    ta = tb;
  }
  if (sc.inside.length < np * nc) sc.inside = new Uint8Array(2 * np * nc);
  const inside = sc.inside;
  const depth = sc.depth;
  const nx = -dy / len;
  const ny = dx / len;
  const delta = PROBE_OFFSET;
  for (let p = 0; p < np; p++) depth[p] = 0;
  for (let q = 0; q < nc; q++) {
    const j = cams[q];
    const row = q * np;
    for (let p = 0; p < np; p++) {
      const tm = (pa[p] + pb[p]) * 0.5;
      const mx = px + tm * dx;
      const my = py + tm * dy;
      let c = footprintClassify(fp, j, mx, my);
      if (c === 2) c = footprintContains(fp, j, mx + delta * nx, my + delta * ny) || footprintContains(fp, j, mx - delta * nx, my - delta * ny) ? 1 : 0;
      inside[row + p] = c;
      depth[p] += c;
    }
  }
  return np;
}
