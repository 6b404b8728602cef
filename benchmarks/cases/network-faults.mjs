// Command-network faults on the Almaty preset: Monte Carlo outage trials, single points of failure
// (with the exact covered area each one takes out), and coverage under the January 2022 damage scenario.
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'network-outages-almaty', tags: ['network', 'faults', 'almaty'], target: { seconds: 5, label: '1,000 outage trials of live share ≤ 5 s' } },
  { name: 'network-spof-almaty', tags: ['network', 'faults', 'almaty', 'coverage'], target: { seconds: 2, label: 'single-point-of-failure ranking of every node (cameras and covered area) ≤ 2 s' } },
  { name: 'network-damage-coverage-almaty', tags: ['network', 'faults', 'almaty', 'coverage'] },
  { name: 'network-uptime-almaty', tags: ['network', 'faults', 'almaty'] },
];

export const method = `**Network faults.** On the Almaty preset (\`createPreset('almaty', { seed: 1 })\`) and its network (\`buildHierarchicalNetwork(cameras, city, almatyNetworkOptions())\`: 2,048 aggregation points, 8 hubs, 1 centre, 1 national platform; built once, not timed). \`network-outages-almaty\`: \`simulateOutages(network, { trials: 1000, seed: 1, districtBlackout: 0.01 })\` — independent node and link outages from the builder's availabilities, a 1% blackout chance per district per trial, live share per trial, summaries with normal-approximation CIs; 1 warm-up, 5 timed runs. \`network-spof-almaty\`: \`rankSinglePointsOfFailure(network)\` (every node and every link) followed by \`rankSinglePointsOfFailureByArea(network, { coverage: { city }, spof })\` (exact covered area lost for every node and link, one full coverage plus subset unions); 1 warm-up, 3 timed runs. \`network-damage-coverage-almaty\`: \`coverageUnderFault(network, applyTargetedDamage(network, { randomUnits: 766, randomCameras: 493, seed: 2022 }), { coverage: { city } })\` (scenario made once; the time includes selecting the surviving cameras) against \`computeCoverage(cameras, { city })\` on all 128,000 cameras in the same process, run before and after (the ratio uses their mean); 1 warm-up, 5 timed runs each. Target: no slower than one computeCoverage plus 20% (ratio ≤ 1.2). \`network-uptime-almaty\`: \`simulateUptime(network, { days: 365, seed: 1 })\` — 128,000 cameras, 2,058 nodes, 2,057 links and 8 district power supplies as alternating renewal processes over a year (default rates), one routing per node/link/power change; 1 warm-up, 3 timed runs.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createPreset', 'buildHierarchicalNetwork', 'almatyNetworkOptions', 'simulateOutages', 'rankSinglePointsOfFailure', 'rankSinglePointsOfFailureByArea', 'applyTargetedDamage', 'coverageUnderFault', 'computeCoverage']) {
    if (typeof pkg[f] !== 'function') return skipped(name, f);
  }
  const preset = pkg.createPreset('almaty', { seed });
  const net = pkg.buildHierarchicalNetwork(preset.cameras, preset.city, pkg.almatyNetworkOptions());
  const pct = (x) => `${(100 * x).toFixed(2)}%`;

  if (name === 'network-outages-almaty') {
    const r = bench(name, () => pkg.simulateOutages(net, { trials: 1000, seed, districtBlackout: 0.01 }), { warmup: 1, repeats: 5 });
    const s = r.last;
    return {
      ...timing(r),
      liveShareMean: s.liveShare.mean,
      details: `baseline live share ${pct(s.baseline.liveShare)}; over 1,000 trials mean ${pct(s.liveShare.mean)} (95% CI ${pct(s.liveShare.ci.low)}–${pct(s.liveShare.ci.high)}), 5th percentile ${pct(s.liveShare.p05)}, minimum ${pct(s.liveShare.min)}; ${pct(s.blackoutTrialShare)} of trials had a district blackout.`,
    };
  }
  if (name === 'network-spof-almaty') {
    const both = () => {
      const spof = pkg.rankSinglePointsOfFailure(net);
      return pkg.rankSinglePointsOfFailureByArea(net, { coverage: { city: preset.city }, spof });
    };
    const r = bench(name, both, { warmup: 1, repeats: 3 });
    const a = r.last;
    const rows = a.top.slice(1, 4).map((t) => `${t.key} ${t.camerasCut.toLocaleString('en')} cameras / ${(t.areaLost / 1e6).toFixed(1)} km²`).join(', ');
    const agg = a.top.find((t) => t.kind === 'aggregation');
    return {
      ...timing(r),
      work: a.work,
      details: `${net.numNodes.toLocaleString('en')} nodes and ${net.numLinks.toLocaleString('en')} links ranked; ${a.params.distinctCameraSets.toLocaleString('en')} distinct cut sets, ${a.work.calls.toLocaleString('en')} subset unions over ${a.work.footprints.toLocaleString('en')} footprints. Worst: the centre (all cameras, ${(a.coveredArea / 1e6).toFixed(1)} km²), then ${rows}${agg ? `; worst aggregation point ${agg.key}: ${agg.camerasCut} cameras, ${(agg.areaLost / 1e4).toFixed(1)} ha` : ''}.`,
    };
  }
  if (name === 'network-damage-coverage-almaty') {
    const scenario = pkg.applyTargetedDamage(net, { randomUnits: 766, randomCameras: 493, seed: 2022 });
    const opts = { coverage: { city: preset.city } };
    const full1 = bench(`${name}/computeCoverage`, () => pkg.computeCoverage(preset.cameras, { city: preset.city }), { warmup: 1, repeats: 5 });
    const r = bench(name, () => pkg.coverageUnderFault(net, scenario, opts), { warmup: 1, repeats: 5 });
    const full2 = bench(`${name}/computeCoverage`, () => pkg.computeCoverage(preset.cameras, { city: preset.city }), { warmup: 0, repeats: 5 });
    const base = (full1.median + full2.median) / 2;
    const ratio = r.median / base;
    const c = r.last;
    if (typeof pkg.terminateCoverageWorkers === 'function') await pkg.terminateCoverageWorkers();
    return {
      ...timing(r),
      computeCoverageMedian: base,
      ratio,
      details: `January 2022 counts: 766 aggregation points and 493 cameras destroyed → ${scenario.camerasDark.toLocaleString('en')} cameras dark, coverage ${pct(c.coverage.coveredFraction)} (all up: ${pct(full2.last.coveredFraction)}). Median ${r.median.toFixed(3)} s vs computeCoverage on all cameras ${base.toFixed(3)} s (before ${full1.median.toFixed(3)}, after ${full2.median.toFixed(3)}): ratio ${ratio.toFixed(2)} (target ≤ 1.2).`,
    };
  }
  if (name === 'network-uptime-almaty') {
    if (typeof pkg.simulateUptime !== 'function') return skipped(name, 'simulateUptime');
    const r = bench(name, () => pkg.simulateUptime(net, { days: 365, seed }), { warmup: 1, repeats: 3 });
    const u = r.last;
    const full = u.districts.reduce((s, d) => s + d.fullyCoveredShare, 0) / u.districts.length;
    return {
      ...timing(r),
      liveEvaluations: u.liveEvaluations,
      details: `365 days: ${u.kinds.camera.outages.toLocaleString('en')} camera, ${u.kinds.node.outages.toLocaleString('en')} node, ${u.kinds.link.outages.toLocaleString('en')} link and ${u.kinds.power.outages} power outages; ${u.liveEvaluations.toLocaleString('en')} live-share evaluations. Cameras up ${pct(u.kinds.camera.simulatedAvailability)} (closed form ${pct(u.kinds.camera.expectedAvailability)}); districts fully covered on ${pct(full)} of days.`,
    };
  }
  return undefined;
}
