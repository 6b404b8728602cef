/**
 * A pool of footprints built once (with occlusion when asked) from which the
 * exact area of any small subset is measured by the union engine.
 *
 * The coverage layer's footprint buffers come from a scratch pool that the
 * next build reuses, so the pool keeps its own copy of every column; a
 * subset is copied row by row (primitives and visibility included) into a
 * fresh footprint set with the same origin, and its union measured inside
 * the study area or, when the caller knows the answer lies in a box well
 * inside the study area, inside that box (the engine then skips the study
 * area's many edges).
 */
import { type CameraSet } from '../cameras/index.js';
import { type BuildingSet } from '../city/index.js';
import { PolygonLocator, boundsToPolygon } from '../geo/index.js';
import { Footprints, PRIM_ARC, prepareFootprints, relativeLocator, unionAreas } from '../coverage/internal.js';
import { type CoverageLevel } from '../coverage/index.js';
import { type ResolvedArea } from './study-area-input.js';

/** The footprint columns the pool copies (those of {@link Footprints}). */
const F64_COLUMNS = ['cx', 'cy', 'r', 'a0', 'a1', 'u0x', 'u0y', 'u1x', 'u1y', 'tip', 'minX', 'minY', 'maxX', 'maxY'] as const;

/** Footprints of a camera set, copied out of the scratch pool, with the study area in the same coordinates. */
export class FootprintPool {
  /** The pooled footprints (a {@link Footprints} whose columns the pool owns). */
  readonly fp: Footprints;
  /** Number of footprints. */
  readonly n: number;
  /** Footprint index per camera id, −1 when the camera cannot reach the study area. */
  readonly fpOf: Int32Array;
  /** The study area relative to the pool's origin. */
  readonly locator: PolygonLocator;
  readonly originX: number;
  readonly originY: number;
  /** Square study areas centred on the origin, by half side. */
  private readonly boxes = new Map<number, PolygonLocator>();

  constructor(cameras: CameraSet, level: CoverageLevel, resolved: ResolvedArea, buildings: BuildingSet | null) {
    const [bx0, by0, bx1, by1] = resolved.bbox;
    this.originX = (bx0 + bx1) / 2;
    this.originY = (by0 + by1) / 2;
    const { fp: scratch } = prepareFootprints(cameras, level, resolved.bbox, this.originX, this.originY, buildings, null, false);
    this.n = scratch.n;
    this.fp = cloneFootprints(scratch);
    this.fpOf = new Int32Array(cameras.numCameras).fill(-1);
    for (let k = 0; k < this.n; k++) this.fpOf[this.fp.cameraId[k]] = k;
    this.locator = relativeLocator(resolved, this.originX, this.originY);
  }

  /**
   * Exact area (m²) of the union of footprints ids[0 … count − 1], inside
   * the study area, or, when `clip` ([cx, cy, half] from
   * {@link FootprintPool.clipBox}) is given, inside the square of half side
   * `half` centred on (cx, cy) (relative to the pool's origin), which the
   * caller guarantees holds every part of the union it asks about. The
   * footprints are then measured with their origin at the square's centre,
   * so squares of one size share one locator.
   */
  area(ids: ArrayLike<number>, count: number, clip: readonly [number, number, number] | null): number {
    if (count === 0) return 0;
    const src = this.fp;
    const gx = clip === null ? 0 : clip[0];
    const gy = clip === null ? 0 : clip[1];
    const fp = new Footprints(count, src.originX + gx, src.originY + gy, false);
    let numPrims = 0;
    let numVis = 0;
    for (let k = 0; k < count; k++) {
      const i = ids[k];
      numPrims += src.primStart[i + 1] - src.primStart[i];
      if (src.vis !== null) numVis += src.vis.visStart[i + 1] - src.vis.visStart[i];
    }
    const primType = new Uint8Array(numPrims);
    const prim = new Float64Array(numPrims * 10);
    const primStart = new Uint32Array(count + 1);
    const vis = src.vis === null ? null : {
      visStart: new Uint32Array(count + 1),
      visFrom: new Float64Array(numVis),
      visTo: new Float64Array(numVis),
      visKind: new Uint8Array(numVis),
      visNx: new Float64Array(numVis),
      visNy: new Float64Array(numVis),
      visC: new Float64Array(numVis),
    };
    let p = 0;
    let v = 0;
    for (let k = 0; k < count; k++) {
      const i = ids[k];
      fp.cameraId[k] = src.cameraId[i];
      for (const c of F64_COLUMNS) fp[c][k] = src[c][i];
      fp.cx[k] -= gx;
      fp.cy[k] -= gy;
      fp.minX[k] -= gx;
      fp.maxX[k] -= gx;
      fp.minY[k] -= gy;
      fp.maxY[k] -= gy;
      fp.mode[k] = src.mode[i];
      primStart[k] = p;
      for (let q = src.primStart[i]; q < src.primStart[i + 1]; q++, p++) {
        primType[p] = src.primType[q];
        const o = p * 10;
        prim.set(src.prim.subarray(q * 10, q * 10 + 10), o);
        // Segments: both end points; arcs: the centre (the other fields are angles, radius and directions).
        prim[o] -= gx;
        prim[o + 1] -= gy;
        if (primType[p] !== PRIM_ARC) {
          prim[o + 2] -= gx;
          prim[o + 3] -= gy;
        }
      }
      if (vis !== null && src.vis !== null) {
        vis.visStart[k] = v;
        const sv = src.vis;
        for (let q = sv.visStart[i]; q < sv.visStart[i + 1]; q++, v++) {
          vis.visFrom[v] = sv.visFrom[q];
          vis.visTo[v] = sv.visTo[q];
          vis.visKind[v] = sv.visKind[q];
          vis.visNx[v] = sv.visNx[q];
          vis.visNy[v] = sv.visNy[q];
          vis.visC[v] = sv.visC[q];
        }
      }
    }
    primStart[count] = p;
    if (vis !== null) vis.visStart[count] = v;
    fp.primStart = primStart;
    fp.primType = primType;
    fp.prim = prim;
    fp.vis = vis;
    const locator = clip === null ? this.locator : this.boxLocator(clip[2]);
    const a = unionAreas(fp, locator, null, 1).areaAtLeast;
    const covered = a.length > 1 ? a[1] : 0;
    return covered > 0 ? covered : 0;
  }

  /**
   * A square holding the box [x0, y0, x1, y1] (relative) with 1 m to spare,
   * as [centre x, centre y, half side] (the half side a power of two, so
   * squares share locators), when it lies inside the study area clear of its
   * boundary; else null.
   */
  clipBox(x0: number, y0: number, x1: number, y1: number): [number, number, number] | null {
    const loc = this.locator;
    const gx = (x0 + x1) / 2;
    const gy = (y0 + y1) / 2;
    const need = Math.max(x1 - x0, y1 - y0) / 2 + 1;
    let half = 16;
    while (half < need) half *= 2;
    const b = [gx - half, gy - half, gx + half, gy + half];
    if (!(b[0] > loc.minX && b[1] > loc.minY && b[2] < loc.maxX && b[3] < loc.maxY)) return null;
    if (loc.mayTouchBoundary(b[0], b[1], b[2], b[3])) return null;
    if (!(loc.contains(b[0], b[1]) && loc.contains(b[2], b[1]) && loc.contains(b[0], b[3]) && loc.contains(b[2], b[3]))) return null;
    return [gx, gy, half];
  }

  private boxLocator(half: number): PolygonLocator {
    let loc = this.boxes.get(half);
    if (loc === undefined) {
      loc = new PolygonLocator([boundsToPolygon([-half, -half, half, half])], true);
      this.boxes.set(half, loc);
    }
    return loc;
  }
}

/** A copy of a footprint set that owns its columns (the original's live in the scratch pool). */
function cloneFootprints(src: Footprints): Footprints {
  const n = src.n;
  const out = Object.create(Footprints.prototype) as Footprints;
  const o = out as unknown as Record<string, unknown>;
  o.n = n;
  o.originX = src.originX;
  o.originY = src.originY;
  o.cameraId = src.cameraId.slice(0, n);
  for (const c of F64_COLUMNS) o[c] = src[c].slice(0, n);
  o.mode = src.mode.slice(0, n);
  o.primStart = src.primStart.slice();
  o.primType = src.primType.slice();
  o.prim = src.prim.slice();
  o.vis = src.vis === null ? null : {
    visStart: src.vis.visStart.slice(),
    visFrom: src.vis.visFrom.slice(),
    visTo: src.vis.visTo.slice(),
    visKind: src.vis.visKind.slice(),
    visNx: src.vis.visNx.slice(),
    visNy: src.vis.visNy.slice(),
    visC: src.vis.visC.slice(),
  };
  return out;
}
