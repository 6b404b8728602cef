/**
 * Issue 17, friction 7, from the scenario file: `analyses.damage.areas`
 * aims damage at a circle or a polygon in lon/lat.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, ScenarioError, PRESET_PLACES } from '../../src/index.js';

const sq = PRESET_PLACES.republicSquare;
const base = { seed: 3, city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 3000 }], network: { from: 'preset', name: 'almaty', camerasPerAggregation: 8, maxCamerasPerAggregation: 16 } };

describe('aimed damage in a scenario (issue 17)', () => {
  it('a lon/lat polygon around Republic Square: every camera inside goes dark, the rest of the city keeps its cameras', async () => {
    // About 1.6 × 1.6 km around the square (0.01° of latitude is 1.11 km; of longitude at 43.2° N, 0.81 km).
    const d = 0.0072, e = 0.01;
    const polygon = [[sq.lon - e, sq.lat - d], [sq.lon + e, sq.lat - d], [sq.lon + e, sq.lat + d], [sq.lon - e, sq.lat + d]];
    const r = await runScenario({ ...base, analyses: { damage: { areas: [{ name: 'centre', polygon, cameraShare: 1 }], coverage: false } } } as never);
    const m = r.metrics.network!.damage!;
    const [a] = m.areas!;
    expect(a.name).toBe('centre');
    expect(a.camerasInside).toBeGreaterThan(0);
    expect(a.camerasHit).toBe(a.camerasInside);
    expect(m.camerasDark).toBe(a.camerasInside);
    expect(m.unitsDamaged).toBe(0);
    expect(r.assumptions.some((x) => x.topic === 'Damage area centre')).toBe(true);
  }, 120_000);

  it('outage trials aimed at a circle around the square (lon/lat): the units there fail, the rest of the city is unaffected', async () => {
    const circle = { centre: [sq.lon, sq.lat], radius: 1500 };
    const plain = await runScenario({ ...base, analyses: { outages: { trials: 50, nodeOutages: false, linkOutages: false } } } as never);
    const aimed = await runScenario({ ...base, analyses: { outages: { trials: 50, nodeOutages: false, linkOutages: false, areas: [{ name: 'centre', circle, unitShare: 1 }] } } } as never);
    const p = plain.metrics.network!.outages!;
    const a = aimed.metrics.network!.outages!;
    expect(p.liveShare.mean).toBe(p.baselineLiveShare);
    expect(a.liveShare.mean).toBeLessThan(p.liveShare.mean);
    expect(a.liveShare.sd).toBe(0); // the same units fail in every trial
    expect(a.areas).toEqual([{ name: 'centre', unitShare: 1, cameraShare: 0 }]);
    expect(p.areas).toBeUndefined();
    expect(aimed.assumptions.some((x) => x.topic === 'Outage area centre')).toBe(true);
  }, 120_000);

  it('reports a bad area at its JSON path', () => {
    const bad = (damage: unknown) => () => parseScenario({ ...base, analyses: { damage } });
    expect(bad({ areas: [{ unitShare: 1 }] })).toThrow(ScenarioError);
    expect(bad({ areas: [{ unitShare: 1 }] })).toThrow(/analyses\.damage\.areas\[0\]\.circle.*exactly one of circle and polygon/);
    expect(bad({ areas: [{ circle: { centre: [76.9, 43.2], radius: 500 }, cameraShare: 2 }] })).toThrow(/analyses\.damage\.areas\[0\]\.cameraShare/);
    expect(bad({ randomUnits: 3, totalUnits: 5 })).toThrow(/analyses\.damage\.totalUnits/);
  });
});
