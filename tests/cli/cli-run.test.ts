import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCliProcess } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-cli-run-'));

/** A quick scenario file: Almaty on a coarse grid, few cameras. */
function scenarioFile(dir: string, name: string, count: number): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ name, seed: 2, city: { preset: 'almaty', blockSize: 600 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: count }], analyses: { coverage: {}, districts: { streets: false }, raster: { cellSize: 1000 } } }));
  return f;
}

beforeAll(() => requireBuiltCli());

describe('sightline run and compare', () => {
  it('runs a scenario file, writes every output and prints machine-readable JSON; compare gives the deltas', async () => {
    const dir = tmp();
    const a = scenarioFile(dir, 'a.json', 200);
    const b = scenarioFile(dir, 'b.json', 800);
    const ra = await runCliProcess(['run', a, '--out', join(dir, 'out-a'), '--json']);
    expect(ra.code).toBe(0);
    const ja = JSON.parse(ra.stdout);
    expect(ja.ok).toBe(true);
    expect(ja.headline.cameras).toBe(200);
    expect(readdirSync(join(dir, 'out-a')).sort()).toEqual(['camera-density.geojson', 'camera-footprints.geojson', 'cameras.geojson', 'coverage-grid.geojson', 'districts.geojson', 'manifest.json', 'report.html', 'results.json']);
    // Plain progress lines on a pipe (not a terminal), on stderr.
    expect(ra.stderr).toMatch(/^\[1\/\d\] Building the city \.\.\.$/m);
    expect(ra.stderr).toMatch(/^\[\d\/\d\] Area coverage done in \d+\.\d\d s$/m);
    const rb = await runCliProcess(['run', b, '--out', join(dir, 'out-b'), '--quiet']);
    expect(rb.code).toBe(0);
    expect(rb.stderr).toBe('');
    expect(rb.stdout).toContain('report: ');

    const c = await runCliProcess(['compare', join(dir, 'out-a', 'results.json'), join(dir, 'out-b', 'results.json'), '--json']);
    expect(c.code).toBe(0);
    const d = JSON.parse(c.stdout);
    const cams = d.headline.find((x: { key: string }) => x.key === 'cameras');
    expect(cams).toEqual({ key: 'cameras', a: 200, b: 800, delta: 600, relative: 3 });
    expect(d.districts).toHaveLength(8);
    // A scenario file is run first, then compared: same numbers as its results.json.
    const c2 = await runCliProcess(['compare', join(dir, 'out-a', 'results.json'), a, '--json', '--quiet']);
    expect(c2.code).toBe(0);
    expect(JSON.parse(c2.stdout).headline.every((x: { delta: number }) => x.delta === 0)).toBe(true);
    const plain = await runCliProcess(['compare', join(dir, 'out-a', 'results.json'), join(dir, 'out-b', 'results.json')]);
    expect(plain.stdout).toMatch(/^cameras\s+200\s+800\s+\+600$/m);
    const withPage = await runCliProcess(['compare', join(dir, 'out-a', 'results.json'), join(dir, 'out-b', 'results.json'), '--out', join(dir, 'cmp')]);
    expect(withPage.code).toBe(0);
    expect(readdirSync(join(dir, 'cmp')).sort()).toEqual(['comparison.html', 'comparison.json']);
    expect(JSON.parse(readFileSync(join(dir, 'cmp', 'comparison.json'), 'utf8')).headline).toEqual(d.headline);
  });

  it('writes the FlatGeobuf files of the large layers with --format fgb, and refuses an unknown format as a usage error', async () => {
    const dir = tmp();
    const a = scenarioFile(dir, 'a.json', 100);
    const r = await runCliProcess(['run', a, '--out', join(dir, 'fgb'), '--format', 'fgb', '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'fgb')).sort()).toEqual(['camera-density.fgb', 'camera-footprints.fgb', 'cameras.fgb', 'coverage-grid.fgb', 'districts.geojson', 'manifest.json', 'report.html', 'results.json']);
    const bad = await runCliProcess(['run', a, '--out', join(dir, 'bad'), '--format', 'geojson,shp']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format "geojson,shp": "shp" is not one of geojson, fgb/);
  });

  it('gives quick coverage and route exposure as JSON', async () => {
    const dir = tmp();
    const f = scenarioFile(dir, 'q.json', 300);
    const cov = await runCliProcess(['coverage', f, '--level', 'range', '--level', 'identify', '--json', '--quiet']);
    expect(cov.code).toBe(0);
    const j = JSON.parse(cov.stdout);
    expect(j.coverage.map((r: { level: string }) => r.level)).toEqual(['range', 'identify']);
    expect(j.coverage[1].coveredFraction).toBeLessThan(j.coverage[0].coveredFraction);
    // A 2-point route across central Almaty.
    const route = await runCliProcess(['route', f, '--path', '76.90,43.24;76.96,43.24', '--json', '--quiet']);
    expect(route.code).toBe(0);
    const e = JSON.parse(route.stdout);
    // 0.06° of longitude at 43.24° N ≈ 4.87 km.
    expect(e.length).toBeGreaterThan(4800);
    expect(e.length).toBeLessThan(4950);
    expect(e.observedFraction).toBeGreaterThanOrEqual(0);
    expect(e.observedFraction).toBeLessThanOrEqual(1);
    expect((await runCliProcess(['route', f, '--path', '76.9,43.24'])).code).toBe(2);
  });

  it('stops cleanly on SIGINT with exit 130 and leaves no file behind', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    let sent = false;
    const r = await runCliProcess(['run', '--preset', 'almaty', '--out', out], {
      onStderr: (text, child) => {
        // Interrupt once the first step has started: the run stops before the next one.
        if (!sent && text.includes('Building the city')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted: stopped cleanly, no partial file left');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
