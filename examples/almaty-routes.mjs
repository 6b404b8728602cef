// Routes through Almaty: how much of a walk the cameras see, and the least-surveilled way between
// two places for a growing detour budget.
//
// From Almaty-2 railway station to Republic Square (PRESET_PLACES): the shortest route, its cameras and
// observed share (routeExposure: exact, the same footprints as computeCoverage), the range of street seen
// over all the equally short routes (the shortest route shown is the least seen of them), then the route that
// minimises length + weight × observed metres with at most 10 %, 25 % and 50 % detour
// (leastSurveilledRoute on the street exposure profile).
//
//   npm run build && node examples/almaty-routes.mjs [--seed 1] [--level range|identify]
//
// The same from the command line: npx sightline route --preset almaty --path "76.939,43.2737;76.9453,43.2383"
import {
  createPreset,
  buildStreetNetwork,
  computeStreetExposureProfile,
  leastSurveilledRoute,
  routeExposure,
  PRESET_PLACES,
} from '../dist/index.js';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(arg('seed', '1'));
const level = arg('level', 'range');
if (level !== 'range' && level !== 'identify') throw new Error(`--level must be range or identify, got ${level}`);

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const km = (m) => `${(m / 1000).toFixed(2)} km`;
const timed = (label, fn) => {
  const t = performance.now();
  const value = fn();
  console.log(`  (${label}: ${((performance.now() - t) / 1000).toFixed(2)} s)`);
  return value;
};

console.log(`sightline — routes through Almaty, seed ${seed}, level ${level}\n`);
const { city, cameras } = timed('city and cameras', () => createPreset('almaty', { seed }));
const network = timed('street network', () => buildStreetNetwork(city.streets));
const profile = timed('street exposure profile (range + identify, occlusion)', () => computeStreetExposureProfile(cameras, city));

const from = city.projection.forward(PRESET_PLACES.almaty2Station.lon, PRESET_PLACES.almaty2Station.lat);
const to = city.projection.forward(PRESET_PLACES.republicSquare.lon, PRESET_PLACES.republicSquare.lat);

/** The route's polyline in metres, from its arcs (arc a: edge a >>> 1, reversed when a & 1). */
const polyline = (start, route) => {
  const pts = [[network.x[start], network.y[start]]];
  for (const a of route.arcs) {
    const e = a >>> 1;
    const head = a & 1 ? network.edgeSource[e] : network.edgeTarget[e];
    pts.push([network.x[head], network.y[head]]);
  }
  return pts;
};

const base = leastSurveilledRoute(network, profile, from, to, { maxDetour: 0, level });
const shortest = routeExposure(cameras, polyline(base.from, base.shortest), { occlusion: true, city, level });
console.log(`\nAlmaty-2 station → Republic Square, shortest route ${km(base.shortest.length)}:`);
console.log(`  ${shortest.cameraIds.length} cameras see part of it; ${km(shortest.observedLength)} observed (${pct(shortest.observedFraction)}); longest unobserved stretch ${km(shortest.longestUnobserved.length)}`);
const range = base.shortestExposureRange;
console.log(`  it is the least seen of ${range.numPaths.toLocaleString('en-US')} equally short routes, which see ${km(range.min)} to ${km(range.max)} of street`);

// Weight: metres of walking that one metre under a camera is worth. 10 (the default) avoids cameras where that
// is cheap; 1,000 avoids them at almost any cost, so the detour cap decides.
const rows = [];
const t0 = performance.now();
for (const weight of [10, 1000]) {
  for (const maxDetour of [0, 0.1, 0.25, 0.5]) {
    const r = leastSurveilledRoute(network, profile, from, to, { maxDetour, weight, level });
    const e = routeExposure(cameras, polyline(r.from, r), { occlusion: true, city, level });
    rows.push({ weight, maxDetour, r, e });
  }
}
console.log(`  (${rows.length} least-surveilled routes: ${((performance.now() - t0) / 1000).toFixed(2)} s)`);
console.log('\n  weight  detour budget     route    detour   observed   avoided');
for (const { weight, maxDetour, r, e } of rows) {
  const avoided = shortest.observedLength > 0 ? 1 - e.observedLength / shortest.observedLength : 0;
  console.log(`  ${String(weight).padStart(6)}  ≤ ${pct(maxDetour).padStart(6)}     ${km(r.length).padStart(8)} ${pct(r.detour).padStart(8)} ${km(e.observedLength).padStart(10)} ${pct(avoided).padStart(9)}`);
}
console.log('\n(observed: metres of the route inside at least one camera footprint, by routeExposure; avoided: the share of the');
console.log(' shortest route\'s observed metres the route avoids. The shortest route is already the least seen of the equally short');
console.log(' ones, so a 0 % budget avoids nothing and the figures count only what a detour buys. Camera positions are synthetic:');
console.log(' see the README\'s limitations.)');
