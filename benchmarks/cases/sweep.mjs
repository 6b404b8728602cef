// Sweeps on the full Almaty default (issue 16): 1,000 variants of recognition and retention parameters
// (stage cache: the city, cameras, coverage, network and trips are built once), and 32 seeds on both cores.
// See benchmarks/plugins.mjs for the interface.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const cases = [
  { name: 'sweep-almaty-1000-variants', tags: ['sweep', 'almaty'], target: { seconds: 120, label: '≤ 2 min (issue 16: 1,000 variants of retention and recognition)' }, limitS: 1200 },
  { name: 'sweep-almaty-32-seeds-2-jobs', tags: ['sweep', 'almaty', 'threads'], target: { seconds: 360, label: '≤ 6 min (issue 16: 32 seeds, --jobs 2)' }, limitS: 2400 },
];

export const method = `**Sweeps.** The whole \`sightline sweep\` command (\`node dist/cli.js sweep FILE --out DIR --quiet\`) under \`/usr/bin/time -v\`, one timed run each (a run is minutes long; the machine's drift over a run is in the figure), into a temporary directory; wall clock and peak RSS (the largest process) as \`time\` reports them. \`sweep-almaty-1000-variants\`: examples/sweep/almaty-recognition-retention.json — the full Almaty preset (128,000 cameras, network, 10,000 residents) with a 10 × 10 × 10 grid of the city video retention (7–180 days), the recognition true-positive rate (0.6–0.99) and the plate read rate (0.8–0.99), one seed: the first run builds everything (~13 s); the other 999 restore the city, cameras, coverage, network and trips from the stage cache and rerun only the exposure stage (the trips rescored with the variant's rates) and retention; runs skip the per-run bootstrap intervals (sweeps keep headline numbers only). \`sweep-almaty-32-seeds-2-jobs\`: examples/sweep/almaty-seeds.json — the full Almaty preset over seeds 1–32 with \`--jobs 2\` (two worker processes, 16 seeds each; nothing can be reused between seeds).`;

/** Runs one sweep command under /usr/bin/time -v; returns wall seconds, peak RSS (MB) and the summary. */
function timedSweep(file, jobs) {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'sightline-sweep-bench-'));
  try {
    const args = ['-v', process.execPath, cli, 'sweep', join(ROOT, 'examples', 'sweep', file), '--out', join(dir, 'out'), '--quiet', ...(jobs > 1 ? ['--jobs', String(jobs)] : [])];
    const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`sweep failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const seconds = (wall[1] ? Number(wall[1]) * 3600 : 0) + Number(wall[2]) * 60 + Number(wall[3]);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    return { seconds, rssMB: Number(maxRss[1]) / 1024, summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(name, ctx) {
  const { timing } = ctx;
  if (name !== 'sweep-almaty-1000-variants' && name !== 'sweep-almaty-32-seeds-2-jobs') return undefined;
  const many = name === 'sweep-almaty-1000-variants';
  const r = timedSweep(many ? 'almaty-recognition-retention.json' : 'almaty-seeds.json', many ? 1 : 2);
  const t = timing({ times: [r.seconds], median: r.seconds, min: r.seconds, max: r.seconds });
  const s = r.summary;
  const pid = s.variants[0].headline.exposurePIdentifiedMean;
  const detail = many
    ? `${s.numRuns} runs (${(r.seconds / s.numRuns * 1000).toFixed(0)} ms a run on average, the first building everything).`
    : `${s.numRuns} runs; over the 32 seeds P(identified) median ${(100 * pid.median).toFixed(2)} % (90 %: ${(100 * pid.lo).toFixed(2)}–${(100 * pid.hi).toFixed(2)} %), watchlist true identifications a day median ${s.variants[0].headline.watchlistTruePerDay?.median.toFixed(1)} (90 %: ${s.variants[0].headline.watchlistTruePerDay?.lo.toFixed(1)}–${s.variants[0].headline.watchlistTruePerDay?.hi.toFixed(1)}).`;
  return { ...t, peakRssMB: r.rssMB, details: `Whole command: wall ${r.seconds.toFixed(1)} s, peak RSS ${r.rssMB.toFixed(0)} MB (largest process). ${detail}` };
}
