import { describe, expect, it } from 'vitest';
import {
  ALMATY_CAMERA_FACTS,
  ALMATY_CAMERA_MIX,
  ASTANA_CAMERA_FACTS,
  almatyCameras,
  astanaCameraMix,
  astanaCameras,
  createPreset,
  scaleCameraMix,
  type CameraMix,
} from '../../src/cameras/presets.js';
import { CAMERA_OPERATORS, CAPABILITY_FACE, CAPABILITY_PLATE, type CameraSet } from '../../src/cameras/camera-set.js';
import { almatyCity, astanaCity } from '../../src/city/presets.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { gridCity } from './test-city.js';

const GROUPS = ['traffic', 'face', 'streetLive', 'streetRecordOnly', 'facade', 'older'] as const;
const sum = (m: CameraMix) => GROUPS.reduce((a, g) => a + m[g], 0);

/** Counts cameras by role from the columns alone. */
function tally(c: CameraSet) {
  const t = { plate: 0, face: 0, live: 0, publicLive: 0, publicRecordOnly: 0, private: 0, plateSites: new Set<string>(), lowRes: 0 };
  for (let i = 0; i < c.numCameras; i++) {
    const op = CAMERA_OPERATORS[c.operator[i]];
    if (c.capabilities[i] & CAPABILITY_PLATE) {
      t.plate++;
      t.plateSites.add(`${c.x[i]},${c.y[i]}`);
    }
    if (c.capabilities[i] & CAPABILITY_FACE) t.face++;
    if (c.live[i]) t.live++;
    if (op === 'public' && c.live[i] && c.capabilities[i] === 0) t.publicLive++;
    if (op === 'public' && !c.live[i]) t.publicRecordOnly++;
    if (op === 'private') t.private++;
    if (c.resolutionPx[i] === 1280) t.lowRes++;
  }
  return t;
}

describe('camera mixes', () => {
  it('derives the Almaty mix from the sourced figures: 128,000 cameras, 53,000 live, 57,604 in the unified system', () => {
    expect(ALMATY_CAMERA_MIX).toEqual({ traffic: 7894, trafficUnits: 1341, face: 2200, streetLive: 42906, streetRecordOnly: 4604, facade: 70396, older: 0 });
    expect(sum(ALMATY_CAMERA_MIX)).toBe(ALMATY_CAMERA_FACTS.totalCameras);
    expect(ALMATY_CAMERA_MIX.traffic + ALMATY_CAMERA_MIX.face + ALMATY_CAMERA_MIX.streetLive).toBe(ALMATY_CAMERA_FACTS.liveConnected);
    expect(sum(ALMATY_CAMERA_MIX) - ALMATY_CAMERA_MIX.facade).toBe(ALMATY_CAMERA_FACTS.unifiedSystemCameras);
  });

  it('scales a mix to an exact total, each group within one camera of its exact share', () => {
    for (const total of [0, 1, 2, 7, 100, 1000, 1280, 9999, 128_000, 200_001]) {
      const m = scaleCameraMix(ALMATY_CAMERA_MIX, total);
      expect(sum(m)).toBe(total);
      for (const g of GROUPS) expect(Math.abs(m[g] - (ALMATY_CAMERA_MIX[g] * total) / 128_000)).toBeLessThan(1);
      if (m.traffic > 0) expect(m.trafficUnits).toBeGreaterThanOrEqual(1);
      expect(m.trafficUnits).toBeLessThanOrEqual(m.traffic);
    }
    expect(scaleCameraMix(ALMATY_CAMERA_MIX, 128_000)).toEqual(ALMATY_CAMERA_MIX);
    expect(() => scaleCameraMix(ALMATY_CAMERA_MIX, -1)).toThrow(InvalidInputError);
    expect(() => scaleCameraMix(ALMATY_CAMERA_MIX, 2.5)).toThrow(/numCameras must be an integer >= 0, got 2.5/);
  });

  it('gives Astana 22,000 new public cameras, and 6,000 older ones on request', () => {
    const m = astanaCameraMix();
    expect(sum(m)).toBe(ASTANA_CAMERA_FACTS.newCameras);
    expect(m.facade).toBe(0);
    expect(m.older).toBe(0);
    const withOlder = astanaCameraMix(true);
    expect(sum(withOlder)).toBe(28_000);
    expect(withOlder.older).toBe(ASTANA_CAMERA_FACTS.olderCameras);
    expect(sum(astanaCameraMix(true, 2800))).toBe(2800);
  });
});

describe('almatyCameras on the Almaty preset city', () => {
  const city = almatyCity();
  const cams = almatyCameras(city, { seed: 1 });

  it('places exactly 128,000 cameras with the sourced mix', () => {
    expect(cams.numCameras).toBe(128_000);
    const t = tally(cams);
    expect(t.plate).toBe(7894);
    expect(t.plateSites.size).toBe(1341); // one site per Sergek-style unit
    expect(t.face).toBe(2200);
    expect(t.live).toBe(53_000);
    expect(t.publicLive).toBe(42_906);
    expect(t.publicRecordOnly).toBe(4604);
    expect(t.private).toBe(70_396);
  });

  it('puts traffic units on arterial intersections and every camera inside the city bounds', () => {
    const arterialNodes = new Set<string>();
    city.streets.forEachEdge((_e, a, _s, _t, sa, ta) => {
      if (a.streetClass === 'arterial') {
        arterialNodes.add(`${sa.x},${sa.y}`);
        arterialNodes.add(`${ta.x},${ta.y}`);
      }
    });
    const [minX, minY, maxX, maxY] = city.bounds;
    let offArterial = 0;
    let outside = 0;
    let nonFinite = 0;
    for (let i = 0; i < cams.numCameras; i++) {
      if (cams.capabilities[i] & CAPABILITY_PLATE && !arterialNodes.has(`${cams.x[i]},${cams.y[i]}`)) offArterial++;
      if (!(cams.x[i] >= minX - 50 && cams.x[i] <= maxX + 50 && cams.y[i] >= minY - 50 && cams.y[i] <= maxY + 50)) outside++;
      if (!(Number.isFinite(cams.heading[i]) && Number.isFinite(cams.range[i]) && cams.heading[i] >= 0 && cams.heading[i] < 360)) nonFinite++;
    }
    expect(offArterial).toBe(0);
    expect(outside).toBe(0);
    expect(nonFinite).toBe(0);
  });

  it('mounts the private facade cameras on building walls, looking away from the building (sample of 200)', () => {
    const { ringStart, coords, numBuildings } = city.buildings;
    const inside = (x: number, y: number) => {
      for (let b = 0; b < numBuildings; b++) {
        let inn = false;
        for (let i = ringStart[b], j = ringStart[b + 1] - 1; i < ringStart[b + 1]; j = i++) {
          const xi = coords[2 * i], yi = coords[2 * i + 1], xj = coords[2 * j], yj = coords[2 * j + 1];
          if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inn = !inn;
        }
        if (inn) return true;
      }
      return false;
    };
    let checked = 0;
    let wrong = 0;
    for (let i = 0; i < cams.numCameras && checked < 200; i += 97) {
      if (CAMERA_OPERATORS[cams.operator[i]] !== 'private') continue;
      checked++;
      const r = (cams.heading[i] * Math.PI) / 180;
      const behind = inside(cams.x[i] - Math.sin(r), cams.y[i] - Math.cos(r));
      const ahead = inside(cams.x[i] + Math.sin(r), cams.y[i] + Math.cos(r));
      if (!behind || ahead || inside(cams.x[i], cams.y[i])) wrong++;
    }
    expect(checked).toBe(200);
    expect(wrong).toBe(0);
  });

  it('is deterministic per seed', () => {
    const a = almatyCameras(city, { seed: 'x', numCameras: 3000 });
    const b = almatyCameras(city, { seed: 'x', numCameras: 3000 });
    const c = almatyCameras(city, { seed: 'y', numCameras: 3000 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.live)).toEqual(Array.from(b.live));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it('scales to numCameras exactly', () => {
    const small = almatyCameras(city, { numCameras: 1280 });
    expect(small.numCameras).toBe(1280);
    const m = scaleCameraMix(ALMATY_CAMERA_MIX, 1280);
    const t = tally(small);
    expect(t.plate).toBe(m.traffic);
    expect(t.plateSites.size).toBe(m.trafficUnits);
    expect(t.face).toBe(m.face);
    expect(t.private).toBe(m.facade);
    expect(almatyCameras(city, { numCameras: 0 }).numCameras).toBe(0);
  });
});

describe('astanaCameras', () => {
  const city = astanaCity();

  it('places the 22,000 new cameras, and 28,000 with the older ones', () => {
    const a = astanaCameras(city);
    expect(a.numCameras).toBe(22_000);
    expect(tally(a).private).toBe(0);
    const b = astanaCameras(city, { includeOlder: true });
    expect(b.numCameras).toBe(28_000);
    expect(tally(b).lowRes).toBe(6000);
  });

  it('throws on a bad includeOlder', () => {
    expect(() => astanaCameras(city, { includeOlder: 'yes' as never })).toThrow(/astanaCameras: options.includeOlder must be a boolean/);
  });
});

describe('presets on small hand-built cities', () => {
  it('falls back to any intersection when there are too few arterial ones', () => {
    const city = gridCity({ n: 6, block: 100, inset: 10, population: { cellSize: 250, cols: 2, rows: 2, values: [1, 2, 3, 4] } });
    const cams = almatyCameras(city, { numCameras: 2000 });
    expect(cams.numCameras).toBe(2000);
    expect(tally(cams).plateSites.size).toBe(scaleCameraMix(ALMATY_CAMERA_MIX, 2000).trafficUnits);
  });

  it('places face cameras uniformly over the boundary when the population is empty', () => {
    const city = gridCity({ n: 6, block: 100, inset: 10, population: { cellSize: 250, cols: 1, rows: 1, values: [0] } });
    const cams = almatyCameras(city, { numCameras: 1000 });
    expect(cams.numCameras).toBe(1000);
  });

  it('throws InvalidInputError when the city has no buildings for the facade cameras', () => {
    const city = gridCity({ n: 4, block: 100 });
    expect(() => almatyCameras(city, { numCameras: 100 })).toThrow(/almatyCameras: city.buildings must contain buildings/);
  });

  it('throws InvalidInputError on bad options', () => {
    const city = gridCity({ n: 4, block: 100, inset: 10 });
    expect(() => almatyCameras(city, { numCameras: -5 })).toThrow(/almatyCameras: numCameras must be an integer >= 0, got -5/);
    expect(() => almatyCameras(city, { seed: NaN })).toThrow(/almatyCameras: options.seed/);
    expect(() => almatyCameras(city, 'x' as never)).toThrow(/almatyCameras: options must be an object/);
    expect(() => almatyCameras(null as never)).toThrow(InvalidInputError);
    expect(() => astanaCameras(city, { numCameras: 1.5 })).toThrow(/astanaCameras: numCameras/);
  });
});

describe('createPreset', () => {
  it('builds the Almaty preset: city, 128,000 cameras, seed, description and sources', () => {
    const p = createPreset('almaty', { seed: 3 });
    expect(p.name).toBe('almaty');
    expect(p.seed).toBe(3);
    expect(p.city.name).toBe('Almaty');
    expect(p.cameras.numCameras).toBe(128_000);
    expect(p.description).toMatch(/128,000 cameras/);
    expect(p.description).toMatch(/53000 live-connected/);
    expect(p.sources.length).toBeGreaterThan(0);
    // Counts cite their publications; the ones nobody could source are called assumptions.
    expect(p.sources.join(' ')).toMatch(/bestnews\.kz.*kazlenta\.kz.*assumptions \(no source found/);
    expect(p.sources.join(' ')).not.toMatch(/DESIGN/);
  });

  it('builds a smaller Astana preset with the older cameras', () => {
    const p = createPreset('astana', { numCameras: 2800, includeOlder: true, blockSize: 300 });
    expect(p.cameras.numCameras).toBe(2800);
    expect(p.city.name).toBe('Astana');
    expect(p.description).toMatch(/older record-only/);
  });

  it('passes city overrides through and is deterministic', () => {
    const a = createPreset('almaty', { seed: 5, numCameras: 500, population: 1000, blockSize: 400 });
    const b = createPreset('almaty', { seed: 5, numCameras: 500, population: 1000, blockSize: 400 });
    expect(Math.round(a.city.population.total)).toBe(1000);
    expect(Array.from(a.cameras.x)).toEqual(Array.from(b.cameras.x));
  });

  it('throws InvalidInputError on an unknown name or bad options', () => {
    expect(() => createPreset('paris' as never)).toThrow(/createPreset: name must be "almaty" or "astana", got "paris"/);
    expect(() => createPreset('almaty', 7 as never)).toThrow(/createPreset: options must be an object/);
    expect(() => createPreset('astana', { includeOlder: 1 as never })).toThrow(/options.includeOlder must be a boolean/);
  });
});
