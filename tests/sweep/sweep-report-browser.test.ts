/// <reference lib="dom" />
// Opens the sweep's report.html for each design (grid over seeds,
// one-at-a-time, sobol) in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and checks that every chart renders, with no
// console error, page error or network request. The summaries come from
// synthetic rows (known functions of the varied inputs), so no scenario runs.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSweep, summariseSweep, buildSweepReportHtml, type SweepRow } from '../../src/sweep/index.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), 'sightline-sweep-report-'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let browser: any = null;

const scenario = { city: { preset: 'almaty', blockSize: 2000 }, cameras: [{ from: 'uniform', numCameras: 10 }], residents: { count: 10 }, analyses: { coverage: {}, exposure: { watchlistSize: 10 } } };
const vary = { plateReadRate: { low: 0.8, high: 0.99 }, 'analyses.exposure.watchlistSize': { low: 10, high: 1000, integer: true } };

/** Rows whose headline numbers are known functions of the inputs (plus a seed effect). */
function rows(design: 'grid' | 'one-at-a-time' | 'sobol') {
  const plan = planSweep({ scenario, seeds: 3, vary, design, ...(design === 'sobol' ? { samples: 16 } : {}) });
  const out: SweepRow[] = plan.runs.map((r) => {
    const [p, w] = plan.variants[r.variant];
    const s = Number(r.seed);
    return { run: r.id, variant: r.variant, seed: r.seed, values: plan.variants[r.variant], headline: { coveredFraction: 0.07 + 0.001 * s, exposurePIdentifiedMean: 0.3 + 0.4 * p + 0.01 * s, watchlistFalsePerDay: w / 10 + s, retentionStorageTB: 1000 } };
  });
  return { plan, rows: out };
}

const pages: Record<string, string> = {};
beforeAll(async () => {
  for (const d of ['grid', 'one-at-a-time', 'sobol'] as const) {
    const { plan, rows: r } = rows(d);
    const file = join(dir, `${d}.html`);
    writeFileSync(file, buildSweepReportHtml(summariseSweep(plan, r)));
    pages[d] = file;
  }
  if (haveChromium) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the sweep report in a browser', () => {
  for (const [design, kind] of [['grid', 'interval'], ['one-at-a-time', 'tornado'], ['sobol', 'sobol']] as const) {
    // In CI (CI=true) the test never skips: .ci/run installs chromium, and a missing one must fail.
    it.skipIf(!haveChromium && !process.env.CI)(`${design}: every chart renders, the ${kind} charts among them, with no errors`, async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m: { type(): string; text(): string }) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e: Error) => problems.push(e.message));
      page.on('request', (r: { url(): string }) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
      await page.goto(`file://${pages[design]}`);
      await page.waitForFunction(() => {
        const c = (window as unknown as { sightlineCharts?: { total: number; rendered: number; failed: number } }).sightlineCharts;
        return c !== undefined && c.rendered + c.failed === c.total;
      }, null, { timeout: 60_000 });
      const charts = await page.evaluate(() => (window as unknown as { sightlineCharts: { total: number; rendered: number; failed: number } }).sightlineCharts);
      expect(charts.failed).toBe(0);
      expect(charts.total).toBeGreaterThan(0);
      const ids = await page.evaluate(() => Array.from(document.querySelectorAll('.chart')).map((e) => e.id));
      expect(ids.some((id: string) => id.startsWith(`chart-${kind}-`)), ids.join(', ')).toBe(true);
      // Every chart drew marks.
      const empty = await page.evaluate(() => Array.from(document.querySelectorAll('.chart')).filter((e) => e.querySelectorAll('svg path, svg line, svg rect').length === 0).map((e) => e.id));
      expect(empty).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }, 90_000);
  }

  it('the one-at-a-time swings and the sobol indices follow the synthetic model', () => {
    const { plan, rows: r } = rows('one-at-a-time');
    const s = summariseSweep(plan, r);
    // exposurePIdentifiedMean = 0.3 + 0.4 p + 0.01 s: the plate read rate swings it by 0.4 × (0.99 − 0.8); the watchlist not at all.
    const sw = s.oneAtATime!.exposurePIdentifiedMean.swings;
    expect(sw[0].parameter).toBe('plateReadRate');
    expect(sw[0].swing).toBeCloseTo(0.4 * 0.19, 12);
    expect(sw[1].swing).toBe(0);
    const sob = summariseSweep(...(Object.values(rows('sobol')) as [never, never]));
    const ix = sob.sobol!.indices.exposurePIdentifiedMean!;
    // Linear in p alone (the seed term averages out): all of the variance is the plate read rate's. The first-order
    // estimator carries sampling error at 16 base samples; the watchlist's total index is exactly 0 (f_A = f_ABi).
    expect(Math.abs(ix.first.plateReadRate - 1)).toBeLessThan(0.1);
    expect(ix.total['analyses.exposure.watchlistSize']).toBe(0);
    // A number that never varies has no indices.
    expect(sob.sobol!.indices.retentionStorageTB).toBeNull();
  });
});
