/**
 * Issue 20 (3b): a scenario's `timeline` runs once per year with that
 * year's camera count; the years' cameras are nested (prefixes of one seeded
 * ordering), the city is built once, and each year's figures equal a run of
 * that year alone.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, runScenarioDetailed, ScenarioError, buildReportHtml, InvalidInputError } from '../../src/index.js';
import { cameraOrdering } from '../../src/scenario/timeline/step.js';

const base = {
  seed: 2,
  city: { preset: 'almaty', blockSize: 400 },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 3000 }],
  analyses: { coverage: {}, districts: {}, raster: { cellSize: 2000 } },
};
const timeline = {
  years: [
    { year: 2025, cameras: 2400, series: 'police-centre-connected', source: 'bestnews-2025-09-17', liveShare: 1 },
    { year: 2022, cameras: 600, series: 'police-centre-connected', source: 'kgnews-2022-01-17', liveShare: 1 },
    { year: 2024, sergekComplexes: 1341, sergekSource: 'kazlenta-2024' },
    { year: 2023, cameras: 1200, series: 'unified-system', source: 'kazinform-2026-02-07' },
  ],
};

describe('a scenario timeline', () => {
  it('orders cameras by a seeded permutation (Fisher–Yates): every id once, the same for the same seed', () => {
    const p = cameraOrdering(1000, 's');
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(cameraOrdering(1000, 's')).toEqual(p);
    expect(cameraOrdering(1000, 't')).not.toEqual(p);
  });

  it('runs each year with a camera count, nests them, builds the city once, and matches a run of each year alone', async () => {
    const run = await runScenarioDetailed({ ...base, timeline });
    const t = run.result.metrics.timeline!;
    expect(t.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(t.years.map((y) => y.run)).toEqual([true, true, false, true]);
    // The study area holds every preset camera here, so the counts are exact.
    expect(t.years.map((y) => y.camerasInStudyArea)).toEqual([600, 1200, null, 2400]);
    expect(run.cameras.numCameras).toBe(2400);
    // liveShare 1: every camera of 2022 and 2025 live; 2023 keeps the preset's flags (fewer than all).
    expect(t.years[0].liveShare).toBe(1);
    expect(t.years[3].liveShare).toBe(1);
    expect(t.years[1].liveShare!).toBeLessThan(1);
    // Nested cameras: coverage cannot fall as cameras are added.
    const cov = t.years.filter((y) => y.run).map((y) => y.coveredFraction!);
    expect(cov[0]).toBeLessThan(cov[1]);
    expect(cov[1]).toBeLessThan(cov[2]);
    // City and base cameras built once: each later year reuses both.
    expect(t.cacheHits).toBeGreaterThanOrEqual(4);
    expect(t.baseCameras).toBe(3000);
    // Different series: a warning, both series listed.
    expect(t.series.sort()).toEqual(['police-centre-connected', 'unified-system']);
    expect(run.result.warnings!.some((w) => w.includes('mixes counts of different things'))).toBe(true);
    // Sources of every count in the assumptions (and so in the bibliography).
    const cited = run.result.assumptions.flatMap((a) => a.sources ?? []);
    for (const id of ['kgnews-2022-01-17', 'kazinform-2026-02-07', 'bestnews-2025-09-17', 'kazlenta-2024']) expect(cited).toContain(id);
    // A year alone gives the same figures.
    const alone = await runScenarioDetailed({ ...base, timeline, timelineYear: 2022 });
    expect(alone.result.headline.coveredFraction).toBe(t.years[0].coveredFraction);
    expect(run.result.headline.timeline2022CoveredFraction).toBe(t.years[0].coveredFraction);
    // The 2022 cameras are among the 2023 cameras (positions).
    const y23 = await runScenarioDetailed({ ...base, timeline, timelineYear: 2023 });
    const at = (c: typeof alone.cameras) => new Set(Array.from({ length: c.numCameras }, (_, i) => `${c.x[i]},${c.y[i]},${c.heading[i]}`));
    const s22 = at(alone.cameras), s23 = at(y23.cameras);
    for (const k of s22) expect(s23.has(k)).toBe(true);
    const html = buildReportHtml(run.result);
    expect(html).toContain('chart-timeline-counts');
    expect(html).toContain('Growth over the years');
    expect(html).toContain('bestnews.kz');
  }, 300_000);

  it('refuses a count without its series or source, a repeated year, and more cameras than the base set', async () => {
    expect(() => parseScenario({ ...base, timeline: { years: [{ year: 2022, cameras: 10 }] } })).toThrow(/timeline\.years\[0\]\.series/);
    expect(() => parseScenario({ ...base, timeline: { years: [{ year: 2022, cameras: 10, series: 'unified-system' }] } })).toThrow(/timeline\.years\[0\]\.source/);
    expect(() => parseScenario({ ...base, timeline: { years: [{ year: 2022, cameras: 10, series: 'unified-system', source: 'vecher-2023' }, { year: 2022, cameras: 20, series: 'unified-system', source: 'vecher-2023' }] } })).toThrow(ScenarioError);
    expect(() => parseScenario({ ...base, timeline: { years: [{ year: 2022, cameras: 10, series: 'unified-system', source: 'no-such-source' }] } })).toThrow(/source/);
    expect(() => parseScenario({ ...base, timeline, timelineYear: 2024 })).toThrow(/timelineYear/);
    await expect(runScenario({ ...base, timeline: { years: [{ year: 2026, cameras: 5000, series: 'unified-system', source: 'kazinform-2026-02-07' }] } })).rejects.toThrow(InvalidInputError);
    await expect(runScenario({ ...base, timeline: { years: [{ year: 2026, cameras: 5000, series: 'unified-system', source: 'kazinform-2026-02-07' }] } })).rejects.toThrow(/timeline\.years\[0\]\.cameras/);
  }, 120_000);
});

describe('examples/almaty-timeline.json', () => {
  it('validates, cites a checked source for every count, and nests its live cameras (live counts never fall)', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = JSON.parse(readFileSync(new URL('../../examples/almaty-timeline.json', import.meta.url), 'utf8'));
    const spec = parseScenario(doc);
    const years = spec.timeline!.years.filter((y) => y.cameras !== undefined).sort((a, b) => a.year - b.year);
    expect(years.map((y) => y.cameras)).toEqual([11000, 18000, 53000, 65000]);
    const live = years.map((y) => Math.round((y.liveShare ?? 0) * y.cameras!));
    expect(live).toEqual([11000, 11000, 53000, 53000]);
    expect(Math.max(...years.map((y) => y.cameras!))).toBe((spec.cameras![0] as { numCameras?: number }).numCameras);
  });
});
