// Measures how fast report.html's interactive map draws its camera footprints
// in headless Chromium (/usr/bin/chromium): time to the first draw after the
// page starts loading, and the redraw after a zoom step, at three views (the
// whole city, a 5 km view, a 1 km view). With --maplibre <maplibre-gl.js>
// (MapLibre GL JS 4.x UMD build, not a dependency of sightline) it measures
// the same footprints as MapLibre fill polygons (WebGL on SwiftShader, i.e. on
// the CPU as in CI) for comparison: time to the first 'idle' and to 'idle'
// after a zoom step.
//
//   node scripts/map-render-bench.mjs out/almaty/report.html [--maplibre /path/to/maplibre-gl.js]
//
// Used once to choose the map library (see the report of issue 19); not a test.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const [reportPath, ...rest] = process.argv.slice(2);
if (!reportPath) throw new Error('usage: node scripts/map-render-bench.mjs report.html [--maplibre maplibre-gl.js]');
const maplibre = rest[0] === '--maplibre' ? rest[1] : null;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] });

// ---- Leaflet + canvas: the report itself ------------------------------------
{
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`file://${reportPath}`);
  await page.waitForFunction(() => window.sightlineMap?.firstDrawAt !== undefined, null, { timeout: 120_000 });
  const first = await page.evaluate(() => ({ firstDrawAt: sightlineMap.firstDrawAt, drawMs: sightlineMap.lastDrawMs, n: JSON.parse(document.getElementById('live-map-data').textContent).numCameras }));
  console.log(`leaflet-canvas: ${first.n} cameras; first draw done ${first.firstDrawAt.toFixed(0)} ms after navigation start (that draw ${first.drawMs.toFixed(1)} ms)`);
  await page.locator('#live-map').scrollIntoViewIfNeeded();
  for (const [label, zoomTo] of [['city view', null], ['5 km view', 5000], ['1 km view', 1000]]) {
    const r = await page.evaluate(async (span) => {
      const m = sightlineMap.map;
      if (span) {
        const c = m.getCenter();
        m.fitBounds([[c.lat - span / 2, c.lng - span / 2], [c.lat + span / 2, c.lng + span / 2]], { animate: false });
        await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      }
      const times = [];
      for (let k = 0; k < 5; k++) {
        const d = sightlineMap.draws;
        const t0 = performance.now();
        m.setZoom(m.getZoom() + (k % 2 ? -0.5 : 0.5), { animate: false });
        while (sightlineMap.draws === d) await new Promise((res) => requestAnimationFrame(res));
        times.push({ total: performance.now() - t0, draw: sightlineMap.lastDrawMs });
      }
      return times;
    }, zoomTo);
    const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
    console.log(`leaflet-canvas ${label}: zoom step to next frame median ${med(r.map((t) => t.total)).toFixed(1)} ms, draw median ${med(r.map((t) => t.draw)).toFixed(1)} ms`);
  }
  await page.close();
}

// ---- MapLibre GL JS: the same footprints as GeoJSON polygons ---------------
if (maplibre) {
  const html = readFileSync(reportPath, 'utf8');
  const data = JSON.parse(html.match(/<script type="application\/json" id="live-map-data">([\s\S]*?)<\/script>/)[1].replace(/\\u003c/g, '<'));
  const buf = gunzipSync(Buffer.from(data.packed, 'base64'));
  const col = (name) => {
    const c = data.columns[name];
    return Array.from(new Float64Array(buf.buffer.slice(buf.byteOffset + c.offset, buf.byteOffset + c.offset + 8 * c.length)));
  };
  const cams = { x: col('x'), y: col('y'), heading: col('heading'), fov: col('fov'), range: col('range'), bounds: data.bounds };
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent(`<!doctype html><html><head><style>body{margin:0}#m{width:1100px;height:600px}</style></head><body><div id="m"></div><script>${readFileSync(maplibre, 'utf8').replace(/<\/script/g, '<\\/script')}</script></body></html>`);
  const r = await page.evaluate(async (c) => {
    const t0 = performance.now();
    // Plane metres to lon/lat around Almaty (equirectangular: only for drawing).
    const lat0 = 43.24, lon0 = 76.9, mPerDeg = 111320;
    const ll = (x, y) => [lon0 + x / (mPerDeg * Math.cos((lat0 * Math.PI) / 180)), lat0 + y / mPerDeg];
    const features = new Array(c.x.length);
    for (let i = 0; i < c.x.length; i++) {
      const ring = [ll(c.x[i], c.y[i])];
      const steps = 10;
      for (let k = 0; k <= steps; k++) {
        const a = ((c.heading[i] - c.fov[i] / 2 + (c.fov[i] * k) / steps) * Math.PI) / 180;
        ring.push(ll(c.x[i] + c.range[i] * Math.sin(a), c.y[i] + c.range[i] * Math.cos(a)));
      }
      ring.push(ring[0]);
      features[i] = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
    }
    const tBuilt = performance.now();
    const [x0, y0, x1, y1] = c.bounds;
    const map = new maplibregl.Map({ container: 'm', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f1f5f9' } }] }, bounds: [ll(x0, y0), ll(x1, y1)], attributionControl: false, fadeDuration: 0 });
    await new Promise((res) => map.on('load', res));
    map.addSource('cams', { type: 'geojson', data: { type: 'FeatureCollection', features } });
    map.addLayer({ id: 'cams', type: 'fill', source: 'cams', paint: { 'fill-color': '#0072B2', 'fill-opacity': 0.55 } });
    await new Promise((res) => map.once('idle', res));
    const tFirst = performance.now();
    const zooms = [];
    for (let k = 0; k < 3; k++) {
      const z0 = performance.now();
      map.jumpTo({ zoom: map.getZoom() + 1 });
      await new Promise((res) => map.once('idle', res));
      zooms.push(performance.now() - z0);
    }
    return { build: tBuilt - t0, first: tFirst - t0, zooms, renderer: map.painter?.context?.gl?.getParameter(map.painter.context.gl.RENDERER) ?? '?' };
  }, cams);
  console.log(`maplibre-gl: ${cams.x.length} wedge polygons; GeoJSON built in ${r.build.toFixed(0)} ms; first idle ${r.first.toFixed(0)} ms after start; zoom step to idle ${r.zooms.map((z) => z.toFixed(0)).join(', ')} ms (renderer ${r.renderer})`);
  await page.close();
}
await browser.close();
