// Runs ONE benchmark case in this process and prints its result as a JSON
// line starting with "@@result ", so that peak RSS (process-wide) belongs to
// that case alone. Usage: node benchmarks/case.mjs <case-name>
// Case names: preset-almaty, coverage-almaty[-occlusion][-1thread|-2threads], pairs-grid, pairs-flatbush,
// sightline-random-<n>, turf-random-<n> (n = number of sectors).
import { loadCasePlugins } from './plugins.mjs';
import { bench, getSink, loadPackage, missingExport, peakRssMB, planarAreaOfRings, randomSectors, sectorRingMetres, ALMATY_CENTRE } from './lib.mjs';

const SEED = 1;

function emit(obj) {
  process.stdout.write(`@@result ${JSON.stringify({ ...obj, sink: getSink() })}\n`);
}

function skipped(name, exportName) {
  emit({ name, skipped: `${exportName} not available yet` });
}

/** Strip the non-serialisable `last` field. */
function timing(r) {
  return { times: r.times, median: r.median, min: r.min, max: r.max, peakRssMB: peakRssMB() };
}

async function main() {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: node benchmarks/case.mjs <case-name>');
    process.exit(2);
  }
  const pkg = await loadPackage();

  if (name === 'preset-almaty') {
    const miss = missingExport(pkg, ['createPreset']);
    if (miss) return skipped(name, miss);
    const r = bench(name, () => pkg.createPreset('almaty', { seed: SEED }), { warmup: 2, repeats: 7 });
    return emit({ name, ...timing(r), numCameras: r.last.cameras.numCameras });
  }

  // coverage-almaty: the default (threads 'auto'); -1thread / -2threads force the count.
  const cov = /^coverage-almaty(-occlusion)?(?:-(1thread|2threads))?$/.exec(name);
  if (cov) {
    const miss = missingExport(pkg, ['createPreset', 'computeCoverage']);
    if (miss) return skipped(name, miss);
    const preset = pkg.createPreset('almaty', { seed: SEED });
    const occlusion = cov[1] !== undefined;
    const threads = cov[2] === '1thread' ? 1 : cov[2] === '2threads' ? 2 : undefined;
    const opts = occlusion ? { area: preset.city.boundary, occlusion: true, city: preset.city, threads } : { area: preset.city.boundary, threads };
    const r = bench(name, () => pkg.computeCoverage(preset.cameras, opts), { warmup: 2, repeats: 7 });
    return emit({ name, ...timing(r), numCameras: preset.cameras.numCameras, coveredArea: r.last.coveredArea, coveredFraction: r.last.coveredFraction });
  }

  if (name === 'pairs-grid' || name === 'pairs-flatbush') {
    // All overlapping pairs of the Almaty footprints' boxes: the engine's grid
    // (overlappingPairs) against one flatbush search per box.
    const miss = missingExport(pkg, ['createPreset', 'overlappingPairs', 'sectorBounds']);
    if (miss) return skipped(name, miss);
    const { cameras: c } = pkg.createPreset('almaty', { seed: SEED });
    const n = c.numCameras;
    const minX = new Float64Array(n), minY = new Float64Array(n), maxX = new Float64Array(n), maxY = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const b = pkg.sectorBounds(c.x[i], c.y[i], c.range[i], c.heading[i], c.fov[i]);
      minX[i] = b[0]; minY[i] = b[1]; maxX[i] = b[2]; maxY[i] = b[3];
    }
    const { default: Flatbush } = await import('flatbush');
    const run = name === 'pairs-grid'
      ? () => pkg.overlappingPairs(minX, minY, maxX, maxY, n, 0).start[n]
      : () => {
          const index = new Flatbush(n);
          for (let i = 0; i < n; i++) index.add(minX[i], minY[i], maxX[i], maxY[i]);
          index.finish();
          let count = 0;
          for (let i = 0; i < n; i++) count += index.search(minX[i], minY[i], maxX[i], maxY[i]).length - 1;
          return count;
        };
    const r = bench(name, run, { warmup: 2, repeats: 7 });
    return emit({ name, ...timing(r), pairs: r.last });
  }

  let m = /^sightline-random-(\d+)$/.exec(name);
  if (m) {
    const miss = missingExport(pkg, ['createRng', 'createCameraSet', 'computeCoverage']);
    if (miss) return skipped(name, miss);
    const n = Number(m[1]);
    const { cams, bounds } = randomSectors(pkg, n, SEED);
    const cameras = pkg.createCameraSet(cams);
    const r = bench(name, () => pkg.computeCoverage(cameras, { bounds }), { warmup: 2, repeats: 7 });
    return emit({ name, n, ...timing(r), area: r.last.coveredArea });
  }

  m = /^turf-random-(\d+)$/.exec(name);
  if (m) {
    const miss = missingExport(pkg, ['createRng', 'createLocalProjection']);
    if (miss) return skipped(name, miss);
    const turf = await import('@turf/turf');
    const n = Number(m[1]);
    const { cams } = randomSectors(pkg, n, SEED);
    // Sectors are built in metres and unprojected to lon/lat once, outside
    // the timing (turf works in lon/lat). Only union + area are timed.
    const proj = pkg.createLocalProjection(ALMATY_CENTRE[0], ALMATY_CENTRE[1]);
    const features = cams.map((c) => turf.polygon([sectorRingMetres(c).map(([x, y]) => proj.inverse(x, y))]));
    const fc = turf.featureCollection(features);
    // One union of the whole collection (turf 7 / polyclip-ts sweeps all
    // polygons at once), which is much faster than folding union pairwise;
    // see benchmarks/README.md.
    let union = null;
    const few = n > 2000;
    const r = bench(
      name,
      () => {
        union = turf.union(fc);
        return turf.area(union);
      },
      { warmup: few ? 0 : 1, repeats: few ? 1 : 3 },
    );
    // The same union polygon, projected back to metres, measured in the plane:
    // separates the union itself from turf.area's spherical earth model.
    let planar = 0;
    const g = union.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) planar += planarAreaOfRings(p.map((ring) => ring.map(([lon, lat]) => proj.forward(lon, lat))));
    return emit({ name, n, ...timing(r), area: r.last, planarArea: planar, strategy: 'turf.union(featureCollection) of all sectors at once' });
  }

  for (const plugin of await loadCasePlugins()) {
    if (!plugin.cases.some((c) => c.name === name)) continue;
    const out = await plugin.run(name, { pkg, bench, timing, skipped, seed: SEED });
    if (out) return emit({ name, ...out });
    return;
  }

  console.error(`bench: unknown case ${name}`);
  process.exit(2);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
