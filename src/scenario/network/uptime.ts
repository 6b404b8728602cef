/**
 * The network part's `uptime` analysis: outages as a process over days
 * (simulateUptime: every camera, node, link and district power supply an
 * alternating renewal process), with its schema, step, result type, rows of
 * the assumptions table and report section, kept in one file beside the
 * part's other analyses.
 */
import { z } from 'zod';
import { simulateUptime, UPTIME_DEFAULTS, UPTIME_DURATION_BINS_HOURS, type UptimeKindStats, type UptimeDistrict } from '../../network/index.js';
import { esc, fmtNum as num, fmtPct as pct, htmlTable as table, VEGA_LITE_SCHEMA, type ReportCard, type ReportSection } from '../report-kit.js';
import { registryRow } from '../assumption-registry.js';
import type { Assumption, ScenarioResult } from '../result.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';

const hours = z.number().positive().max(1e9);

/** Uptime over days (simulateUptime); the seed comes from the scenario. Every rate is an assumption (UPTIME_DEFAULTS). */
export const uptimeAnalysisSchema = z.strictObject({
  days: z.number().int().min(1).max(36_500).default(UPTIME_DEFAULTS.days).describe('Days simulated (default 365).'),
  cameraMtbfHours: hours.default(UPTIME_DEFAULTS.cameraMtbfHours).describe('Mean time between failures of a camera, hours (default 26,280 = 3 years, assumption).'),
  cameraRepairHours: hours.default(UPTIME_DEFAULTS.cameraRepairHours).describe('Mean time to repair a camera, hours (default 72, assumption).'),
  nodeRepairHours: z.strictObject({ aggregation: hours.optional(), 'district-hub': hours.optional(), 'city-centre': hours.optional(), national: hours.optional() }).optional().describe('Mean time to repair a node by kind, hours (default aggregation 24, district-hub 8, city-centre 4, national 4; assumption). A node fails at the rate its availability implies: MTBF = MTTR·A/(1 − A).'),
  linkRepairHours: z.strictObject({ fibre: hours.optional(), lte: hours.optional(), radio: hours.optional() }).optional().describe('Mean time to repair a link by kind, hours (default fibre 12, lte 2, radio 6; assumption).'),
  powerFailuresPerYear: z.number().min(0).max(1e6).default(UPTIME_DEFAULTS.powerFailuresPerYear).describe('Power cuts per district per year (default 2, assumption; 0 turns them off).'),
  powerRepairHours: hours.default(UPTIME_DEFAULTS.powerRepairHours).describe('Mean length of a power cut, hours (default 3, assumption).'),
  tolerance: z.number().min(0).lt(1).default(UPTIME_DEFAULTS.tolerance).describe('A district-day is fully covered when at least 1 − tolerance of its cameras watch at every moment of it (default 0.01).'),
});

/** Outage statistics of one kind of component, as in results.json. */
export type UptimeKindMetrics = UptimeKindStats;

/** `metrics.network.uptime`. */
export interface UptimeMetrics {
  days: number;
  seed: string;
  cameraMtbfHours: number;
  cameraRepairHours: number;
  nodeRepairHours: Record<string, number>;
  linkRepairHours: Record<string, number>;
  powerFailuresPerYear: number;
  powerRepairHours: number;
  tolerance: number;
  /** Upper edges of the outage-duration histogram bins, hours (the last bin is open). */
  durationBinsHours: number[];
  kinds: { camera: UptimeKindMetrics; node: UptimeKindMetrics; link: UptimeKindMetrics; power: UptimeKindMetrics };
  districts: UptimeDistrict[];
  camerasWithoutDistrict: number;
  /** Mean over districts with cameras of the share of days fully covered (null without such a district). */
  fullyCoveredShareMean: number | null;
  /** Per day: time-average live share, its minimum, time-average share of cameras watching. */
  daily: { liveShare: number[]; minLiveShare: number[]; watchingShare: number[] };
  baselineLiveShare: number;
  /** Time-average live share over all days. */
  liveShareMean: number;
}

/** The step: runs after the network's other analyses. */
export const uptimeStep: ScenarioStep = {
  id: 'uptime',
  label: 'Network: uptime over days',
  enabled: (spec) => spec.network !== undefined && spec.analyses.uptime !== undefined,
  run(ctx: ScenarioContext) {
    const o = ctx.spec.analyses.uptime!;
    const sim = simulateUptime(ctx.network!, {
      days: o.days,
      seed: ctx.rng.stream('uptime'),
      cameraMtbfHours: o.cameraMtbfHours,
      cameraRepairHours: o.cameraRepairHours,
      ...(o.nodeRepairHours ? { nodeRepairHours: o.nodeRepairHours } : {}),
      ...(o.linkRepairHours ? { linkRepairHours: o.linkRepairHours } : {}),
      powerFailuresPerYear: o.powerFailuresPerYear,
      powerRepairHours: o.powerRepairHours,
      tolerance: o.tolerance,
      ...(ctx.spec.analyses.network ? { analyticsDemand: ctx.spec.analyses.network.analyticsDemand } : {}),
    });
    const withCameras = sim.districts.filter((d) => d.fullyCoveredShare !== null);
    const fullyCoveredShareMean = withCameras.length > 0 ? withCameras.reduce((s, d) => s + d.fullyCoveredShare!, 0) / withCameras.length : null;
    const liveShareMean = sim.daily.liveShare.reduce((a, b) => a + b, 0) / sim.daily.liveShare.length;
    ctx.metrics.network!.uptime = {
      days: sim.params.days,
      seed: sim.params.seed,
      cameraMtbfHours: sim.params.cameraMtbfHours,
      cameraRepairHours: sim.params.cameraRepairHours,
      nodeRepairHours: sim.params.nodeRepairHours,
      linkRepairHours: sim.params.linkRepairHours,
      powerFailuresPerYear: sim.params.powerFailuresPerYear,
      powerRepairHours: sim.params.powerRepairHours,
      tolerance: sim.params.tolerance,
      durationBinsHours: [...UPTIME_DURATION_BINS_HOURS],
      kinds: sim.kinds,
      districts: sim.districts,
      camerasWithoutDistrict: sim.camerasWithoutDistrict,
      fullyCoveredShareMean,
      daily: sim.daily,
      baselineLiveShare: sim.baselineLiveShare,
      liveShareMean,
    };
    if (fullyCoveredShareMean !== null) ctx.headline.uptimeFullyCoveredDayShare = fullyCoveredShareMean;
    ctx.headline.uptimeCameraAvailability = sim.kinds.camera.simulatedAvailability;
    if (sim.kinds.camera.meanOutageHours !== null) ctx.headline.uptimeCameraOutageHoursMean = sim.kinds.camera.meanOutageHours;
    ctx.headline.uptimeLiveShareMean = liveShareMean;
    ctx.assumptions.push(...uptimeAssumptions(o));
  },
};

type UptimeSpec = z.infer<typeof uptimeAnalysisSchema>;

/** The uptime analysis's rows of the assumptions table. */
function uptimeAssumptions(o: UptimeSpec): Assumption[] {
  const D = UPTIME_DEFAULTS;
  const nodes = { ...D.nodeRepairHours, ...(o.nodeRepairHours ?? {}) };
  const links = { ...D.linkRepairHours, ...(o.linkRepairHours ?? {}) };
  return [
    { topic: 'Uptime model', value: `alternating renewal per camera, node, link and district power supply; exponential up and down times; ${o.days} days from the steady state`, source: 'assumption: independent components with memoryless failure and repair (the exponential model behind MTBF/MTTR figures); long-run availability MTBF/(MTBF + MTTR)', kind: 'assumption' },
    registryRow('cameraMtbfHours', o.cameraMtbfHours, o.cameraMtbfHours !== D.cameraMtbfHours),
    registryRow('cameraRepairHours', o.cameraRepairHours, o.cameraRepairHours !== D.cameraRepairHours),
    registryRow('powerFailuresPerYear', o.powerFailuresPerYear, o.powerFailuresPerYear !== D.powerFailuresPerYear),
    registryRow('powerRepairHours', o.powerRepairHours, o.powerRepairHours !== D.powerRepairHours),
    registryRow('aggregationRepairHours', nodes.aggregation, o.nodeRepairHours?.aggregation !== undefined),
    registryRow('fibreRepairHours', links.fibre, o.linkRepairHours?.fibre !== undefined),
    { topic: 'Repair times of the other nodes and links', value: `district hub ${nodes['district-hub']} h, city centre ${nodes['city-centre']} h, national ${nodes.national} h; LTE ${links.lte} h, radio ${links.radio} h`, source: 'assumption: staffed sites with spare parts repair faster than street cabinets; an LTE uplink recovers when the cell does; plausible a quarter to four times each (no sourced figures)', kind: 'assumption' },
    { topic: 'Fully covered district-day', value: `at least ${pct(1 - o.tolerance, 2)} of the district's cameras watching at every moment of the day, and no power cut`, source: 'definition (a count of cameras, not of area: overlapping views are not weighed)', kind: 'assumption' },
  ];
}

// ---- report ----

const KIND_LABELS = { camera: 'cameras', node: 'nodes', link: 'links', power: 'district power' } as const;

function binLabel(i: number): string {
  const e = UPTIME_DURATION_BINS_HOURS;
  const h = (x: number) => (x < 1 ? `${x * 60} min` : `${x} h`);
  if (i === 0) return `< ${h(e[0])}`;
  if (i === e.length) return `≥ ${h(e[e.length - 1])}`;
  return `${h(e[i - 1])}–${h(e[i])}`;
}

function cards(result: ScenarioResult): ReportCard[] {
  const u = result.metrics.network?.uptime;
  if (!u) return [];
  const worst = u.districts.filter((d) => d.fullyCoveredShare !== null).sort((a, b) => a.fullyCoveredShare! - b.fullyCoveredShare!)[0];
  return [
    ['Days fully covered', pct(u.fullyCoveredShareMean), `mean over districts of ${num(u.days)} simulated days${worst ? `; lowest ${esc(worst.district)} ${pct(worst.fullyCoveredShare)}` : ''}`],
    ['Camera outages', `${num(u.kinds.camera.meanOutageHours, 1)} h`, `mean length (median ${num(u.kinds.camera.medianOutageHours, 1)} h); cameras up ${pct(u.kinds.camera.simulatedAvailability, 2)} of the time (closed form ${pct(u.kinds.camera.expectedAvailability, 2)})`],
  ];
}

function charts(result: ScenarioResult): Record<string, unknown> {
  const u = result.metrics.network?.uptime;
  if (!u) return {};
  const specs: Record<string, unknown> = {};
  const rows = u.districts.filter((d) => d.fullyCoveredShare !== null);
  if (rows.length > 0) {
    specs['chart-uptime-districts'] = {
      $schema: VEGA_LITE_SCHEMA,
      title: `Share of ${num(u.days)} days each district is fully covered`,
      width: 360,
      height: { step: 18 },
      data: { values: rows.map((d) => ({ district: d.district, share: d.fullyCoveredShare, cameras: d.cameras, meanWatching: d.meanWatchingShare })) },
      mark: { type: 'bar', tooltip: true, color: '#0f766e' },
      encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'share', type: 'quantitative', title: 'share of days fully covered', axis: { format: '.0%' }, scale: { domain: [0, 1] } } },
    };
  }
  const values: { kind: string; bin: string; order: number; share: number; count: number }[] = [];
  for (const k of ['camera', 'node', 'link', 'power'] as const) {
    const s = u.kinds[k];
    if (s.outages === 0) continue;
    s.histogram.forEach((count, i) => values.push({ kind: KIND_LABELS[k], bin: binLabel(i), order: i, share: count / s.outages, count }));
  }
  if (values.length > 0) {
    specs['chart-uptime-durations'] = {
      $schema: VEGA_LITE_SCHEMA,
      title: 'How long an outage lasts, by component',
      width: 420,
      height: 220,
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'bin', type: 'ordinal', sort: { field: 'order' }, title: 'outage length' },
        xOffset: { field: 'kind' },
        y: { field: 'share', type: 'quantitative', title: 'share of the outages of the kind', axis: { format: '.0%' } },
        color: { field: 'kind', type: 'nominal', title: null },
      },
    };
  }
  specs['chart-uptime-daily'] = {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Day by day: cameras watching and live share',
    width: 420,
    height: 200,
    data: { values: u.daily.liveShare.flatMap((live, i) => [{ day: i + 1, series: 'cameras watching (time-average)', share: u.daily.watchingShare[i] }, { day: i + 1, series: 'live at the centre (time-average)', share: live }, { day: i + 1, series: 'live at the centre (lowest)', share: u.daily.minLiveShare[i] }]) },
    mark: { type: 'line', tooltip: true },
    encoding: { x: { field: 'day', type: 'quantitative', title: 'day' }, y: { field: 'share', type: 'quantitative', title: 'share of cameras', axis: { format: '.0%' }, scale: { zero: false } }, color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 400 } } },
  };
  return specs;
}

function html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const u = result.metrics.network?.uptime;
  if (!u) return '';
  const out: string[] = [];
  out.push(
    `<h3>Uptime over ${num(u.days)} days</h3><p>Every camera, node, link and district power supply fails and is repaired in turn (exponential times; seed ${esc(u.seed)}): cameras fail on average every ${num(u.cameraMtbfHours)} h and take ${num(u.cameraRepairHours, 1)} h to repair; each district loses power ${num(u.powerFailuresPerYear, 1)} times a year for ${num(u.powerRepairHours, 1)} h on average; nodes and links fail as often as their availability implies for their repair times. ` +
      `A district is <b>fully covered</b> on a day when at least ${pct(1 - u.tolerance, 2)} of its cameras watch at every moment of the day (node and link outages cut live streaming, not recording). Mean over districts: <b>${pct(u.fullyCoveredShareMean)}</b> of days. Live share at the centre: ${pct(u.liveShareMean, 2)} on average over the days, ${pct(u.baselineLiveShare, 2)} with everything up.</p>`,
  );
  out.push(`<div class="row">${chartDivs(['chart-uptime-districts', 'chart-uptime-durations'])}</div>`);
  out.push(`<div class="row">${chartDivs(['chart-uptime-daily'])}</div>`);
  out.push(
    table(
      ['Component', 'Count', 'Availability (closed form)', 'Availability (simulated)', 'Outages', 'Mean outage (closed form)', 'Mean outage', 'Median', '90th percentile', 'Longest'],
      (['camera', 'node', 'link', 'power'] as const).map((k) => {
        const s = u.kinds[k];
        const h = (x: number | null) => (x === null ? '–' : `${num(x, 1)} h`);
        return [KIND_LABELS[k], num(s.components), pct(s.expectedAvailability, 3), pct(s.simulatedAvailability, 3), num(s.outages), h(s.expectedMeanOutageHours), h(s.meanOutageHours), h(s.medianOutageHours), h(s.p90OutageHours), h(s.maxOutageHours)];
      }),
    ),
  );
  out.push(table(['District', 'Cameras', 'Days fully covered', 'Share', 'Mean watching', 'Worst moment', 'Power cut'], u.districts.map((d) => [d.district, num(d.cameras), num(d.fullyCoveredDays), pct(d.fullyCoveredShare), pct(d.meanWatchingShare, 2), pct(d.worstWatchingShare), `${num(d.powerCutHours, 1)} h`])));
  return out.join('\n');
}

/** The uptime analysis's report section (assembled after the network's). */
export const UPTIME_REPORT: ReportSection = { cards, charts, html };
