/**
 * The network steps of a scenario run: build the command network (preset
 * options, the hierarchical builder, or a GeoJSON topology), then its
 * steady-state metrics, single points of failure, Monte Carlo outages and
 * targeted damage.
 */
import { InvalidInputError } from '../../core/index.js';
import { type City } from '../../city/index.js';
import { assignCamerasToNodes, LINK_KINDS, NODE_KINDS, type CommandNetwork, buildHierarchicalNetwork, type HierarchicalNetworkOptions, almatyNetworkOptions, astanaNetworkOptions, networkFromGeoJSON, analyseNetwork, rankSinglePointsOfFailure, simulateOutages, applyTargetedDamage, createFaultScenario, evaluateFaultScenario, type DamageArea, type TrialSummary } from '../../network/index.js';
import { computeCoverage, coverageUnderFault, rankSinglePointsOfFailureByArea } from '../../coverage/index.js';
import { histogram } from '../histogram.js';
import { toMetres } from '../positions.js';
import { networkAssumptions } from './assumptions.js';
import { trialMeanInterval, trialQuantileInterval } from '../intervals.js';
import type { NetworkMetrics, TrialSummaryMetrics } from './result.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';
import type { ScenarioSpec } from '../schema.js';
import { uptimeStep } from './uptime.js';
import { nodeFs, nodePath } from '../../core/internal.js';

type NetworkSpec = NonNullable<ScenarioSpec['network']>;

/** The builder options a `preset` or `hierarchical` network section stands for. */
function builderOptions(spec: ScenarioSpec, n: Extract<NetworkSpec, { from: 'preset' | 'hierarchical' }>, city: City, ctx: ScenarioContext): HierarchicalNetworkOptions {
  const { from: _from, centres, national, seed, ...rest } = n as typeof n & { name?: string };
  delete (rest as { name?: string }).name;
  const o: HierarchicalNetworkOptions = { ...rest, seed: seed ?? ctx.rng.stream('network') };
  if (centres) o.centres = centres.map((c, i) => toMetres(city, c, `network.centres[${i}]`));
  if (national === null) o.national = null;
  else if (national !== undefined) {
    if ('lon' in national) o.nationalLonLat = [national.lon, national.lat];
    else o.national = { x: national.x, y: national.y };
  }
  if (n.from === 'hierarchical') return o;
  const name = n.name ?? ('preset' in spec.city ? spec.city.preset : 'almaty');
  const base = name === 'almaty' ? almatyNetworkOptions() : astanaNetworkOptions();
  // A position given in the scenario replaces the preset's national platform in either form.
  if (national !== undefined) delete base.nationalLonLat;
  return { ...base, ...o };
}

/** The target areas of a damage or outage analysis in the city's metres (lon/lat projected). */
function areasInMetres(city: City, areas: NonNullable<NonNullable<ScenarioSpec['analyses']['damage']>['areas']>, field: string): DamageArea[] {
  return areas.map((a, i) => {
    const at = (p: [number, number], f: string) => (a.coordinates === 'lonlat' ? toMetres(city, { lon: p[0], lat: p[1] }, `${field}[${i}].${f}`) : { x: p[0], y: p[1] });
    const shares = { unitShare: a.unitShare, cameraShare: a.cameraShare, ...(a.name !== undefined ? { name: a.name } : {}) };
    if (a.circle) return { circle: { ...at(a.circle.centre, 'circle.centre'), radius: a.circle.radius }, ...shares };
    const ring = new Float64Array(2 * a.polygon!.length);
    a.polygon!.forEach((p, j) => {
      const m = at(p, `polygon[${j}]`);
      ring[2 * j] = m.x;
      ring[2 * j + 1] = m.y;
    });
    return { polygon: { outer: ring, holes: [] }, ...shares };
  });
}

const networkStep: ScenarioStep = {
  id: 'network',
  label: 'Building the command network',
  enabled: (spec) => spec.network !== undefined,
  run(ctx: ScenarioContext) {
    const n = ctx.spec.network!;
    const city = ctx.city!;
    const cameras = ctx.cameras!;
    let network: CommandNetwork;
    let importReport: NetworkMetrics['importReport'] = null;
    const source: NetworkMetrics['source'] = { from: n.from };
    if (n.from === 'geojson') {
      if (!city.projection) throw new InvalidInputError('runScenario', 'network.file', 'needs a city with a projection (GeoJSON is lon/lat)', n.file);
      const file = nodePath.resolve(ctx.baseDir, n.file);
      source.file = n.file;
      let fc: unknown;
      try {
        fc = JSON.parse(nodeFs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new InvalidInputError('runScenario', 'network.file', `must be a readable GeoJSON file (${(e as Error).message})`, n.file);
      }
      const r = networkFromGeoJSON(fc, city.projection, { cameras, snapTolerance: n.snapTolerance, attachKinds: n.attachKinds, requireTree: n.requireTree, stream: n.stream });
      network = r.network!;
      importReport = { entries: r.report.length, sample: r.report.slice(0, 50).map((e) => ({ feature: e.index, field: e.field, message: e.reason })) };
    } else {
      if (n.from === 'preset') source.name = n.name ?? ('preset' in ctx.spec.city ? ctx.spec.city.preset : 'almaty');
      network = buildHierarchicalNetwork(cameras, city, builderOptions(ctx.spec, n, city, ctx));
    }
    // The cameras' node ids, for cameras.geojson (the one call that writes them).
    assignCamerasToNodes(cameras, network);
    ctx.network = network;
    const nodesByKind: Record<string, number> = Object.fromEntries(NODE_KINDS.map((k) => [k, 0]));
    const linksByKind: Record<string, number> = Object.fromEntries(LINK_KINDS.map((k) => [k, 0]));
    for (let i = 0; i < network.numNodes; i++) nodesByKind[NODE_KINDS[network.nodeKind[i]]]++;
    for (let l = 0; l < network.numLinks; l++) linksByKind[LINK_KINDS[network.linkKind[l]]]++;
    ctx.metrics.network = { source, numNodes: network.numNodes, numLinks: network.numLinks, nodesByKind, linksByKind, isTree: network.isTree, importReport };
    ctx.headline.networkNodes = network.numNodes;
    ctx.headline.networkLinks = network.numLinks;
    ctx.assumptions.push(...networkAssumptions(ctx.spec, source));
  },
};

const metricsStep: ScenarioStep = {
  id: 'network-metrics',
  label: 'Network: live share (connected and delivered), links, storage',
  enabled: (spec) => spec.network !== undefined && spec.analyses.network !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.network!;
    const net = ctx.network!;
    const a = analyseNetwork(net, { retentionDays: o.retentionDays, analyticsDemand: o.analyticsDemand, overloadThreshold: o.overloadThreshold });
    const topOverloaded = Array.from(a.links.overloaded.subarray(0, 10), (l) => ({
      key: net.linkKeys[l],
      kind: LINK_KINDS[net.linkKind[l]],
      mbps: a.links.mbps[l],
      capacityMbps: net.linkCapacityMbps[l],
      utilisation: a.links.utilisation[l],
      offeredMbps: a.links.offeredMbps[l],
      passedMbps: a.links.passedMbps[l],
    }));
    const byKind: Record<string, { demandTB: number; capacityTB: number; shortfallTB: number }> = {};
    for (const [k, v] of Object.entries(a.storage.byKind)) byKind[k] = { demandTB: v.demandTB, capacityTB: v.capacityTB, shortfallTB: v.shortfallTB };
    ctx.metrics.network!.steady = {
      retentionDays: o.retentionDays,
      analyticsDemand: o.analyticsDemand,
      overloadThreshold: o.overloadThreshold,
      numCameras: a.live.numCameras,
      liveCameras: a.live.liveCameras,
      liveServed: a.live.liveServed,
      liveShare: a.live.liveShare,
      deliveredStreams: a.live.deliveredStreams,
      deliveredShare: a.live.deliveredShare,
      reachedShare: a.live.reachedShare,
      analyticsStreamsDemanded: a.analytics.demand,
      analyticsServed: a.analytics.served,
      analyticsShortfall: a.analytics.shortfall,
      overloadedLinks: a.links.overloaded.length,
      maxUtilisation: a.links.maxUtilisation,
      totalLiveMbps: a.links.totalLiveMbps,
      deliveredLiveMbps: a.links.deliveredLiveMbps,
      topOverloaded,
      storage: { demandTB: a.storage.totalDemandTB, capacityTB: a.storage.totalCapacityTB, shortfallTB: a.storage.totalShortfallTB, byKind },
      latencyMs: { ...a.paths.latencyMs },
      camerasByHops: [...a.paths.camerasByHops],
    };
    Object.assign(ctx.headline, {
      networkLiveShare: a.live.liveShare,
      networkDeliveredLiveShare: a.live.deliveredShare,
      networkLiveCameras: a.live.liveCameras,
      networkAnalyticsShortfall: a.analytics.shortfall,
      networkOverloadedLinks: a.links.overloaded.length,
      networkStorageDemandTB: a.storage.totalDemandTB,
      networkLatencyP90Ms: a.paths.latencyMs.p90,
    });
  },
};

const spofStep: ScenarioStep = {
  id: 'spof',
  label: 'Network: single points of failure',
  enabled: (spec) => spec.network !== undefined && spec.analyses.spof !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.spof!;
    const net = ctx.network!;
    const spof = rankSinglePointsOfFailure(net, { top: o.top, includeLinks: o.includeLinks });
    let area: ReturnType<typeof rankSinglePointsOfFailureByArea> | null = null;
    if (o.area) {
      ctx.progress(0.3, 'area behind each failure');
      area = rankSinglePointsOfFailureByArea(net, { coverage: { city: ctx.city! }, spof, top: o.top, includeLinks: o.includeLinks });
    }
    const top = spof.top.map((r) => ({
      key: r.key,
      kind: r.kind,
      camerasCut: r.camerasCut,
      liveCut: r.liveCut,
      liveShareAfter: r.liveShareAfter,
      areaLostKm2: area ? area.nodeAreaLost[r.node] / 1e6 : null,
      areaLostShare: area ? (area.coveredArea > 0 ? area.nodeAreaLost[r.node] / area.coveredArea : 0) : null,
    }));
    const topLinks = spof.links
      ? Array.from(spof.links.ranked.subarray(0, o.top), (l) => ({ key: net.linkKeys[l], camerasCut: spof.links!.camerasCut[l], liveCut: spof.links!.liveCut[l], liveShareAfter: spof.links!.liveShareAfter[l] }))
      : [];
    ctx.metrics.network!.spof = { includeLinks: o.includeLinks, area: o.area, baselineLiveShare: spof.baseline.liveShare, top, topLinks };
    // The worst single failure short of the centre itself (a centre cuts everything by construction).
    const worst = top.find((r) => r.kind !== 'city-centre' && r.kind !== 'national') ?? top[0];
    if (worst) {
      ctx.headline.spofWorstCamerasCut = worst.camerasCut;
      ctx.headline.spofWorstLiveShareAfter = worst.liveShareAfter;
    }
  },
};

const summary = (s: TrialSummary): TrialSummaryMetrics => ({
  n: s.n,
  mean: s.mean,
  sd: s.sd,
  min: s.min,
  max: s.max,
  p05: s.p05,
  p25: s.p25,
  p50: s.p50,
  p75: s.p75,
  p95: s.p95,
  ci: { method: s.ci.method, level: s.ci.level, low: s.ci.low, high: s.ci.high },
});

const outagesStep: ScenarioStep = {
  id: 'outages',
  label: 'Network: outage trials',
  enabled: (spec) => spec.network !== undefined && spec.analyses.outages !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.outages!;
    const sim = simulateOutages(ctx.network!, {
      trials: o.trials,
      seed: ctx.rng.stream('outages'),
      nodeOutages: o.nodeOutages,
      linkOutages: o.linkOutages,
      districtBlackout: o.districtBlackout,
      cameraAvailability: o.cameraAvailability,
      ...(o.areas ? { areas: areasInMetres(ctx.city!, o.areas, 'analyses.outages.areas') } : {}),
      confidence: o.confidence,
      ci: o.ci,
    });
    ctx.metrics.network!.outages = {
      trials: o.trials,
      seed: sim.params.seed,
      nodeOutages: o.nodeOutages,
      linkOutages: o.linkOutages,
      districtBlackout: o.districtBlackout,
      cameraAvailability: o.cameraAvailability,
      baselineLiveShare: sim.baseline.liveShare,
      baselineDeliveredShare: sim.baselineDeliveredShare,
      liveShare: summary(sim.liveShare),
      deliveredShare: summary(sim.deliveredShare),
      reachedShare: summary(sim.reachedShare),
      analyticsShortfall: summary(sim.analyticsShortfall),
      blackoutTrialShare: sim.blackoutTrialShare,
      // Only with target areas, so that outages without them keep their results.json.
      ...(o.areas ? { areas: o.areas.map((a) => ({ name: a.name ?? null, unitShare: a.unitShare, cameraShare: a.cameraShare })) } : {}),
      liveShareHistogram: histogram(sim.trials!.liveShare, 30),
    };
    ctx.headline.outageLiveShareMean = sim.liveShare.mean;
    ctx.headline.outageLiveShareP05 = sim.liveShare.p05;
    ctx.headline.outageDeliveredLiveShareMean = sim.deliveredShare.mean;
    // 90 % intervals: of the means, the Monte Carlo error (the trials' spread is named in the method); of the 5th percentile, order statistics.
    const share = (x: number) => `${(100 * x).toFixed(2)}%`;
    ctx.intervals.outageLiveShareMean = trialMeanInterval(sim.liveShare, 'outage trials of the live share', share);
    ctx.intervals.outageDeliveredLiveShareMean = trialMeanInterval(sim.deliveredShare, 'outage trials of the share delivered through link capacity', share);
    if (sim.trials) ctx.intervals.outageLiveShareP05 = trialQuantileInterval(sim.liveShare.p05, sim.trials.liveShare, 0.05, 'outage trials of the live share');
  },
};

const damageStep: ScenarioStep = {
  id: 'damage',
  label: 'Network: targeted damage',
  enabled: (spec) => spec.network !== undefined && spec.analyses.damage !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.damage!;
    const net = ctx.network!;
    const city = ctx.city!;
    const areas = o.areas ? areasInMetres(city, o.areas, 'analyses.damage.areas') : undefined;
    const dmg = applyTargetedDamage(net, {
      units: o.units,
      cameras: o.cameras,
      ...(areas ? { areas } : {}),
      ...(o.totalUnits !== undefined ? { totalUnits: o.totalUnits } : { randomUnits: o.randomUnits }),
      ...(o.totalCameras !== undefined ? { totalCameras: o.totalCameras } : { randomCameras: o.randomCameras }),
      unitKinds: o.unitKinds,
      darkenUnitCameras: o.darkenUnitCameras,
      seed: ctx.rng.stream('damage'),
    });
    ctx.damage = dmg;
    const before = evaluateFaultScenario(net, createFaultScenario(net, {}));
    const after = evaluateFaultScenario(net, dmg);
    let covBefore: number | null = null;
    let covAfter: number | null = null;
    const occlusion = city.buildings.numBuildings > 0;
    if (o.coverage) {
      ctx.progress(0.2, 'coverage before and after');
      const run = ctx.metrics.coverage?.runs.find((r) => r.level === 'range' && r.occlusion === occlusion && r.availability === null);
      covBefore = run ? run.coveredFraction : computeCoverage(ctx.cameras!, { city, occlusion }).coveredFraction;
      covAfter = coverageUnderFault(net, dmg, { coverage: { city, occlusion } }).coverage.coveredFraction;
    }
    ctx.metrics.network!.damage = {
      seed: dmg.provenance.seed ?? '',
      unitsDamaged: dmg.damagedUnits.length,
      camerasDamaged: dmg.damagedCameras.length,
      camerasDark: dmg.camerasDark,
      camerasCutOff: after.camerasCutOff,
      liveShareBefore: before.live.liveShare,
      liveShareAfter: after.live.liveShare,
      deliveredShareBefore: before.deliveredShare,
      deliveredShareAfter: after.deliveredShare,
      coveredFractionBefore: covBefore,
      coveredFractionAfter: covAfter,
      occlusion,
      unitKeysSample: dmg.damagedUnitKeys.slice(0, 20),
      unitKinds: [...o.unitKinds],
      darkenUnitCameras: o.darkenUnitCameras,
      // Only with target areas, so that a damage without them keeps its results.json.
      ...(areas ? { areas: dmg.areas, randomUnitsDrawn: dmg.provenance.params.randomUnits as number, randomCamerasDrawn: dmg.provenance.params.randomCameras as number } : {}),
    };
    Object.assign(ctx.headline, { damageCamerasDark: dmg.camerasDark, damageLiveShareAfter: after.live.liveShare });
    if (covAfter !== null) ctx.headline.damageCoveredFractionAfter = covAfter;
  },
};

/** The network-layer steps, in run order. */
export const NETWORK_STEPS: readonly ScenarioStep[] = [networkStep, metricsStep, spofStep, outagesStep, damageStep, uptimeStep];
