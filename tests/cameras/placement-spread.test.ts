/**
 * Issue 17, friction 2, from the user's side: a placement given fewer cameras
 * than candidate sites spreads them over the whole study area instead of
 * filling the first sites in scan order.
 */
import { describe, expect, it } from 'vitest';
import { generateGridCity, placeAlongStreets, placeAtIntersections, placeOnFacades, countIntersections, type CameraSet } from '../../src/index.js';

/** Cells of 500 m (of a 3 × 2 km city: 6 × 4 = 24) holding at least one camera; counted independently of the library. */
function cellsFilled(s: CameraSet): number {
  const filled = new Set<string>();
  for (let i = 0; i < s.numCameras; i++) filled.add(`${Math.min(5, Math.floor(s.x[i] / 500))},${Math.min(3, Math.floor(s.y[i] / 500))}`);
  return filled.size;
}

describe('placement spreads cameras over the whole study area (issue 17)', () => {
  const city = generateGridCity({ boundary: [0, 0, 3000, 2000] });

  it('60–100 cameras at intersections or along streets fill at least 20 of the 24 cells of 500 m', () => {
    for (const n of [60, 70, 80, 90, 100]) {
      for (const seed of [1, 2, 3]) {
        expect(cellsFilled(placeAtIntersections(city, { numCameras: n, seed })), `intersections, ${n} cameras, seed ${seed}`).toBeGreaterThanOrEqual(20);
        expect(cellsFilled(placeAlongStreets(city, { numCameras: n, seed })), `streets, ${n} cameras, seed ${seed}`).toBeGreaterThanOrEqual(20);
        expect(cellsFilled(placeOnFacades(city, n, { seed })), `facades, ${n} cameras, seed ${seed}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('cameras at intersections span the city north to south, not the first rows of nodes', () => {
    const s = placeAtIntersections(city, { numCameras: 100 });
    let minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < s.numCameras; i++) {
      minY = Math.min(minY, s.y[i]);
      maxY = Math.max(maxY, s.y[i]);
    }
    expect(minY).toBeLessThan(300);
    expect(maxY).toBeGreaterThan(1700);
  });

  it('with fewer cameras than intersections, each camera has its own intersection, and the seed decides which', () => {
    const k = countIntersections(city);
    expect(k).toBeGreaterThan(100);
    const a = placeAtIntersections(city, { numCameras: 100, seed: 1 });
    const sites = new Set<string>();
    for (let i = 0; i < a.numCameras; i++) sites.add(`${a.x[i]},${a.y[i]}`);
    expect(sites.size).toBe(100);
    const again = placeAtIntersections(city, { numCameras: 100, seed: 1 });
    expect(Array.from(again.x)).toEqual(Array.from(a.x));
    const other = placeAtIntersections(city, { numCameras: 100, seed: 2 });
    expect(Array.from(other.x)).not.toEqual(Array.from(a.x));
  });

  it('the intersections that get one camera more are spread too (each half of the city gets its share)', () => {
    const k = countIntersections(city);
    const s = placeAtIntersections(city, { numCameras: k + 40, heading: 'random' });
    const perSite = new Map<string, number>();
    for (let i = 0; i < s.numCameras; i++) perSite.set(`${s.x[i]},${s.y[i]}`, (perSite.get(`${s.x[i]},${s.y[i]}`) ?? 0) + 1);
    let north = 0;
    for (const [key, c] of perSite) if (c === 2 && Number(key.split(',')[1]) >= 1000) north++;
    // 40 doubled intersections, stratified over the city: about half in the northern half.
    expect(north).toBeGreaterThanOrEqual(14);
    expect(north).toBeLessThanOrEqual(26);
  });
});
