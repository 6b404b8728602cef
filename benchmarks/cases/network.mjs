// Command network: hierarchical build and steady-state metrics on the Almaty preset.
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'network-build-almaty', tags: ['network', 'almaty'], target: { seconds: 1, label: 'build the hierarchical network ≤ 1 s' } },
  { name: 'network-metrics-almaty', tags: ['network', 'almaty'] },
];

export const method = `**Network.** On the Almaty preset (\`createPreset('almaty', { seed: 1 })\`, 128,000 cameras, 53,000 live; built once, not timed). \`network-build-almaty\`: \`buildHierarchicalNetwork(cameras, city, almatyNetworkOptions())\` (k-d aggregation points, capacity-limited nearest assignment, district hubs, centre, national platform, compact arrays); 2 warm-ups, 7 timed runs. \`network-metrics-almaty\`: \`analyseNetwork(network, { retentionDays: 90 })\` on that network (routing, analytics allocation, link loads, storage, hop and latency distributions); 2 warm-ups, 7 timed runs.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createPreset', 'buildHierarchicalNetwork', 'almatyNetworkOptions', 'analyseNetwork']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  const preset = pkg.createPreset('almaty', { seed });
  const options = pkg.almatyNetworkOptions();

  if (name === 'network-build-almaty') {
    const r = bench(name, () => pkg.buildHierarchicalNetwork(preset.cameras, preset.city, options), { warmup: 2, repeats: 7 });
    const n = r.last;
    return { ...timing(r), numNodes: n.numNodes, numLinks: n.numLinks, details: `${n.numCameras.toLocaleString('en')} cameras → ${n.numNodes.toLocaleString('en')} nodes, ${n.numLinks.toLocaleString('en')} links.` };
  }
  if (name === 'network-metrics-almaty') {
    const net = pkg.buildHierarchicalNetwork(preset.cameras, preset.city, options);
    const r = bench(name, () => pkg.analyseNetwork(net, { retentionDays: 90 }), { warmup: 2, repeats: 7 });
    const a = r.last;
    return {
      ...timing(r),
      liveShare: a.live.liveShare,
      overloadedLinks: a.links.overloaded.length,
      details: `live share ${(a.live.liveShare * 100).toFixed(2)}% (${a.live.liveServed.toLocaleString('en')} of ${a.live.numCameras.toLocaleString('en')}), ${a.links.overloaded.length} overloaded links, storage demand ${Math.round(a.storage.totalDemandTB).toLocaleString('en')} TB for 90 days.`,
    };
  }
  return undefined;
}
