/**
 * Issue 20 (3c): `analyses.uptime` runs simulateUptime on the scenario's
 * network and reports it (results.json keys, headline, assumptions rows,
 * report charts).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, ScenarioError, buildReportHtml } from '../../src/index.js';
import { assumptionEntry } from '../../src/scenario/index.js';
import { UPTIME_DEFAULTS } from '../../src/network/index.js';

const base = { seed: 4, city: { preset: 'almaty', blockSize: 400 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }], network: { from: 'preset', name: 'almaty', camerasPerAggregation: 20, maxCamerasPerAggregation: 40 } };

describe('the uptime analysis of a scenario', () => {
  it('puts per-kind availability (closed form and simulated), per-district fully covered days and daily shares in results.json', async () => {
    const r = await runScenario({ ...base, analyses: { uptime: { days: 60 } } } as never);
    const u = r.metrics.network!.uptime!;
    expect(u.days).toBe(60);
    expect(u.daily.liveShare).toHaveLength(60);
    expect(u.districts.length).toBeGreaterThan(1);
    for (const d of u.districts) {
      expect(d.fullyCoveredDays).toBeGreaterThanOrEqual(0);
      expect(d.fullyCoveredDays).toBeLessThanOrEqual(60);
    }
    // Closed form of the cameras: MTBF/(MTBF + MTTR) with the defaults.
    expect(u.kinds.camera.expectedAvailability).toBeCloseTo(UPTIME_DEFAULTS.cameraMtbfHours / (UPTIME_DEFAULTS.cameraMtbfHours + UPTIME_DEFAULTS.cameraRepairHours), 12);
    expect(u.kinds.camera.components).toBe(1500);
    expect(r.headline.uptimeFullyCoveredDayShare).toBe(u.fullyCoveredShareMean);
    expect(r.assumptions.some((a) => a.name === 'cameraMtbfHours')).toBe(true);
    expect(JSON.parse(JSON.stringify(r)).metrics.network.uptime.kinds.power.components).toBe(u.districts.length);
    const html = buildReportHtml(r);
    expect(html).toContain('chart-uptime-districts');
    expect(html).toContain('Uptime over 60 days');
  }, 120_000);

  it('is the same run for the same seed, and an assumptions override reaches the analysis', async () => {
    const a = await runScenario({ ...base, analyses: { uptime: { days: 20 } } } as never);
    const b = await runScenario({ ...base, analyses: { uptime: { days: 20 } } } as never);
    expect(a.metrics.network!.uptime).toEqual(b.metrics.network!.uptime);
    const c = await runScenario({ ...base, analyses: { uptime: { days: 20 } }, assumptions: { cameraRepairHours: 500 } } as never);
    expect(c.metrics.network!.uptime!.cameraRepairHours).toBe(500);
    expect(assumptionEntry('cameraRepairHours').central).toBe(UPTIME_DEFAULTS.cameraRepairHours);
  }, 120_000);

  it('refuses bad uptime options at their JSON path', () => {
    expect(() => parseScenario({ ...base, analyses: { uptime: { days: 0 } } })).toThrow(ScenarioError);
    expect(() => parseScenario({ ...base, analyses: { uptime: { tolerance: 1 } } })).toThrow(/analyses\.uptime\.tolerance/);
    expect(() => parseScenario({ ...base, analyses: { uptime: { nodeRepairHours: { hub: 2 } } } })).toThrow(/analyses\.uptime\.nodeRepairHours/);
  });
});
