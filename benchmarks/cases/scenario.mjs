// The scenario layer on the Almaty preset: a full runScenario, and writing its outputs.
// See benchmarks/plugins.mjs for the interface.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const cases = [
  { name: 'scenario-almaty', tags: ['scenario', 'almaty', 'occlusion'], target: { seconds: 60, rssMB: 2048, label: '≤ 60 s, ≤ 2 GB (issue 6: npm start budget)' } },
  { name: 'scenario-outputs-almaty', tags: ['scenario', 'almaty', 'io'] },
];

export const method = `**Scenarios.** \`scenario-almaty\`: \`runScenario(scenarioPreset('almaty'))\` — the city, 128,000 cameras, exact area coverage at the camera range and at the DORI identify level with buildings as occluders, street coverage with occlusion, the 8-district table and a 250 m raster — 3 timed runs, no warm-up (each run builds everything from scratch). \`scenario-outputs-almaty\`: \`writeScenarioOutputs\` of that run (cameras.geojson with 128,000 points, districts.geojson, coverage-grid.geojson, report.html, results.json, each written atomically with fsync) into a temporary directory, 1 warm-up then 3 timed runs.`;

async function timeAsync(fn, { warmup, repeats }) {
  let last;
  for (let i = 0; i < warmup; i++) last = await fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  return { times, median, min: sorted[0], max: sorted[sorted.length - 1], last };
}

export async function run(name, ctx) {
  const { pkg, timing, skipped, seed } = ctx;
  for (const f of ['runScenarioDetailed', 'scenarioPreset', 'writeScenarioOutputs']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  const scenario = pkg.scenarioPreset('almaty', { seed });
  if (name === 'scenario-almaty') {
    const r = await timeAsync(() => pkg.runScenarioDetailed(scenario), { warmup: 0, repeats: 3 });
    const res = r.last.result;
    await pkg.terminateCoverageWorkers?.();
    const steps = res.timings.steps.map((s) => `${s.id} ${(s.ms / 1000).toFixed(2)} s`).join(', ');
    return {
      ...timing(r),
      numCameras: res.headline.cameras,
      coveredFraction: res.headline.coveredFraction,
      details: `${res.headline.cameras.toLocaleString('en')} cameras; area seen (range, occlusion) ${(100 * res.headline.coveredFraction).toFixed(2)} %. Steps of the last run: ${steps}.`,
    };
  }
  if (name === 'scenario-outputs-almaty') {
    const runResult = await pkg.runScenarioDetailed(scenario);
    await pkg.terminateCoverageWorkers?.();
    const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
    try {
      const r = await timeAsync(() => pkg.writeScenarioOutputs(runResult, dir), { warmup: 1, repeats: 3 });
      return { ...timing(r), files: r.last.length, details: `${r.last.length} files into a temporary directory.` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return undefined;
}
