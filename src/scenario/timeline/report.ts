/**
 * The timeline's report section: cards (growth from the first year to the
 * last), the growth charts (camera counts by year, one line per series, with
 * the Sergek complexes beside them; the year's figures — coverage, live share,
 * identification — by year) and a table with each year's count, its series
 * and its source listed under the charts.
 */
import { SOURCES } from '../../core/index.js';
import { esc, fmtNum as num, fmtPct as pct, htmlTable as table, VEGA_LITE_SCHEMA, type ReportCard, type ReportSection } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';

/** Human names of the series. */
export const SERIES_LABELS: Record<string, string> = {
  'police-centre-connected': 'connected to the police operations centre',
  'unified-system': 'in the unified video-monitoring system',
  'all-cameras': 'all cameras in the city',
  other: 'other count',
};

function cards(result: ScenarioResult): ReportCard[] {
  const t = result.metrics.timeline;
  if (!t) return [];
  const run = t.years.filter((y) => y.run);
  const first = run[0], last = run[run.length - 1];
  if (!first || !last) return [];
  return [
    ['Cameras by year', `${num(first.cameras)} → ${num(last.cameras)}`, `${first.year} (${SERIES_LABELS[first.series!] ?? first.series}) to ${last.year} (${SERIES_LABELS[last.series!] ?? last.series})${t.series.length > 1 ? '; different series' : ''}`],
    ...(first.coveredFraction !== null && last.coveredFraction !== null ? [['Area seen by year', `${pct(first.coveredFraction)} → ${pct(last.coveredFraction)}`, `${first.year} to ${last.year}, the same city and camera mix`] as ReportCard] : []),
  ];
}

function charts(result: ScenarioResult): Record<string, unknown> {
  const t = result.metrics.timeline;
  if (!t) return {};
  const counts: { year: number; count: number; series: string; source: string; when: string }[] = [];
  for (const y of t.years) {
    if (y.cameras !== null) counts.push({ year: y.year, count: y.cameras, series: `cameras ${SERIES_LABELS[y.series!] ?? y.series}`, source: y.source ?? '', when: y.label ?? String(y.year) });
    if (y.sergekComplexes !== null) counts.push({ year: y.year, count: y.sergekComplexes, series: `Sergek complexes${y.sergekPlanned ? ' (incl. planned)' : ''}`, source: y.sergekSource ?? '', when: y.label ?? String(y.year) });
  }
  const years = [...new Set(t.years.map((y) => y.year))];
  const specs: Record<string, unknown> = {
    'chart-timeline-counts': {
      $schema: VEGA_LITE_SCHEMA,
      title: 'Reported counts by year (each series its own line)',
      width: 420,
      height: 240,
      data: { values: counts },
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: 'year', scale: { domain: years } },
        y: { field: 'count', type: 'quantitative', title: 'count (log scale)', scale: { type: 'log' } },
        color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } },
        tooltip: [{ field: 'when' }, { field: 'series' }, { field: 'count', format: ',' }, { field: 'source' }],
      },
    },
  };
  const metrics: { year: number; metric: string; value: number }[] = [];
  for (const y of t.years) {
    if (!y.run) continue;
    if (y.coveredFraction !== null) metrics.push({ year: y.year, metric: 'area seen by ≥ 1 camera', value: y.coveredFraction });
    if (y.liveShare !== null) metrics.push({ year: y.year, metric: 'cameras streaming live', value: y.liveShare });
    if (y.networkLiveShare !== null) metrics.push({ year: y.year, metric: 'live at the command centre', value: y.networkLiveShare });
    if (y.exposurePIdentifiedMean !== null) metrics.push({ year: y.year, metric: 'P(resident identified ≥ once a day)', value: y.exposurePIdentifiedMean });
  }
  if (metrics.length > 0) {
    specs['chart-timeline-metrics'] = {
      $schema: VEGA_LITE_SCHEMA,
      title: 'What the cameras of each year do',
      width: 420,
      height: 240,
      data: { values: metrics },
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: 'year', scale: { domain: t.years.filter((y) => y.run).map((y) => y.year) } },
        y: { field: 'value', type: 'quantitative', title: 'share', axis: { format: '.0%' } },
        color: { field: 'metric', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 } },
      },
    };
  }
  return specs;
}

function sourceText(id: string | null): string {
  if (id === null) return '–';
  const s = (SOURCES as Record<string, { author: string; title: string; date: string; url?: string }>)[id];
  return s ? `${s.author}, ${s.date}` : id;
}

function html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const t = result.metrics.timeline;
  if (!t) return '';
  const out: string[] = [];
  const run = t.years.filter((y) => y.run);
  out.push(
    `<h2>Growth over the years</h2><p>The scenario ran once per year with that year's camera count (${run.map((y) => `${y.year}: ${num(y.cameras)}`).join(', ')}). ` +
      `Each year's cameras are the first of one seeded ordering (seed ${esc(t.orderSeed)}) of the ${num(t.baseCameras)} cameras of the scenario's cameras section, so every year's cameras are among the next year's and the figures grow only by the cameras added; the city, the camera mix and every other input are the same in every year. Each count's source is listed in full under Assumptions and sources. The rest of this report is the ${esc(run[run.length - 1]?.year)} run.` +
      `${t.series.length > 1 ? ` <b>The counts are of different things</b> (${t.series.map((s) => esc(SERIES_LABELS[s] ?? s)).join('; ')}): a step between years of different series is not growth of one quantity.` : ''}</p>`,
  );
  out.push(`<div class="row">${chartDivs(['chart-timeline-counts', 'chart-timeline-metrics'])}</div>`);
  out.push(
    table(
      ['Year', 'When', 'Cameras', 'What the count counts', 'Source', 'Live share', 'Area seen', 'Live at centre', 'P(identified)', 'Storage TB', 'Sergek complexes', 'Sergek source'],
      t.years.map((y) => [
        String(y.year),
        y.label ?? '',
        y.cameras === null ? '– (not run)' : num(y.cameras),
        y.series ? (SERIES_LABELS[y.series] ?? y.series) : '–',
        sourceText(y.source),
        pct(y.liveShare),
        pct(y.coveredFraction, 2),
        pct(y.networkLiveShare),
        pct(y.exposurePIdentifiedMean),
        y.networkStorageDemandTB === null ? '–' : num(y.networkStorageDemandTB),
        y.sergekComplexes === null ? '–' : `${num(y.sergekComplexes)}${y.sergekPlanned ? ' (planned)' : ''}`,
        sourceText(y.sergekSource),
      ]),
    ),
  );
  const notes = t.years.filter((y) => y.note);
  if (notes.length) out.push(`<ul>${notes.map((y) => `<li>${esc(y.year)}: ${esc(y.note)}</li>`).join('')}</ul>`);
  return out.join('\n');
}

/** The timeline's report section. */
export const TIMELINE_REPORT: ReportSection = { cards, charts, html };
