// Screenshots of a report.html in headless Chromium (/usr/bin/chromium, via
// playwright-core) at 1440 px and 390 px wide (a desktop and a phone), saved
// as full-page PNGs in docs/images/ (report-1440.png, report-390.png), and
// whether the page overflows horizontally at each width
// (document.documentElement.scrollWidth > innerWidth).
//
//   node scripts/report-screenshots.mjs out/almaty/report.html [outDir=docs/images]
//
// Waits for the Vega charts (window.sightlineCharts) and the interactive map
// (window.sightlineMap) to finish before each screenshot. Exits 1 when the
// page overflows at any width or reports an error.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [input, outDir = 'docs/images'] = process.argv.slice(2);
if (!input || !existsSync(input)) {
  console.error('usage: node scripts/report-screenshots.mjs path/to/report.html [outDir]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
let bad = false;
for (const width of [1440, 390]) {
  const page = await browser.newPage({ viewport: { width, height: width > 800 ? 1000 : 844 }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`file://${resolve(input)}`);
  await page.waitForFunction(
    () => {
      const c = window.sightlineCharts;
      const m = window.sightlineMap;
      const chartsDone = c === undefined || c.rendered + c.failed === c.total;
      const mapDone = !document.getElementById('live-map') || (m !== undefined && (m.coverageReady === true || m.errors.length > 0));
      return chartsDone && mapDone;
    },
    null,
    { timeout: 300_000, polling: 500 },
  );
  const overflow = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  const file = join(outDir, `report-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const over = overflow.scrollWidth > overflow.innerWidth;
  if (over || errors.length) bad = true;
  console.log(`${width} px: ${file}; horizontal overflow: ${over ? `YES (scrollWidth ${overflow.scrollWidth} > innerWidth ${overflow.innerWidth})` : 'no'}${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`);
  await page.close();
}
await browser.close();
process.exit(bad ? 1 : 0);
