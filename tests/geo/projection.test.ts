import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createLocalProjection, lonLatCentre, MAX_PROJECTED_DISTANCE } from '../../src/geo/projection.js';

/** Great-circle distance on a sphere of radius 6,371,008.8 m (IUGG mean radius), an independent check within ~0.5%. */
function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const R = 6_371_008.8;
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

describe('LocalProjection.forward / inverse', () => {
  it('round-trips points and keeps distances from the centre', () => {
    const p = createLocalProjection(76.95, 43.25);
    expect(p.forward(76.95, 43.25)).toEqual([0, 0]);
    const [x, y] = p.forward(77.0, 43.3);
    const [lon, lat] = p.inverse(x, y);
    expect(lon).toBeCloseTo(77.0, 9);
    expect(lat).toBeCloseTo(43.3, 9);
    expect(Math.hypot(x, y) / haversine(76.95, 43.25, 77.0, 43.3)).toBeCloseTo(1, 2);
  });

  it('places a point on the prime meridian at the centre latitude correctly (proj4 maps it to the centre)', () => {
    // Greenwich seen from 0.5° E at the same latitude: the mirror image of 1° E, about 34.7 km west.
    const g = createLocalProjection(0.5, 51.5);
    const [x, y] = g.forward(0, 51.5);
    const [xm, ym] = g.forward(1, 51.5);
    expect(x).toBeCloseTo(-xm, 6);
    expect(y).toBeCloseTo(ym, 6);
    expect(Math.hypot(x, y) / haversine(0.5, 51.5, 0, 51.5)).toBeCloseTo(1, 2);
    // Continuous with its neighbours just off the meridian.
    expect(Math.hypot(g.forward(1e-6, 51.5)[0] - x, g.forward(1e-6, 51.5)[1] - y)).toBeLessThan(0.2);
    // A quarter of the equator west of a centre at 90° E.
    const q = createLocalProjection(90, 0);
    expect(q.forward(0, 0)[0]).toBeCloseTo(-q.forward(180 - 1e-12, 0)[0], 3);
    expect(q.forward(0, 0)[0]).toBeLessThan(-1e7);
    // The centre itself still maps to the origin.
    expect(createLocalProjection(0, 10).forward(0, 10)).toEqual([0, 0]);
  });

  it('throws a typed error for the antipode of the centre instead of returning NaN', () => {
    const p = createLocalProjection(0, 0);
    expect(() => p.forward(180, 0)).toThrow(InvalidInputError);
    expect(() => p.forward(180, 0)).toThrow(/LocalProjection\.forward: \[lon, lat\] has no finite position in the projection centred on \(0, 0\).*got \[180,0\]/);
    expect(() => p.forward(-180, 0)).toThrow(InvalidInputError);
  });

  it('rejects out-of-range and non-finite longitudes and latitudes, naming the field', () => {
    const p = createLocalProjection(0, 0);
    expect(() => p.forward(0, 100)).toThrow(/LocalProjection\.forward: lat must be a latitude in \[-90, 90\], got 100/);
    expect(() => p.forward(NaN, 0)).toThrow(/LocalProjection\.forward: lon must be a longitude in \[-180, 180\], got NaN/);
    expect(() => p.forward(200, 0)).toThrow(/LocalProjection\.forward: lon must be a longitude/);
    expect(() => p.forward(0, -Infinity)).toThrow(/lat must be a latitude/);
    expect(() => p.forward('1' as never, 0)).toThrow(InvalidInputError);
  });

  it('rejects non-finite plane coordinates and points beyond half the equator in inverse', () => {
    const p = createLocalProjection(0, 0);
    expect(() => p.inverse(NaN, 0)).toThrow(/LocalProjection\.inverse: x must be a finite number \(metres\), got NaN/);
    expect(() => p.inverse(0, Infinity)).toThrow(/LocalProjection\.inverse: y must be a finite number/);
    expect(() => p.inverse(1e9, 0)).toThrow(/LocalProjection\.inverse: \[x, y\] must lie within 20037508 m of the centre/);
    expect(MAX_PROJECTED_DISTANCE).toBeCloseTo(20_037_508.34, 1);
    // Just inside the limit still works and is finite.
    const [lon, lat] = p.inverse(1e7, 0);
    expect(Number.isFinite(lon) && Number.isFinite(lat)).toBe(true);
  });
});

describe('lonLatCentre', () => {
  it('is exactly the bounding-box centre for data that do not cross the meridian', () => {
    const pts = [76.8, 43.1, 77.1, 43.4, 76.9, 43.2];
    expect(lonLatCentre(pts)).toEqual([(76.8 + 77.1) / 2, (43.1 + 43.4) / 2]);
    expect(lonLatCentre([[10, 5]])).toEqual([10, 5]);
    expect(lonLatCentre([[-10, 0], [20, 2]])).toEqual([5, 1]);
  });

  it('centres data crossing ±180° on the meridian, not on the far side of the Earth', () => {
    const [lon, lat] = lonLatCentre([179.9, 10, -179.9, 11]);
    expect(Math.abs(Math.abs(lon) - 180)).toBeLessThan(1e-9);
    expect(lat).toBe(10.5);
    // Fiji-like spread: 177°E … 178°W; the smallest arc is 7° wide, centred on 178.5°E.
    const [lon2] = lonLatCentre([[177, -17], [179.5, -16], [-178, -18], [-179, -17]]);
    expect(lon2).toBeCloseTo(179.5, 9);
    // 170°E … 160°W: centre 175°W.
    expect(lonLatCentre([[170, 0], [-160, 0]])[0]).toBeCloseTo(-175, 9);
    // 180 and -180 are the same meridian.
    expect(lonLatCentre([[180, 0], [-180, 0]])[0]).toBe(-180);
  });

  it('gives a projection in which meridian-crossing data are finite and short', () => {
    const [lon0, lat0] = lonLatCentre([179.999, 0, -179.999, 0]);
    const p = createLocalProjection(lon0, lat0);
    const a = p.forward(179.999, 0);
    const b = p.forward(-179.999, 0);
    // 0.002° of longitude on the equator ≈ 222.6 m.
    expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeCloseTo(haversine(179.999, 0, -179.999, 0), -1);
    expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeLessThan(300);
  });

  it('throws a typed error for empty, odd-length or out-of-range input', () => {
    expect(() => lonLatCentre([])).toThrow(/lonLatCentre: positions must hold at least one position/);
    expect(() => lonLatCentre([1, 2, 3])).toThrow(/lonLatCentre: positions.length must be even/);
    expect(() => lonLatCentre([0, 100])).toThrow(/lonLatCentre: positions\[1\] must be a latitude in \[-90, 90\], got 100/);
    expect(() => lonLatCentre([[NaN, 0]])).toThrow(/lonLatCentre: positions\[0\]\[0\] must be a longitude/);
    expect(() => lonLatCentre(null as never)).toThrow(InvalidInputError);
  });
});
