import { describe, expect, it } from 'vitest';
import { GRID_CITY_OPTION_KEYS, generateGridCity } from '../../src/city/generate-grid-city.js';
import { InvalidInputError } from '../../src/core/errors.js';
import type { BuildingSet, City } from '../../src/city/city.js';
import { multiPolygonArea, pointInRing, ringSignedArea } from '../../src/geo/polygon.js';

/** Inclusive point-in-ring: inside by ray casting, or within 1e-6 m of an edge. */
function insideOrOn(x: number, y: number, ring: number[]): boolean {
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const ax = ring[2 * i], ay = ring[2 * i + 1], bx = ring[2 * j], by = ring[2 * j + 1];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if (Math.hypot(ax + t * dx - x, ay + t * dy - y) < 1e-6) return true;
  }
  return pointInRing(x, y, Float64Array.from(ring));
}

function building(b: BuildingSet, k: number): number[] {
  return Array.from(b.coords.subarray(2 * b.ringStart[k], 2 * b.ringStart[k + 1]));
}

function edgeKeysSorted(city: City): string[] {
  return city.streets.edges().sort();
}

describe('generateGridCity on a 1 km square with 100 m blocks', () => {
  const city = generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100 });

  it('has 11 × 11 = 121 intersections and 2 × 11 × 10 = 220 street segments', () => {
    expect(city.streets.order).toBe(121);
    expect(city.streets.size).toBe(220);
  });

  it('keys intersections "i,j" around the grid origin at the square centre', () => {
    expect(city.streets.getNodeAttributes('0,0')).toEqual({ x: 500, y: 500 });
    expect(city.streets.getNodeAttributes('-5,-5')).toEqual({ x: 0, y: 0 });
    expect(city.streets.getNodeAttributes('5,5')).toEqual({ x: 1000, y: 1000 });
    expect(city.streets.hasEdge('h:-5,-5')).toBe(true);
    expect(city.streets.extremities('v:-5,-5').sort()).toEqual(['-5,-4', '-5,-5']);
  });

  it('makes every segment exactly one block long, 22 km of street in all', () => {
    let total = 0;
    city.streets.forEachEdge((_e, a) => {
      expect(a.length).toBe(100);
      total += a.length;
    });
    expect(total).toBe(22000);
  });

  it('classes streets by line: line 0 arterial, lines ±4 collectors, the rest local, with the default widths', () => {
    const count: Record<string, number> = {};
    city.streets.forEachEdge((_e, a) => {
      count[a.streetClass] = (count[a.streetClass] ?? 0) + 1;
      expect(a.width).toBe({ arterial: 24, collector: 16, local: 10, footway: 3 }[a.streetClass]);
    });
    // 2 arterial lines (x = 500, y = 500) × 10 segments; 4 collector lines (x, y = 100, 900) × 10.
    expect(count).toEqual({ arterial: 20, collector: 40, local: 160 });
    expect(city.streets.getEdgeAttribute('v:0,-5', 'streetClass')).toBe('arterial');
    expect(city.streets.getEdgeAttribute('h:-5,4', 'streetClass')).toBe('collector');
  });

  it('puts one building in each of the 100 blocks, inset by half the street widths plus 2 m', () => {
    const b = city.buildings;
    expect(b.numBuildings).toBe(100);
    // Block (0..100) × (0..100): local streets left and below (5 + 2 m), collectors right and above (8 + 2 m).
    const first = building(b, 0);
    expect(first.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([7, 7, 90, 7, 90, 90, 7, 90]);
    for (let k = 0; k < b.numBuildings; k++) {
      expect(ringSignedArea(Float64Array.from(building(b, k)))).toBeGreaterThan(0);
      expect(b.height[k]).toBe(15);
    }
  });

  it('keeps buildings off the carriageway and pavement of every street', () => {
    const b = city.buildings;
    for (let k = 0; k < b.numBuildings; k++) {
      const r = building(b, k);
      const xs = [r[0], r[2], r[4], r[6]], ys = [r[1], r[3], r[5], r[7]];
      city.streets.forEachEdge((_e, a, _s, _t, sa, ta) => {
        // Distance from the building's box to this axis-parallel segment.
        const dx = Math.max(0, Math.min(sa.x, ta.x) - Math.max(...xs), Math.min(...xs) - Math.max(sa.x, ta.x));
        const dy = Math.max(0, Math.min(sa.y, ta.y) - Math.max(...ys), Math.min(...ys) - Math.max(sa.y, ta.y));
        expect(Math.hypot(dx, dy)).toBeGreaterThanOrEqual(a.width / 2 + 2 - 1e-9);
      });
    }
  });

  it('labels every part synthetic and splits the square into 4 districts of 0.25 km²', () => {
    for (const p of Object.values(city.provenance)) expect(p.kind).toBe('synthetic');
    expect(city.districts.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    for (const d of city.districts) expect(multiPolygonArea(d.area)).toBeCloseTo(250_000, 3);
    expect(city.bounds).toEqual([0, 0, 1000, 1000]);
    expect(city.projection).toBeNull();
  });

  it('gives the population default of 3,000 residents per km² when no total is given', () => {
    expect(city.population.total).toBeCloseTo(3000, 6);
  });
});

describe('generateGridCity geometry', () => {
  it('preserves every segment length under rotation, with streets along 30° and 120°', () => {
    const city = generateGridCity({ boundary: [-2000, -2000, 2000, 2000], blockSize: 150, rotation: 30 });
    expect(city.streets.size).toBeGreaterThan(1000);
    city.streets.forEachEdge((e, a, _s, _t, sa, ta) => {
      expect(a.length).toBeCloseTo(150, 9);
      expect(Math.hypot(ta.x - sa.x, ta.y - sa.y)).toBeCloseTo(150, 9);
      // Heading (clockwise from north) of the segment from source to target.
      const heading = ((Math.atan2(ta.x - sa.x, ta.y - sa.y) * 180) / Math.PI + 360) % 180;
      expect(heading).toBeCloseTo(e.startsWith('v:') ? 30 : 120, 9);
    });
  });

  it('gives the same street network for rotation 90 as for 0 on a square (up to relabelling)', () => {
    const a = generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100, buildings: false });
    const b = generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100, rotation: 90, buildings: false });
    const pts = (c: City) => c.streets.mapNodes((_k, p) => `${Math.round(p.x)},${Math.round(p.y)}`).sort();
    expect(pts(b)).toEqual(pts(a));
    expect(b.streets.size).toBe(a.streets.size);
  });

  it('clips to a triangle exactly as a brute-force point-in-polygon oracle says', () => {
    const tri = [5, 5, 995, 5, 5, 995];
    const city = generateGridCity({ boundary: [[[5, 5], [995, 5], [5, 995]]], blockSize: 100, origin: [0, 0] });
    const inside = (x: number, y: number) => insideOrOn(x, y, tri);
    let nodes = 0, edges = 0, blocks = 0;
    for (let i = 0; i <= 10; i++) {
      for (let j = 0; j <= 10; j++) {
        const x = 100 * i, y = 100 * j;
        const e1 = inside(x, y) && inside(x + 100, y);
        const e2 = inside(x, y) && inside(x, y + 100);
        edges += (e1 ? 1 : 0) + (e2 ? 1 : 0);
        const deg = [[x + 100, y], [x - 100, y], [x, y + 100], [x, y - 100]].filter(([u, v]) => inside(x, y) && inside(u, v)).length;
        if (deg > 0) nodes++;
        if (inside(x, y) && inside(x + 100, y) && inside(x + 100, y + 100) && inside(x, y + 100)) blocks++;
      }
    }
    expect(city.streets.order).toBe(nodes);
    expect(city.streets.size).toBe(edges);
    expect(city.buildings.numBuildings).toBe(blocks);
    city.streets.forEachNode((_k, p) => expect(inside(p.x, p.y)).toBe(true));
  });

  it('drops segments and blocks that cross a notch in a concave boundary even when both ends are inside', () => {
    // A square with a 60 m wide slot from the top down to y = 150, between the grid lines x = 400 and x = 500.
    const ring = [[0, 0], [1000, 0], [1000, 1000], [480, 1000], [480, 150], [420, 150], [420, 1000], [0, 1000]];
    const flat = ring.flat();
    const city = generateGridCity({ boundary: [ring], blockSize: 100, origin: [0, 0] });
    const s = city.streets;
    expect(s.hasEdge('h:4,1')).toBe(true); // y = 100, below the slot
    expect(s.hasEdge('h:4,2')).toBe(false); // y = 200 crosses the slot
    expect(s.hasEdge('h:4,9')).toBe(false);
    // Oracle: a segment is kept iff 200 sample points along it are all inside or on the boundary.
    let expected = 0;
    for (let i = 0; i <= 10; i++) {
      for (let j = 0; j <= 10; j++) {
        for (const [di, dj] of [[1, 0], [0, 1]]) {
          if (i + di > 10 || j + dj > 10) continue;
          let ok = true;
          for (let t = 0; t <= 200 && ok; t++) ok = insideOrOn(100 * (i + (di * t) / 200), 100 * (j + (dj * t) / 200), flat);
          if (ok) expected++;
        }
      }
    }
    expect(s.size).toBe(expected);
    // Every building lies inside the boundary, and none in the blocks the slot cuts.
    const b = city.buildings;
    for (let k = 0; k < b.numBuildings; k++) {
      const r = building(b, k);
      for (let p = 0; p < r.length; p += 2) expect(insideOrOn(r[p], r[p + 1], flat)).toBe(true);
      expect(r[0] > 400 && r[0] < 500 && r[1] > 100).toBe(false);
    }
    expect(b.numBuildings).toBe(100 - 9);
  });

  it('gives identical cities for the same seed and different jitter for another seed, within the jitter bound', () => {
    const opts = { boundary: [0, 0, 2000, 2000] as const, blockSize: 100, jitter: 10 };
    const a = generateGridCity({ ...opts, seed: 7 });
    const b = generateGridCity({ ...opts, seed: 7 });
    const c = generateGridCity({ ...opts, seed: 8 });
    const coords = (city: City) => city.streets.mapNodes((k, p) => `${k}:${p.x},${p.y}`).sort().join(';');
    expect(coords(b)).toBe(coords(a));
    expect(Array.from(b.buildings.coords)).toEqual(Array.from(a.buildings.coords));
    expect(coords(c)).not.toBe(coords(a));
    a.streets.forEachNode((k, p) => {
      const [i, j] = k.split(',').map(Number);
      expect(Math.abs(p.x - (1000 + 100 * i))).toBeLessThanOrEqual(10);
      expect(Math.abs(p.y - (1000 + 100 * j))).toBeLessThanOrEqual(10);
    });
    a.streets.forEachEdge((_e, attr, _s, _t, sa, ta) => expect(attr.length).toBeCloseTo(Math.hypot(ta.x - sa.x, ta.y - sa.y), 12));
  });

  it('honours street widths, setback, height and arterial spacing options', () => {
    const city = generateGridCity({
      boundary: [0, 0, 400, 400], blockSize: 100, origin: [0, 0], arterialSpacing: 2, collectorSpacing: 1,
      streetWidths: { arterial: 30, collector: 12 }, buildingSetback: 0, buildingHeight: 40,
    });
    expect(city.streets.getEdgeAttributes('v:0,0')).toMatchObject({ streetClass: 'arterial', width: 30 });
    expect(city.streets.getEdgeAttributes('v:1,0')).toMatchObject({ streetClass: 'collector', width: 12 });
    const r = building(city.buildings, 0);
    expect(r.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([15, 15, 94, 15, 94, 94, 15, 94]);
    expect(city.buildings.height[0]).toBe(40);
  });

  it('can leave buildings out and accepts named districts', () => {
    const city = generateGridCity({ boundary: [0, 0, 1000, 500], blockSize: 100, buildings: false, districts: ['West', 'East'] });
    expect(city.buildings.numBuildings).toBe(0);
    expect(city.districts.map((d) => [d.id, d.name])).toEqual([['west', 'West'], ['east', 'East']]);
  });

  it('builds an Almaty-sized grid (about 26 × 27 km, 150 m blocks) with the expected counts', () => {
    const city = generateGridCity({ boundary: [0, 0, 26100, 27000], blockSize: 150, origin: [0, 0] });
    // 175 × 181 lines: 175·180 + 181·174 segments, 174 × 180 blocks.
    expect(city.streets.order).toBe(175 * 181);
    expect(city.streets.size).toBe(175 * 180 + 181 * 174);
    expect(city.buildings.numBuildings).toBe(174 * 180);
  });
});

describe('generateGridCity errors', () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['inverted bounds', { boundary: [10, 0, 0, 10] }, /boundary must have minX < maxX/],
    ['a NaN bound', { boundary: [0, 0, NaN, 10] }, /boundary\[2\] must be a finite number, got NaN/],
    ['a zero-area polygon', { boundary: [[[0, 0], [1, 1], [2, 2]]] }, /boundary must not contain a ring of zero area/],
    ['a string boundary', { boundary: 'square' }, /boundary must be bounds/],
    ['blockSize 0', { blockSize: 0 }, /blockSize must be a finite number > 0, got 0/],
    ['NaN rotation', { rotation: NaN }, /rotation must be a finite number, got NaN/],
    ['fractional arterialSpacing', { arterialSpacing: 1.5 }, /arterialSpacing must be an integer >= 1, got 1.5/],
    ['collectorSpacing 0', { collectorSpacing: 0 }, /collectorSpacing must be an integer >= 1, got 0/],
    ['negative jitter', { jitter: -1 }, /jitter must be a finite number >= 0, got -1/],
    ['jitter of a quarter block', { jitter: 37.5 }, /jitter must be less than blockSize \/ 4 = 37.5, got 37.5/],
    ['an unknown street class width', { streetWidths: { highway: 5 } }, /streetWidths.highway is not a street class/],
    ['a negative width', { streetWidths: { local: -1 } }, /streetWidths.local must be a finite number > 0, got -1/],
    ['buildings as a string', { buildings: 'yes' }, /buildings must be a boolean, got "yes"/],
    ['negative setback', { buildingSetback: -2 }, /buildingSetback must be a finite number >= 0/],
    ['zero height', { buildingHeight: 0 }, /buildingHeight must be a finite number > 0, got 0/],
    ['negative population', { population: -5 }, /population must be a finite number >= 0, got -5/],
    ['zero densityDecay', { densityDecay: 0 }, /densityDecay must be a number > 0/],
    ['zero population cell size', { populationCellSize: 0 }, /cellSize must be a finite number > 0, got 0/],
    ['a NaN centre', { centre: [NaN, 0] }, /centre\[0\] must be a finite number, got NaN/],
    ['a NaN origin', { origin: [0, NaN] }, /origin\[1\] must be a finite number, got NaN/],
    ['zero districts', { districts: 0 }, /districts must be an integer in \[1, 10000\]/],
    ['a tiny block for a big boundary', { boundary: [0, 0, 1e6, 1e6], blockSize: 1 }, /blockSize is too small/],
    ['a bad seed', { seed: NaN, jitter: 1 }, /seed must be a string or a finite number, got NaN/],
  ];
  for (const [what, opts, msg] of bad) {
    it(`throws InvalidInputError naming the field for ${what}`, () => {
      let err: unknown;
      try {
        generateGridCity(opts as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as Error).message).toMatch(/^(generateGridCity|createRng): /);
      expect((err as Error).message).toMatch(msg);
    });
  }
});

describe('generateGridCity buildings on a jittered, rotated grid', () => {
  it('keeps every building convex, counter-clockwise and clear of every street by half its width plus the setback', () => {
    const city = generateGridCity({ boundary: [0, 0, 1500, 1500], blockSize: 100, jitter: 20, rotation: 17, seed: 'j' });
    const b = city.buildings;
    expect(b.numBuildings).toBeGreaterThan(100);
    const segs: number[][] = [];
    city.streets.forEachEdge((_e, a, _s, _t, sa, ta) => segs.push([sa.x, sa.y, ta.x, ta.y, a.width / 2 + 2]));
    let violations = 0;
    for (let k = 0; k < b.numBuildings; k++) {
      const r = building(b, k);
      for (let i = 0; i < 4; i++) {
        const [ax, ay, bx, by, cx, cy] = [r[2 * i], r[2 * i + 1], r[(2 * i + 2) % 8], r[(2 * i + 3) % 8], r[(2 * i + 4) % 8], r[(2 * i + 5) % 8]];
        if ((bx - ax) * (cy - by) - (by - ay) * (cx - bx) <= 0) violations++;
      }
      for (const [x1, y1, x2, y2, d] of segs) {
        if (Math.abs(x1 - r[0]) > 300 || Math.abs(y1 - r[1]) > 300) continue;
        for (let i = 0; i < 8; i += 2) {
          const dx = x2 - x1, dy = y2 - y1;
          const t = Math.max(0, Math.min(1, ((r[i] - x1) * dx + (r[i + 1] - y1) * dy) / (dx * dx + dy * dy)));
          if (Math.hypot(x1 + t * dx - r[i], y1 + t * dy - r[i + 1]) < d - 1e-6) violations++;
        }
        // No street end lies inside the building.
        if (pointInRing(x1, y1, Float64Array.from(r))) violations++;
      }
    }
    expect(violations).toBe(0);
  });

  it('rejects a projection that is not a LocalProjection', () => {
    expect(() => generateGridCity({ projection: {} as never })).toThrow(/generateGridCity: projection must be a LocalProjection or null/);
  });
});

describe('generateGridCity refuses options that would give an empty or misspelt city', () => {
  function error(opts: unknown): InvalidInputError {
    try {
      generateGridCity(opts as never);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      return e as InvalidInputError;
    }
    throw new Error('expected an InvalidInputError');
  }

  it('throws for an unknown option key, naming it with the nearest known one, or listing the known ones', () => {
    const e = error({ blocksize: 50 });
    expect(e.field).toBe('options.blocksize');
    expect(e.value).toBe(50);
    expect(e.message).toBe('generateGridCity: unknown option `blocksize`; did you mean `blockSize`?');
    const far = error({ zzz: 1 });
    expect(far.message).toMatch(/^generateGridCity: unknown option `zzz`; known options: boundary, blockSize, .*provenance$/);
    for (const k of GRID_CITY_OPTION_KEYS) expect(far.message).toContain(k);
  });

  it('throws when the block is larger than the city so no street remains', () => {
    const e = error({ blockSize: 1e9 });
    expect(e.field).toBe('blockSize');
    expect(e.message).toMatch(/^generateGridCity: blockSize leaves no street segment wholly inside the boundary \(its bounding box is 3000 × 3000 m\).*got 1000000000$/);
    expect(error({ boundary: [0, 0, 100, 100], blockSize: 150 }).field).toBe('blockSize');
    // One block that fits still works.
    expect(generateGridCity({ boundary: [0, 0, 100, 100], blockSize: 50, origin: [0, 0] }).streets.size).toBeGreaterThan(0);
  });

  it('throws naming streetWidths when streets are at least as wide as a block', () => {
    const e = error({ blockSize: 100, streetWidths: { local: 500, collector: 500, arterial: 500 } });
    expect(e.field).toBe('streetWidths.arterial');
    expect(e.message).toMatch(/streetWidths\.arterial is at least blockSize \(100 m\), so no block has room for a building \(or pass buildings: false\), got 500/);
    // Only the narrowest class present counts: wide arterials alone leave room between local streets.
    expect(generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100, streetWidths: { arterial: 150 } }).buildings.numBuildings).toBeGreaterThan(0);
    // Without buildings the widths are accepted.
    expect(generateGridCity({ blockSize: 100, streetWidths: { local: 500, collector: 500, arterial: 500 }, buildings: false }).streets.size).toBeGreaterThan(0);
  });

  it('throws naming buildingSetback when the setback fills the block, alone or with the street width', () => {
    const e = error({ buildingSetback: 1000 });
    expect(e.field).toBe('buildingSetback');
    expect(e.message).toMatch(/buildingSetback leaves no room for a building: 2 × setback must be less than blockSize \(150 m\)/);
    // Default widths: local 10 m (STREET_WIDTHS); 150 − 10 − 2·70 = 0 leaves no room, 69.9 leaves 0.2 m between local streets.
    const f = error({ buildingSetback: 70 });
    expect(f.field).toBe('buildingSetback');
    expect(f.message).toMatch(/with streetWidths\.local = 10 m/);
    expect(generateGridCity({ boundary: [0, 0, 600, 600], buildingSetback: 69.9 }).buildings.numBuildings).toBeGreaterThan(0);
    expect(generateGridCity({ boundary: [0, 0, 600, 600], buildingSetback: 1000, buildings: false }).buildings.numBuildings).toBe(0);
  });
});
