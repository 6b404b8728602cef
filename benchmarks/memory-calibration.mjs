// Calibration of the CLI's memory and time guard (src/cli/resource-guard.ts):
// runs the Almaty preset at several camera and resident counts, one process
// per size, and prints the peak memory of each run (heap used, array
// buffers, resident set as the kernel counts it) and its wall time.
//
//   npm run build
//   node benchmarks/memory-calibration.mjs                    # the default grid of sizes
//   node benchmarks/memory-calibration.mjs 64000:2000 4000:80000 4000:2000:75 4000:2000:150:25   # cameras:residents[:blockSize[:rasterCellSize]]
//   SIGHTLINE_DIST=path/to/dist node benchmarks/memory-calibration.mjs   # another build
//
// One child per size (`--child cameras residents`): peaks are sampled at every
// progress event of the run and of the output writing, and the kernel's
// high-water mark (VmHWM, /proc/self/status) is read at the end, so workers'
// memory counts too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const { runScenarioDetailed, scenarioPreset, writeScenarioOutputs, terminateCoverageWorkers, terminatePopulationWorkers } = await import(process.env.SIGHTLINE_DIST ? pathToFileURL(join(process.env.SIGHTLINE_DIST, 'index.js')).href : 'sightline');
  const numCameras = Number(args[1]);
  const numResidents = Number(args[2]);
  const blockSize = args[3] ? Number(args[3]) : undefined;
  const cellSize = args[4] ? Number(args[4]) : undefined;
  const spec = scenarioPreset('almaty', { numCameras, numResidents });
  if (blockSize) spec.city = { ...spec.city, blockSize };
  if (cellSize) spec.analyses = { ...spec.analyses, raster: { ...spec.analyses.raster, cellSize } };
  const peak = { heapUsed: 0, arrayBuffers: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    peak.rss = Math.max(peak.rss, m.rss);
  };
  const t0 = performance.now();
  const steps = {};
  const run = await runScenarioDetailed(spec, {
    onProgress: (e) => {
      sample();
      if (e.phase === 'end') steps[e.step] = Math.round(e.ms);
    },
  });
  const analysisMs = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'sightline-cal-'));
  writeScenarioOutputs(run, dir, { onFile: sample });
  sample();
  rmSync(dir, { recursive: true, force: true });
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  await terminateCoverageWorkers();
  await terminatePopulationWorkers?.();
  console.log(JSON.stringify({ numCameras, numResidents, blockSize: blockSize ?? 150, cellSize: cellSize ?? spec.analyses.raster?.cellSize, analysisS: +(analysisMs / 1000).toFixed(1), totalS: +((performance.now() - t0) / 1000).toFixed(1), peakHeapMB: Math.round(peak.heapUsed / 2 ** 20), peakArrayBuffersMB: Math.round(peak.arrayBuffers / 2 ** 20), peakRssMB: Math.round(Math.max(peak.rss, hwm) / 2 ** 20), steps }));
} else {
  const sizes = args.length ? args.map((a) => a.split(':').map(Number)) : [[4000, 2000], [16000, 2000], [64000, 2000], [128000, 2000], [256000, 2000], [4000, 20000], [4000, 80000], [4000, 2000, 75], [4000, 2000, 150, 25]];
  const self = fileURLToPath(import.meta.url);
  for (const [c, r, ...rest] of sizes) {
    const out = execFileSync(process.execPath, [self, '--child', String(c), String(r), ...rest.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    process.stdout.write(out.trim().split('\n').pop() + '\n');
  }
}
