/**
 * The coverage part's section of the HTML report: the coverage cards, the
 * map of the share of each district seen, the k-coverage and street-class
 * charts, and the district chart and table.
 */
import { chartFrame, chartTitle, esc, fmtNum as num, syntheticDistrictsNote, VEGA_LITE_SCHEMA, type ReportCard, type ReportMapFeatures, type ReportSection } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';

/**
 * A share as a percentage with this section's rounding: three decimals
 * below 1 % (0 included), one otherwise. The section has always rounded so
 * (fmtPct writes 0 as `0.0%`); kept so the report does not change.
 */
const pct = (x: number | null | undefined) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(x < 0.01 ? 3 : 1)}%`);

/** How the district table was computed, e.g. `level range, buildings ignored`. */
function districtsLabel(result: ScenarioResult): string {
  const d = result.metrics.districts;
  return d ? `level ${d.level}, ${d.occlusion ? 'buildings block the view' : 'buildings ignored'}` : '';
}

function cards(result: ScenarioResult): ReportCard[] {
  const m = result.metrics;
  const out: ReportCard[] = [];
  if (m.coverage) {
    for (const r of m.coverage.runs) out.push([`City area seen (${r.level}${r.occlusion ? ', buildings block' : ''})`, pct(r.coveredFraction), `${num(r.coveredAreaKm2, 1)} of ${num(r.studyAreaKm2, 0)} km²; by ≥ 2 cameras: ${pct(r.atLeast[2] ?? 0)}`]);
  }
  const sc = m.streetCoverage;
  // A metric whose input is missing says so, never 0 % of 0 km.
  if (sc) out.push(sc.coveredFraction === null ? ['Street length seen', 'not computed', sc.reason ?? 'no street data'] : ['Street length seen', pct(sc.coveredFraction), `${num(sc.totalKm)} km of street`]);
  return out;
}

function charts(result: ScenarioResult, maps: ReportMapFeatures): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  const rows = result.metrics.districts?.rows ?? [];
  if (maps.districts.length > 0 && rows.length > 0) {
    specs['map-districts'] = {
      ...chartFrame(chartTitle(`Share of each district seen (${districtsLabel(result)})`, 'Darker districts have more of their area inside some camera footprint; the colour scale starts at 0 %.', ...syntheticDistrictsNote(result))),
      height: 420,
      projection: { type: 'mercator' },
      data: { values: maps.districts },
      mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        color: { field: 'properties.coveredFraction', type: 'quantitative', title: 'area seen (% of district)', scale: { scheme: 'blues', domainMin: 0 }, legend: { format: '.2%' } },
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
      ...chartFrame(chartTitle('Share of the city seen by at least k cameras', 'Each bar: the share of the study area inside the footprints of k or more cameras (k = 1 is plain coverage).')),
      height: 260,
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'k', type: 'ordinal', title: 'k (cameras)' },
        xOffset: { field: 'level' },
        y: { field: 'share', type: 'quantitative', title: 'share of area (%)', axis: { format: '%' } },
        color: { field: 'level', type: 'nominal', title: 'distance level' },
      },
    };
  }
  if (rows.length > 0) {
    const values = rows.map((r) => ({ district: r.name, coveredFraction: r.coveredFraction, camerasPerKm2: r.camerasPerKm2, streetCoveredFraction: r.streetCoveredFraction, residentsPerCamera: r.residentsPerCamera }));
    specs['chart-districts'] = {
      $schema: VEGA_LITE_SCHEMA,
      title: chartTitle('Per district', 'Top: the share of each district inside some camera footprint; bottom: its cameras per km² of district.', ...syntheticDistrictsNote(result)),
      description: 'Share of each district seen, and its cameras per km².',
      data: { values },
      vconcat: [
        {
          width: 200,
          height: { step: 18 },
          mark: { type: 'bar', tooltip: true, color: '#2563eb' },
          encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'coveredFraction', type: 'quantitative', title: 'area seen (% of district)', axis: { format: '%' } } },
        },
        {
          width: 200,
          height: { step: 18 },
          mark: { type: 'bar', tooltip: true, color: '#b45309' },
          encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'camerasPerKm2', type: 'quantitative', title: 'camera density (cameras / km²)' } },
        },
      ],
    };
  }
  const sc = result.metrics.streetCoverage;
  if (sc?.byClass) {
    const values = Object.entries(sc.byClass).filter(([, v]) => v.length > 0).map(([cls, v]) => ({ class: cls, coveredFraction: v.coveredFraction, km: v.length / 1000 }));
    specs['chart-streets'] = {
      ...chartFrame(chartTitle('Street length seen, by street class', 'The share of each class of street whose length lies inside some camera footprint.')),
      // A fixed height (24 px a class), not a step: a container width with a step height makes Vega-Lite warn.
      height: 24 * values.length,
      data: { values },
      mark: { type: 'bar', tooltip: true, color: '#047857' },
      encoding: { y: { field: 'class', type: 'nominal', title: null }, x: { field: 'coveredFraction', type: 'quantitative', title: 'length seen (% of the class)', axis: { format: '%' } } },
    };
  }
  return specs;
}

function html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const rows = result.metrics.districts?.rows ?? [];
  const districtTable = rows.length
    ? `<div class="table-wrap"><table><thead><tr><th>District</th><th>Area km²</th><th>Residents</th><th>Cameras</th><th>per km²</th><th>Area seen</th><th>≥ 2 cameras</th><th>Streets seen</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td>${esc(r.name)}</td><td>${num(r.areaKm2, 1)}</td><td>${num(r.residents)}</td><td>${num(r.numCameras)}</td><td>${num(r.camerasPerKm2, 1)}</td><td>${pct(r.coveredFraction)}</td><td>${pct(r.atLeast[2] ?? 0)}</td><td>${r.streetKm > 0 ? pct(r.streetCoveredFraction) : '–'}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '';
  const d = result.metrics.districts;
  const sc = result.metrics.streetCoverage;
  return [
    '<h2>Coverage</h2>',
    sc?.reason ? `<p class="not-computed">Street coverage: not computed (${esc(sc.reason)}).</p>` : '',
    d?.reason ? `<h2>Districts</h2><p class="not-computed">Per-district coverage: not computed (${esc(d.reason)}; give the city districts to have it).</p>` : '',
    `<div class="row">${chartDivs(['chart-k', 'chart-streets'])}</div>`,
    rows.length ? `<h2>Districts</h2><p>Coverage per district at ${esc(districtsLabel(result))}.</p><div class="row">${chartDivs(['chart-districts'])}</div>${districtTable}` : '',
  ].join('\n');
}

/** The coverage part's report section: coverage cards, the district map, the coverage and district charts and table. */
export const COVERAGE_REPORT: ReportSection = { cards, charts, maps: ['map-districts'], html };
