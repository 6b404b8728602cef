/**
 * Independent oracles for coverage tests: sector polygons for
 * polygon-clipping, and brute-force depth at a point. None of this uses the
 * engine under test.
 */
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';

export interface SectorSpec {
  x: number;
  y: number;
  heading: number;
  fov: number;
  range: number;
}

/** A sector as a closed polygon ring with `perCircle` vertices per full turn (inscribed). */
export function sectorRing(s: SectorSpec, perCircle = 4096): [number, number][] {
  const mid = ((90 - s.heading) * Math.PI) / 180;
  const fov = (s.fov * Math.PI) / 180;
  const steps = Math.max(2, Math.ceil((perCircle * s.fov) / 360));
  const ring: [number, number][] = [];
  if (s.fov < 360) ring.push([s.x, s.y]);
  const n = s.fov < 360 ? steps : steps - 1;
  for (let k = 0; k <= n; k++) {
    const a = mid - fov / 2 + (fov * k) / steps;
    ring.push([s.x + s.range * Math.cos(a), s.y + s.range * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Area of a polygon-clipping MultiPolygon. */
export function multiPolygonArea(mp: MultiPolygon): number {
  let total = 0;
  for (const poly of mp) {
    poly.forEach((ring, k) => {
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      total += k === 0 ? Math.abs(s) / 2 : -Math.abs(s) / 2;
    });
  }
  return total;
}

/** Area of (union of sectors) ∩ clip, by polygon-clipping. */
export function unionAreaByClipping(sectors: SectorSpec[], clip: Polygon | MultiPolygon, perCircle = 4096): number {
  if (sectors.length === 0) return 0;
  const polys: Polygon[] = sectors.map((s) => [sectorRing(s, perCircle)]);
  const union = polygonClipping.union(polys[0], ...polys.slice(1));
  return multiPolygonArea(polygonClipping.intersection(union, clip));
}

/** Relative area deficit of an inscribed polygon with N vertices per circle: 1 − sin(2π/N)·N/(2π). */
export function inscribedDeficit(perCircle: number): number {
  return 1 - (Math.sin((2 * Math.PI) / perCircle) * perCircle) / (2 * Math.PI);
}

/** Brute-force: is (px, py) inside the closed sector? Uses atan2, unlike the engine. */
export function inSector(s: SectorSpec, px: number, py: number): boolean {
  const dx = px - s.x;
  const dy = py - s.y;
  if (dx * dx + dy * dy > s.range * s.range) return false;
  if (s.fov >= 360) return true;
  const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360; // clockwise from north
  let diff = Math.abs(bearing - (((s.heading % 360) + 360) % 360));
  if (diff > 180) diff = 360 - diff;
  return diff <= s.fov / 2;
}

/** Number of sectors containing the point. */
export function depthAt(sectors: SectorSpec[], px: number, py: number): number {
  let c = 0;
  for (const s of sectors) if (inSector(s, px, py)) c++;
  return c;
}
