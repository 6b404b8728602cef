/// <reference lib="dom" />
// The interactive map of report.html (issue 19), opened offline in real
// headless Chromium (Debian's /usr/bin/chromium through playwright-core): it
// pans and zooms, a click shows a camera's attributes, and the figures it
// recomputes in the browser (a route between two clicked points, the
// coverage with a camera group switched off) are exactly the ones Node's
// routeExposure / leastSurveilledRoute / computeCoverage give.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarioDetailed, writeScenarioOutputs, type ScenarioRun } from '../../src/index.js';
import { computeCoverage } from '../../src/coverage/index.js';
import { buildStreetNetwork } from '../../src/mobility/index.js';
import { computeStreetExposureProfile, leastSurveilledRoute, routeExposure } from '../../src/exposure/index.js';
import { CAPABILITY_FACE } from '../../src/cameras/index.js';
import { reportMapAssets, reportMapData } from '../../src/io/report-map.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`report-map.test.ts: browser tests SKIPPED — ${CHROMIUM} not found`);
const browserIt = it.skipIf(!haveChromium && !process.env.CI);

let run: ScenarioRun;
let reportPath = '';
let html = '';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let browser: any = null;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let page: any = null;
const problems: string[] = [];
const attempted: string[] = [];

beforeAll(async () => {
  run = await runScenarioDetailed({
    name: 'Interactive map test',
    seed: 7,
    city: { preset: 'almaty' },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 20000 }],
    network: { from: 'preset' },
    analyses: { coverage: { levels: ['range'] }, raster: { cellSize: 500 } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sightline-map-'));
  writeScenarioOutputs(run, dir);
  reportPath = join(dir, 'report.html');
  html = readFileSync(reportPath, 'utf8');
  if (haveChromium) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('console', (m: { type(): string; text(): string }) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
    // Offline: every request that is not the file itself or the worker's Blob URL is refused and recorded.
    await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:')) return route.continue();
      attempted.push(url);
      return route.abort();
    });
    page.on('request', (r: { url(): string }) => {
      const url = r.url();
      if (!url.startsWith('file:') && !url.startsWith('blob:') && !attempted.includes(url)) attempted.push(url);
    });
    await page.goto(`file://${reportPath}`);
    await page.waitForFunction(() => {
      const m = (window as unknown as { sightlineMap?: { coverageReady?: boolean; errors: string[] } }).sightlineMap;
      return m !== undefined && (m.coverageReady === true || m.errors.length > 0);
    }, null, { timeout: 110_000 });
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const live = (): Promise<any> => page.evaluate(() => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const m = (window as any).sightlineMap;
  return { ready: m.ready, draws: m.draws, zoom: m.map.getZoom(), errors: m.errors, lastCoverage: m.lastCoverage, pickedCamera: m.pickedCamera, hash: m.pixelHash() };
});

/**
 * Equal to the last bits. The browser's figures come from the same code on the same inputs, but
 * Chromium's V8 (156) and Node 20's V8 (11.3) compute Math.sin, cos, atan2, acos, pow, exp, … with
 * different implementations (measured: they differ in the last bit on a share of random inputs),
 * so sums of areas and lengths can differ by an ulp or two. Anything beyond rounding fails.
 */
function expectSame(got: number, want: number, what: string): void {
  expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
}

/** Moves the map so that (x, y) metres is at the centre, at zoom z. */
async function centreOn(x: number, y: number, z: number): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await page.evaluate(([px, py, pz]: number[]) => (window as any).sightlineMap.map.setView([py, px], pz, { animate: false }), [x, y, z]);
}

describe('report.html: the interactive map', () => {
  it('is inlined in the page: Leaflet with its licence, the page script and the worker, no external resource', () => {
    expect(html).toContain('id="live-map-section"');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).toContain(reportMapAssets()!['leaflet.LICENSE.txt'].split('\n')[0]);
    expect(html).toContain('synthetic districts');
  });

  it('carries the camera columns exactly: the packed block decodes to the CameraSet', () => {
    const data = reportMapData(run);
    const buf = gunzipSync(Buffer.from(data.packed, 'base64'));
    expect(buf.length).toBe(data.packedBytes);
    const col = (name: string) => {
      const c = data.columns[name];
      const T = { f64: Float64Array, f32: Float32Array, u8: Uint8Array, u16: Uint16Array, u32: Uint32Array }[c.type];
      return new T(buf.buffer.slice(buf.byteOffset + c.offset, buf.byteOffset + c.offset + c.length * T.BYTES_PER_ELEMENT));
    };
    for (const name of ['x', 'y', 'heading', 'fov', 'range', 'resolutionPx', 'kind', 'capabilities', 'operator', 'live', 'nodeId'] as const) {
      expect(Array.from(col(name)), name).toEqual(Array.from(run.cameras[name]));
    }
    expect(data.numCameras).toBe(20000);
    expect(col('edgeLength').length).toBe(run.city.streets.size);
  });

  browserIt('opens offline with no error and no network request attempted, and redraws under the mouse wheel', async () => {
    const before = await live();
    expect(before.ready).toBe(true);
    expect(before.errors).toEqual([]);
    await page.locator('#live-map').scrollIntoViewIfNeeded();
    const box = await page.locator('#live-map').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((z: number) => (window as unknown as { sightlineMap: { map: { getZoom(): number } } }).sightlineMap.map.getZoom() > z, before.zoom, { timeout: 10_000 });
    await page.waitForFunction((d: number) => (window as unknown as { sightlineMap: { draws: number } }).sightlineMap.draws > d, before.draws);
    const after = await live();
    expect(after.zoom).toBeGreaterThan(before.zoom);
    expect(after.hash).not.toBe(before.hash);
    expect(await page.locator('.leaflet-control-scale-line').textContent()).toMatch(/\d+ (m|km)/);
    expect(problems).toEqual([]);
    expect(attempted).toEqual([]);
  });

  browserIt('shows a camera’s attributes on a click inside its footprint', async () => {
    // A camera near the middle of the city; click halfway along its heading, inside its wedge.
    const cams = run.cameras;
    const [bx0, by0, bx1, by1] = run.city.bounds;
    let id = 0;
    let best = Infinity;
    for (let i = 0; i < cams.numCameras; i++) {
      const d = Math.hypot(cams.x[i] - (bx0 + bx1) / 2, cams.y[i] - (by0 + by1) / 2);
      if (d < best && cams.fov[i] < 360 && cams.range[i] > 20) [best, id] = [d, i];
    }
    const h = (cams.heading[id] * Math.PI) / 180;
    const px = cams.x[id] + 0.5 * cams.range[id] * Math.sin(h);
    const py = cams.y[id] + 0.5 * cams.range[id] * Math.cos(h);
    await page.locator('#live-map').scrollIntoViewIfNeeded();
    await centreOn(px, py, 2);
    const p = await page.evaluate(([x, y]: number[]) => (window as unknown as { sightlineMap: { toScreen(x: number, y: number): { x: number; y: number } } }).sightlineMap.toScreen(x, y), [px, py]);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (window as unknown as { sightlineMap: { pickedCamera: unknown } }).sightlineMap.pickedCamera !== null);
    const picked = (await live()).pickedCamera;
    // The camera shown sees the clicked point (its wedge contains it), and its attributes are Node's.
    const cam = cams.getCamera(picked.id);
    const dx = px - cam.x;
    const dy = py - cam.y;
    expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(cam.range + 0.5);
    const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
    expect(Math.abs(((bearing - cam.heading + 540) % 360) - 180)).toBeLessThanOrEqual(cam.fov / 2 + 0.5);
    expect(picked.kind).toBe(cam.kind);
    expect(picked.operator).toBe(cam.operator);
    expect(picked.live).toBe(cam.live);
    expect(picked.range).toBe(cam.range);
    expect(picked.capabilities.length).toBe(cam.capabilities.length);
    const text = await page.locator('#live-camera').textContent();
    expect(text).toContain(`#${picked.id}`);
    expect(text).toContain(cam.kind);
    expect(text).toContain(cam.operator);
    expect(text).toContain('Command node');
    expect(problems).toEqual([]);
  });

  browserIt('computes a route between two clicked points with the same observed length and share as routeExposure in Node', async () => {
    const network = buildStreetNetwork(run.city.streets);
    const profile = computeStreetExposureProfile(run.cameras, run.city, { levels: ['range'], occlusion: false });
    const pathOf = (from: number, arcs: Uint32Array) => {
      let node = from;
      const pts: [number, number][] = [[network.x[node], network.y[node]]];
      for (const arc of arcs) {
        node = arc & 1 ? network.edgeSource[arc >> 1] : network.edgeTarget[arc >> 1];
        pts.push([network.x[node], network.y[node]]);
      }
      return pts;
    };
    // Two cameras near the centre, 1–3 km apart, whose shortest route some camera sees (chosen in Node).
    const cams = run.cameras;
    const [bx0, by0, bx1, by1] = run.city.bounds;
    const cx = (bx0 + bx1) / 2;
    const cy = (by0 + by1) / 2;
    const near = Array.from(cams.filterIds((i, c) => Math.hypot(c.x[i] - cx, c.y[i] - cy) < 2000));
    let a: [number, number] = [cx, cy];
    let b: [number, number] = [cx, cy];
    for (let k = 0; k + 1 < near.length; k++) {
      const i = near[k];
      const j = near.find((q) => Math.hypot(cams.x[q] - cams.x[i], cams.y[q] - cams.y[i]) > 1000 && Math.hypot(cams.x[q] - cams.x[i], cams.y[q] - cams.y[i]) < 3000);
      if (j === undefined) continue;
      const r = leastSurveilledRoute(network, profile, [cams.x[i], cams.y[i]], [cams.x[j], cams.y[j]]);
      if (routeExposure(cams, pathOf(r.from, r.shortest.arcs)).observedLength > 20) {
        a = [cams.x[i], cams.y[i]];
        b = [cams.x[j], cams.y[j]];
        break;
      }
    }
    expect(a).not.toEqual(b);
    await page.locator('#live-map').scrollIntoViewIfNeeded();
    await centreOn((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, -2);
    await page.locator('#live-route-button').click();
    for (const [x, y] of [a, b]) {
      const p = await page.evaluate(([qx, qy]: number[]) => (window as unknown as { sightlineMap: { toScreen(x: number, y: number): { x: number; y: number } } }).sightlineMap.toScreen(qx, qy), [x, y]);
      await page.mouse.click(p.x, p.y);
    }
    await page.waitForFunction(() => (window as unknown as { sightlineMap: { lastRoute: unknown } }).sightlineMap.lastRoute !== null, null, { timeout: 90_000 });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const got = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const m = (window as any).sightlineMap;
      const r = m.lastRoute;
      const plain = (x: { path: Float64Array }) => ({ ...x, path: Array.from(x.path) });
      return { ends: m.routeEnds, type: r.type, message: r.message, shortest: r.type === 'route' ? plain(r.shortest) : null, least: r.type === 'route' ? plain(r.least) : null, detour: r.detour };
    });
    expect(got.type, got.message).toBe('route');
    // The same endpoints (where the clicks landed, in metres) through Node.
    const r = leastSurveilledRoute(network, profile, got.ends[0], got.ends[1]);
    const shortestPath = pathOf(r.from, r.shortest.arcs);
    expect(got.shortest.path).toEqual(shortestPath.flat());
    expect(shortestPath.length).toBeGreaterThan(5);
    const node = routeExposure(run.cameras, shortestPath);
    expectSame(got.shortest.length, node.length, 'length');
    expectSame(got.shortest.observedLength, node.observedLength, 'observed length');
    expectSame(got.shortest.observedFraction, node.observedFraction, 'observed share');
    expect(got.shortest.cameraIds).toEqual(node.cameraIds);
    expect(node.observedLength).toBeGreaterThan(0);
    const least = routeExposure(run.cameras, pathOf(r.from, r.arcs));
    expectSame(got.least.observedLength, least.observedLength, 'least-surveilled observed length');
    expect(got.least.observedLength).toBeLessThanOrEqual(got.shortest.observedLength + 1e-9);
    expectSame(got.detour, r.detour, 'detour');
    const text = await page.locator('#live-route').textContent();
    expect(text).toContain('least surveilled');
    expect(problems).toEqual([]);
  });

  browserIt('switching the face-recognition group off gives the coverage computeCoverage gives in Node on the filtered set', async () => {
    const before = (await live()).lastCoverage;
    const all = computeCoverage(run.cameras, { area: run.city.boundary, level: 'range', occlusion: false, threads: 1 });
    expectSame(before.coveredFraction, all.coveredFraction, 'coverage, all cameras');
    expectSame(before.coveredArea, all.coveredArea, 'covered area, all cameras');
    await page.locator('.live-group[value="face"]').uncheck();
    await page.waitForFunction((n: number) => {
      const c = (window as unknown as { sightlineMap: { lastCoverage: { numCameras: number } | null } }).sightlineMap.lastCoverage;
      return c !== null && c.numCameras < n;
    }, run.cameras.numCameras, { timeout: 90_000 });
    const after = (await live()).lastCoverage;
    const ids = run.cameras.filterIds((i, s) => (s.capabilities[i] & CAPABILITY_FACE) === 0);
    expect(ids.length).toBeLessThan(run.cameras.numCameras);
    const node = computeCoverage(run.cameras.subset(ids), { area: run.city.boundary, level: 'range', occlusion: false, threads: 1 });
    expect(after.numCameras).toBe(ids.length);
    expectSame(after.coveredFraction, node.coveredFraction, 'coverage without face recognition');
    expectSame(after.coveredArea, node.coveredArea, 'covered area without face recognition');
    expect(after.coveredFraction).toBeLessThan(before.coveredFraction);
    expect(await page.locator('#live-coverage').textContent()).toBe(`${(100 * node.coveredFraction).toFixed(2)} %`);
    expect(after.studyArea).toBe(node.studyArea);
    expect(problems).toEqual([]);
    expect(attempted).toEqual([]);
  });
});
