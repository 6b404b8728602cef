/**
 * The report blocks of the by-hour analyses (coverageByHour, exposureByHour):
 * cards, a chart of coverage by hour of day per level, and a chart of
 * identifications by departure hour, day and night apart. Each part's
 * section calls its own block (cards, charts, html) so that the by-hour
 * material stays apart from the section's other charts.
 */
import { esc, fmtNum as num, fmtPct as pct, htmlTable as table, VEGA_LITE_SCHEMA, type ReportCard } from './report-kit.js';
import type { ScenarioResult } from './result.js';
import { clockTime } from './light.js';

const NIGHT_GREY = '#e5e7eb';

/** The night hours as rectangles behind a chart over the hours 0 … 24. */
function nightLayer(hours: { hour: number; light: string }[]): unknown {
  return {
    data: { values: hours.filter((h) => h.light === 'night').map((h) => ({ from: h.hour, to: h.hour + 1 })) },
    mark: { type: 'rect', color: NIGHT_GREY },
    encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
  };
}

const hourAxis = { type: 'quantitative', title: 'local hour (grey: night)', scale: { domain: [0, 24] }, axis: { tickCount: 12 } };

/** Cards of coverageByHour: the first DORI level's (else range's) coverage by day and night. */
export function coverageByHourCards(result: ScenarioResult): ReportCard[] {
  const c = result.metrics.coverageByHour;
  if (!c) return [];
  const l = c.levels.find((x) => x.level === 'identify') ?? c.levels[c.levels.length - 1];
  const streets = l.day.streetFraction !== null ? `; streets ${pct(l.day.streetFraction, 2)} by day, ${pct(l.night.streetFraction, 2)} at night` : '';
  return [[`City area seen by day / night (${l.level})`, `${pct(l.day.coveredFraction, 2)} / ${pct(l.night.coveredFraction, 2)}`, `${esc(c.date)}: ${c.dayHours} day hours, civil dawn ${clockTime(c.sun.civilDawn)}, dusk ${clockTime(c.sun.civilDusk)} (UTC${c.utcOffset >= 0 ? '+' : ''}${c.utcOffset})${streets}`]];
}

/** Chart of coverageByHour: the covered share of the city per local hour, one line per level, night hours shaded. */
export function coverageByHourCharts(result: ScenarioResult): Record<string, unknown> {
  const c = result.metrics.coverageByHour;
  if (!c) return {};
  const values: { hour: number; level: string; share: number; light: string }[] = [];
  for (const h of c.hours) {
    c.levels.forEach((l, i) => {
      // A step over the hour: its value at h and just before h + 1.
      values.push({ hour: h.hour, level: l.level, share: h.coveredFraction[i], light: h.light }, { hour: h.hour + 1, level: l.level, share: h.coveredFraction[i], light: h.light });
    });
  }
  return {
    'chart-coverage-by-hour': {
      $schema: VEGA_LITE_SCHEMA,
      title: `Share of the city seen, by hour of ${c.date}`,
      width: 420,
      height: 240,
      layer: [
        nightLayer(c.hours),
        {
          data: { values },
          mark: { type: 'line', interpolate: 'step-after', tooltip: true },
          encoding: {
            x: { field: 'hour', ...hourAxis },
            y: { field: 'share', type: 'quantitative', title: 'share of area seen', axis: { format: '%' } },
            color: { field: 'level', type: 'nominal', title: 'distance level' },
          },
        },
      ],
    },
  };
}

/** HTML of coverageByHour: the chart and the day / night table per level. */
export function coverageByHourHtml(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const c = result.metrics.coverageByHour;
  if (!c) return '';
  const rows = c.levels.map((l) => [l.level, pct(l.day.coveredFraction, 2), pct(l.night.coveredFraction, 2), l.day.streetFraction === null ? '–' : pct(l.day.streetFraction, 2), l.night.streetFraction === null ? '–' : pct(l.night.streetFraction, 2)]);
  const nr = c.nightRange;
  const ranges = typeof nr === 'number' ? `${num(nr)} m for every camera` : typeof nr === 'object' && nr !== null ? Object.entries(nr as Record<string, number>).map(([k, v]) => `${k} ${num(v)} m`).join(', ') : String(nr);
  return [
    '<h2>Coverage by hour of day</h2>',
    `<p>At night each camera sees as far as its infrared illuminator reaches (${esc(ranges)}); every DORI distance is capped by that reach. Hours are day from civil dawn (${clockTime(c.sun.civilDawn)}) to civil dusk (${clockTime(c.sun.civilDusk)}) of ${esc(c.date)}.</p>`,
    `<div class="row">${chartDivs(['chart-coverage-by-hour'])}</div>`,
    table(['Level', 'Area seen by day', 'at night', 'Streets seen by day', 'at night'], rows),
  ].join('\n');
}

/** Cards of exposureByHour: identifications a day, by day and by night. */
export function exposureByHourCards(result: ScenarioResult): ReportCard[] {
  const e = result.metrics.exposureByHour;
  if (!e) return [];
  return [[
    'Identifications a day: day / night trips',
    `${num(e.cityPerDay.day)} / ${num(e.cityPerDay.night)}`,
    `city-wide expected identifications on trips departing by day and at night (${pct(e.total.trips > 0 ? e.night.trips / e.total.trips : 0)} of trips depart at night; night face rate ${pct(e.params.faceRateNight)} vs ${pct(e.params.faceRateDay)} by day); ${num(e.cityPerDay.allByDay)} if every trip were scored by day`,
  ]];
}

/** Chart of exposureByHour: identifications per departure hour, night hours shaded. */
export function exposureByHourCharts(result: ScenarioResult): Record<string, unknown> {
  const e = result.metrics.exposureByHour;
  if (!e) return {};
  const pop = result.metrics.exposure?.population;
  const residentDays = (pop?.numResidents ?? 0) * (pop?.numDays ?? 0);
  const perResident = (x: number) => (residentDays > 0 ? x / residentDays : 0);
  const values = e.hours.map((h) => ({ hour: h.hour + 0.5, light: h.light, identified: perResident(h.identified), trips: h.trips }));
  return {
    'chart-identified-by-hour': {
      $schema: VEGA_LITE_SCHEMA,
      title: 'Identifications per resident and day, by departure hour',
      width: 420,
      height: 240,
      layer: [
        nightLayer(e.hours),
        {
          data: { values },
          mark: { type: 'bar', tooltip: true, width: 12 },
          encoding: {
            x: { field: 'hour', ...hourAxis },
            y: { field: 'identified', type: 'quantitative', title: 'identifications per resident-day' },
            color: { field: 'light', type: 'nominal', title: 'trip light', scale: { domain: ['day', 'night'], range: ['#f59e0b', '#1e3a8a'] } },
            tooltip: [{ field: 'hour', type: 'quantitative', title: 'hour (middle)' }, { field: 'trips', type: 'quantitative', title: 'trips' }, { field: 'identified', type: 'quantitative', title: 'identifications', format: '.4f' }],
          },
        },
      ],
    },
  };
}

/** HTML of exposureByHour: the chart and the day / night table. */
export function exposureByHourHtml(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const e = result.metrics.exposureByHour;
  if (!e) return '';
  const row = (name: string, t: typeof e.day, city: number) => [name, num(t.trips), num(t.sightings, 0), num(t.faceSearches, 0), num(t.identified, 1), num(city, 0)];
  return [
    '<h2>Exposure by hour of day</h2>',
    `<p>Trips departing between civil dusk and dawn of ${esc(e.date)} are scored against the cameras' night ranges, their faces at ${pct(e.params.nightFaceFactor, 0)} of the day recognition rate and plates at ${pct(e.params.nightPlateFactor, 0)} of the day read rate.</p>`,
    `<div class="row">${chartDivs(['chart-identified-by-hour'])}</div>`,
    table(['Trips', 'Count', 'Sightings', 'Face searches', 'Identifications (simulated)', 'Identifications a day (city)'], [
      row('departing by day', e.day, e.cityPerDay.day),
      row('departing at night', e.night, e.cityPerDay.night),
      row('all', e.total, e.cityPerDay.total),
      row('all, scored by day', e.allByDay, e.cityPerDay.allByDay),
    ]),
  ].join('\n');
}
