/**
 * Issue 18, the command's half: output paths checked before the analysis
 * (defect 8, and defect 2's /proc hang), strict numbers and validation gaps
 * (defect 10), the memory guard (defect 9), byte-identical output folders
 * (defect 11). Each test is a reproduction from the issue.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, scenarioPreset } from '../../src/index.js';
import { formatValue } from '../../src/core/errors.js';
import { estimateResources, guardResources, RESOURCE_MODEL } from '../../src/cli/resource-guard.js';
import { requireBuiltCli, runCliProcess, CLI, TINY } from './helpers.js';
import { spawn } from 'node:child_process';

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-cli-rel-'));

/** Runs the built command with extra environment variables. */
function runWithEnv(args: string[], env: Record<string, string>, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // A command that hangs (the bug this file guards against) is killed rather than left running.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** A usage error: exit 2, a one-line message, no stack trace, no analysis started. */
function expectUsage(r: { code: number | null; stderr: string }, message: RegExp | string): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
  expect(r.stderr).toMatch(/^usage error: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/\[1\/\d+\]/);
}

beforeAll(() => requireBuiltCli());

describe('output paths are checked before the analysis (defect 8, defect 2 /proc)', () => {
  it('run --out an existing file, a path under a file, an empty path: usage errors at once', async () => {
    const dir = tmp();
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'x');
    // The full Almaty preset: the analysis would take tens of seconds; the error comes first.
    const r1 = await runCliProcess(['run', '--preset', 'almaty', '--out', file]);
    expectUsage(r1, `--out "${file}": ${file} exists and is not a folder`);
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--out', join(file, 'sub')]), `${file} is a file, not a folder`);
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--out', ''], { cwd: dir }), '--out "": is empty');
    expect(readdirSync(dir)).toEqual(['taken.txt']);
  });

  it('run --out /proc/x fails fast instead of looping in mkdir', async () => {
    if (!existsSync('/proc/self')) return;
    const r = await runWithEnv(['run', '--preset', 'almaty', '--out', '/proc/x'], {});
    expectUsage(r, /--out "\/proc\/x": cannot create files in \/proc \(ENOENT/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('EPERM (a /sys folder) and a folder of the user inside --out', async () => {
    if (existsSync('/sys/kernel')) expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--out', '/sys/sightline-x']), /cannot create files in \/sys \(EPERM: permission denied\)/);
    const dir = tmp();
    mkdirSync(join(dir, 'out', 'mine'), { recursive: true });
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--out', join(dir, 'out')]), /holds folders sightline did not write \(mine\/\)/);
  });

  it('schema and import-osm: a folder (EISDIR), a path under a file (ENOTDIR), an empty path', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'f'), 'x');
    expectUsage(await runCliProcess(['schema', '--out', dir]), `${dir} is a folder (give a file name)`);
    expectUsage(await runCliProcess(['schema', '--out', join(dir, 'f', 'schema.json')]), `${join(dir, 'f')} is a file, not a folder`);
    expectUsage(await runCliProcess(['schema', '--out', ''], { cwd: dir }), '--out "": is empty');
    const cams = join(dir, 'cams.geojson');
    writeFileSync(cams, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    expectUsage(await runCliProcess(['import-osm', cams, '--out', dir]), `${dir} is a folder (give a file name)`);
    expectUsage(await runCliProcess(['import-osm', cams, '--out', join(dir, 'f', 'x.geojson')]), 'is a file, not a folder');
    expect(readdirSync(dir).sort()).toEqual(['cams.geojson', 'f']);
    // Still writes into a new nested folder.
    const ok = await runCliProcess(['schema', '--out', join(dir, 'new', 'schema.json')]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'new', 'schema.json'), 'utf8')).title).toBe('sightline scenario');
  });
});

describe('strict numbers and validation gaps (defect 10)', () => {
  it('refuses hex, exponents, fractions, signs and spaces in counts', async () => {
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', '0x10']), '--num-cameras must be an integer >= 1, got "0x10" (decimal digits only, at most 9007199254740991)');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', '1e3']), 'got "1e3"');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', ' 16']), 'got " 16"');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--residents', '10.0']), '--residents must be an integer >= 1, got "10.0"');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', '0']), '--num-cameras must be an integer >= 1, got "0"');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--num-cameras', '99999999999999999999']), '--num-cameras must be an integer >= 1, got "99999999999999999999" (decimal digits only, at most 9007199254740991)');
  });

  it('refuses seeds that are not exact integers or words: 1.5, beyond 2^53, Infinity, NaN, hex', async () => {
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--seed', '1.5']), '--seed must be an integer (decimal digits) or a word, got "1.5"');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--seed', '99999999999999999999']), '--seed 99999999999999999999 is beyond ±9007199254740991 (2^53 − 1)');
    expectUsage(await runCliProcess(['run', '--preset', 'almaty', '--seed=-99999999999999999999']), 'is beyond ±9007199254740991');
    for (const s of ['Infinity', '-Infinity', 'NaN', '0x10', '1e3', '']) expectUsage(await runCliProcess(['run', '--preset', 'almaty', `--seed=${s}`]), '--seed must');
  });

  it('refuses --path coordinates that are empty or hex', async () => {
    expectUsage(await runCliProcess(['route', '--preset', 'almaty', '--path', '76.9,;76.96,43.24']), 'route: --path point 0 must be "lon,lat", got "76.9,"');
    expectUsage(await runCliProcess(['route', '--preset', 'almaty', '--path', '0x4c,43.2;76.96,43.24']), 'got "0x4c,43.2"');
  });

  it('scenario seeds: a string or a safe integer; Infinity and 1e20 get a message that says so', () => {
    const issue = (seed: unknown) => {
      try {
        parseScenario({ seed, city: { preset: 'almaty' } });
        return 'ok';
      } catch (e) {
        return (e as ScenarioError).issues[0].message;
      }
    };
    expect(issue(Infinity)).toBe('seed must be a string or an integer within ±9007199254740991 (2^53 − 1), got Infinity');
    expect(issue(NaN)).toBe('seed must be a string or an integer within ±9007199254740991 (2^53 − 1), got NaN');
    expect(issue(1.5)).toMatch(/^seed must be a string or an integer/);
    expect(issue(1e20)).toBe('seed must be <= 9007199254740991, got 100000000000000000000');
    expect(issue(7)).toBe('ok');
    expect(issue('almaty-2024')).toBe('ok');
  });

  it('route endpoints must be own place names: toString, hasOwnProperty and __proto__ are refused', () => {
    const places = { a: { lon: 76.9, lat: 43.24 }, b: { lon: 76.95, lat: 43.25 } };
    const scenario = (routes: unknown, p: unknown = places) => ({ city: { preset: 'almaty', blockSize: 600 }, analyses: { exposure: { places: p, routes } } });
    const paths = (s: unknown) => {
      try {
        parseScenario(s);
        return [];
      } catch (e) {
        return (e as ScenarioError).issues.map((i) => `${i.path} ${i.expected}`);
      }
    };
    expect(paths(scenario([{ from: 'toString', to: 'hasOwnProperty' }]))).toEqual([
      'analyses.exposure.routes[0].from must name a place in analyses.exposure.places ("a", "b")',
      'analyses.exposure.routes[0].to must name a place in analyses.exposure.places ("a", "b")',
    ]);
    expect(paths(JSON.parse('{"city":{"preset":"almaty"},"analyses":{"exposure":{"places":{"b":{"lon":76.95,"lat":43.25}},"routes":[{"from":"__proto__","to":"b"}]}}}'))).toEqual([
      'analyses.exposure.routes[0].from must name a place in analyses.exposure.places ("b")',
    ]);
    // A place named __proto__ would be dropped silently by the record: refused by name.
    expect(paths(JSON.parse('{"city":{"preset":"almaty"},"analyses":{"exposure":{"places":{"__proto__":{"lon":76.9,"lat":43.24},"b":{"lon":76.95,"lat":43.25}},"routes":[{"from":"b","to":"b"}]}}}'))).toEqual([
      'analyses.exposure.places.__proto__ is a reserved name (__proto__)',
    ]);
    expect(paths(scenario([{ from: 'a', to: 'b' }]))).toEqual([]);
  });

  it('prints NaN and Infinity as themselves in messages, not null', () => {
    expect(formatValue([NaN, 0])).toBe('[NaN,0]');
    expect(formatValue({ x: -Infinity, y: [Infinity, 1] })).toBe('{"x":-Infinity,"y":[Infinity,1]}');
    expect(formatValue([null, 0])).toBe('[null,0]');
  });
});

describe('the memory and time guard (defect 9)', () => {
  it('refuses before allocating, with exit 3, a run that will not fit the heap; names the count and how many fit', async () => {
    // A laptop whose heap is 2 GB (Node's default on smaller machines).
    const r = await runWithEnv(['run', '--preset', 'almaty', '--num-cameras', '3000000', '--out', join(tmp(), 'out')], { NODE_OPTIONS: '--max-old-space-size=2048' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^too large: sightline: about 3\.\d GB needed for 3,000,000 cameras; at most ~1,\d{3},\d{3} cameras fit in the 2\.\d GB heap \(raise it with NODE_OPTIONS=--max-old-space-size=MB\)\. Use fewer, or pass --force to run anyway\n$/);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('schema maxima: 50,000,000 cameras in one source is an invalid scenario; two sources of 3,000,000 are refused by the guard', async () => {
    const dir = tmp();
    const f = join(dir, 's.json');
    writeFileSync(f, JSON.stringify({ city: { preset: 'almaty' }, cameras: [{ from: 'uniform', numCameras: 50_000_000 }] }));
    const r = await runCliProcess(['run', f, '--out', join(dir, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cameras[0].numCameras must be <= 3000000, got 50000000');
    writeFileSync(f, JSON.stringify({ city: { preset: 'almaty' }, cameras: [{ from: 'uniform', numCameras: 3_000_000 }, { from: 'uniform', numCameras: 3_000_000 }] }));
    const r2 = await runWithEnv(['run', f, '--out', join(dir, 'out')], { NODE_OPTIONS: '--max-old-space-size=4096' });
    expect(r2.code).toBe(3);
    expect(r2.stderr).toMatch(/about 6\.\d GB needed for 6,000,000 cameras/);
  });

  it('--force warns and runs anyway', async () => {
    const dir = tmp();
    const f = join(dir, 'tiny.json');
    writeFileSync(f, JSON.stringify(TINY));
    // A 160 MB heap: below the estimate's fixed part, so even the tiny scenario is over budget.
    const env = { NODE_OPTIONS: '--max-old-space-size=160' };
    const refused = await runWithEnv(['run', f, '--out', join(dir, 'out'), '--quiet'], env);
    expect(refused.code).toBe(3);
    const forced = await runWithEnv(['run', f, '--out', join(dir, 'out'), '--quiet', '--force'], env);
    expect(forced.stderr).toMatch(/^warning \(--force\): about \d+ MB needed for/);
    expect(forced.code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toContain('results.json');
  });

  it('is calibrated: the estimate covers every measured peak (VmHWM) of benchmarks/memory-calibration.mjs, by at most 2.5 times', () => {
    // Measured 2025-12 on the 2-core test machine (benchmarks/notes.md, "Memory guard").
    const measured = [
      { numCameras: 4000, numResidents: 2000, peakMB: 244 },
      { numCameras: 16000, numResidents: 2000, peakMB: 231 },
      { numCameras: 64000, numResidents: 2000, peakMB: 267 },
      { numCameras: 128000, numResidents: 2000, peakMB: 346 },
      { numCameras: 256000, numResidents: 2000, peakMB: 465 },
      { numCameras: 4000, numResidents: 20000, peakMB: 320 },
      { numCameras: 4000, numResidents: 80000, peakMB: 334 },
      { numCameras: 4000, numResidents: 2000, blockSize: 75, peakMB: 381 },
      { numCameras: 4000, numResidents: 2000, cellSize: 25, peakMB: 1638 },
    ];
    for (const m of measured) {
      const s = scenarioPreset('almaty', { numCameras: m.numCameras, numResidents: m.numResidents }) as { city: object; analyses: { raster?: object } };
      if (m.blockSize) s.city = { ...s.city, blockSize: m.blockSize };
      if (m.cellSize) s.analyses = { ...s.analyses, raster: { cellSize: m.cellSize } };
      const e = estimateResources(parseScenario(s));
      expect(e.bytes / 2 ** 20, `${m.numCameras} cameras, ${m.numResidents} residents`).toBeGreaterThanOrEqual(m.peakMB);
      expect(e.bytes / 2 ** 20).toBeLessThanOrEqual(2.5 * m.peakMB);
    }
    expect(RESOURCE_MODEL.perCameraBytes).toBeGreaterThan(0);
  });

  it('gives a time class and warns about runs of hours', () => {
    const warnings: string[] = [];
    const e = guardResources(parseScenario(scenarioPreset('almaty', { numCameras: 2_000_000, numResidents: 1000 })), { force: true, warn: (t) => warnings.push(t), origin: 'test' });
    expect(e.timeClass).toBe('hours');
    expect(warnings.join('')).toMatch(/2,000,000 cameras may take hours/);
    expect(estimateResources(parseScenario(scenarioPreset('almaty'))).timeClass).toBe('under a minute');
  });
});

describe('byte-identical output folders (defect 11)', () => {
  it('the same scenario and seed twice: every file the same bytes; the timings are printed, not written', async () => {
    const dir = tmp();
    const f = join(dir, 'tiny.json');
    writeFileSync(f, JSON.stringify(TINY));
    const a = await runCliProcess(['run', f, '--out', join(dir, 'a'), '--json']);
    const b = await runCliProcess(['run', f, '--out', join(dir, 'b'), '--quiet']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(JSON.parse(a.stdout).timings.steps.length).toBeGreaterThan(3);
    expect(b.stdout).toMatch(/took\s+\d+\.\d s \(not in results\.json\)/);
    const names = readdirSync(join(dir, 'a')).sort();
    expect(names).toEqual(['camera-density.geojson', 'camera-footprints.geojson', 'cameras.geojson', 'coverage-grid.geojson', 'districts.geojson', 'exposure.csv', 'manifest.json', 'network-links.geojson', 'network-nodes.geojson', 'network.geojson', 'report.html', 'results.json']);
    expect(readdirSync(join(dir, 'b')).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(dir, 'b', n)).equals(readFileSync(join(dir, 'a', n))), n).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'results.json'), 'utf8')).timings).toBeUndefined();
  });
});
