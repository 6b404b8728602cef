/**
 * Occlusion: clips footprints by buildings.
 *
 * Each footprint becomes the part of its sector that the camera can see past
 * building walls ({@link computeVisibility}, an angular sweep over the walls
 * near the camera). Its boundary is then written as a closed CCW chain of
 * primitives for the exact union: the edge from the apex at a0, for each
 * angular interval either the arc or the piece of wall that bounds the view,
 * a radial "shadow edge" wherever the visible distance jumps between
 * intervals, and the edge back to the apex at a1.
 */
import { type BuildingSet } from '../city/index.js';
import { computeVisibility, createOccluders, createVisibilityRegion, createVisibilityScratch, VISIBILITY_LINE, type VisibilityRegion } from '../geo/index.js';
import { Footprints, MODE_FULL, MODE_OCCLUDED, MODE_TIP, PRIM_STRIDE, writeArc, writeSegment, type VisibilityColumns } from './footprints.js';

const TWO_PI = 2 * Math.PI;

/**
 * Inset (m) applied to every building outline before it is used as an
 * occluder. A camera mounted exactly on a wall or a corner (common in OSM,
 * where cameras are mapped on building outlines) would otherwise lie on the
 * wall's line, which the visibility sweep must ignore, and would see into
 * the building. Moved 2 µm inside, the walls block the building's interior
 * for such cameras, and the change of any area is below 2e-6 m² per metre of
 * wall.
 */
export const WALL_INSET = 2e-6;

/** Wall segments of all buildings, relative to (ox, oy), inset by {@link WALL_INSET}: `[x0, y0, x1, y1, …]`. */
export function buildingWalls(buildings: BuildingSet, ox: number, oy: number): Float64Array {
  const n = buildings.numBuildings;
  const start = buildings.ringStart;
  const c = buildings.coords;
  const walls = new Float64Array(4 * start[n]);
  let w = 0;
  let inset = new Float64Array(64);
  for (let b = 0; b < n; b++) {
    const s = start[b];
    const e = start[b + 1];
    const m = e - s;
    if (m < 3) continue;
    if (inset.length < 2 * m) inset = new Float64Array(4 * m);
    // Orientation: interior on the left for a counter-clockwise ring.
    let area2 = 0;
    for (let v = s; v < e; v++) {
      const u = v + 1 === e ? s : v + 1;
      area2 += (c[2 * v] - ox) * (c[2 * u + 1] - oy) - (c[2 * u] - ox) * (c[2 * v + 1] - oy);
    }
    const side = area2 >= 0 ? 1 : -1;
    // Each vertex moves to the point at distance WALL_INSET inside both of its walls (a miter).
    for (let k = 0; k < m; k++) {
      const v = s + k;
      const pv = k === 0 ? e - 1 : v - 1;
      const nv = k === m - 1 ? s : v + 1;
      const x = c[2 * v] - ox;
      const y = c[2 * v + 1] - oy;
      let ax = x - (c[2 * pv] - ox);
      let ay = y - (c[2 * pv + 1] - oy);
      let bx = c[2 * nv] - ox - x;
      let by = c[2 * nv + 1] - oy - y;
      const la = Math.hypot(ax, ay) || 1;
      const lb = Math.hypot(bx, by) || 1;
      ax /= la;
      ay /= la;
      bx /= lb;
      by /= lb;
      // Inward (left) normals of the two walls.
      const n1x = -ay * side;
      const n1y = ax * side;
      const n2x = -by * side;
      const n2y = bx * side;
      // The point at distance WALL_INSET inside both walls lies on the inward
      // bisector (n1 + n2) at 2·WALL_INSET / |n1 + n2| (the miter). At a needle-sharp
      // spike the miter grows without bound, so it is capped at 1000 · WALL_INSET (2 mm).
      let bisx = n1x + n2x;
      let bisy = n1y + n2y;
      let bl = Math.hypot(bisx, bisy);
      if (bl < 1e-9) {
        // The walls fold back on each other: the inside lies behind the tip, along the outgoing wall.
        bisx = bx - ax;
        bisy = by - ay;
        bl = Math.hypot(bisx, bisy) || 1;
      }
      const miter = Math.min((2 * WALL_INSET) / bl, 1000 * WALL_INSET);
      inset[2 * k] = x + (bisx / bl) * miter;
      inset[2 * k + 1] = y + (bisy / bl) * miter;
    }
    for (let k = 0; k < m; k++) {
      const k1 = k + 1 === m ? 0 : k + 1;
      walls[w++] = inset[2 * k];
      walls[w++] = inset[2 * k + 1];
      walls[w++] = inset[2 * k1];
      walls[w++] = inset[2 * k1 + 1];
    }
  }
  return w === walls.length ? walls : walls.slice(0, w);
}

/**
 * Replaces the plain sectors of `fp` by their visible parts and writes the
 * boundary primitives and visibility columns. Footprints that no wall
 * touches stay plain sectors (no primitives, no visibility data).
 *
 * Complexity: O(Σ m log m) for m walls near each camera.
 */
export function applyOcclusion(fp: Footprints, buildings: BuildingSet): void {
  const n = fp.n;
  const occluders = createOccluders(buildingWalls(buildings, fp.originX, fp.originY));
  const scratch = createVisibilityScratch();
  const region = createVisibilityRegion();
  const primStart = new Uint32Array(n + 1);
  let cap = 1024;
  let primType = new Uint8Array(cap);
  let prim = new Float64Array(cap * PRIM_STRIDE);
  let vcap = 1024;
  const visStart = new Uint32Array(n + 1);
  let visFrom = new Float64Array(vcap);
  let visTo = new Float64Array(vcap);
  let visKind = new Uint8Array(vcap);
  let visNx = new Float64Array(vcap);
  let visNy = new Float64Array(vcap);
  let visC = new Float64Array(vcap);
  let p = 0;
  let q = 0;
  for (let k = 0; k < n; k++) {
    primStart[k] = p;
    visStart[k] = q;
    const cx = fp.cx[k];
    const cy = fp.cy[k];
    const r = fp.r[k];
    const full = (fp.mode[k] & 3) === MODE_FULL;
    const a0 = fp.a0[k];
    const a1 = fp.a1[k];
    computeVisibility(cx, cy, r, a0, a1, full, occluders, scratch, region);
    const m = region.numIntervals;
    let occluded = false;
    for (let t = 0; t < m; t++) if (region.kind[t] === VISIBILITY_LINE) occluded = true;
    if (!occluded) continue;
    // The visible part is built from the apex: a cut tip (thin sector, see setSector) is not kept.
    fp.mode[k] = (fp.mode[k] & ~MODE_TIP) | MODE_OCCLUDED;
    fp.tip[k] = 0;
    // Capacity: at most 2 straight edges + m pieces + m radial jumps.
    const need = p + 2 * m + 3;
    if (need > cap) {
      cap = Math.max(2 * cap, need);
      const nt = new Uint8Array(cap);
      nt.set(primType);
      primType = nt;
      const np = new Float64Array(cap * PRIM_STRIDE);
      np.set(prim);
      prim = np;
    }
    if (q + m > vcap) {
      vcap = Math.max(2 * vcap, q + m);
      visFrom = grow(visFrom, vcap);
      visTo = grow(visTo, vcap);
      visNx = grow(visNx, vcap);
      visNy = grow(visNy, vcap);
      visC = grow(visC, vcap);
      const nk = new Uint8Array(vcap);
      nk.set(visKind);
      visKind = nk;
    }
    const angles = region.angles;
    const firstD = distanceAt(region, 0, angles[0]);
    if (!full) writeSegment(primType, prim, p++, cx, cy, cx + firstD * Math.cos(angles[0]), cy + firstD * Math.sin(angles[0]));
    for (let t = 0; t < m; t++) {
      const ta = angles[t];
      const tb = angles[t + 1];
      visFrom[q] = ta;
      visTo[q] = tb;
      visKind[q] = region.kind[t];
      visNx[q] = region.lineNx[t];
      visNy[q] = region.lineNy[t];
      visC[q] = region.kind[t] === VISIBILITY_LINE ? region.lineC[t] - region.lineNx[t] * cx - region.lineNy[t] * cy : 0;
      q++;
      const ca = Math.cos(ta);
      const sa = Math.sin(ta);
      const cb = Math.cos(tb);
      const sb = Math.sin(tb);
      if (t > 0) {
        // Radial shadow edge at ta between the previous interval's distance and this one's.
        const dPrev = distanceAt(region, t - 1, ta);
        const dHere = distanceAt(region, t, ta);
        if (Math.abs(dPrev - dHere) > 1e-12 * r) writeSegment(primType, prim, p++, cx + dPrev * ca, cy + dPrev * sa, cx + dHere * ca, cy + dHere * sa);
      }
      if (region.kind[t] === VISIBILITY_LINE) {
        const da = distanceAt(region, t, ta);
        const db = distanceAt(region, t, tb);
        writeSegment(primType, prim, p++, cx + da * ca, cy + da * sa, cx + db * cb, cy + db * sb);
      } else {
        const span = tb - ta;
        writeArc(primType, prim, p++, cx, cy, r, ta, tb, ca, sa, cb, sb, span >= TWO_PI - 1e-12 ? 2 : span > Math.PI ? 1 : 0);
      }
    }
    const lastD = distanceAt(region, m - 1, angles[m]);
    const ce = Math.cos(angles[m]);
    const se = Math.sin(angles[m]);
    if (!full) writeSegment(primType, prim, p++, cx + lastD * ce, cy + lastD * se, cx, cy);
    else if (Math.abs(lastD - firstD) > 1e-12 * r) {
      // Full circle: close the jump at the wrap-around angle.
      writeSegment(primType, prim, p++, cx + lastD * ce, cy + lastD * se, cx + firstD * ce, cy + firstD * se);
    }
  }
  primStart[n] = p;
  visStart[n] = q;
  fp.primStart = primStart;
  fp.primType = primType;
  fp.prim = prim;
  const vis: VisibilityColumns = { visStart, visFrom, visTo, visKind, visNx, visNy, visC };
  fp.vis = vis;
}

/** Visible distance at angle th within interval t of the region (apex (cx, cy), radius r). */
function distanceAt(region: VisibilityRegion, t: number, th: number): number {
  const r = region.r;
  if (region.kind[t] !== VISIBILITY_LINE) return r;
  const nx = region.lineNx[t];
  const ny = region.lineNy[t];
  const h = region.lineC[t] - nx * region.px - ny * region.py;
  const d = h / (nx * Math.cos(th) + ny * Math.sin(th));
  return d > 0 && d < r ? d : r;
}

function grow(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}
