/**
 * The presets with their network and exposure layers, reduced in size:
 * every section filled, numbers consistent with the modules run directly,
 * the same seed giving the same result, and compareScenarios covering the
 * new headline and district numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  runScenario, runScenarioDetailed, scenarioPreset, compareScenarios, createPreset, buildHierarchicalNetwork, almatyNetworkOptions, analyseNetwork,
  JANUARY_2022_DAMAGE, PRESET_PLACES,
} from '../../src/index.js';

const small = { numCameras: 2000, numResidents: 400, outageTrials: 200 };
const strip = (r: { timings: unknown }) => ({ ...r, timings: null });

describe('the almaty preset with its network and a day of trips (reduced)', () => {
  it('fills the network and exposure sections, the headline and the assumptions', async () => {
    const run = await runScenarioDetailed(scenarioPreset('almaty', small));
    const r = run.result;
    expect(r.timings.steps.map((s) => s.id)).toEqual(['city', 'cameras', 'coverage', 'streetCoverage', 'districts', 'raster', 'fullView', 'coverage-assumptions', 'network', 'network-metrics', 'spof', 'outages', 'trips', 'exposure', 'retention']);
    const n = r.metrics.network!;
    expect(n.source).toEqual({ from: 'preset', name: 'almaty' });
    expect(n.nodesByKind['district-hub']).toBe(8);
    expect(n.nodesByKind['city-centre']).toBe(1);
    expect(n.nodesByKind.national).toBe(1);
    expect(n.numLinks).toBe(n.numNodes - 1); // a tree
    // Live share = live cameras / all cameras when everything is up and analytics suffice (2,200 slots).
    expect(n.steady!.liveShare).toBeCloseTo(r.metrics.cameras.live / 2000, 12);
    expect(r.headline.networkLiveShare).toBe(n.steady!.liveShare);
    // Delivered through link capacity (fair share): the same as analyseNetwork on the run's network, never above the connected share.
    const direct = analyseNetwork(run.network!);
    expect(n.steady!.deliveredStreams).toBe(direct.live.deliveredStreams);
    expect(r.headline.networkDeliveredLiveShare).toBe(direct.live.deliveredShare);
    expect(n.steady!.deliveredShare).toBeLessThanOrEqual(n.steady!.liveShare);
    if (n.steady!.overloadedLinks === 0) expect(n.steady!.deliveredShare).toBe(n.steady!.liveShare);
    // The centre cuts every camera; the worst failure below it is a hub.
    expect(n.spof!.top[0]).toMatchObject({ kind: 'city-centre', camerasCut: 2000, liveShareAfter: 0 });
    expect(n.spof!.top.length).toBe(10);
    expect(r.headline.spofWorstCamerasCut).toBeLessThan(2000);
    const o = n.outages!;
    expect(o.trials).toBe(200);
    expect(o.liveShareHistogram.counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(o.liveShare.max).toBeLessThanOrEqual(o.baselineLiveShare + 1e-12);
    expect(o.baselineDeliveredShare).toBe(n.steady!.deliveredShare);
    expect(o.deliveredShare.mean).toBeLessThanOrEqual(o.liveShare.mean + 1e-12);
    expect(r.headline.outageDeliveredLiveShareMean).toBe(o.deliveredShare.mean);
    const e = r.metrics.exposure!;
    const p = e.population!;
    expect(p.numResidents).toBe(400);
    expect(p.histograms.sightings.counts.reduce((a, b) => a + b, 0)).toBe(400);
    expect(p.histograms.pIdentified.binEdges[0]).toBe(0);
    expect(p.histograms.pIdentified.binEdges.at(-1)).toBe(1);
    expect(p.districts.filter((d) => d.id !== null)).toHaveLength(8);
    expect(p.districts.reduce((a, d) => a + d.residents, 0)).toBe(400);
    expect(p.watchlist!.size).toBe(10_000);
    expect(p.unicity!.byK.map((b) => b.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(e.routes).toHaveLength(1);
    expect(e.routes[0]).toMatchObject({ from: 'Almaty-2 station', to: 'Republic Square' });
    expect(e.routes[0].routeKm).toBeLessThanOrEqual(e.routes[0].shortestKm * 1.25 + 1e-9);
    expect(e.routes[0].routeObservedKm).toBeLessThanOrEqual(e.routes[0].shortestObservedKm + 1e-9);
    // The reference is the least-seen of the equally short routes; the most-seen bounds the range from above.
    expect(e.routes[0].shortestObservedKmMax).toBeGreaterThanOrEqual(e.routes[0].shortestObservedKm);
    expect(e.routes[0].numShortestPaths).toBeGreaterThanOrEqual(1);
    expect(r.headline.routeAlmaty2StationToRepublicSquareShortestObservedKmMin).toBe(e.routes[0].shortestObservedKm);
    expect(r.headline.routeAlmaty2StationToRepublicSquareShortestObservedKmMax).toBe(e.routes[0].shortestObservedKmMax);
    for (const k of ['exposureSightingsMean', 'exposurePIdentifiedMean', 'watchlistTruePerDay', 'unicityK4', 'outageLiveShareMean', 'routeAlmaty2StationToRepublicSquareDetour']) expect(typeof r.headline[k], k).toBe('number');
    for (const v of Object.values(r.headline)) expect(Number.isFinite(v)).toBe(true);
    const topics = r.assumptions.map((a) => a.topic);
    for (const t of ['Police operations centres (Almaty)', 'Video bitrate', 'Recognition model', 'Walking speed', 'Unicity', 'Least-surveilled routes']) expect(topics).toContain(t);
    expect(r.assumptions.find((a) => a.topic === 'Walking speed')!.source).toMatch(/Murtagh/);
    // Cameras carry their node after the network step (cameras.geojson's nodeId).
    expect(run.cameras.nodeId[0]).toBe(run.network!.cameraNode[0]);
    expect(run.exposure!.persons.numPersons).toBe(400);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  }, 120_000);

  it('matches the network module run directly on the same cameras', async () => {
    const r = await runScenario({ seed: 3, city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }], network: { from: 'preset' }, analyses: { network: { retentionDays: 90 } } });
    const p = createPreset('almaty', { seed: 3, numCameras: 1500 });
    // Same camera mix as the scenario's preset source (the scenario seeds its sources from its own stream, so compare counts, not positions).
    expect(p.cameras.numCameras).toBe(r.metrics.cameras.numCameras);
    const a = analyseNetwork(buildHierarchicalNetwork(p.cameras, p.city, almatyNetworkOptions()), { retentionDays: 90 });
    expect(r.metrics.network!.steady!.liveCameras).toBe(a.live.liveCameras);
    expect(r.metrics.network!.numNodes).toBeGreaterThan(10);
    expect(r.metrics.network!.steady!.retentionDays).toBe(90);
  }, 60_000);
});

describe('the astana preset (reduced)', () => {
  it('builds its network with the Astana options and runs a day of trips', async () => {
    const r = await runScenario(scenarioPreset('astana', small));
    expect(r.metrics.network!.source).toEqual({ from: 'preset', name: 'astana' });
    expect(r.metrics.network!.nodesByKind['district-hub']).toBe(5);
    // Astana's analytics are sized to demand ('auto'): no shortfall.
    expect(r.metrics.network!.steady!.analyticsShortfall).toBe(0);
    expect(r.metrics.exposure!.population!.districts.filter((d) => d.id !== null)).toHaveLength(5);
    expect(r.metrics.exposure!.routes).toEqual([]);
  }, 120_000);
});

describe('the almaty-january-2022 preset (reduced)', () => {
  it('damages Sergek-sized units and cameras, and counts the crowd on Republic Square before and after', async () => {
    const spec = scenarioPreset('almaty-january-2022', { numCameras: 4000 });
    expect(spec.description).toMatch(/legal hold/);
    expect(spec.retention).toMatchObject({ preset: 'kazakhstan-90d', legalHolds: [{ id: 'january-2022', from: 0, to: 7, keepDays: 1095 }] });
    const full = scenarioPreset('almaty-january-2022');
    // Issue 17: the damage is aimed where it was reported (within 1 km of Republic Square and the akimat), the rest of the reported totals at random.
    expect(full.analyses!.damage).toMatchObject({
      totalUnits: JANUARY_2022_DAMAGE.units,
      totalCameras: JANUARY_2022_DAMAGE.cameras,
      areas: [{ name: 'Republic Square and the akimat', circle: { centre: [PRESET_PLACES.republicSquare.lon, PRESET_PLACES.republicSquare.lat], radius: 1000 }, unitShare: 1, cameraShare: 1 }],
    });
    const r = await runScenario(spec);
    const d = r.metrics.network!.damage!;
    // 766 · 4000 / 128000 = 23.9 → 24 units; 493 · 4000 / 128000 = 15.4 → 15 cameras.
    expect(d.unitsDamaged).toBe(24);
    expect(d.camerasDamaged).toBe(15);
    // Units hold at most 2 · 8 cameras: the dark cameras are the destroyed ones plus at most 16 per unit.
    expect(d.camerasDark).toBeGreaterThanOrEqual(15 + 24);
    expect(d.camerasDark).toBeLessThanOrEqual(15 + 24 * 16);
    expect(d.liveShareAfter).toBeLessThanOrEqual(d.liveShareBefore);
    expect(d.coveredFractionAfter!).toBeLessThanOrEqual(d.coveredFractionBefore!);
    expect(d.coveredFractionBefore).toBe(r.metrics.coverage!.runs[0].coveredFraction);
    const [before, after] = r.metrics.exposure!.crowds;
    expect(before.name).toBe('Republic Square');
    expect(after.afterDamage).toBe(true);
    // 580 m × 210 m = 121,800 m² (the rectangle is built from equirectangular offsets: within 0.5%).
    expect(before.size).toBeGreaterThan(121_800 * 0.995);
    expect(before.size).toBeLessThan(121_800 * 1.005);
    for (const c of [before, after]) {
      expect(c.live.captured).toBeLessThanOrEqual(c.archive.captured + 1e-9);
      expect(c.live.identified).toBeLessThanOrEqual(c.archive.identified + 1e-9);
      expect(c.archive.captured).toBeLessThanOrEqual(10_000);
    }
    expect(after.archive.captured).toBeLessThanOrEqual(before.archive.captured + 1e-9);
    // Every camera within 1 km of the square is dark, so no camera is left that sees the square.
    // (At 4,000 cameras none may see the square even before the damage, since the face cameras stand at kerbs;
    // at full scale, seed 1, 490 are captured before and 0 after — the scenarios guide's figures, not asserted here.)
    expect(before.archive.captured).toBeGreaterThanOrEqual(0);
    expect(after.archive.captured).toBe(0);
    const [area] = d.areas!;
    expect(area.camerasDarkInside).toBe(area.camerasInside);
    expect(area.unitsHit).toBe(area.unitsInside);
    expect(d.unitsDamaged).toBe(area.unitsHit + d.randomUnitsDrawn!);
    expect(r.assumptions.find((a) => a.topic === 'Damage area Republic Square and the akimat')!.source).toMatch(/Interfax/);
    expect(r.metrics.exposure!.population).toBeNull();
    expect(r.assumptions.find((a) => a.topic === 'Targeted damage')!.kind).toBe('assumption'); // scaled counts are not the sourced ones
    expect(r.assumptions.find((a) => a.topic === 'Crowd: Republic Square')!.source).toMatch(/43°14′18″ N/);
    expect(PRESET_PLACES.republicSquare).toMatchObject({ lengthM: 580, widthM: 210 });
    // Retroactive identification: at 30 days the 90-day rule keeps everything (the crowd's own archive figures);
    // at 120 days only the held square (300 m around it) is left, every camera seeing the square among them;
    // at 365 days the 3-year hold still keeps it.
    const retro = r.metrics.retention!.crowds;
    expect(retro.map((c) => c.crowd)).toEqual(['Republic Square', 'Republic Square after the damage']);
    for (const [i, c] of retro.entries()) {
      const crowd = r.metrics.exposure!.crowds[i];
      expect(c.rows.map((x) => x.daysAfter)).toEqual([30, 120, 365]);
      expect(c.rows[0].byPolicy).toBe(true);
      expect(c.rows[0].identified).toBeCloseTo(crowd.archive.identified, 9);
      for (const row of c.rows.slice(1)) {
        expect(row.byPolicy).toBe(false);
        expect(row.identifiedWithoutHolds).toBe(0);
        expect(row.identified).toBeLessThanOrEqual(crowd.archive.identified + 1e-9);
        // After the aimed damage nothing sees the square: nothing to identify, held or not.
        // (Before it, 0 too when no face camera of the reduced preset sees the square at the identify level.)
        if (crowd.afterDamage) expect(row.identified).toBe(0);
        else expect(row.identified).toBeGreaterThanOrEqual(0.5 * crowd.archive.identified);
      }
    }
  }, 120_000);
});

describe('the almaty-retention preset (reduced)', () => {
  it('compares the assumed Almaty policy with the minimal one: storage, history and the closed loop', async () => {
    const r = await runScenario(scenarioPreset('almaty-retention', { numCameras: 2000, numResidents: 400 }));
    const m = r.metrics.retention!;
    expect(m.policy.name).toBe('almaty-assumed');
    expect(m.compared!.policy.name).toBe('almaty-minimal');
    const d = m.compared!.deltas as { storage: { byKind: { video: { ratio: number } } }; reach: { kinds: { video: { a: number; b: number } } }; access: { closedLoop: { a: boolean; b: boolean } } };
    expect(d.reach.kinds.video).toMatchObject({ a: 90, b: 30 });
    // Video storage scales with the days kept at every tier that keeps it: 30 / 90.
    expect(d.storage.byKind.video.ratio).toBeCloseTo(1 / 3, 9);
    expect(d.access.closedLoop).toEqual({ a: false, b: true });
    expect(m.compared!.policy.history!.summary.reconstructableShare.mean).toBeLessThanOrEqual(m.policy.history!.summary.reconstructableShare.mean + 1e-12);
    expect(r.headline.retentionComparedClosedLoop).toBe(1);
  }, 120_000);
});

describe('determinism and comparison', () => {
  it('gives the same result for the same seed (timings aside)', async () => {
    const spec = scenarioPreset('almaty', { numCameras: 800, numResidents: 200, outageTrials: 50 });
    const a = await runScenario(spec);
    const b = await runScenario(spec);
    expect(strip(b)).toEqual(strip(a));
    const c = await runScenario({ ...spec, seed: 2 });
    expect(c.headline.exposureSightingsMean).not.toBe(a.headline.exposureSightingsMean);
  }, 120_000);

  it('compares the network and exposure numbers, headline and per district', async () => {
    const a = await runScenario(scenarioPreset('almaty', { numCameras: 800, numResidents: 200, outageTrials: 50 }));
    const b = await runScenario(scenarioPreset('almaty', { numCameras: 2400, numResidents: 200, outageTrials: 50 }));
    const d = compareScenarios(a, b);
    const keys = d.headline.map((x) => x.key);
    for (const k of ['networkLiveShare', 'networkDeliveredLiveShare', 'networkOverloadedLinks', 'outageLiveShareMean', 'spofWorstCamerasCut', 'exposureSightingsMean', 'exposurePIdentifiedMean', 'watchlistTruePerDay', 'unicityK4']) expect(keys).toContain(k);
    const s = d.headline.find((x) => x.key === 'exposureSightingsMean')!;
    expect(s.delta).toBeCloseTo(b.headline.exposureSightingsMean - a.headline.exposureSightingsMean, 12);
    expect(s.delta).toBeGreaterThan(0); // three times the cameras, the same residents and trips
    const almaly = d.districts.find((x) => x.id === 'almaly')!;
    const ex = almaly.deltas.find((x) => x.key === 'exposure.meanSightings')!;
    const rowA = a.metrics.exposure!.population!.districts.find((x) => x.id === 'almaly')!;
    const rowB = b.metrics.exposure!.population!.districts.find((x) => x.id === 'almaly')!;
    expect(ex).toEqual({ key: 'exposure.meanSightings', a: rowA.meanSightings, b: rowB.meanSightings, delta: rowB.meanSightings - rowA.meanSightings, relative: rowA.meanSightings === 0 ? null : (rowB.meanSightings - rowA.meanSightings) / Math.abs(rowA.meanSightings) });
    expect(almaly.deltas.some((x) => x.key === 'coveredFraction')).toBe(true);
  }, 120_000);
});
