import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import {
  MAX_SEGMENTS_PER_FULL_CIRCLE,
  pointInSector,
  pointInSectorFrame,
  sectorArea,
  sectorBounds,
  sectorFrame,
  sectorPerimeter,
  sectorToPolygon,
  segmentSectorFrameIntervals,
  segmentSectorIntervals,
} from '../../src/geo/sector.js';

const FOVS = [1, 30, 90, 120, 179.5, 180, 181, 200, 270, 359, 360];

/**
 * Independent oracle: compass bearing of the point from the apex (degrees
 * clockwise from north, via atan2(dx, dy)) compared with heading ± fov/2.
 * Returns null when the point is within `eps` of the boundary (undecidable
 * in floating point).
 */
function oracleInside(px: number, py: number, cx: number, cy: number, r: number, heading: number, fov: number, eps = 1e-7): boolean | null {
  const dx = px - cx;
  const dy = py - cy;
  const d = Math.hypot(dx, dy);
  if (Math.abs(d - r) < eps) return null;
  if (d > r) return false;
  if (fov === 360) return true;
  if (d < eps) return null;
  const bearing = (Math.atan2(dx, dy) * 180) / Math.PI; // clockwise from north
  let off = (((bearing - heading) % 360) + 540) % 360 - 180; // in [-180, 180)
  const edge = Math.abs(Math.abs(off) - fov / 2);
  if (edge * (Math.PI / 180) * d < eps) return null;
  if (off < -180) off += 360;
  return Math.abs(off) <= fov / 2;
}

describe('pointInSector', () => {
  test('sees a point straight ahead and not one behind', () => {
    expect(pointInSector(0, 5, 0, 0, 10, 0, 90)).toBe(true);
    expect(pointInSector(0, -5, 0, 0, 10, 0, 90)).toBe(false);
    expect(pointInSector(5, 0, 0, 0, 10, 90, 60)).toBe(true); // heading east
    expect(pointInSector(0, 11, 0, 0, 10, 0, 90)).toBe(false); // beyond the range
  });

  test('is a closed set: the apex, the arc and the edges belong to the sector', () => {
    expect(pointInSector(0, 0, 0, 0, 10, 0, 90)).toBe(true);
    expect(pointInSector(0, 10, 0, 0, 10, 0, 90)).toBe(true);
    expect(pointInSector(0, 10, 0, 0, 10, 90, 180)).toBe(true); // on the edge of a half-disc facing east
  });

  test('treats fov 360 as the whole disc', () => {
    expect(pointInSector(0, -9.9, 0, 0, 10, 0, 360)).toBe(true);
    expect(pointInSector(0, -10.1, 0, 0, 10, 0, 360)).toBe(false);
  });

  test('agrees with a bearing-based oracle on random points for many fields of view', () => {
    const rng = createRng('point-in-sector');
    let checked = 0;
    let mismatches = 0;
    for (const fov of FOVS) {
      for (let i = 0; i < 3000; i++) {
        const cx = rng.uniform(-100, 100), cy = rng.uniform(-100, 100), r = rng.uniform(1, 50), heading = rng.uniform(-720, 720);
        const px = cx + rng.uniform(-1.2, 1.2) * r, py = cy + rng.uniform(-1.2, 1.2) * r;
        const truth = oracleInside(px, py, cx, cy, r, heading, fov);
        if (truth === null) continue;
        checked++;
        if (pointInSector(px, py, cx, cy, r, heading, fov) !== truth) mismatches++;
        if (pointInSectorFrame(sectorFrame(cx, cy, r, heading, fov), px, py) !== truth) mismatches++;
      }
    }
    expect(checked).toBeGreaterThan(30000);
    expect(mismatches).toBe(0);
  });

  test('throws a typed error naming each invalid parameter', () => {
    expect(() => pointInSector(0, 0, NaN, 0, 1, 0, 90)).toThrow(/pointInSector: cx must be a finite number, got NaN/);
    expect(() => pointInSector(0, 0, 0, Infinity, 1, 0, 90)).toThrow(/cy must be a finite number, got Infinity/);
    expect(() => pointInSector(0, 0, 0, 0, 0, 0, 90)).toThrow(/r must be a finite number > 0, got 0/);
    expect(() => pointInSector(0, 0, 0, 0, 1, NaN, 90)).toThrow(/heading must be a finite number/);
    expect(() => pointInSector(0, 0, 0, 0, 1, 0, 0)).toThrow(/fov must be in \(0, 360\], got 0/);
    expect(() => pointInSector(0, 0, 0, 0, 1, 0, 400)).toThrow(InvalidInputError);
  });
});

describe('sectorFrame and pointInSectorFrame', () => {
  test('stores the edge directions of the sector', () => {
    const f = sectorFrame(1, 2, 10, 0, 90); // looking north: edges at 45° and 135°
    expect(f.ux0).toBeCloseTo(Math.SQRT1_2, 15);
    expect(f.uy0).toBeCloseTo(Math.SQRT1_2, 15);
    expect(f.ux1).toBeCloseTo(-Math.SQRT1_2, 15);
    expect(f.uy1).toBeCloseTo(Math.SQRT1_2, 15);
    expect(f.r2).toBe(100);
    expect(f.wide).toBe(false);
    expect(sectorFrame(0, 0, 1, 0, 270).wide).toBe(true);
  });

  test('gives a frame of a disc identical start and end edges', () => {
    const f = sectorFrame(0, 0, 1, 37, 360);
    expect(f.full).toBe(true);
    expect([f.ux1, f.uy1]).toEqual([f.ux0, f.uy0]);
    for (let k = 0; k < 64; k++) expect(pointInSectorFrame(f, 0.999 * Math.cos(k / 10), 0.999 * Math.sin(k / 10))).toBe(true);
  });

  test('never counts a NaN point as inside', () => {
    expect(pointInSectorFrame(sectorFrame(0, 0, 1, 0, 300), NaN, 0)).toBe(false);
  });

  test('throws for invalid parameters', () => {
    expect(() => sectorFrame(0, 0, -1, 0, 90)).toThrow(/sectorFrame: r must be a finite number > 0, got -1/);
  });
});

describe('sectorBounds', () => {
  test('includes the arc top for a camera looking north', () => {
    const b = sectorBounds(0, 0, 10, 0, 90);
    expect(b[0]).toBeCloseTo(-10 * Math.SQRT1_2, 12);
    expect(b[1]).toBe(0);
    expect(b[2]).toBeCloseTo(10 * Math.SQRT1_2, 12);
    expect(b[3]).toBe(10);
  });

  test('is the disc box for fov 360', () => {
    expect(sectorBounds(5, 5, 2, 123, 360)).toEqual([3, 3, 7, 7]);
  });

  test('is tight around dense samples of random sectors', () => {
    const rng = createRng('sector-bounds');
    for (let i = 0; i < 400; i++) {
      const cx = rng.uniform(-50, 50), cy = rng.uniform(-50, 50), r = rng.uniform(1, 30);
      const heading = rng.uniform(0, 360);
      const fov = i % 5 === 0 ? FOVS[i % FOVS.length] : rng.uniform(1, 360);
      let minX = fov === 360 ? Infinity : cx, minY = fov === 360 ? Infinity : cy, maxX = fov === 360 ? -Infinity : cx, maxY = fov === 360 ? -Infinity : cy;
      const n = 20000;
      for (let k = 0; k <= n; k++) {
        const bearing = heading - fov / 2 + (fov * k) / n; // compass degrees
        const x = cx + r * Math.sin((bearing * Math.PI) / 180);
        const y = cy + r * Math.cos((bearing * Math.PI) / 180);
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
      const b = sectorBounds(cx, cy, r, heading, fov);
      const tol = r * 1e-6; // sampling step (2π/20000)² / 2 · r ≈ 5e-8 r
      expect(b[0]).toBeLessThanOrEqual(minX + 1e-9);
      expect(b[1]).toBeLessThanOrEqual(minY + 1e-9);
      expect(b[2]).toBeGreaterThanOrEqual(maxX - 1e-9);
      expect(b[3]).toBeGreaterThanOrEqual(maxY - 1e-9);
      expect(minX - b[0]).toBeLessThan(tol);
      expect(minY - b[1]).toBeLessThan(tol);
      expect(b[2] - maxX).toBeLessThan(tol);
      expect(b[3] - maxY).toBeLessThan(tol);
    }
  });

  test('throws for invalid parameters', () => {
    expect(() => sectorBounds(0, 0, 1, 0, -5)).toThrow(/sectorBounds: fov must be in \(0, 360\], got -5/);
  });
});

describe('sectorArea and sectorPerimeter', () => {
  test('follow the closed forms fov·r²/2 and r·fov + 2r', () => {
    expect(sectorArea(10, 90)).toBeCloseTo((Math.PI / 2) * 50, 12);
    expect(sectorArea(2, 360)).toBeCloseTo(4 * Math.PI, 12);
    expect(sectorPerimeter(10, 90)).toBeCloseTo(10 * (Math.PI / 2) + 20, 12);
    expect(sectorPerimeter(10, 360)).toBeCloseTo(20 * Math.PI, 12);
  });

  test('throw for an invalid radius or fov', () => {
    expect(() => sectorArea(NaN, 90)).toThrow(/sectorArea: r must be a finite number > 0, got NaN/);
    expect(() => sectorArea(1, 361)).toThrow(/sectorArea: fov must be in \(0, 360\], got 361/);
    expect(() => sectorPerimeter(-1, 90)).toThrow(/sectorPerimeter: r must be a finite number > 0, got -1/);
    expect(() => sectorPerimeter(1, 0)).toThrow(/sectorPerimeter: fov must be in/);
  });
});

describe('sectorToPolygon', () => {
  function shoelace(ring: number[][]): number {
    let s = 0;
    for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    return s / 2;
  }

  test('returns a closed counter-clockwise ring starting at the apex', () => {
    const ring = sectorToPolygon(3, 4, 10, 45, 120, 360);
    expect(ring[0]).toEqual([3, 4]);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    expect(shoelace(ring)).toBeGreaterThan(0);
    expect(ring.length).toBe(1 + 121 + 1);
  });

  test('has the area of the inscribed polygon, n·r²·sin(2π/n)/2 per full circle', () => {
    const n = 720;
    const exact = (r: number, fov: number) => (((n * fov) / 360) * r * r * Math.sin((2 * Math.PI) / n)) / 2;
    expect(shoelace(sectorToPolygon(0, 0, 10, 0, 90, n))).toBeCloseTo(exact(10, 90), 9);
    expect(shoelace(sectorToPolygon(0, 0, 10, 77, 360, n))).toBeCloseTo(exact(10, 360), 9);
    expect(Math.abs(shoelace(sectorToPolygon(0, 0, 10, 0, 360, n)) / sectorArea(10, 360) - 1)).toBeLessThan(2e-5);
  });

  test('has every vertex inside the sector', () => {
    for (const fov of FOVS) {
      for (const [x, y] of sectorToPolygon(1, 1, 5, 33, fov, 90)) {
        expect(pointInSector(x, y, 1, 1, 5 * (1 + 1e-12), 33, Math.min(360, fov + 1e-9))).toBe(true);
      }
    }
  });

  test('throws for an invalid segment count', () => {
    expect(() => sectorToPolygon(0, 0, 1, 0, 90, 2)).toThrow(/sectorToPolygon: segmentsPerFullCircle must be an integer in \[3, 1000000\], got 2/);
    expect(() => sectorToPolygon(0, 0, 1, 0, 90, 10.5)).toThrow(InvalidInputError);
    expect(() => sectorToPolygon(0, NaN, 1, 0, 90)).toThrow(/sectorToPolygon: cy must be a finite number/);
  });

  test('refuses a segment count above MAX_SEGMENTS_PER_FULL_CIRCLE instead of hanging, and accepts the maximum', () => {
    expect(() => sectorToPolygon(0, 0, 10, 0, 90, 1e9)).toThrow(/sectorToPolygon: segmentsPerFullCircle must be an integer in \[3, 1000000\], got 1000000000/);
    expect(() => sectorToPolygon(0, 0, 10, 0, 90, MAX_SEGMENTS_PER_FULL_CIRCLE + 1)).toThrow(InvalidInputError);
    expect(() => sectorToPolygon(0, 0, 10, 0, 90, Infinity)).toThrow(InvalidInputError);
    // fov 0.5° at the maximum: ceil(1e6 · 0.5 / 360) = 1389 chords, so apex + 1390 arc points + closing point.
    expect(sectorToPolygon(0, 0, 10, 0, 0.5, MAX_SEGMENTS_PER_FULL_CIRCLE)).toHaveLength(1392);
  });
});

describe('segmentSectorIntervals', () => {
  const out = new Float64Array(4);

  test('clips a wall crossing a 90° view to the part between the edges', () => {
    expect(segmentSectorIntervals(-20, 5, 20, 5, 0, 0, 10, 0, 90, out)).toBe(1);
    expect(out[0]).toBeCloseTo(15 / 40, 14); // x = -5
    expect(out[1]).toBeCloseTo(25 / 40, 14); // x = 5
  });

  test('gives two intervals when a wide sector excludes the middle of the segment', () => {
    // fov 270 looking north excludes the 90° wedge pointing south: |x| < -y.
    expect(segmentSectorIntervals(-10, -1, 10, -1, 0, 0, 5, 0, 270, out)).toBe(2);
    const xm = Math.sqrt(24);
    expect(out[0]).toBeCloseTo((10 - xm) / 20, 14);
    expect(out[1]).toBeCloseTo(9 / 20, 14);
    expect(out[2]).toBeCloseTo(11 / 20, 14);
    expect(out[3]).toBeCloseTo((10 + xm) / 20, 14);
  });

  test('keeps a whole chord for fov 360 and nothing for a segment beyond the range', () => {
    expect(segmentSectorIntervals(-10, 0, 10, 0, 0, 0, 5, 0, 360, out)).toBe(1);
    expect([out[0], out[1]]).toEqual([0.25, 0.75]);
    expect(segmentSectorIntervals(-10, 6, 10, 6, 0, 0, 5, 0, 360, out)).toBe(0);
  });

  test('reports nothing for a segment behind the camera or touching it in a single point', () => {
    expect(segmentSectorIntervals(-10, -5, 10, -5, 0, 0, 10, 0, 90, out)).toBe(0);
    expect(segmentSectorIntervals(-5, 10, 5, 10, 0, 0, 10, 0, 90, out)).toBe(0); // tangent to the arc
  });

  test('agrees with dense point sampling on random segments and sectors', () => {
    const rng = createRng('segment-sector');
    let checked = 0;
    let mismatches = 0;
    for (let i = 0; i < 600; i++) {
      const cx = rng.uniform(-10, 10), cy = rng.uniform(-10, 10), r = rng.uniform(2, 15);
      const heading = rng.uniform(0, 360);
      const fov = FOVS[i % FOVS.length];
      const x0 = rng.uniform(-25, 25), y0 = rng.uniform(-25, 25), x1 = rng.uniform(-25, 25), y1 = rng.uniform(-25, 25);
      const n = segmentSectorIntervals(x0, y0, x1, y1, cx, cy, r, heading, fov, out);
      const fn = segmentSectorFrameIntervals(sectorFrame(cx, cy, r, heading, fov), x0, y0, x1, y1, new Float64Array(4));
      expect(fn).toBe(n);
      if (fov <= 180) expect(n).toBeLessThanOrEqual(1);
      for (let k = 0; k < n; k++) expect(out[2 * k]).toBeLessThan(out[2 * k + 1]);
      if (n === 2) expect(out[1]).toBeLessThanOrEqual(out[2]);
      for (let s = 0; s <= 500; s++) {
        const t = s / 500;
        const truth = oracleInside(x0 + t * (x1 - x0), y0 + t * (y1 - y0), cx, cy, r, heading, fov, 1e-6);
        if (truth === null) continue;
        let inside = false;
        for (let k = 0; k < n; k++) if (t >= out[2 * k] - 1e-12 && t <= out[2 * k + 1] + 1e-12) inside = true;
        checked++;
        if (inside !== truth) mismatches++;
      }
    }
    expect(checked).toBeGreaterThan(250000);
    expect(mismatches).toBe(0);
  });

  test('throws a typed error naming each invalid argument', () => {
    expect(() => segmentSectorIntervals(NaN, 0, 1, 1, 0, 0, 1, 0, 90, out)).toThrow(/segmentSectorIntervals: x0 must be a finite number, got NaN/);
    expect(() => segmentSectorIntervals(0, Infinity, 1, 1, 0, 0, 1, 0, 90, out)).toThrow(/y0 must be a finite number/);
    expect(() => segmentSectorIntervals(0, 0, NaN, 1, 0, 0, 1, 0, 90, out)).toThrow(/x1 must be a finite number/);
    expect(() => segmentSectorIntervals(0, 0, 1, NaN, 0, 0, 1, 0, 90, out)).toThrow(/y1 must be a finite number/);
    expect(() => segmentSectorIntervals(0, 0, 1, 1, 0, 0, 1, 0, 90, new Float64Array(2))).toThrow(/out must be a Float64Array of length ≥ 4/);
    expect(() => segmentSectorIntervals(0, 0, 1, 1, 0, 0, 1, 0, 0, out)).toThrow(/fov must be in \(0, 360\]/);
  });
});
