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
import { InvalidInputError, SOURCES, type Source } from '../core/index.js';
import { type ScenarioResult } from '../scenario/index.js';
import { esc, formatRange, fmtNum as num, MODEL_REPORT, COVERAGE_REPORT, NETWORK_REPORT, UPTIME_REPORT, EXPOSURE_REPORT, RETENTION_REPORT, TIMELINE_REPORT, type ReportCard, type ReportMapFeatures, type ReportSection } from '../scenario/internal.js';
import { chartScript, HTML_STYLE } from './html-kit.js';

/** Map layers given to {@link buildReportHtml}: GeoJSON FeatureCollections in WGS84. */
export interface ReportMaps {
  /** District polygons with their metrics as properties (from districtsGeoJson). */
  districts?: { type: 'FeatureCollection'; features: unknown[] };
  /** Camera density cells with `perKm2` (from cameraDensityGeoJson). */
  density?: { type: 'FeatureCollection'; features: unknown[] };
  /** Issue 19 (interactive map): the HTML of the interactive-map section (from reportMapSection in ./report-map.ts), placed after the map row. */
  interactive?: string;
}

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

/**
 * The parts' report sections in page order: their cards and charts are
 * gathered in this order, and their maps side by side in the map row.
 */
const SECTIONS: readonly ReportSection[] = [TIMELINE_REPORT, MODEL_REPORT, COVERAGE_REPORT, NETWORK_REPORT, UPTIME_REPORT, EXPOSURE_REPORT, RETENTION_REPORT];

/**
 * Where the sections' HTML goes below the map row: one line of the page per
 * group, a group's non-empty sections joined by a newline. (The model's
 * summary of the city goes above the maps.) A new part's section joins a
 * group or adds one.
 */
const BELOW_MAPS: readonly (readonly ReportSection[])[] = [[TIMELINE_REPORT], [COVERAGE_REPORT], [NETWORK_REPORT, UPTIME_REPORT, EXPOSURE_REPORT], [RETENTION_REPORT]];

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
  const features: ReportMapFeatures = { districts: forD3(maps.districts), density: forD3(maps.density) };
  const specs: Record<string, unknown> = {};
  const cards: ReportCard[] = [];
  for (const section of SECTIONS) {
    Object.assign(specs, section.charts(result, features));
    cards.push(...section.cards(result));
  }
  const h = result.headline;
  const m = result.metrics;
  // Bibliography entries in order of first citation; each row links to its entries.
  const cited: string[] = [];
  for (const a of result.assumptions) for (const id of a.sources ?? []) if (!cited.includes(id) && id in SOURCES) cited.push(id);
  const refLinks = (ids: readonly string[] | undefined) =>
    (ids ?? []).filter((id) => cited.includes(id)).map((id) => ` <a class="ref" href="#source-${esc(id)}">[${cited.indexOf(id) + 1}]</a>`).join('');
  const assumptions = `<div class="table-wrap"><table class="assumptions"><thead><tr><th>What</th><th>Value</th><th>Plausible range</th><th>Source</th><th>Kind</th></tr></thead><tbody>${result.assumptions
    .map((a) => `<tr><td>${esc(a.topic)}</td><td>${esc(a.value)}</td><td>${a.range ? `${esc(formatRange(a.range))}${a.name ? ` <code>${esc(a.name)}</code>` : ''}` : ''}</td><td>${esc(a.source)}${refLinks(a.sources)}</td><td><span class="tag ${esc(a.kind)}">${esc(a.kind)}</span></td></tr>`)
    .join('')}</tbody></table></div>`;
  const bibliography = cited.length
    ? `<h3>Sources</h3><ol class="sources">${cited
        .map((id) => {
          const src = (SOURCES as Record<string, Source>)[id];
          const link = src.url ? ` <a href="${esc(src.url)}" rel="noreferrer">${esc(src.url)}</a>` : '';
          return `<li id="source-${esc(id)}">${esc(src.author)}, “${esc(src.title)}”, ${esc(src.date)}.${link}${src.accessed ? ` Accessed ${esc(src.accessed)}.` : ''} <span class="s">${esc(src.supports)}.</span></li>`;
        })
        .join('')}</ol>`
    : '';
  const licences = [...new Set(Object.values(m.city.provenance).map((p) => p.licence).filter(Boolean))];
  const chartDivs = (ids: string[]) => ids.filter((id) => id in specs).map((id) => `<div class="chart" id="${id}"></div>`).join('');
  const belowMaps = BELOW_MAPS.map((group) => group.map((section) => section.html(result, chartDivs)).filter((html) => html !== '').join('\n'));
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
${(result.warnings ?? []).length ? `<section class="warnings">${result.warnings!.map((w) => `<p class="warning"><b>Warning:</b> ${esc(w)}</p>`).join('')}</section>\n` : ''}<section class="cards">${cards.map(([l, v, s]) => `<div class="card"><div class="l">${esc(l)}</div><div class="v">${esc(v)}</div><div class="s">${esc(s)}</div></div>`).join('')}</section>
${MODEL_REPORT.html(result, chartDivs)}
<h2>Maps</h2>
<div class="row">${chartDivs(SECTIONS.flatMap((section) => section.maps ?? []))}</div>
${maps.interactive ?? '' /* issue 19: the interactive map section */}
${belowMaps.join('\n')}
<h2>Assumptions and sources</h2>
<p>Every figure and default behind these numbers. <b>sourced</b>: a cited fact; <b>assumption</b>: a choice stated as such; <b>synthetic</b>: generated by sightline; <b>real</b>: imported data.</p>
${assumptions}
${bibliography}
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
