/**
 * Issue 17's command-line rough edges, from the user's side: a closed pipe,
 * `run` without a scenario, per-command help, and a route given as lat,lon.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, requireBuiltCli, runCliProcess, TINY } from './helpers.js';

beforeAll(() => requireBuiltCli());

describe('sightline: rough edges', () => {
  it('`sightline schema | head -c 10` ends quietly with exit 0 when the reader closes the pipe', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy()); // like `head`: read a little, then close
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|Error/);
  });

  it('`sightline run` without a scenario or --preset prints a usage error (exit 2) instead of running the full preset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-run-'));
    const r = await runCliProcess(['run'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run: give a scenario file or --preset NAME/);
  });

  it('each command has its own --help: its usage lines and only the options it accepts', async () => {
    const route = await runCliProcess(['route', '--help']);
    expect(route.code).toBe(0);
    expect(route.stdout).toMatch(/sightline route \(<scenario\.json> \| --preset NAME\) --path/);
    expect(route.stdout).toMatch(/--seed S/);
    expect(route.stdout).not.toMatch(/sightline run </);
    expect(route.stdout).not.toMatch(/--force\b.*\n[\s\S]*--residents/); // run's --residents is not a route option
    expect(route.stdout).not.toMatch(/--residents/);
    const schema = await runCliProcess(['help', 'schema']);
    expect(schema.code).toBe(0);
    expect(schema.stdout).toMatch(/sightline schema \[--sweep\] \[--out FILE\]/);
    expect(schema.stdout).not.toMatch(/--preset/);
    const all = await runCliProcess(['--help']);
    expect(all.stdout).toMatch(/sightline compare/);
    // Names inherited from Object.prototype are not commands.
    const proto = await runCliProcess(['toString']);
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/unknown command "toString"/);
    expect((await runCliProcess(['constructor', '--help'])).code).toBe(0); // the general help
    expect((await runCliProcess(['help', 'toString'])).stdout).toMatch(/sightline compare/);
  });

  it('a route given as lat,lon (a point in the Arctic) is a usage error naming the point and suggesting the swap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-route-'));
    const f = join(dir, 'tiny.json');
    writeFileSync(f, JSON.stringify(TINY));
    // Republic Square, Almaty, as lat,lon instead of lon,lat.
    const r = await runCliProcess(['route', f, '--path', '43.2383,76.9453;43.2450,76.9300']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/route: --path point 0 \(lon 43\.2383, lat 76\.9453\) is outside the city/);
    expect(r.stderr).toMatch(/did you mean "76\.9453,43\.2383"\?/);
    // The same points the right way round run.
    const ok = await runCliProcess(['route', f, '--path', '76.9453,43.2383;76.9300,43.2450', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).length).toBeGreaterThan(1000);
  });
});

describe('sightline: - is standard input and standard output', () => {
  const pipe = (args: string[], input: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });

  it('import-osm - --out - reads the cameras from stdin and writes the GeoJSON to stdout, the report to stderr', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'node/1', properties: { man_made: 'surveillance', 'camera:direction': '90' }, geometry: { type: 'Point', coordinates: [8.54, 47.37] } }] };
    const r = await pipe(['import-osm', '-', '--out', '-'], JSON.stringify(fc));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe('FeatureCollection');
    expect(out.features).toHaveLength(1);
    expect(r.stderr).toMatch(/1 features imported as 1 cameras, 0 skipped; written to standard output/);
    expect((await pipe(['import-osm', '-', '--out', '-', '--json'], '{}')).code).toBe(2);
  });

  it('run - reads the scenario from stdin; schema --out - writes to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-stdin-'));
    const r = await pipe(['run', '-', '--out', join(dir, 'out'), '--json', '--quiet'], JSON.stringify(TINY));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
    const s = await runCliProcess(['schema', '--out', '-']);
    expect(JSON.parse(s.stdout).title).toBe('sightline scenario');
  });
});

describe('sightline compare with more than two inputs', () => {
  it('compares each input against the first, side by side, and writes one page per comparison', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-cmp-'));
    const files = [1, 2, 3].map((seed) => {
      const f = join(dir, `s${seed}.json`);
      writeFileSync(f, JSON.stringify({ ...TINY, seed, name: `seed ${seed}` }));
      return f;
    });
    const r = await runCliProcess(['compare', ...files, '--out', join(dir, 'cmp'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.baseline).toBe('seed 1');
    expect(out.comparisons).toHaveLength(2);
    expect(out.comparisons.map((d: { b: { name: string } }) => d.b.name)).toEqual(['seed 2', 'seed 3']);
    expect(out.files.map((f: string) => f.split('/').pop())).toEqual(['comparison-2.html', 'comparison-3.html', 'comparison.json']);
    const text = await runCliProcess(['compare', ...files]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^A: seed 1\nB: seed 2\nC: seed 3\n/);
    expect(text.stdout).toMatch(/cameras\s+30\.000\s+30\.000\s+30\.000/);
    expect((await runCliProcess(['compare', files[0]])).code).toBe(2);
  });
});
