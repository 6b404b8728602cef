/**
 * What a part's report section is made of: the {@link ReportSection}
 * contract that src/io/report-html.ts assembles into the page, and the
 * formatting helpers the sections share (escaping, numbers, percentages,
 * tables, histogram charts). Plain text in, text and Vega-Lite
 * specifications (plain data) out: no file, no bundle, no page layout —
 * those stay in src/io (html-kit.ts, report-html.ts), which imports this
 * layer, never the other way round.
 */
import type { Histogram, ScenarioResult } from './result.js';

/** The Vega-Lite schema every chart specification names. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A headline card of the report: label, value, subtitle. */
export type ReportCard = [string, string, string];

/** Map layers for the sections' maps: GeoJSON features in WGS84, rings clockwise (as d3-geo, used by Vega, wants them). */
export interface ReportMapFeatures {
  /** District polygons with their metrics as properties (from districtsGeoJson); empty when none. */
  districts: unknown[];
  /** Camera density cells with `perKm2` (from cameraDensityGeoJson); empty when none. */
  density: unknown[];
}

/**
 * One part's section of the HTML report (src/scenario/<part>/report.ts).
 * The page gathers every section's cards and charts in its order, shows the
 * maps the sections name side by side, and places each section's HTML.
 */
export interface ReportSection {
  /** Headline cards (none when the part's analyses did not run). */
  cards(result: ScenarioResult): ReportCard[];
  /** Vega-Lite specifications by element id, only those with data. */
  charts(result: ScenarioResult, maps: ReportMapFeatures): Record<string, unknown>;
  /** Element ids of the part's maps shown in the page's map row (omit for none). */
  maps?: readonly string[];
  /** The section's HTML, `''` when the part's analyses did not run. `chartDivs` renders the chart containers that have a specification. */
  html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string;
}

/**
 * Makes text safe inside HTML (element content and quoted attributes).
 *
 * @param s - any value (converted with String)
 * @returns the text with `& < > " '` escaped
 * @example esc('a < b') // 'a &lt; b'
 */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A share as a percentage for the report (`–` for a missing or non-finite value; 3 decimals below 1 %). */
export function fmtPct(x: number | null | undefined, d = 1): string {
  return x === undefined || x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 3 : d)}%`;
}

/** A number with `d` decimals and thousands separators (`–` for a missing or non-finite value). */
export function fmtNum(x: number | null | undefined, d = 0): string {
  return x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
}

/** An HTML table of text cells (every cell escaped). */
export function htmlTable(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/**
 * A bar chart of a histogram of the result (binned on the x axis).
 *
 * @param title - chart title
 * @param h - the histogram
 * @param xTitle - x axis title
 * @param color - bar colour
 * @param format - optional d3 format of the x axis (e.g. `.0%`)
 * @returns a Vega-Lite specification
 * @example histogramSpec('Sightings per resident and day', pop.histograms.sightings, 'sightings', '#0369a1')
 */
export function histogramSpec(title: string, h: Histogram, xTitle: string, color: string, format?: string): unknown {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: 400,
    height: 220,
    data: { values: h.counts.map((count, i) => ({ lo: h.binEdges[i], hi: h.binEdges[i + 1], count })) },
    mark: { type: 'bar', tooltip: true, color },
    encoding: {
      x: { field: 'lo', type: 'quantitative', bin: 'binned', title: xTitle, ...(format ? { axis: { format } } : {}) },
      x2: { field: 'hi' },
      y: { field: 'count', type: 'quantitative', title: 'count' },
    },
  };
}
