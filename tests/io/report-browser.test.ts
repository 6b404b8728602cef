/// <reference lib="dom" />
// Opens report.html in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and checks that it renders its maps and charts
// without console errors, page errors or network requests.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { runScenarioDetailed, runScenario, writeScenarioOutputs, buildReportHtml, buildComparisonHtml, compareScenarios, InvalidInputError } from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // CI installs it (.ci/run); locally the test is skipped with this message.
  console.warn(`report-browser.test.ts: SKIPPED — ${CHROMIUM} not found (apt-get install -y --no-install-recommends chromium)`);
}

let reportPath = '';
let layersPath = '';
let comparisonPath = '';
let html = '';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let browser: any = null;

beforeAll(async () => {
  const run = await runScenarioDetailed({
    name: 'Browser test <script>alert(1)</script>',
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 500 }],
    analyses: { coverage: { levels: ['range', 'identify'] }, streetCoverage: {}, districts: {}, raster: { cellSize: 1000 } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sightline-report-'));
  writeScenarioOutputs(run, dir);
  reportPath = join(dir, 'report.html');
  html = readFileSync(reportPath, 'utf8');
  // A second report with the network and exposure layers: outages, SPOF, exposure distributions, district map, unicity, crowds.
  const layers = await runScenarioDetailed({
    name: 'Browser test: network and exposure',
    seed: 4,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }],
    network: { from: 'preset' },
    residents: { count: 200 },
    retention: { preset: 'almaty-assumed', compareWith: { preset: 'met-lfr' }, legalHolds: [{ area: [76.94, 43.235, 76.95, 43.24], from: 0, to: 1, keepDays: 365 }] },
    analyses: {
      districts: { streets: false },
      network: {},
      spof: { top: 10 },
      outages: { trials: 200 },
      damage: { randomUnits: 2, randomCameras: 10 },
      exposure: {
        watchlistSize: 1000,
        unicity: { kMax: 8, sampleSize: 100 },
        crowds: [
          { name: 'Square', polygon: [[76.9437, 43.2374], [76.9469, 43.2374], [76.9469, 43.2393], [76.9437, 43.2393]], numPeople: 5000, durationS: 3600, retroactive: { daysAfter: [30, 120] } },
          { name: 'Square after', polygon: [[76.9437, 43.2374], [76.9469, 43.2374], [76.9469, 43.2393], [76.9437, 43.2393]], numPeople: 5000, afterDamage: true },
        ],
      },
    },
  });
  const layersDir = mkdtempSync(join(tmpdir(), 'sightline-report-layers-'));
  writeScenarioOutputs(layers, layersDir);
  layersPath = join(layersDir, 'report.html');
  const more = await runScenario({ ...run.result.inputs, name: 'More cameras', cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }] });
  comparisonPath = join(dir, 'comparison.html');
  writeFileSync(comparisonPath, buildComparisonHtml(compareScenarios(run.result, more)));
  if (haveChromium) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html', () => {
  it('is one self-contained page: scripts inlined, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    // Nothing is loaded from the network; the only web addresses are the sources' links for the reader to follow.
    expect(html).not.toMatch(/src="https?:/i);
    expect(html.replace(/<a href="https:\/\/[^"]+" rel="noreferrer">/g, '')).not.toMatch(/href="https?:/i);
    // The scenario name is escaped, never injected as markup.
    expect(html).toContain('Browser test &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Assumptions and sources');
    expect(html).toContain('EN 62676-4');
  });

  it('rejects something that is not a result', () => {
    expect(() => buildReportHtml({} as never)).toThrow(InvalidInputError);
  });

  // In CI (CI=true) the test never skips: .ci/run installs chromium, and a missing one must fail.
  it.skipIf(!haveChromium && !process.env.CI)('comparison.html renders its delta charts with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e: Error) => problems.push(e.message));
    page.on('request', (r: { url(): string }) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
    await page.goto(`file://${comparisonPath}`);
    await page.waitForFunction(() => {
      const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
      return c !== undefined && c.rendered + c.failed === c.total;
    }, null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { sightlineCharts: unknown }).sightlineCharts)).toEqual({ total: 2, rendered: 2, failed: 0 });
    // 8 districts × 2 scenarios = 16 bars.
    expect(await page.evaluate(() => document.querySelectorAll('#chart-districts svg .mark-rect path').length)).toBe(16);
    expect(await page.evaluate(() => document.querySelectorAll('#chart-headline svg .mark-rect path').length)).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveChromium && !process.env.CI)('renders its maps and charts in headless Chromium with no errors and no network request', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
    // blob: is the interactive map's Web Worker, started from its inlined source (not a network request).
    page.on('request', (r: { url(): string }) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(`file://${reportPath}`);
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
        return c !== undefined && c.rendered + c.failed === c.total;
      },
      null,
      { timeout: 60_000 },
    );
    const charts = await page.evaluate(() => (window as unknown as { sightlineCharts: unknown }).sightlineCharts);
    expect(charts).toEqual({ total: 5, rendered: 5, failed: 0 });
    // Each map and chart holds an SVG with drawn marks.
    for (const id of ['map-density', 'map-districts', 'chart-k', 'chart-streets', 'chart-districts']) {
      const marks = await page.evaluate((sel: string) => {
        const svg = document.querySelector(`#${sel} svg`);
        if (!svg) return { svg: false, paths: 0, width: 0 };
        return { svg: true, paths: svg.querySelectorAll('path').length, width: svg.getBoundingClientRect().width };
      }, id);
      expect(marks.svg, id).toBe(true);
      expect(marks.paths, id).toBeGreaterThan(3);
      expect(marks.width, id).toBeGreaterThan(100);
    }
    // The district map draws one shape per district (8 in Almaty).
    const districtShapes = await page.evaluate(() => document.querySelectorAll('#map-districts svg .mark-shape path').length);
    expect(districtShapes).toBe(8);
    expect(await page.locator('#errors').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveChromium && !process.env.CI)('renders the network and exposure charts and the per-district exposure map with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
    // blob: is the interactive map's Web Worker, started from its inlined source (not a network request).
    page.on('request', (r: { url(): string }) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(`file://${layersPath}`);
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
        return c !== undefined && c.rendered + c.failed === c.total;
      },
      null,
      { timeout: 60_000 },
    );
    const ids = ['map-density', 'map-districts', 'chart-districts', 'chart-outages', 'chart-spof', 'chart-sightings', 'chart-pidentified', 'map-exposure', 'chart-district-exposure', 'chart-unicity', 'chart-crowds', 'chart-retention-storage', 'chart-retention-access'];
    expect(await page.evaluate(() => (window as unknown as { sightlineCharts: unknown }).sightlineCharts)).toEqual({ total: ids.length, rendered: ids.length, failed: 0 });
    for (const id of ids) {
      const marks = await page.evaluate((sel: string) => {
        const svg = document.querySelector(`#${sel} svg`);
        if (!svg) return { svg: false, paths: 0, width: 0 };
        return { svg: true, paths: svg.querySelectorAll('path').length, width: svg.getBoundingClientRect().width };
      }, id);
      expect(marks.svg, id).toBe(true);
      expect(marks.paths, id).toBeGreaterThan(3);
      expect(marks.width, id).toBeGreaterThan(100);
    }
    // One shape per district on the exposure map; ten SPOF bars; eight points on the unicity curve; 2 crowds × 2 modes × 2 measures bars.
    expect(await page.evaluate(() => document.querySelectorAll('#map-exposure svg .mark-shape path').length)).toBe(8);
    expect(await page.evaluate(() => document.querySelectorAll('#chart-spof svg .mark-rect path').length)).toBe(10);
    expect(await page.evaluate(() => document.querySelectorAll('#chart-unicity svg .mark-symbol path').length)).toBe(8);
    expect(await page.evaluate(() => document.querySelectorAll('#chart-crowds svg .mark-rect path').length)).toBe(8);
    // The outage histogram's bars hold all 200 trials.
    expect(await page.evaluate(() => document.querySelectorAll('#chart-outages svg .mark-rect path').length)).toBeGreaterThan(0);
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of ['Command network', 'Targeted damage', 'Watchlist', 'Unicity', 'Crowds', 'Retention', 'Who can read it: almaty-assumed', 'Retroactive identification of crowds', 'does not hold']) expect(text).toContain(s);
    expect(await page.locator('#errors').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveChromium && !process.env.CI)('fits a 390 px phone screen: every chart drawn, nothing wider than the viewport (tables and wide charts scroll in their own box)', async () => {
    for (const path of [layersPath, reportPath]) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const problems: string[] = [];
      page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
      await page.goto(`file://${path}`);
      await page.waitForFunction(
        () => {
          const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
          return c !== undefined && c.rendered + c.failed === c.total;
        },
        null,
        { timeout: 60_000 },
      );
      const c = await page.evaluate(() => (window as unknown as { sightlineCharts: { total: number; failed: number } }).sightlineCharts);
      expect(c.failed).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The single-view charts follow their container's width rather than scrolling.
      const widest = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('#map-density svg, #map-districts svg, #chart-k svg')).map((e) => e.getBoundingClientRect().width)));
      expect(widest).toBeLessThanOrEqual(390);
      expect(widest).toBeGreaterThan(200);
      // The maps draw their shapes across the width (a long title line once squeezed them to nothing).
      const shapes = await page.evaluate(() => Array.from(document.querySelectorAll('#map-density svg g.mark-shape, #map-districts svg g.mark-shape')).map((e) => e.getBoundingClientRect().width));
      expect(shapes.length).toBeGreaterThan(0);
      for (const w of shapes) expect(w).toBeGreaterThan(150);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
