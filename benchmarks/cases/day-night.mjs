// Day and night on the Almaty preset: coverageByHour (day and night coverage at two levels, streets too).
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'coverage-by-hour-almaty', tags: ['coverage', 'exposure', 'almaty'], target: { seconds: 10, label: '≤ 10 s (levels range + identify, area and streets, day and night)' } },
];

export const method = `**Day and night.** \`coverage-by-hour-almaty\`: \`coverageByHour(cameras, { date: '2026-12-21', latitude, longitude, city, levels: ['range', 'identify'] })\` on the Almaty preset (seed 1; the projection's centre for the sun; buildings ignored): four computeCoverage and four computeStreetCoverage calls (two levels, day and night ranges) and the hourly light; 1 warm-up then 3 timed runs.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  if (typeof pkg.coverageByHour !== 'function') return skipped(name, 'coverageByHour');
  const { city, cameras } = pkg.createPreset('almaty', { seed });
  const call = () => pkg.coverageByHour(cameras, { date: '2026-12-21', latitude: city.projection.lat0, longitude: city.projection.lon0, city, levels: ['range', 'identify'] });
  const r = bench(name, call, { warmup: 1, repeats: 3 });
  const [range, identify] = r.last.levels;
  const p = (x) => `${(100 * x).toFixed(2)} %`;
  return {
    ...timing(r),
    details: `area within range ${p(range.day.coveredFraction)} by day, ${p(range.night.coveredFraction)} at night; at identify ${p(identify.day.coveredFraction)} / ${p(identify.night.coveredFraction)}; ${r.last.light.dayHours} day hours on 21 December.`,
  };
}
