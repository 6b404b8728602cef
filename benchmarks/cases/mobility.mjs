// Mobility: street network arrays, trip planning and routing on the Almaty preset.
// See benchmarks/plugins.mjs for the interface.

/** Residents per planned trip with the default trip model (about 2.07 trips per resident and day). */
const TRIPS_PER_RESIDENT = 2.07;

export const cases = [
  { name: 'mobility-network-almaty', tags: ['mobility', 'almaty'] },
  { name: 'mobility-route-almaty', tags: ['mobility', 'almaty', 'routing'] },
  { name: 'mobility-route-scaling-almaty', tags: ['mobility', 'almaty', 'routing', 'scaling'], target: { seconds: 25, rssMB: 2048, label: '1M trips routed ≤ 25 s (share of the issue’s 60 s routed + scored), ≤ 2 GB' } },
];

export const method = `**Mobility.** All on the Almaty preset city (\`almatyCity()\`, ≈ 31,000 street nodes and 62,000 edges; city built once, not timed). \`mobility-network-almaty\`: \`buildStreetNetwork(city.streets)\` (graphology → CSR arrays); 2 warm-ups, 7 timed runs. \`mobility-route-almaty\`: \`createResidents\` (seed 1, ≈ 48,300 residents, 500 m zones), \`planTrips\` (seed \`1/plans\`, default trip model, ≈ 100,000 trips) and \`routeTrips\` (one Dijkstra search per distinct origin node), timed together; 1 warm-up, 3 timed runs. \`mobility-route-scaling-almaty\`: the same pipeline once each for ≈ 10,000, 100,000 and 1,000,000 trips; the time reported is the 1,000,000-trip run, the details give every stage at every size, a fourth run of 1,000,000 trips with 1 km zones (\`zoneSize: 1000\`), and the process CPU time beside the wall time (the machine was shared).`;

function residentsFor(trips) {
  return Math.round(trips / TRIPS_PER_RESIDENT);
}

function pipeline(pkg, city, network, numResidents, seed, zoneSize = undefined) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const residents = pkg.createResidents(city, network, { numResidents, seed, zoneSize });
  const t1 = process.hrtime.bigint();
  const plans = pkg.planTrips(city, network, residents, { seed: `${seed}/plans` });
  const t2 = process.hrtime.bigint();
  const routed = pkg.routeTrips(network, plans);
  const t3 = process.hrtime.bigint();
  const cpu = process.cpuUsage(c0);
  return {
    cpuS: (cpu.user + cpu.system) / 1e6,
    residents, plans, routed,
    residentsS: Number(t1 - t0) / 1e9,
    planS: Number(t2 - t1) / 1e9,
    routeS: Number(t3 - t2) / 1e9,
    totalS: Number(t3 - t0) / 1e9,
  };
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  const need = name === 'mobility-network-almaty' ? ['almatyCity', 'buildStreetNetwork'] : ['almatyCity', 'buildStreetNetwork', 'createResidents', 'planTrips', 'routeTrips'];
  for (const f of need) if (typeof pkg[f] !== 'function') return skipped(name, f);
  const city = pkg.almatyCity();

  if (name === 'mobility-network-almaty') {
    const r = bench(name, () => pkg.buildStreetNetwork(city.streets), { warmup: 2, repeats: 7 });
    const n = r.last;
    return { ...timing(r), numNodes: n.numNodes, numEdges: n.numEdges, details: `${n.numNodes.toLocaleString('en')} nodes, ${n.numEdges.toLocaleString('en')} edges (${(2 * n.numEdges).toLocaleString('en')} arcs).` };
  }

  const network = pkg.buildStreetNetwork(city.streets);
  if (name === 'mobility-route-almaty') {
    const nr = residentsFor(100_000);
    let last = null;
    const r = bench(name, () => (last = pipeline(pkg, city, network, nr, seed)).routed.trips.numTrips, { warmup: 1, repeats: 3 });
    const t = last.routed.trips;
    const perS = t.numTrips / r.median;
    return {
      ...timing(r),
      numTrips: t.numTrips,
      numTrees: last.routed.numTrees,
      tripsPerSecond: Math.round(perS),
      details: `${t.numTrips.toLocaleString('en')} trips of ${nr.toLocaleString('en')} residents, ${last.routed.numTrees.toLocaleString('en')} shortest-path trees (${last.residents.zones.numZones.toLocaleString('en')} zones), ${Math.round(perS).toLocaleString('en')} trips/s planned and routed; last run: ${last.cpuS.toFixed(2)} s CPU; residents ${last.residentsS.toFixed(2)} s, plan ${last.planS.toFixed(2)} s, route ${last.routeS.toFixed(2)} s; ${last.routed.unreachable.count} unreachable.`,
    };
  }

  if (name === 'mobility-route-scaling-almaty') {
    const rows = [];
    let big = null;
    for (const trips of [10_000, 100_000, 1_000_000]) {
      const p = pipeline(pkg, city, network, residentsFor(trips), seed);
      let arcs = p.routed.trips.pathArcs.length;
      rows.push(`${p.routed.trips.numTrips.toLocaleString('en')} trips: ${p.totalS.toFixed(2)} s wall, ${p.cpuS.toFixed(2)} s CPU (residents ${p.residentsS.toFixed(2)}, plan ${p.planS.toFixed(2)}, route ${p.routeS.toFixed(2)}; ${p.routed.numTrees.toLocaleString('en')} trees, ${arcs.toLocaleString('en')} path arcs)`);
      big = p;
    }
    // The same 1M trips' worth of residents with 1 km zones: fewer searches, coarser trip ends.
    const coarse = pipeline(pkg, city, network, residentsFor(1_000_000), seed, 1000);
    rows.push(`with 1 km zones, ${coarse.routed.trips.numTrips.toLocaleString('en')} trips: ${coarse.totalS.toFixed(2)} s wall, ${coarse.cpuS.toFixed(2)} s CPU (plan ${coarse.planS.toFixed(2)}, route ${coarse.routeS.toFixed(2)}; ${coarse.routed.numTrees.toLocaleString('en')} trees)`);
    const times = [big.totalS];
    return {
      ...timing({ times, median: big.totalS, min: big.totalS, max: big.totalS }),
      numTrips: big.routed.trips.numTrips,
      numTrees: big.routed.numTrees,
      details: `${rows.join('; ')}. Routing grows with the number of distinct origins (≤ the number of zones, so it saturates) plus the total path length (linear in trips).`,
    };
  }
  return undefined;
}
