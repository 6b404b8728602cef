// Almaty's command network: what reaches the police centre live, what one
// failure cuts off, how live share falls under random outages and district
// blackouts, and what the January 2022 damage (766 Sergek units and 493
// cameras) would do to this model.
//
//   npm run build && node examples/almaty-network.mjs [--seed 7] [--trials 1000]
//
// The package is imported by its name, the way a user does (as examples/almaty-coverage.mjs).
import {
  createPreset,
  buildHierarchicalNetwork,
  almatyNetworkOptions,
  analyseNetwork,
  rankSinglePointsOfFailure,
  rankSinglePointsOfFailureByArea,
  simulateOutages,
  expectedCoverageUnderOutages,
  simulateOutageCoverage,
  applyTargetedDamage,
  simulateTargetedDamage,
  simulateDamageCoverage,
  evaluateFaultScenario,
  coverageUnderFault,
  JANUARY_2022_DAMAGE,
  terminateCoverageWorkers,
} from 'sightline';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(arg('seed', '1'));
const trials = Number(arg('trials', '1000'));

const pct = (x) => `${(100 * x).toFixed(2)}%`;
const int = (x) => Math.round(x).toLocaleString('en-US');
const km2 = (m2) => `${(m2 / 1e6).toFixed(2)} km²`;
const timed = (label, fn) => {
  const t = performance.now();
  const value = fn();
  console.log(`  (${label}: ${((performance.now() - t) / 1000).toFixed(2)} s)`);
  return value;
};
const ci = (s) => `${pct(s.mean)} (95% CI ${pct(s.ci.low)}–${pct(s.ci.high)}; 5th–95th percentile ${pct(s.p05)}–${pct(s.p95)}; worst ${pct(s.min)})`;

console.log(`sightline — Almaty command network, seed ${seed}\n`);
const { city, cameras } = timed('preset built', () => createPreset('almaty', { seed }));
const net = timed('network built', () => buildHierarchicalNetwork(cameras, city, almatyNetworkOptions({ seed })));
const kinds = {};
for (let v = 0; v < net.numNodes; v++) kinds[net.nodeKind[v]] = (kinds[net.nodeKind[v]] ?? 0) + 1;
console.log(`  ${int(net.numCameras)} cameras → ${int(kinds[0])} aggregation points → ${kinds[1]} district hubs → ${kinds[2]} city centre → ${kinds[3] ?? 0} national platform; ${int(net.numLinks)} links`);

console.log('\nSteady state (everything up)');
const a = analyseNetwork(net, { retentionDays: 30 });
console.log(`  live share: ${int(a.live.liveServed)} of ${int(a.live.numCameras)} cameras = ${pct(a.live.liveShare)} (bestnews.kz, 17 Sep 2025: about 53,000 connected to the police operations centre)`);
console.log(`  face recognition: demand ${int(a.analytics.demand)}, served ${int(a.analytics.served)}, shortfall ${int(a.analytics.shortfall)}`);
console.log(`  links over capacity: ${a.links.overloaded.length}; most loaded at ${pct(a.links.maxUtilisation)}`);
console.log(`  storage for 30 days: ${int(a.storage.totalDemandTB)} TB needed, ${int(a.storage.totalCapacityTB)} TB installed, shortfall ${int(a.storage.totalShortfallTB)} TB`);
console.log(`  latency to the centre: median ${a.paths.latencyMs.p50.toFixed(1)} ms, 99th percentile ${a.paths.latencyMs.p99.toFixed(1)} ms`);

console.log('\nSingle points of failure (a node alone fails; cameras keep recording, live paths break)');
const spof = timed('ranking every node and link', () => rankSinglePointsOfFailure(net));
const byArea = timed('exact covered area behind every node', () => rankSinglePointsOfFailureByArea(net, { coverage: { city }, spof }));
console.log('  node                 kind           cameras cut  live cut  live share after  area only they see');
for (const r of byArea.top.slice(0, 10)) {
  console.log(
    `  ${r.key.padEnd(20)} ${r.kind.padEnd(14)} ${int(r.camerasCut).padStart(11)} ${int(r.liveCut).padStart(9)} ${pct(spof.nodes.liveShareAfter[r.node]).padStart(17)}  ${km2(r.areaLost).padStart(11)} (${pct(r.areaLostShare)})`,
  );
}

console.log(`\nRandom outages: ${int(trials)} seeded trials (node and link availabilities from the builder, all assumptions)`);
const plain = timed('trials', () => simulateOutages(net, { trials, seed }));
console.log(`  live share: ${ci(plain.liveShare)}`);
const black = timed('trials with blackouts', () => simulateOutages(net, { trials, seed, districtBlackout: 0.02 }));
console.log(`  with a 2% chance per district of a power cut (nodes down, their cameras dark): ${ci(black.liveShare)}`);
console.log(`  ${pct(black.blackoutTrialShare)} of trials had at least one blackout`);

console.log('\nCoverage under outages');
const expected = timed('exact expectation', () => expectedCoverageUnderOutages(net, { coverage: { city }, cameraAvailability: 0.95 }));
console.log(`  every camera up 95% of the time, independently: expected coverage ${pct(expected.coverage.coveredFraction)} (${expected.exactness})`);
const expLive = expectedCoverageUnderOutages(net, { coverage: { city }, live: true });
console.log(`  area watched live, weighting each live camera by its route's availability: ${pct(expLive.coverage.coveredFraction)} (${expLive.exactness}: cameras on one node fail together)`);
const covTrials = timed('5 coverage trials', () => simulateOutageCoverage(net, { coverage: { city }, seed, districtBlackout: 0.1, coverageTrials: 5 }));
console.log(`  with a 10% blackout chance per district, over 5 trials: coverage ${Array.from(covTrials.coveredFraction, pct).join(', ')}`);

console.log(`\nTargeted damage: the January 2022 counts (${JANUARY_2022_DAMAGE.units} Sergek units, ${JANUARY_2022_DAMAGE.cameras} cameras)`);
console.log(`  Note: this model's aggregation points hold ~${Math.round(net.numCameras / kinds[0])} cameras; a Sergek unit carries ~${Math.round(JANUARY_2022_DAMAGE.sergekCameras / JANUARY_2022_DAMAGE.sergekUnits)}.`);
const full = byArea.coveredArea;
for (const [label, units] of [
  ['766 aggregation points (same count)', JANUARY_2022_DAMAGE.units],
  [`${Math.round((JANUARY_2022_DAMAGE.units / JANUARY_2022_DAMAGE.sergekUnits) * kinds[0])} aggregation points (same share as 766 of 1,341)`, Math.round((JANUARY_2022_DAMAGE.units / JANUARY_2022_DAMAGE.sergekUnits) * kinds[0])],
  [`Sergek-sized: ${int(JANUARY_2022_DAMAGE.units * Math.round(JANUARY_2022_DAMAGE.sergekCameras / JANUARY_2022_DAMAGE.sergekUnits))} random cameras (766 units × ~6 cameras) + 493 cameras`, 0],
]) {
  const scenario = units > 0
    ? applyTargetedDamage(net, { randomUnits: units, randomCameras: JANUARY_2022_DAMAGE.cameras, seed: 2022 })
    : applyTargetedDamage(net, { randomCameras: 766 * Math.round(JANUARY_2022_DAMAGE.sergekCameras / JANUARY_2022_DAMAGE.sergekUnits) + JANUARY_2022_DAMAGE.cameras, seed: 2022 });
  const live = evaluateFaultScenario(net, scenario);
  const cov = timed('coverage under the damage', () => coverageUnderFault(net, scenario, { coverage: { city } }));
  console.log(`  ${label}: ${int(scenario.camerasDark)} cameras dark; live share ${pct(live.live.liveShare)}; coverage ${pct(cov.coverage.coveredFraction)} (all up ${pct(full / cov.coverage.studyArea)})`);
}
const spread = timed('100 damage draws', () => simulateTargetedDamage(net, { randomUnits: JANUARY_2022_DAMAGE.units, randomCameras: JANUARY_2022_DAMAGE.cameras, trials: 100, seed: 2022 }));
console.log(`  766 random points + 493 cameras, 100 draws: live share ${ci(spread.liveShare)}`);
const covSpread = timed('3 damage coverage draws', () => simulateDamageCoverage(net, { coverage: { city }, randomUnits: JANUARY_2022_DAMAGE.units, randomCameras: JANUARY_2022_DAMAGE.cameras, coverageTrials: 3, seed: 2022 }));
console.log(`  coverage over the first 3 draws: ${Array.from(covSpread.coveredFraction, pct).join(', ')}`);

console.log('\nAssumptions: node and link availabilities, aggregation sizes and link mix are the builder\'s defaults (assumptions, see NETWORK_BUILD_DEFAULTS);');
console.log('sources: 53,000 live (bestnews.kz 2025), 1,341 Sergek units / 7,894 cameras (kazlenta.kz 2024), the January 2022 damage (kgnews.asia, Kazinform 2022); the 2,200 face-recognition streams are an assumption (no source found). See SOURCES.');
await terminateCoverageWorkers();
