/// <reference lib="dom" />
// Issue 20: the timeline's growth charts and the uptime charts render in
// headless Chromium (as report-browser.test.ts) with no errors.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarioDetailed, writeScenarioOutputs } from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
let reportPath = '';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let browser: any = null;

beforeAll(async () => {
  const run = await runScenarioDetailed({
    name: 'Browser test: timeline and uptime',
    seed: 5,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 1200 }],
    network: { from: 'preset', name: 'almaty', camerasPerAggregation: 20, maxCamerasPerAggregation: 40 },
    analyses: { coverage: {}, raster: { cellSize: 2000 }, network: {}, uptime: { days: 30, powerFailuresPerYear: 20 } },
    timeline: {
      years: [
        { year: 2022, cameras: 400, series: 'police-centre-connected', source: 'kgnews-2022-01-17', liveShare: 1 },
        { year: 2024, sergekComplexes: 1341, sergekSource: 'kazlenta-2024' },
        { year: 2026, cameras: 1200, series: 'unified-system', source: 'kazinform-2026-02-07', sergekComplexes: 1641, sergekSource: 'kazinform-2026-02-07' },
      ],
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sightline-report-timeline-'));
  writeScenarioOutputs(run, dir);
  reportPath = join(dir, 'report.html');
  if (haveChromium) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }
}, 300_000);

afterAll(async () => {
  if (browser) await browser.close();
});

describe('the timeline and uptime report blocks', () => {
  it.skipIf(!haveChromium && !process.env.CI)('draw the growth charts, the uptime charts and the tables with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`file://${reportPath}`);
    await page.waitForFunction(() => {
      const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
      return c !== undefined && c.rendered + c.failed === c.total;
    }, null, { timeout: 60_000 });
    const c = await page.evaluate(() => (window as unknown as { sightlineCharts: { total: number; rendered: number; failed: number } }).sightlineCharts);
    expect(c.failed).toBe(0);
    for (const id of ['chart-timeline-counts', 'chart-timeline-metrics', 'chart-uptime-districts', 'chart-uptime-durations', 'chart-uptime-daily']) {
      const marks = await page.evaluate((sel: string) => {
        const svg = document.querySelector(`#${sel} svg`);
        return svg ? { paths: svg.querySelectorAll('path').length, width: svg.getBoundingClientRect().width } : { paths: 0, width: 0 };
      }, id);
      expect(marks.paths, id).toBeGreaterThan(3);
      expect(marks.width, id).toBeGreaterThan(100);
    }
    // Counts: 2 camera points (two series) + 2 Sergek points.
    expect(await page.evaluate(() => document.querySelectorAll('#chart-timeline-counts svg g.mark-symbol.role-mark path').length)).toBe(4);
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of ['Growth over the years', 'The counts are of different things', 'Uptime over 30 days', 'Days fully covered', 'kazlenta.kz']) expect(text).toContain(s);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
