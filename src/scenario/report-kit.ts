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

/** An HTML table of text cells (every cell escaped), in a container that scrolls sideways on a narrow screen. */
export function htmlTable(head: string[], rows: string[][]): string {
  return `<div class="table-wrap"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/**
 * A chart's title with its one-line reading ("what this shows") under it,
 * and any notes as further lines (e.g. that the district shapes are synthetic).
 *
 * @param text - the title
 * @param reading - one sentence: what the chart shows and how to read it
 * @param notes - further lines under the reading
 * @returns a Vega-Lite title object
 * @example chartTitle('Camera density', 'Cameras per km² of city in 1 km cells.')
 */
export function chartTitle(text: string, reading: string, ...notes: string[]): { text: string[]; subtitle: string[]; anchor: 'start'; subtitleColor: string } {
  return { text: wrapLines(text, 40), subtitle: [reading, ...notes].flatMap((line) => wrapLines(line, 50)), anchor: 'start', subtitleColor: '#4b5563' };
}

/**
 * Text cut into lines of at most `width` characters at spaces (a longer
 * word keeps its own line). Vega draws each title line as one unbroken
 * line, and a title wider than a phone's chart squeezes the chart itself.
 */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * What every chart of the report shares: the schema, a width that follows
 * its container (the page is read on phones too) and a description for
 * screen readers (the reading line). Give such a chart a fixed height in
 * pixels: Vega-Lite fits a container width by autosize `fit`, which it
 * drops, with a console warning, for a `{ step }` height.
 *
 * @param title - from {@link chartTitle}
 * @returns the top-level properties of a single-view specification
 */
export function chartFrame(title: ReturnType<typeof chartTitle>): Record<string, unknown> {
  return { $schema: VEGA_LITE_SCHEMA, title, description: `${title.text.join(' ')}: ${title.subtitle.join(' ')}`, width: 'container' };
}

/**
 * The note a map over the city's districts carries when their shapes are
 * synthetic (generated equal-area parts, only the names being real); `[]`
 * when the districts are real (imported) or the provenance is unknown.
 *
 * @param result - the scenario result (its city's provenance)
 * @returns zero or one line for {@link chartTitle}'s notes
 */
export function syntheticDistrictsNote(result: ScenarioResult): string[] {
  const p = result.metrics.city.provenance?.districts;
  return p?.kind === 'synthetic' ? ['Note: district shapes are synthetic equal-area parts, not the real borders (only the names are real).'] : [];
}

/**
 * A bar chart of a histogram of the result (binned on the x axis).
 *
 * @param title - chart title
 * @param reading - one line under the title: what the chart shows
 * @param h - the histogram
 * @param xTitle - x axis title, with its unit in parentheses
 * @param color - bar colour
 * @param format - optional d3 format of the x axis (e.g. `.0%`)
 * @param yTitle - y axis title, with its unit (default `count (residents)`)
 * @returns a Vega-Lite specification
 * @example histogramSpec('Sightings per resident and day', 'How many times each simulated resident passed a camera in a day.', pop.histograms.sightings, 'sightings (per resident and day)', '#0369a1')
 */
export function histogramSpec(title: string, reading: string, h: Histogram, xTitle: string, color: string, format?: string, yTitle = 'residents (count)'): unknown {
  return {
    ...chartFrame(chartTitle(title, reading)),
    height: 220,
    data: { values: h.counts.map((count, i) => ({ lo: h.binEdges[i], hi: h.binEdges[i + 1], count })) },
    mark: { type: 'bar', tooltip: true, color },
    encoding: {
      x: { field: 'lo', type: 'quantitative', bin: 'binned', title: xTitle, ...(format ? { axis: { format } } : {}) },
      x2: { field: 'hi' },
      y: { field: 'count', type: 'quantitative', title: yTitle },
    },
  };
}
