/// <reference lib="dom" />
/**
 * The built package in a browser: `import { computeCoverage } from 'sightline'`
 * bundles with esbuild for the browser (no externals, minified) into a small
 * file with no `node:` import — `#platform` resolves to its browser side
 * through the `browser` condition of package.json "imports", and the
 * modules the entry does not use (scenario schemas with zod, the report,
 * files) are tree-shaken away — and that bundle, run in headless Chromium,
 * gives exactly the numbers Node gives.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage, placeUniform, type CoverageResult } from '../../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser-bundle.test.ts: the Chromium part is SKIPPED — ${CHROMIUM} not found (apt-get install -y --no-install-recommends chromium)`);

/** The size budget of the computeCoverage bundle (minified, not compressed). */
const MAX_BYTES = 300 * 1024;

const POLYGON = [[[100, 100], [1900, 200], [1500, 1400], [200, 1200], [100, 100]]];
/** What the page and Node both compute: a seeded uniform camera set, then its coverage three ways. */
const CASES = {
  bounds: { cameras: { area: [0, 0, 2000, 1500], count: 400, options: { fov: 75, range: 60, seed: 'browser-bundle' } }, coverage: { bounds: [0, 0, 2000, 1500] } },
  polygon: { cameras: { area: [0, 0, 2000, 1500], count: 250, options: { fov: 360, range: 45, seed: 11 } }, coverage: { area: POLYGON, availability: 0.9 } },
  dori: { cameras: { area: [0, 0, 2000, 1500], count: 250, options: { fov: 75, range: 45, seed: 11 } }, coverage: { area: POLYGON, level: 'identify' } },
} as const;

/**
 * How far the two engines' coverage may part: ECMAScript leaves the last bit
 * of Math.sin, cos, tan, atan2, exp, log, pow… to the engine, and Node 20's
 * V8 (11.3) and the V8 of Debian's Chromium (156) differ in it for 4–15 % of
 * arguments (measured on 459 arguments each; sqrt and hypot agree), so the
 * footprints' arcs differ in their last bits and the areas by a few ulps.
 * Everything that needs no such function — the seeded camera positions,
 * counts, parameters — must be identical.
 */
const REL = 1e-12;

/**
 * Compares `got` to `want` (plain data): integers and everything not a
 * number exactly, other numbers to REL relative to `scale` (the study area
 * for areas; 1 for shares: `atLeast`, `coveredFraction`).
 */
function expectClose(got: unknown, want: unknown, areaScale: number, path = 'result'): void {
  const scale = /\.(atLeast|coveredFraction)/.test(path) ? 1 : areaScale;
  if (typeof want === 'number' && !Number.isInteger(want)) {
    expect(typeof got, path).toBe('number');
    expect(Math.abs((got as number) - want), `${path}: ${String(got)} vs ${want}`).toBeLessThanOrEqual(REL * scale);
  } else if (Array.isArray(want)) {
    expect(Array.isArray(got) && got.length, path).toBe(want.length);
    want.forEach((w, i) => expectClose((got as unknown[])[i], w, areaScale, `${path}[${i}]`));
  } else if (want !== null && typeof want === 'object') {
    expect(Object.keys(got as object).sort(), path).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) expectClose((got as Record<string, unknown>)[k], w, areaScale, `${path}.${k}`);
  } else {
    expect(got, path).toEqual(want);
  }
}

let work = '';
let bundle = '';
let meta: Metafile;
let wholeRoot: { text: string; meta: Metafile };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let browser: any = null;

/** Bundles `source` (an ES module importing 'sightline') for the browser, as an IIFE assigning `globalThis.sl`. */
async function bundleForBrowser(source: string): Promise<{ text: string; meta: Metafile }> {
  const r = await build({
    stdin: { contents: source, resolveDir: work, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'sl',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { text: r.outputFiles[0].text, meta: r.metafile };
}

/**
 * Every Node built-in the bundle imports (from its metafile: tsup writes
 * them without the `node:` prefix, hence isBuiltin), and any `node:`
 * specifier left in its text. (esbuild with platform 'browser' also fails on
 * an unresolvable built-in, which fails beforeAll.)
 */
function nodeImports(b: { text: string; meta: Metafile }): string[] {
  const fromMeta = Object.values(b.meta.inputs).flatMap((i) => i.imports.map((x) => x.path).filter((p) => p.startsWith('node:') || isBuiltin(p)));
  const fromText = b.text.match(/(?:from|import|require)\s*\(?\s*["']node:[a-z_/]+["']/g) ?? [];
  return [...fromMeta, ...fromText];
}

beforeAll(async () => {
  // On a fresh clone CI builds before testing; locally dist may be missing.
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/platform-browser.js'))) execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'ignore', timeout: 600_000 });
  work = mkdtempSync(join(tmpdir(), 'sightline-browser-'));
  mkdirSync(join(work, 'node_modules'));
  // node_modules/sightline -> the repository: resolved through package.json "exports" and "imports" as an installed copy would be.
  symlinkSync(root, join(work, 'node_modules/sightline'), 'dir');
  const b = await bundleForBrowser(`export { computeCoverage, placeUniform } from 'sightline';`);
  bundle = b.text;
  meta = b.meta;
  wholeRoot = await bundleForBrowser(`export * from 'sightline';`);
  if (haveChromium) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }
}, 900_000);

afterAll(async () => {
  if (browser) await browser.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the browser bundle of computeCoverage', () => {
  it(`is at most ${MAX_BYTES / 1024} KB minified`, () => {
    const bytes = Buffer.byteLength(bundle);
    console.log(`browser bundle of computeCoverage + placeUniform: ${(bytes / 1024).toFixed(1)} KB minified, ${(gzipSync(bundle).length / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('imports no node: module', () => {
    expect(nodeImports({ text: bundle, meta })).toEqual([]);
  });

  it('uses the browser side of #platform, not the Node side', () => {
    const inputs = Object.keys(meta.inputs);
    expect(inputs.some((p) => p.endsWith('dist/platform-browser.js'))).toBe(true);
    expect(inputs.some((p) => p.includes('platform-node'))).toBe(false);
  });

  it('leaves out what computeCoverage does not use: zod, vega, the report and the scenario schemas', () => {
    const included = Object.entries(meta.outputs)
      .flatMap(([, o]) => Object.entries(o.inputs))
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([p]) => p);
    expect(included.filter((p) => /node_modules\/(zod|vega|vega-lite)\//.test(p))).toEqual([]);
    expect(bundle).not.toMatch(/vega|sightlineCharts|ScenarioError/);
  });
});

describe('the browser bundle of the whole root API', () => {
  it('bundles too, with no node: module (the file-based parts throw a UsageError in the browser)', () => {
    expect(nodeImports(wholeRoot)).toEqual([]);
    expect(Object.keys(wholeRoot.meta.inputs).some((p) => p.includes('platform-node'))).toBe(false);
  });
});

describe('computeCoverage in headless Chromium', () => {
  // In CI (CI=true) the test never skips: .ci/run installs chromium, and a missing one must fail.
  it.skipIf(!haveChromium && !process.env.CI)('gives the numbers Node gives on the same seeded cameras (positions bit for bit, areas to 1e-12)', async () => {
    const inNode: Record<string, { xy: number[]; coverage: CoverageResult }> = {};
    for (const [name, c] of Object.entries(CASES)) {
      const cams = placeUniform(c.cameras.area as never, c.cameras.count, c.cameras.options as never);
      inNode[name] = { xy: [...cams.x, ...cams.y], coverage: computeCoverage(cams, c.coverage as never) };
    }
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e: Error) => problems.push(e.message));
    await page.setContent('<!doctype html><title>sightline</title>');
    await page.addScriptTag({ content: bundle });
    const inBrowser = (await page.evaluate((cases: typeof CASES) => {
      type Cams = { x: Float64Array; y: Float64Array };
      const sl = (globalThis as unknown as { sl: { placeUniform: (...a: unknown[]) => Cams; computeCoverage: (...a: unknown[]) => unknown } }).sl;
      const out: Record<string, unknown> = {};
      for (const [name, c] of Object.entries(cases)) {
        const cams = sl.placeUniform(c.cameras.area, c.cameras.count, c.cameras.options);
        out[name] = { xy: [...cams.x, ...cams.y], coverage: sl.computeCoverage(cams, c.coverage) };
      }
      return out;
    }, CASES)) as typeof inNode;
    await page.close();
    expect(problems).toEqual([]);
    // The cases are not trivial: hundreds of cameras, overlaps up to several deep.
    expect(inNode.bounds.coverage.numCameras).toBe(400);
    expect(inNode.bounds.coverage.atLeast[3]).toBeGreaterThan(0);
    expect(inNode.polygon.coverage.params.availability).toBe(0.9);
    expect(inNode.dori.coverage.params.level).toBe('identify');
    for (const name of Object.keys(CASES)) {
      // page.evaluate returns the numbers through JSON, which round-trips doubles exactly.
      expect(inBrowser[name].xy, `${name}: camera positions`).toEqual(inNode[name].xy);
      expectClose(inBrowser[name].coverage, JSON.parse(JSON.stringify(inNode[name].coverage)), inNode[name].coverage.studyArea, name);
    }
  });
});
