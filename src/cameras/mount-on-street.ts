/**
 * A placement step for cameras whose purpose is to see people on the street
 * (face recognition): each camera is moved to the kerb of the street nearest
 * to it and aimed along that street, so that people walking towards it face
 * it.
 *
 * Why: a face-recognition camera only identifies a person who faces it
 * (the exposure profile's `faceAngle`, 45° by default). A camera facing a
 * street square-on sees walkers side-on and identifies almost nobody; a
 * camera looking along the pavement sees the faces of everyone walking
 * towards it. Face-capture cameras are installed to look along the flow of
 * people for that reason (a modelling assumption here, with the geometry
 * below; see {@link MOUNT_ON_STREET_DEFAULTS}).
 */
import { InvalidInputError } from '../core/index.js';
import { requireFinite, requirePositive } from '../core/internal.js';
import type { Rng } from '../core/index.js';
import { buildSegmentIndex } from '../geo/index.js';
import type { StreetGraph } from '../city/index.js';
import type { CameraSet } from './camera-set.js';
import { collectStreetSegments, headingOf, optionsObject } from './placement-common.js';

/** Defaults of {@link mountOnNearestStreet}. */
export const MOUNT_ON_STREET_DEFAULTS = {
  /**
   * Assumption: the camera's pole or bracket stands 1 m beyond the edge of
   * the carriageway (on the pavement), i.e. `width / 2 + 1` m from the
   * street's centreline. Plausible range 0.5–3 m (pavement widths).
   */
  kerbOffset: 1,
  /**
   * Assumption: the camera's axis points at the street's centreline 10 m
   * ahead of the mount. With the preset face camera (60°, 3840 px) the
   * identify level (250 px/m) reaches about 13 m, so the axis crosses the
   * walking line inside the identify zone and walkers approaching from 5 to
   * 13 m away face the camera within 45°. Plausible range 5–15 m.
   */
  aimDistance: 10,
  /**
   * Cameras with no street within this many metres are left where they are
   * (and counted in `noStreetNearby`). A modelling cut-off, not a fact.
   */
  maxDistance: 500,
} as const;

/** Options of {@link mountOnNearestStreet}. */
export interface MountOnStreetOptions {
  /** Metres beyond the carriageway edge (≥ 0). Default {@link MOUNT_ON_STREET_DEFAULTS}.kerbOffset. */
  kerbOffset?: number;
  /** Metres along the street to the aim point (> 0). Default {@link MOUNT_ON_STREET_DEFAULTS}.aimDistance. */
  aimDistance?: number;
  /** Search radius in metres (> 0). Default {@link MOUNT_ON_STREET_DEFAULTS}.maxDistance. */
  maxDistance?: number;
  /** Random stream that picks which way along the street each camera looks (one draw per mounted camera). Required. */
  rng?: Rng;
}

/** What {@link mountOnNearestStreet} did. */
export interface MountOnStreetResult {
  /** Cameras moved to a kerb and aimed along the street. */
  mounted: number;
  /** Cameras with no street within `maxDistance`, left as they were. */
  noStreetNearby: number;
}

const ORIGIN = 'mountOnNearestStreet';

/**
 * Moves every camera of `set` to the kerb of its nearest street segment and
 * aims it along the street.
 *
 * For a camera at C, let F be the nearest point of the nearest segment A→B
 * (ties: lowest segment number) and n the unit normal of A→B pointing
 * towards C's side (the left side when C is on the line). The camera moves
 * to P = F + n·(width/2 + kerbOffset) and turns towards the centreline point
 * T = F + s·u·aimDistance, where u is the unit direction A→B and s = ±1 is
 * drawn from `rng` (which way it looks along the street). Its height, lens
 * and everything else are unchanged.
 *
 * Mutates `set.x`, `set.y` and `set.heading` in place.
 *
 * @param set - the cameras
 * @param streets - the street graph (node attributes x, y in metres; edge attribute width)
 * @param options - offsets and the random stream; defaults: {@link MOUNT_ON_STREET_DEFAULTS}
 * @returns how many cameras were mounted and how many had no street nearby
 * @throws {InvalidInputError} on a bad option, a missing rng, or a street with non-finite coordinates, a negative width or an unknown class
 * @example
 * const n = mountOnNearestStreet(cams, city.streets, { rng: createRng(1).stream('mount') });
 *
 * Complexity: O(E log E) to index the segments, then about O(log E + k) per camera
 * for the k segments in its search box.
 */
export function mountOnNearestStreet(set: CameraSet, streets: StreetGraph, options?: MountOnStreetOptions): MountOnStreetResult {
  return mountOnNearestStreetFor(ORIGIN, set, streets, options);
}

/** {@link mountOnNearestStreet} with the caller's name in errors. @internal */
export function mountOnNearestStreetFor(origin: string, set: CameraSet, streets: StreetGraph, options?: MountOnStreetOptions): MountOnStreetResult {
  const o = optionsObject(origin, options);
  const kerbOffset = o.kerbOffset === undefined ? MOUNT_ON_STREET_DEFAULTS.kerbOffset : requireFinite(origin, 'options.kerbOffset', o.kerbOffset);
  if (kerbOffset < 0 || kerbOffset > 1000) throw new InvalidInputError(origin, 'options.kerbOffset', 'must be a number in [0, 1000]', kerbOffset);
  const aimDistance = o.aimDistance === undefined ? MOUNT_ON_STREET_DEFAULTS.aimDistance : requirePositive(origin, 'options.aimDistance', o.aimDistance);
  if (!(aimDistance <= 1e6)) throw new InvalidInputError(origin, 'options.aimDistance', 'must be a number in (0, 1e6]', aimDistance);
  const maxDistance = o.maxDistance === undefined ? MOUNT_ON_STREET_DEFAULTS.maxDistance : requirePositive(origin, 'options.maxDistance', o.maxDistance);
  if (!(maxDistance <= 1e7)) throw new InvalidInputError(origin, 'options.maxDistance', 'must be a number in (0, 1e7]', maxDistance);
  const rng = o.rng;
  if (typeof rng !== 'object' || rng === null || typeof rng.next !== 'function') throw new InvalidInputError(origin, 'options.rng', 'must be an Rng (e.g. createRng(seed).stream(name))', rng);
  if (typeof set !== 'object' || set === null || !(set.x instanceof Float64Array)) throw new InvalidInputError(origin, 'set', 'must be a CameraSet', set);
  if (typeof streets !== 'object' || streets === null || typeof streets.forEachEdge !== 'function') throw new InvalidInputError(origin, 'streets', 'must be a street graph', streets);

  // Segments in edge order (degenerate ones dropped), with half-widths.
  const seg = collectStreetSegments(origin, { streets }, null);
  const k = seg.n;
  const segs = new Float64Array(4 * k);
  const half = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    segs[4 * i] = seg.ax[i];
    segs[4 * i + 1] = seg.ay[i];
    segs[4 * i + 2] = seg.bx[i];
    segs[4 * i + 3] = seg.by[i];
    half[i] = seg.width[i] / 2;
  }
  const n = set.numCameras;
  if (k === 0 || n === 0) return { mounted: 0, noStreetNearby: n };
  const index = buildSegmentIndex(segs)!;
  const xs = set.x, ys = set.y, hs = set.heading;
  let mounted = 0, none = 0;
  for (let c = 0; c < n; c++) {
    const x = xs[c], y = ys[c];
    // Nearest segment: search boxes of growing radius until the best exact distance is inside the box.
    let best = -1, bestD2 = Infinity, bestT = 0;
    for (let r = Math.min(50, maxDistance); ; r = Math.min(2 * r, maxDistance)) {
      const ids = index.search(x - r, y - r, x + r, y + r);
      for (let q = 0; q < ids.length; q++) {
        const i = ids[q];
        const ax = segs[4 * i], ay = segs[4 * i + 1];
        const dx = segs[4 * i + 2] - ax, dy = segs[4 * i + 3] - ay;
        const len2 = dx * dx + dy * dy;
        let t = ((x - ax) * dx + (y - ay) * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const px = ax + t * dx - x, py = ay + t * dy - y;
        const d2 = px * px + py * py;
        if (d2 < bestD2 || (d2 === bestD2 && i < best)) {
          bestD2 = d2;
          best = i;
          bestT = t;
        }
      }
      if (best >= 0 && bestD2 <= r * r) break;
      if (r >= maxDistance) break;
    }
    if (best < 0 || bestD2 > maxDistance * maxDistance) {
      none++;
      continue;
    }
    const ax = segs[4 * best], ay = segs[4 * best + 1];
    const dx = segs[4 * best + 2] - ax, dy = segs[4 * best + 3] - ay;
    const len = Math.hypot(dx, dy);
    const ux = dx / len, uy = dy / len;
    const fx = ax + bestT * dx, fy = ay + bestT * dy;
    // Left normal (−uy, ux); flip to the camera's side when it is on the right.
    const side = (x - fx) * -uy + (y - fy) * ux < 0 ? -1 : 1;
    const off = half[best] + kerbOffset;
    const px = fx - side * uy * off, py = fy + side * ux * off;
    const s = rng.next() < 0.5 ? 1 : -1;
    const tx = fx + s * ux * aimDistance, ty = fy + s * uy * aimDistance;
    xs[c] = px;
    ys[c] = py;
    hs[c] = headingOf(tx - px, ty - py);
    mounted++;
  }
  return { mounted, noStreetNearby: none };
}
