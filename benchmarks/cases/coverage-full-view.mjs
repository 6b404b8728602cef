// Full-view (face-on) coverage on the Almaty preset. See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'coverage-fullview-almaty', tags: ['coverage', 'almaty', 'occlusion'], target: { seconds: 15, label: '≤ 15 s (identify level, occlusion, exact streets + 2 × 20,000 points)' } },
];

export const method = `**Full-view coverage.** \`coverage-fullview-almaty\`: \`computeFullViewCoverage(cameras, { city, occlusion: true })\` with its other defaults (identify level, θ = 45°, 20,000 jittered-grid points, 20,000 points uniform on the covered area, exact street lengths) on the Almaty preset (seed 1), 1 warm-up then 3 timed runs.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  if (name === 'coverage-fullview-almaty') {
    if (typeof pkg.computeFullViewCoverage !== 'function') return skipped(name, 'computeFullViewCoverage');
    const { city, cameras } = pkg.createPreset('almaty', { seed });
    const r = bench(name, () => pkg.computeFullViewCoverage(cameras, { city, occlusion: true }), { warmup: 1, repeats: 3 });
    const s = r.last.streets;
    const a = r.last.area;
    return {
      ...timing(r),
      details: `Identify level, θ 45°: ${(s.coveredLength / 1000).toFixed(1)} km of street seen, ${(100 * s.walkingOfCovered).toFixed(1)} % of it face-on for a walker, ${(100 * s.fullViewOfCovered).toFixed(2)} % full view; area full view ${(100 * a.fullView.share).toFixed(3)} % (${a.fullView.count} of ${a.samples} points), ${a.fullViewOfCovered.count} of ${a.fullViewOfCovered.of} points on the covered area.`,
    };
  }
  return undefined;
}
