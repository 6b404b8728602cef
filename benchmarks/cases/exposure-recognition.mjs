// Recognition-side exposure: unicity of camera traces (1,000,000 synthetic people) and crowd exposure on the Almaty preset.
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'exposure-unicity-1m', tags: ['exposure', 'unicity'] },
  { name: 'exposure-crowd-almaty', tags: ['exposure', 'almaty', 'occlusion'] },
];

export const method = `**Unicity and crowds.** \`exposure-unicity-1m\`: \`unicity(points, { kMax: 8, sampleSize: 10000 })\` on 1,000,000 synthetic people (seeded; generation not timed): 128,000 cameras on a line of places, each person with a home and a work camera, over one week (168 hours): on each weekday a morning (hour 7–9) and an evening (hour 17–19) commute past the home, a middle and the work camera, each sighting kept with probability 0.6, plus 0–6 errands a week at cameras within 200 ids of home at random hours — about 21 sightings per person. The time includes building the inverted index; 1 warm-up, 3 timed runs. \`exposure-crowd-almaty\`: \`crowdExposure\` with occlusion on the Almaty preset (seed 1) for a 600 × 400 m square at the centre and for a 3 km march route 30 m wide (16 lanes); 1 warm-up, 5 timed runs of both.`;

/** Synthetic week of camera sightings for n people (seeded, xorshift-style via the package RNG). */
function syntheticPoints(pkg, numPeople, seed) {
  const rng = pkg.createRng(seed).stream('unicity-bench');
  const numCameras = 128_000;
  const cap = numPeople * 40;
  const camera = new Uint32Array(cap);
  const hour = new Uint32Array(cap);
  const start = new Uint32Array(numPeople + 1);
  let s = 0;
  const keep = 0.6;
  for (let p = 0; p < numPeople; p++) {
    start[p] = s;
    const home = Math.floor(rng.next() * numCameras);
    const work = Math.min(numCameras - 1, Math.max(0, home + Math.floor((rng.next() - 0.5) * 20_000)));
    const mid = (home + work) >>> 1;
    const am = 7 + Math.floor(rng.next() * 3);
    const pm = 17 + Math.floor(rng.next() * 3);
    for (let d = 0; d < 5; d++) {
      const base = d * 24;
      if (rng.next() < keep) { camera[s] = home; hour[s++] = base + am; }
      if (rng.next() < keep) { camera[s] = mid; hour[s++] = base + am; }
      if (rng.next() < keep) { camera[s] = work; hour[s++] = base + am + 1; }
      if (rng.next() < keep) { camera[s] = work; hour[s++] = base + pm; }
      if (rng.next() < keep) { camera[s] = mid; hour[s++] = base + pm; }
      if (rng.next() < keep) { camera[s] = home; hour[s++] = base + pm + 1; }
    }
    const errands = Math.floor(rng.next() * 7);
    for (let e = 0; e < errands; e++) {
      camera[s] = Math.min(numCameras - 1, Math.max(0, home + Math.floor((rng.next() - 0.5) * 400)));
      hour[s++] = Math.floor(rng.next() * 168);
    }
  }
  start[numPeople] = s;
  return { numPeople, start, camera: camera.slice(0, s), hour: hour.slice(0, s) };
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  if (name === 'exposure-unicity-1m') {
    for (const f of ['unicity', 'createRng']) if (typeof pkg[f] !== 'function') return skipped(name, f);
    const points = syntheticPoints(pkg, 1_000_000, seed);
    const r = bench(name, () => pkg.unicity(points, { kMax: 8, sampleSize: 10_000, seed }), { warmup: 1, repeats: 3 });
    const u = r.last;
    const shares = u.byK.map((b) => `k=${b.k}: ${(100 * b.share).toFixed(1)} % [${(100 * b.ciLow).toFixed(1)}, ${(100 * b.ciHigh).toFixed(1)}]`).join('; ');
    return {
      ...timing(r),
      numSightings: u.numSightings,
      numDistinctPoints: u.numDistinctPoints,
      details: `${u.numSightings.toLocaleString('en')} sightings, ${u.numDistinctPoints.toLocaleString('en')} distinct (camera, hour) points; unicity ${shares}.`,
    };
  }
  if (name === 'exposure-crowd-almaty') {
    for (const f of ['crowdExposure', 'createPreset']) if (typeof pkg[f] !== 'function') return skipped(name, f);
    const { city, cameras } = pkg.createPreset('almaty', { seed });
    const [x0, y0, x1, y1] = city.bounds;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const square = [cx - 300, cy - 200, cx + 300, cy + 200];
    const route = [[cx - 1500, cy], [cx, cy], [cx, cy + 1500]];
    const both = () => [
      pkg.crowdExposure(cameras, { area: square, numPeople: 20_000 }, { city }),
      pkg.crowdExposure(cameras, { route, width: 30, numPeople: 50_000 }, { city }),
    ];
    const r = bench(name, both, { warmup: 1, repeats: 5 });
    const [a, m] = r.last;
    const fmt = (x) => `live: ${Math.round(x.live.captured).toLocaleString('en')} captured, ${Math.round(x.live.identified).toLocaleString('en')} identified; archive: ${Math.round(x.archive.captured).toLocaleString('en')} captured, ${Math.round(x.archive.identified).toLocaleString('en')} identified`;
    return {
      ...timing(r),
      details: `Square of 20,000 people — ${fmt(a)}. March of 50,000 — ${fmt(m)}.`,
    };
  }
  return undefined;
}
