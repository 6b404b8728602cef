/**
 * The coverage part's section of the HTML report: the coverage cards, the
 * map of the share of each district seen, the k-coverage and street-class
 * charts, and the district chart and table.
 */
import { chartFrame, chartTitle, esc, fmtNum as num, syntheticDistrictsNote, VEGA_LITE_SCHEMA, type ReportCard, type ReportMapFeatures, type ReportSection } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';
import { coverageByHourCards, coverageByHourCharts, coverageByHourHtml } from '../report-by-hour.js';

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
  const fv = m.fullView;
  if (fv?.streets) {
    const s = fv.streets;
    out.push([`Streets seen face-on (${fv.level}, θ = ${num(fv.effectiveAngle)}°)`, pct(s.walkingOfCovered), `of the ${num(s.coveredKm, 1)} km seen at ${fv.level} (${pct(s.coveredShare)} of streets), a walker's face is in view; full view (every facing): ${pct(s.fullViewOfCovered)}`]);
  }
  if (fv?.area) {
    const a = fv.area;
    out.push([`Area full-view covered (${fv.level}, θ = ${num(fv.effectiveAngle)}°)`, pct(a.fullView.share), `90 %: ${pct(a.fullView.low)}–${pct(a.fullView.high)}; ${pct(a.fullViewOfCovered.share)} of the area seen at ${fv.level} (${pct(a.covered.share)})`]);
  }
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
    fullViewHtml(result),
    rows.length ? `<h2>Districts</h2><p>Coverage per district at ${esc(districtsLabel(result))}.</p><div class="row">${chartDivs(['chart-districts'])}</div>${districtTable}` : '',
  ].join('\n');
}

/** The face-on table: plain coverage beside full-view and walking-direction coverage at the same level. */
function fullViewHtml(result: ScenarioResult): string {
  const fv = result.metrics.fullView;
  if (!fv) return '';
  const rowsOut: string[] = [];
  const s = fv.streets;
  if (s) {
    rowsOut.push(`<tr><td>Street length</td><td>${num(s.totalKm, 1)} km</td><td>${pct(s.coveredShare)}</td><td>${pct(s.fullViewShare)}</td><td>${pct(s.fullViewOfCovered)}</td><td>${pct(s.walkingShare)}</td><td>${pct(s.walkingOfCovered)}</td><td>${pct(s.bothDirectionsShare)}</td><td>exact</td></tr>`);
  }
  const a = fv.area;
  if (a) {
    rowsOut.push(`<tr><td>Area</td><td>${num(a.studyAreaKm2, 1)} km²</td><td>${pct(a.covered.share)}</td><td>${pct(a.fullView.share)} (${pct(a.fullView.low)}–${pct(a.fullView.high)})</td><td>${pct(a.fullViewOfCovered.share)} (${pct(a.fullViewOfCovered.low)}–${pct(a.fullViewOfCovered.high)})</td><td>–</td><td>–</td><td>–</td><td>${num(a.samples)} points, 90 % Wilson</td></tr>`);
  }
  return `<h2>Face-on (full-view) coverage</h2><p>At the ${esc(fv.level)} level${fv.occlusion ? ', buildings blocking the view' : ''}: a point is full-view covered when, whichever way a person there faces, a camera covering it lies within θ = ${num(fv.effectiveAngle)}° of that direction (Wang &amp; Cao, INFOCOM 2011); a walker faces the walking direction, so a street is face-on for a walker where a covering camera lies within θ of it (mean of the two directions; "both": face-on whichever way one walks).</p>`
    + `<table><thead><tr><th></th><th>Total</th><th>Seen</th><th>Full view</th><th>Full view, share of seen</th><th>Walker face-on</th><th>Walker face-on, share of seen</th><th>Both directions</th><th>Method</th></tr></thead><tbody>${rowsOut.join('')}</tbody></table>`;
}

/** The coverage part's report section: coverage cards, the district map, the coverage and district charts and table. */
export const COVERAGE_REPORT: ReportSection = {
  // The by-hour block (coverageByHour, report-by-hour.ts) follows the section's own cards, charts and HTML.
  cards: (result) => [...cards(result), ...coverageByHourCards(result)],
  charts: (result, mapFeatures) => ({ ...charts(result, mapFeatures), ...coverageByHourCharts(result) }),
  maps: ['map-districts'], html: (result, chartDivs) => {
    const extra = coverageByHourHtml(result, chartDivs);
    const own = html(result, chartDivs);
    return extra === '' ? own : `${own}\n${extra}`;
  },
};
