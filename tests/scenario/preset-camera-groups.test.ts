/**
 * Issue 17, friction 1, from the scenario file: a preset camera source takes
 * overrides per camera group. Nothing overridden reproduces the preset
 * exactly; face recognition on every new camera changes the watchlist figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astanaCameras, createPreset, CAPABILITY_FACE, parseScenario, runScenarioDetailed, InvalidInputError, ScenarioError, type CameraSet, type ScenarioResult } from '../../src/index.js';

const examples = join(__dirname, '../../examples');
const example = JSON.parse(readFileSync(join(examples, 'scenario-astana-face-everywhere.json'), 'utf8'));

/** The example at a reduced size (the same groups), for a test that runs in seconds. */
function small(groups: unknown): unknown {
  const { groups: _g, ...source } = example.cameras[0];
  return {
    ...example,
    cameras: [{ ...source, numCameras: 2800, ...(groups === undefined ? {} : { groups }) }],
    residents: { count: 1500 },
    analyses: { coverage: { levels: ['range'] }, network: {}, exposure: { watchlistSize: 10_000, sample: 0 } },
  };
}

const columns = (c: CameraSet) => ['x', 'y', 'heading', 'fov', 'range', 'height', 'tilt', 'resolutionPx', 'kind', 'capabilities', 'operator', 'live'].map((k) => Array.from((c as unknown as Record<string, ArrayLike<number>>)[k]));
/** results.json without the timings (the only part that changes between identical runs). */
const withoutTimings = (r: ScenarioResult) => JSON.stringify({ ...r, timings: undefined, inputs: undefined, run: undefined });

describe('preset camera groups in a scenario (issue 17)', () => {
  it('the example file is a valid scenario whose overrides are face recognition on the new cameras', () => {
    const s = parseScenario(example);
    expect(s.cameras![0]).toMatchObject({ from: 'preset', name: 'astana', groups: { traffic: { capabilities: ['plate', 'face'] }, street: { capabilities: ['face'] } } });
  });

  it('a scenario that overrides nothing (no groups, or empty groups) reproduces the preset byte for byte', async () => {
    const plain = await runScenarioDetailed(small(undefined) as never, { baseDir: examples });
    const empty = await runScenarioDetailed(small({}) as never, { baseDir: examples });
    const emptyGroups = await runScenarioDetailed(small({ traffic: {}, face: {}, street: {}, older: {} }) as never, { baseDir: examples });
    expect(columns(empty.cameras)).toEqual(columns(plain.cameras));
    expect(columns(emptyGroups.cameras)).toEqual(columns(plain.cameras));
    expect(withoutTimings(empty.result)).toBe(withoutTimings(plain.result));
  }, 120_000);

  it('face recognition on every new camera changes the watchlist figures', async () => {
    const plain = await runScenarioDetailed(small(undefined) as never, { baseDir: examples });
    const face = await runScenarioDetailed(small(example.cameras[0].groups) as never, { baseDir: examples });
    const h0 = plain.result.headline;
    const h1 = face.result.headline;
    // Same positions, only the capabilities differ.
    expect(Array.from(face.cameras.x)).toEqual(Array.from(plain.cameras.x));
    expect(h1.faceCameras).toBeGreaterThan(h0.faceCameras * 5);
    expect(h1.watchlistTruePerDay).toBeGreaterThan(h0.watchlistTruePerDay);
    expect(h1.watchlistFalsePerDay).toBeGreaterThan(h0.watchlistFalsePerDay);
  }, 120_000);

  it('the library preset takes the same overrides: counts, optics, range rule, live share, operator', () => {
    const p = createPreset('astana', { numCameras: 1000 });
    const base = astanaCameras(p.city, { numCameras: 1000 });
    const g = astanaCameras(p.city, {
      numCameras: 1000,
      groups: { face: { numCameras: 300, resolutionPx: 1920, fov: 30, range: 'identify', height: 2.2, liveShare: 0.5, operator: 'private' } },
    });
    const faceIds = (s: CameraSet) => Array.from({ length: s.numCameras }, (_, i) => i).filter((i) => s.capabilities[i] === CAPABILITY_FACE);
    expect(faceIds(g).length).toBe(300);
    expect(g.numCameras).toBe(base.numCameras - faceIds(base).length + 300);
    let live = 0;
    // DORI identify: 250 px/m; 1920 px over 2 · tan(15°) per metre of distance → 1920 / (2 tan 15° · 250) m.
    const identify = 1920 / (2 * Math.tan((15 * Math.PI) / 180) * 250);
    for (const i of faceIds(g)) {
      expect(g.fov[i]).toBe(30);
      expect(g.range[i]).toBeCloseTo(identify, 3);
      expect(g.height[i]).toBeCloseTo(2.2, 5);
      expect(g.operator[i]).toBe(1); // private
      live += g.live[i];
    }
    expect(live).toBe(150);
  });

  it('refuses an unknown group or field, naming it', () => {
    const p = createPreset('astana', { numCameras: 200 });
    expect(() => astanaCameras(p.city, { numCameras: 200, groups: { faces: {} } as never })).toThrow(InvalidInputError);
    expect(() => astanaCameras(p.city, { numCameras: 200, groups: { faces: {} } as never })).toThrow(/astanaCameras: unknown option `faces` in options\.groups/);
    expect(() => astanaCameras(p.city, { numCameras: 200, groups: { face: { liveShare: 2 } } })).toThrow(/options\.groups\.face\.liveShare/);
    expect(() => parseScenario({ city: { preset: 'astana' }, cameras: [{ from: 'preset', name: 'astana', groups: { street: { units: 3 } } }] })).toThrow(ScenarioError);
  });
});
