// The scenario layer on the Almaty preset: a full runScenario, and writing its outputs.
// See benchmarks/plugins.mjs for the interface.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const cases = [
  { name: 'scenario-almaty', tags: ['scenario', 'almaty', 'occlusion'], target: { seconds: 60, rssMB: 2048, label: '≤ 60 s, ≤ 2 GB (issue 6: npm start budget)' } },
  { name: 'scenario-outputs-almaty', tags: ['scenario', 'almaty', 'io'] },
  { name: 'npm-start-almaty', tags: ['scenario', 'almaty', 'start'], target: { seconds: 60, rssMB: 2048, label: '≤ 60 s, ≤ 2 GB peak RSS (issue 6: npm start on 2 cores)' }, limitS: 600 },
];

export const method = `**Scenarios.** \`scenario-almaty\`: \`runScenario(scenarioPreset('almaty'))\` — the city, 128,000 cameras, exact area coverage at the camera range and at the DORI identify level with buildings as occluders, street coverage with occlusion, the 8-district table, a 250 m raster, the command network (metrics, single points of failure, 1,000 outage trials) and a day of trips for 10,000 residents (exposure, watchlist, unicity, one least-surveilled route) — 3 timed runs, no warm-up (each run builds everything from scratch). \`scenario-outputs-almaty\`: \`writeScenarioOutputs\` of that run (cameras.geojson with 128,000 points, districts.geojson, coverage-grid.geojson, report.html, results.json, each written atomically with fsync) into a temporary directory, 1 warm-up then 3 timed runs. \`npm-start-almaty\`: the whole \`npm start\` command (npm, examples/scenario-start.mjs, \`node dist/cli.js run --preset almaty\`: the city, 128,000 cameras, coverage, streets, districts, raster, the command network with its metrics, single points of failure and 1,000 outage trials, a day of trips for 10,000 residents with the watchlist, unicity and a least-surveilled route, and every output file) under \`/usr/bin/time -v\`, into a temporary directory; 3 timed runs; wall clock and peak RSS (the largest process of the command) as \`time\` reports them. The package is built beforehand when dist/ is older than src/ (the build, 15–45 s, is not part of the timing; \`npm start\` builds only on a first run or after a source change).`;

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
  if (name === 'npm-start-almaty') return npmStart(timing);
  return undefined;
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** Runs `npm start` under /usr/bin/time -v, three times. */
function npmStart(timing) {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(ROOT, 'src'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const times = [];
  const rss = [];
  let rebuilt = 0;
  let headline = '';
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-start-'));
    try {
      const r = spawnSync('/usr/bin/time', ['-v', 'npm', 'start', '--', '--quiet', '--out', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`npm start failed (${r.status}): ${r.stderr.slice(-2000)}`);
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
      const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
      times.push((wall[1] ? Number(wall[1]) * 3600 : 0) + Number(wall[2]) * 60 + Number(wall[3]));
      rss.push(Number(maxRss[1]) / 1024);
      if (/Building sightline/.test(r.stdout)) rebuilt++;
      headline = r.stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const t = timing({ times, median: sorted[1], min: sorted[0], max: sorted[2] });
  const took = /took\s+([\d.]+) s/.exec(headline);
  return {
    ...t,
    peakRssMB: Math.max(...rss),
    details: `Whole command: wall ${times.map((x) => x.toFixed(1)).join(', ')} s; peak RSS ${rss.map((x) => x.toFixed(0)).join(', ')} MB (largest process)${rebuilt ? `; ${rebuilt} run(s) rebuilt the package first (sources changed meanwhile)` : ''}. runScenario itself: ${took ? took[1] : '?'} s in the last run.`,
  };
}
