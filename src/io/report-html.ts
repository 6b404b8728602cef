/**
 * The HTML report: one self-contained page (all JavaScript, CSS and data
 * inlined, no network) with the headline numbers, maps of camera density,
 * per-district coverage and per-district exposure, charts of the coverage
 * distributions, the district table, the command network (live share,
 * overloaded links, single points of failure, outage distribution, damage),
 * exposure (distributions of sightings and identification probability,
 * per-district exposure, watchlist, unicity curve, crowds, routes), retention
 * (storage, reach, reconstructable history, who can read it, retroactive
 * identification of crowds) and every
 * assumption with its source. Maps and charts are
 * Vega-Lite specifications rendered by Vega (both bundles inlined from
 * node_modules).
 */
import { InvalidInputError } from '../core/index.js';
import { type ScenarioResult } from '../scenario/index.js';
import { chartScript, esc, HTML_STYLE } from './html-kit.js';
import { layerCards, layerChartSpecs, layerSectionsHtml } from './report-layers.js';
import { retentionCards, retentionChartSpecs, retentionSectionHtml } from './report-retention.js';

/** Map layers given to {@link buildReportHtml}: GeoJSON FeatureCollections in WGS84. */
export interface ReportMaps {
  /** District polygons with their metrics as properties (from districtsGeoJson). */
  districts?: { type: 'FeatureCollection'; features: unknown[] };
  /** Camera density cells with `perKm2` (from cameraDensityGeoJson). */
  density?: { type: 'FeatureCollection'; features: unknown[] };
}

const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(x < 0.01 ? 3 : 1)}%`);
const num = (x: number | undefined, d = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));

/**
 * Reverses every ring: d3-geo (used by Vega) wants clockwise exterior rings,
 * the opposite of RFC 7946; without this a small polygon fills the globe.
 */
function forD3(fc: { features: unknown[] } | undefined): unknown[] {
  if (!fc) return [];
  return fc.features.map((f) => {
    const g = (f as { geometry: { type: string; coordinates: number[][][] | number[][][][] } }).geometry;
    const rev = (poly: number[][][]) => poly.map((ring) => ring.slice().reverse());
    const coordinates = g.type === 'Polygon' ? rev(g.coordinates as number[][][]) : (g.coordinates as number[][][][]).map(rev);
    return { ...(f as object), geometry: { type: g.type, coordinates } };
  });
}

/** How the district table was computed, e.g. `level range, buildings ignored`. */
function districtsLabel(result: ScenarioResult): string {
  const d = result.metrics.districts;
  return d ? `level ${d.level}, ${d.occlusion ? 'buildings block the view' : 'buildings ignored'}` : '';
}

/** The Vega-Lite specifications of the page, by element id. */
function chartSpecs(result: ScenarioResult, maps: ReportMaps): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
  const districts = forD3(maps.districts);
  const density = forD3(maps.density);
  if (density.length > 0) {
    specs['map-density'] = {
      $schema: schema,
      title: 'Camera density',
      width: 430,
      height: 420,
      projection: { type: 'mercator' },
      layer: [
        {
          data: { values: density },
          mark: { type: 'geoshape', stroke: null },
          encoding: {
            color: { field: 'properties.perKm2', type: 'quantitative', title: 'cameras / km²', scale: { type: 'sqrt', scheme: 'inferno', reverse: true } },
            tooltip: [{ field: 'properties.cameras', type: 'quantitative', title: 'cameras in cell' }],
          },
        },
        ...(districts.length > 0 ? [{ data: { values: districts }, mark: { type: 'geoshape', filled: false, stroke: '#1f2937', strokeWidth: 1 } }] : []),
      ],
    };
  }
  const rows = result.metrics.districts?.rows ?? [];
  if (districts.length > 0 && rows.length > 0) {
    specs['map-districts'] = {
      $schema: schema,
      title: `Share of each district seen (${districtsLabel(result)})`,
      width: 430,
      height: 420,
      projection: { type: 'mercator' },
      data: { values: districts },
      mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        color: { field: 'properties.coveredFraction', type: 'quantitative', title: 'area seen', scale: { scheme: 'blues' }, legend: { format: '.2%' } },
        tooltip: [
          { field: 'properties.name', type: 'nominal', title: 'district' },
          { field: 'properties.coveredFraction', type: 'quantitative', title: 'area seen', format: '.2%' },
          { field: 'properties.numCameras', type: 'quantitative', title: 'cameras' },
          { field: 'properties.residentsPerCamera', type: 'quantitative', title: 'residents per camera', format: ',.0f' },
        ],
      },
    };
  }
  const runs = result.metrics.coverage?.runs ?? [];
  if (runs.length > 0) {
    const values: { level: string; k: number; share: number }[] = [];
    for (const r of runs) for (let k = 1; k < r.atLeast.length && k <= 10; k++) values.push({ level: `${r.level}${r.occlusion ? ' (buildings block)' : ''}`, k, share: r.atLeast[k] });
    specs['chart-k'] = {
      $schema: schema,
      title: 'Share of the city seen by at least k cameras',
      width: 420,
      height: 260,
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'k', type: 'ordinal', title: 'k (cameras)' },
        xOffset: { field: 'level' },
        y: { field: 'share', type: 'quantitative', title: 'share of area', axis: { format: '%' } },
        color: { field: 'level', type: 'nominal', title: 'distance level' },
      },
    };
  }
  if (rows.length > 0) {
    const values = rows.map((r) => ({ district: r.name, coveredFraction: r.coveredFraction, camerasPerKm2: r.camerasPerKm2, streetCoveredFraction: r.streetCoveredFraction, residentsPerCamera: r.residentsPerCamera }));
    specs['chart-districts'] = {
      $schema: schema,
      title: 'Per district',
      data: { values },
      hconcat: [
        {
          width: 220,
          height: { step: 18 },
          mark: { type: 'bar', tooltip: true, color: '#2563eb' },
          encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'coveredFraction', type: 'quantitative', title: 'area seen', axis: { format: '%' } } },
        },
        {
          width: 220,
          height: { step: 18 },
          mark: { type: 'bar', tooltip: true, color: '#b45309' },
          encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'camerasPerKm2', type: 'quantitative', title: 'cameras per km²' } },
        },
      ],
    };
  }
  const sc = result.metrics.streetCoverage;
  if (sc) {
    const values = Object.entries(sc.byClass).filter(([, v]) => v.length > 0).map(([cls, v]) => ({ class: cls, coveredFraction: v.coveredFraction, km: v.length / 1000 }));
    specs['chart-streets'] = {
      $schema: schema,
      title: 'Street length seen, by street class',
      width: 300,
      height: { step: 24 },
      data: { values },
      mark: { type: 'bar', tooltip: true, color: '#047857' },
      encoding: { y: { field: 'class', type: 'nominal', title: null }, x: { field: 'coveredFraction', type: 'quantitative', title: 'share of length seen', axis: { format: '%' } } },
    };
  }
  Object.assign(specs, layerChartSpecs(result, districts));
  Object.assign(specs, retentionChartSpecs(result));
  return specs;
}

/**
 * Builds the report page.
 *
 * @param result - a scenario result (from runScenario or a results.json)
 * @param maps - map layers in WGS84 (districts with metrics, camera density); omit for a page without maps
 * @returns the HTML text of one self-contained page (no network access needed)
 * @throws {InvalidInputError} when `result` is not a sightline result
 * @example
 * const html = buildReportHtml(run.result, { districts: districtsGeoJson(run.city, rows), density: cameraDensityGeoJson(run.cameras, run.city) });
 */
export function buildReportHtml(result: ScenarioResult, maps: ReportMaps = {}): string {
  if (typeof result !== 'object' || result === null || result.format !== 'sightline-result') {
    throw new InvalidInputError('buildReportHtml', 'result', 'must be a sightline result', result);
  }
  const specs = chartSpecs(result, maps);
  const h = result.headline;
  const m = result.metrics;
  const cards: [string, string, string][] = [
    ['Cameras', num(h.cameras), `${num(h.liveCameras)} live · ${num(h.faceCameras)} face recognition · ${num(h.plateCameras)} plate reading`],
    ['Cameras per km²', num(h.camerasPerKm2, 1), `${num(h.residentsPerCamera)} residents per camera`],
  ];
  if (m.coverage) {
    for (const r of m.coverage.runs) cards.push([`City area seen (${r.level}${r.occlusion ? ', buildings block' : ''})`, pct(r.coveredFraction), `${num(r.coveredAreaKm2, 1)} of ${num(r.studyAreaKm2, 0)} km²; by ≥ 2 cameras: ${pct(r.atLeast[2] ?? 0)}`]);
  }
  if (m.streetCoverage) cards.push(['Street length seen', pct(m.streetCoverage.coveredFraction), `${num(m.streetCoverage.totalKm)} km of street`]);
  cards.push(...layerCards(result));
  cards.push(...retentionCards(result));
  const rows = m.districts?.rows ?? [];
  const districtTable = rows.length
    ? `<table><thead><tr><th>District</th><th>Area km²</th><th>Residents</th><th>Cameras</th><th>per km²</th><th>Area seen</th><th>≥ 2 cameras</th><th>Streets seen</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td>${esc(r.name)}</td><td>${num(r.areaKm2, 1)}</td><td>${num(r.residents)}</td><td>${num(r.numCameras)}</td><td>${num(r.camerasPerKm2, 1)}</td><td>${pct(r.coveredFraction)}</td><td>${pct(r.atLeast[2] ?? 0)}</td><td>${r.streetKm > 0 ? pct(r.streetCoveredFraction) : '–'}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const assumptions = `<table class="assumptions"><thead><tr><th>What</th><th>Value</th><th>Source</th><th>Kind</th></tr></thead><tbody>${result.assumptions
    .map((a) => `<tr><td>${esc(a.topic)}</td><td>${esc(a.value)}</td><td>${esc(a.source)}</td><td><span class="tag ${esc(a.kind)}">${esc(a.kind)}</span></td></tr>`)
    .join('')}</tbody></table>`;
  const licences = [...new Set(Object.values(m.city.provenance).map((p) => p.licence).filter(Boolean))];
  const chartDivs = (ids: string[]) => ids.filter((id) => id in specs).map((id) => `<div class="chart" id="${id}"></div>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(result.name)} — sightline report</title>
<style>
${HTML_STYLE}</style>
</head>
<body>
<header><h1>${esc(result.name)}</h1><p>${esc(result.inputs.description ?? `${m.city.name}: ${num(h.cameras)} cameras`)}</p></header>
<main>
<section class="cards">${cards.map(([l, v, s]) => `<div class="card"><div class="l">${esc(l)}</div><div class="v">${esc(v)}</div><div class="s">${esc(s)}</div></div>`).join('')}</section>
<p>${esc(m.city.name)}: ${num(m.city.areaKm2, 0)} km², ${num(m.city.population)} residents, ${num(m.city.streetKm)} km of street, ${num(m.city.districts)} districts. Areas and lengths are exact unions of camera footprints, not raster estimates.</p>
<h2>Maps</h2>
<div class="row">${chartDivs(['map-density', 'map-districts'])}</div>
<h2>Coverage</h2>
<div class="row">${chartDivs(['chart-k', 'chart-streets'])}</div>
${rows.length ? `<h2>Districts</h2><p>Coverage per district at ${esc(districtsLabel(result))}.</p><div class="row">${chartDivs(['chart-districts'])}</div>${districtTable}` : ''}
${layerSectionsHtml(result, chartDivs)}
${retentionSectionHtml(result, chartDivs)}
<h2>Assumptions and sources</h2>
<p>Every figure and default behind these numbers. <b>sourced</b>: a cited fact; <b>assumption</b>: a choice stated as such; <b>synthetic</b>: generated by sightline; <b>real</b>: imported data.</p>
${assumptions}
<footer>
<p>Made with sightline ${esc(result.libraryVersion)} · seed ${esc(result.seed)} · reproduce with <code>sightline run</code> on the scenario stored in results.json (<code>inputs</code>).${licences.length ? ` Data: ${licences.map(esc).join('; ')}.` : ''}</p>
<div id="errors"></div>
</footer>
</main>
${chartScript(specs)}
</body>
</html>
`;
}
