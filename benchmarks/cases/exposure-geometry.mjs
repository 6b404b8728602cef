// Exposure geometry on the Almaty preset: street exposure profiles, least-surveilled routes, routeExposure.
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'exposure-profile-almaty', tags: ['exposure', 'almaty', 'occlusion'], target: { seconds: 5, label: '≤ 5 s (levels range + identify, occlusion)' } },
  { name: 'exposure-route-almaty', tags: ['exposure', 'almaty', 'routing'], target: { seconds: 0.05, label: '≤ 50 ms (one least-surveilled route across the city)' } },
  { name: 'exposure-routeexposure-almaty', tags: ['exposure', 'almaty', 'occlusion'] },
];

export const method = `**Exposure geometry.** \`exposure-profile-almaty\`: \`computeStreetExposureProfile(cameras, city)\` with its defaults (levels range and identify, occlusion by the city's buildings, face angle 45°) on the Almaty preset (seed 1), 1 warm-up then 5 timed runs. \`exposure-route-almaty\`: one \`leastSurveilledRoute\` (weight 10, maxDetour 0.25, level range) between points at 15 % and 85 % of the city's bounding box (snapped to the largest connected component), network and profile built beforehand; 3 warm-ups, 15 timed runs. \`exposure-routeexposure-almaty\`: \`routeExposure\` with occlusion along that route's polyline.`;

function preset(pkg, seed) {
  return pkg.createPreset('almaty', { seed });
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  if (name === 'exposure-profile-almaty') {
    if (typeof pkg.computeStreetExposureProfile !== 'function') return skipped(name, 'computeStreetExposureProfile');
    const { city, cameras } = preset(pkg, seed);
    const r = bench(name, () => pkg.computeStreetExposureProfile(cameras, city), { warmup: 1, repeats: 5 });
    const p = r.last;
    const ne = p.numEdges;
    let range = 0;
    let identify = 0;
    for (let e = 0; e < ne; e++) {
      range += p.observedLength[e];
      identify += p.observedLength[ne + e];
    }
    return {
      ...timing(r),
      entries: p.camera.length,
      numEdges: ne,
      details: `${p.camera.length.toLocaleString('en')} entries over ${ne.toLocaleString('en')} edges; street metres seen: ${(range / 1000).toFixed(0)} km at range, ${(identify / 1000).toFixed(1)} km at identify.`,
    };
  }
  if (name === 'exposure-route-almaty' || name === 'exposure-routeexposure-almaty') {
    for (const f of ['buildStreetNetwork', 'computeStreetExposureProfile', 'leastSurveilledRoute', 'routeExposure']) if (typeof pkg[f] !== 'function') return skipped(name, f);
    const { city, cameras } = preset(pkg, seed);
    const network = pkg.buildStreetNetwork(city.streets);
    const profile = pkg.computeStreetExposureProfile(cameras, city);
    const [x0, y0, x1, y1] = city.bounds;
    const from = [x0 + 0.15 * (x1 - x0), y0 + 0.15 * (y1 - y0)];
    const to = [x0 + 0.85 * (x1 - x0), y0 + 0.85 * (y1 - y0)];
    const route = () => pkg.leastSurveilledRoute(network, profile, from, to, { maxDetour: 0.25 });
    if (name === 'exposure-route-almaty') {
      const r = bench(name, route, { warmup: 3, repeats: 15 });
      const l = r.last;
      return {
        ...timing(r),
        searches: l.searches,
        details: `Shortest ${(l.shortest.length / 1000).toFixed(2)} km with ${(l.shortest.exposure / 1000).toFixed(2)} km observed; least-surveilled ${(l.length / 1000).toFixed(2)} km (detour ${(100 * l.detour).toFixed(1)} %) with ${(l.exposure / 1000).toFixed(2)} km observed; ${l.searches} Dijkstra searches, effective weight ${l.effectiveWeight.toFixed(3)}.`,
      };
    }
    const l = route();
    const xs = network.x;
    const ys = network.y;
    const path = [[xs[l.from], ys[l.from]]];
    for (const a of l.arcs) {
      const e = a >>> 1;
      const head = a & 1 ? network.edgeSource[e] : network.edgeTarget[e];
      path.push([xs[head], ys[head]]);
    }
    const r = bench(name, () => pkg.routeExposure(cameras, path, { occlusion: true, city }), { warmup: 2, repeats: 7 });
    const e = r.last;
    return {
      ...timing(r),
      details: `Polyline of ${path.length} points, ${(e.length / 1000).toFixed(2)} km: ${e.cameraIds.length} cameras, ${(100 * e.observedFraction).toFixed(1)} % observed, longest unobserved stretch ${e.longestUnobserved.length.toFixed(0)} m.`,
    };
  }
  return undefined;
}
