/**
 * The network section's builder options reach the builder: explicit centres
 * in lon/lat, no national platform, redundant hub uplinks; and the single
 * points of failure with the exact area behind each.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/index.js';

describe('network options and the SPOF area', () => {
  it('builds two centres at the given points without a national platform, hubs linked to both', async () => {
    const r = await runScenario({
      seed: 2,
      city: { preset: 'almaty', blockSize: 600 },
      cameras: [{ from: 'preset', name: 'almaty', numCameras: 1200 }],
      network: { from: 'hierarchical', centres: [{ lon: 76.9, lat: 43.25 }, { lon: 76.95, lat: 43.22 }], hubUplinks: 2, national: null, camerasPerAggregation: 200, maxCamerasPerAggregation: 300 },
      analyses: { network: {}, spof: { top: 5, area: true } },
    });
    const n = r.metrics.network!;
    expect(n.nodesByKind['city-centre']).toBe(2);
    expect(n.nodesByKind.national).toBe(0);
    // Each of the 8 hubs has two uplinks: not a tree.
    expect(n.isTree).toBe(false);
    expect(n.numLinks).toBe(n.nodesByKind.aggregation + 8 * 2);
    // With every hub linked to both centres, no single centre cuts a camera off.
    const top = n.spof!.top;
    expect(top.some((x) => x.kind === 'city-centre')).toBe(false);
    expect(top[0].camerasCut).toBeGreaterThan(0);
    for (const row of top) {
      expect(row.areaLostKm2).not.toBeNull();
      expect(row.areaLostShare!).toBeGreaterThanOrEqual(0);
      expect(row.areaLostShare!).toBeLessThanOrEqual(1);
    }
    expect(r.assumptions.some((a) => a.topic === 'Cameras per aggregation point' && a.value.startsWith('200'))).toBe(true);
  }, 60_000);
});
