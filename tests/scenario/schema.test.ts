import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema, ScenarioError, SightlineError, type ScenarioIssue } from '../../src/index.js';

/** Parses and returns the issues of a scenario that must not validate. */
function issuesOf(json: unknown): ScenarioIssue[] {
  try {
    parseScenario(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect(e).toBeInstanceOf(SightlineError);
    return (e as ScenarioError).issues;
  }
  throw new Error('expected a ScenarioError');
}

const byPath = (issues: ScenarioIssue[]) => Object.fromEntries(issues.map((i) => [i.path, i]));

describe('parseScenario', () => {
  it('applies the defaults to a minimal scenario: seed 1, coverage, districts and raster', () => {
    const s = parseScenario({ city: { preset: 'almaty' } });
    expect(s.seed).toBe(1);
    expect(s.cameras).toBeUndefined();
    expect(s.analyses).toEqual({
      coverage: { levels: ['range'], occlusion: false },
      districts: { level: 'range', occlusion: false, streets: true },
      raster: { cellSize: 250, level: 'range' },
    });
  });

  it('accepts JSON text and returns the same spec as for the object', () => {
    const o = { seed: 'x', city: { preset: 'astana', blockSize: 300 }, cameras: [{ from: 'preset', name: 'astana', numCameras: 10, includeOlder: true }] };
    expect(parseScenario(JSON.stringify(o))).toEqual(parseScenario(o));
  });

  it('is idempotent: a validated spec validates to itself', () => {
    const s = parseScenario({ city: { preset: 'almaty' }, cameras: [{ from: 'uniform', numCameras: 5 }], analyses: { streetCoverage: {} } });
    expect(parseScenario(s)).toEqual(s);
  });

  it('lists every problem of a broken scenario, each with its path, value and expectation', () => {
    const issues = issuesOf({
      seed: true,
      city: { preset: 'paris', blockSize: -5 },
      cameras: [
        { from: 'preset', name: 'almaty', numCameras: -3 },
        { from: 'streets', cont: 4 },
        { from: 'uniform', numCameras: 2.5, fov: 400 },
        { from: 'teleport' },
        { from: 'list', cameras: [{ x: 1, y: 'a', heading: 0, fov: 90 }] },
      ],
      analyses: { coverage: { levels: [] }, raster: { cellSize: 1 }, heatmap: {} },
      extra: 1,
    });
    const p = byPath(issues);
    // Every problem, not only the first.
    expect(Object.keys(p).sort()).toEqual(
      [
        'seed',
        'city.preset',
        'city.blockSize',
        'cameras[0].numCameras',
        'cameras[1].cont',
        'cameras[2].numCameras',
        'cameras[2].fov',
        'cameras[3].from',
        'cameras[4].cameras[0].y',
        'analyses.coverage.levels',
        'analyses.raster.cellSize',
        'analyses.heatmap',
        'extra',
      ].sort(),
    );
    expect(p['city.preset']).toMatchObject({ value: 'paris', expected: 'must be one of "almaty", "astana"' });
    expect(p['city.blockSize']).toMatchObject({ value: -5, expected: 'must be > 0' });
    expect(p['cameras[0].numCameras']).toMatchObject({ value: -3, expected: 'must be >= 0' });
    expect(p['cameras[1].cont']).toMatchObject({ value: 4, expected: 'is not a known key' });
    expect(p['cameras[2].numCameras']).toMatchObject({ value: 2.5, expected: 'must be an integer' });
    expect(p['cameras[2].fov']).toMatchObject({ value: 400, expected: 'must be <= 360' });
    expect(p['cameras[3].from'].value).toBe('teleport');
    expect(p['cameras[3].from'].expected).toMatch(/^must be one of "preset", "intersections", "streets", "uniform", "population", "facades", "osm", "list"$/);
    expect(p['cameras[4].cameras[0].y']).toMatchObject({ value: 'a', expected: 'must be a number' });
    expect(p['analyses.coverage.levels']).toMatchObject({ value: [], expected: 'must have at least 1 item' });
    expect(p['analyses.raster.cellSize']).toMatchObject({ value: 1, expected: 'must be >= 10' });
    expect(p['analyses.heatmap']).toMatchObject({ value: {}, expected: 'is not a known key' });
    expect(p.extra).toMatchObject({ value: 1, expected: 'is not a known key' });
    expect(p.seed.value).toBe(true);
    // The message reads as a sentence: path, expectation, value.
    expect(p['cameras[0].numCameras'].message).toBe('cameras[0].numCameras must be >= 0, got -3');
  });

  it('names a missing required key with value undefined', () => {
    const p = byPath(issuesOf({ city: { preset: 'almaty' }, cameras: [{ from: 'uniform' }] }));
    expect(p['cameras[0].numCameras']).toMatchObject({ value: undefined, expected: 'must give numCameras (count is its deprecated name; not both)' });
    expect(byPath(issuesOf({}))['city'].value).toBeUndefined();
  });

  it('reports the branch the user meant for a city: an imported city with a bad key', () => {
    const p = byPath(issuesOf({ city: { import: { streets: 'a.osm' }, districts: 0, colour: 'red' }, cameras: [{ from: 'uniform', numCameras: 1 }] }));
    expect(Object.keys(p).sort()).toEqual(['city.colour', 'city.districts']);
    expect(p['city.districts'].value).toBe(0);
  });

  it('requires cameras for an imported city and a boundary or streets file', () => {
    expect(byPath(issuesOf({ city: { import: { streets: 's.osm' } } })).cameras.expected).toMatch(/is required when the city is imported/);
    expect(byPath(issuesOf({ city: { import: {} }, cameras: [{ from: 'uniform', numCameras: 1 }] }))['city.import'].expected).toBe('must name at least a boundary or a streets file');
  });

  it('rejects includeOlder on the almaty camera preset and a facade source with both numCameras and spacing', () => {
    expect(byPath(issuesOf({ city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', includeOlder: true }] }))['cameras[0].includeOlder'].expected).toBe('applies only to the astana preset');
    expect(byPath(issuesOf({ city: { preset: 'almaty' }, cameras: [{ from: 'facades', numCameras: 3, spacing: 10 }] }))['cameras[0].numCameras'].expected).toBe('must give exactly one of numCameras and spacing');
  });

  it('still reads count, the deprecated name of numCameras, for one release, and refuses both at once', () => {
    for (const from of ['preset', 'intersections', 'streets'] as const) {
      const source = from === 'preset' ? { from, name: 'almaty' as const } : { from };
      expect(parseScenario({ city: { preset: 'almaty' }, cameras: [{ ...source, count: 10 }] }).cameras![0]).toMatchObject({ count: 10 });
      const both = byPath(issuesOf({ city: { preset: 'almaty' }, cameras: [{ ...source, numCameras: 10, count: 10 }] }));
      expect(both['cameras[0].count']).toMatchObject({ value: 10, expected: 'is the deprecated name of numCameras: give only numCameras' });
    }
    expect(parseScenario({ city: { preset: 'almaty' }, cameras: [{ from: 'uniform', count: 5 }] }).cameras![0]).toMatchObject({ count: 5 });
    expect(byPath(issuesOf({ city: { preset: 'almaty' }, cameras: [{ from: 'population', numCameras: 5, count: 5 }] }))['cameras[0].numCameras'].expected).toBe(
      'must give numCameras (count is its deprecated name; not both)',
    );
    expect(parseScenario({ city: { preset: 'almaty' }, cameras: [{ from: 'facades', count: 3 }] }).cameras![0]).toMatchObject({ count: 3 });
  });

  it('rejects JSON text that does not parse, and a document that is not an object', () => {
    const i = issuesOf('{"city": ');
    expect(i).toHaveLength(1);
    expect(i[0].path).toBe('(root)');
    expect(i[0].expected).toMatch(/^must be valid JSON/);
    expect(issuesOf([1, 2])[0]).toMatchObject({ path: '(root)', expected: 'must be an object' });
  });

  it('lists every problem in the error message, one per line', () => {
    try {
      parseScenario({ city: { preset: 'almaty' }, a: 1, b: 2 });
    } catch (e) {
      expect((e as Error).message).toBe('parseScenario: 2 problems in the scenario:\n  - a is not a known key, got 1\n  - b is not a known key, got 2');
    }
  });
});

describe('scenarioJsonSchema', () => {
  it('describes the scenario for editors: strict objects and the camera sources', () => {
    const s = scenarioJsonSchema() as { properties: Record<string, unknown>; additionalProperties: unknown; required: string[]; title: string };
    expect(s.title).toBe('sightline scenario');
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['seed', 'city', 'cameras', 'analyses']));
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(['city']);
    const text = JSON.stringify(s);
    for (const from of ['preset', 'intersections', 'streets', 'uniform', 'population', 'facades', 'osm', 'list']) expect(text).toContain(`"const":"${from}"`);
  });
});
