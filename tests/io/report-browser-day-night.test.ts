/// <reference lib="dom" />
// The by-hour charts of report.html (coverage by hour, identifications by departure hour) render in real
// headless Chromium (as report-browser.test.ts does for the other charts), with the night hours shaded.
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
    name: 'Browser test: day and night',
    seed: 4,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }],
    residents: { count: 200 },
    analyses: {
      coverage: { levels: ['range'] },
      coverageByHour: { date: '2026-12-21', levels: ['range', 'identify'] },
      exposure: { occlusion: false },
      exposureByHour: { date: '2026-12-21' },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sightline-report-day-night-'));
  writeScenarioOutputs(run, dir);
  reportPath = join(dir, 'report.html');
  if (haveChromium) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html with the by-hour analyses', () => {
  it.skipIf(!haveChromium && !process.env.CI)('draws coverage by hour and identifications by departure hour with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`file://${reportPath}`);
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
        return c !== undefined && c.rendered + c.failed === c.total;
      },
      null,
      { timeout: 60_000 },
    );
    const charts = await page.evaluate(() => (window as unknown as { sightlineCharts: { failed: number } }).sightlineCharts);
    expect(charts.failed).toBe(0);
    // 14 night hours on 21 December in Almaty (civil dusk 16:52, dawn 06:48): one grey rectangle each, in both charts.
    for (const id of ['chart-coverage-by-hour', 'chart-identified-by-hour']) {
      const rects = await page.evaluate((sel: string) => document.querySelectorAll(`#${sel} svg .mark-rect path`).length, id);
      expect(rects, id).toBeGreaterThanOrEqual(14);
    }
    // Two levels: two step lines.
    expect(await page.evaluate(() => document.querySelectorAll('#chart-coverage-by-hour svg .mark-line path').length)).toBe(2);
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of ['Coverage by hour of day', 'Exposure by hour of day', 'departing at night']) expect(text).toContain(s);
    expect(await page.locator('#errors').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});
