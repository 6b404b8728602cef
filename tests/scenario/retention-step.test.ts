/**
 * The retention section of a scenario: policy errors at their JSON paths,
 * the analysis in results (storage, reach, history, access, comparison), and
 * retroactive identification of a crowd under a legal hold.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, ScenarioError } from '../../src/index.js';

const lon = 76.945278;
const lat = 43.238333;
const square = [[lon - 0.002, lat - 0.001], [lon + 0.002, lat - 0.001], [lon + 0.002, lat + 0.001], [lon - 0.002, lat + 0.001]];
const base = {
  seed: 3,
  city: { preset: 'almaty', blockSize: 800 },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }],
  network: { from: 'preset' },
  residents: { count: 300 },
};

function issues(s: unknown): string[] {
  try {
    parseScenario(s);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path} | ${i.expected}`);
    throw e;
  }
  return [];
}

describe('the retention section', () => {
  it('reports policy errors at their JSON path', () => {
    const c = { city: { preset: 'almaty' } };
    expect(issues({ ...c, retention: { policy: { name: 'p', rules: { city: { video: { days: -1 } } } } } })).toEqual(['retention.policy.rules.city.video.days | must be a number of days >= 0 or "forever"']);
    expect(issues({ ...c, retention: { policy: { name: 'p', rules: { city: { video: { days: 5, readers: ['mayor'] } } } } } })[0]).toMatch(/^retention\.policy\.rules\.city\.video\.readers\[0\] \| must be a known principal/);
    expect(issues({ ...c, retention: { policy: { name: 'p', tiers: ['camera', 'city'], rules: { camera: { video: { days: 5, copyTo: 'national' } } } } } })[0]).toMatch(/^retention\.policy\.rules\.camera\.video\.copyTo/);
    expect(issues({ ...c, retention: { preset: 'met-lfr', policy: { name: 'p', rules: {} } } })).toEqual(['retention.preset | give exactly one of preset or policy']);
    expect(issues({ ...c, retention: { preset: 'gdpr' } })[0]).toMatch(/^retention\.preset \| must be one of/);
    expect(issues({ ...c, retention: { preset: 'met-lfr', allowed: ['mayor'] } })[0]).toMatch(/^retention\.allowed\[0\] \| must be a principal of the policy/);
    expect(issues({ ...c, retention: { preset: 'met-lfr', legalHolds: [{ area: [0, 0, 1, 1], from: 3, to: 2, keepDays: 10 }] } })[0]).toMatch(/^retention\.legalHolds\[0\]\.to \| must be a finite number of days > from/);
    expect(issues({ ...c, retention: { preset: 'met-lfr', compareWith: { policy: { name: 'q', rules: { national: { video: { days: 1 } } } } } } })[0]).toMatch(/^retention\.compareWith\.policy\.rules\.national\.video/);
    expect(issues({ ...c, analyses: { exposure: { crowds: [{ name: 'a', polygon: square, numPeople: 10, durationS: 60, retroactive: { daysAfter: [1] } }] } } })).toEqual([
      'analyses.exposure.crowds[0].retroactive | needs the retention section',
    ]);
  });

  it('analyses the policy on the network and the residents, and compares it with a second one', async () => {
    const r = await runScenario({ ...base, retention: { preset: 'kazakhstan-90d', compareWith: { preset: 'met-lfr' } }, analyses: { exposure: { occlusion: false, threads: 1 } } });
    const m = r.metrics.retention!;
    expect(m.policy.name).toBe('kazakhstan-90d');
    expect(m.policy.reach.kinds.video).toBe(90);
    expect(m.policy.storage!.storedTB).toBeGreaterThan(0);
    expect(m.policy.history!.summary.reconstructableShare.mean).toBeGreaterThan(0);
    expect(m.policy.access!.principals.length).toBeGreaterThanOrEqual(6);
    expect(m.scale).toBeCloseTo(r.metrics.city.population / 300, 6);
    expect(m.eventsPerDay.faceCaptures + m.eventsPerDay.plateReads).toBeGreaterThan(0);
    expect(m.compared!.policy.name).toBe('met-lfr');
    const d = m.compared!.deltas as { reach: { kinds: { video: { a: number; b: number } } } };
    expect(d.reach.kinds.video.a).toBe(90);
    expect(d.reach.kinds.video.b).toBe(m.compared!.policy.reach.kinds.video);
    expect(r.headline.retentionVideoDays).toBe(90);
    expect(r.headline.retentionComparedVideoDays).toBe(m.compared!.policy.reach.kinds.video);
    expect(JSON.parse(JSON.stringify(r)).metrics.retention.policy.name).toBe('kazakhstan-90d');
  }, 120_000);

  it('identifies a crowd from the archive months later only where a legal hold kept it', async () => {
    const d = 0.004;
    // Two 360° face cameras on the square (inside the hold) and one 1 km east (outside it, seeing nothing of the square).
    const cam = (dx: number) => ({ lon: lon + dx, lat, heading: 0, fov: 360, range: 40, live: true, capabilities: ['face'], resolutionPx: 3840 });
    const r = await runScenario({
      ...base,
      cameras: [{ from: 'list', cameras: [cam(-0.001), cam(0.001), cam(0.012)] }],
      residents: undefined,
      retention: { preset: 'kazakhstan-90d', legalHolds: [{ area: [lon - d, lat - d, lon + d, lat + d], from: 0, to: 1, keepDays: 365 }] },
      analyses: { exposure: { occlusion: false, crowds: [{ name: 'Square', polygon: square, numPeople: 1000, durationS: 7200, retroactive: { start: 0.5, daysAfter: [30, 120, 400] } }] } },
    });
    const [c] = r.metrics.retention!.crowds;
    const live = r.metrics.exposure!.crowds[0];
    const [d30, d120, d400] = c.rows;
    // 30 days: the 90-day rule still keeps every recording: the archive figures of the crowd itself.
    expect(d30.byPolicy).toBe(true);
    expect(d30.identified).toBeCloseTo(live.archive.identified, 9);
    expect(d30.identifiedWithoutHolds).toBeCloseTo(live.archive.identified, 9);
    // 120 days: only the hold's cameras are left; the policy alone has nothing.
    expect(d120.byPolicy).toBe(false);
    expect(d120.identifiedWithoutHolds).toBe(0);
    expect(d120.capturedWithoutHolds).toBe(0);
    expect(d120.heldCameras).toBe(2);
    // Every camera that saw the square is held: the whole archive of the gathering can still be searched.
    expect(live.archive.captured).toBeGreaterThan(0);
    expect(d120.captured).toBeCloseTo(live.archive.captured, 9);
    expect(d120.identified).toBeCloseTo(live.archive.identified, 9);
    // 400 days: the hold (365 days) has expired too.
    expect(d400.captured).toBe(0);
    expect(d400.identified).toBe(0);
  }, 120_000);
});
