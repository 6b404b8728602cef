/**
 * Running a scenario with a `timeline`: the scenario once per year that has
 * a camera count, in increasing year order, with one {@link StageCache} so
 * that the city and the base cameras are built once and only the steps from
 * the year's cameras on run again. The result is the latest year's run (its
 * maps, metrics and report) with `metrics.timeline`: one row per year, run or
 * data only, with each count's series and source and the year's headline
 * figures.
 *
 * It lives in the scenario layer, not in the sweep layer: a timeline is part
 * of one scenario document (its inputs reproduce it), runScenario and the
 * command's `run` handle it, and its result is one result with one report.
 */
import { StageCache } from '../stage-cache.js';
import type { RunScenarioOptions, ScenarioProgress, ScenarioRun } from '../run-scenario.js';
import type { ScenarioSpec } from '../schema.js';
import type { Assumption, StepTiming } from '../result.js';
import type { TimelineMetrics, TimelineYearMetrics } from './result.js';
import { timelineOrderSeed } from './step.js';

/** Headline keys a timeline row takes from its year's run. */
const pick = (h: Record<string, number>, k: string): number | null => (typeof h[k] === 'number' && Number.isFinite(h[k]) ? h[k] : null);

/**
 * Runs every year of the spec's timeline (see the module docs).
 *
 * @param spec - a validated scenario with a timeline and no timelineYear
 * @param options - runScenarioDetailed's options (a cache given is used; else one is made)
 * @param runOne - the single-year runner (runScenarioDetailed)
 * @returns the latest year's run with metrics.timeline
 * @throws what the year's run throws
 * @example const run = await runTimeline(parseScenario(doc), {}, runScenarioDetailed);
 */
export async function runTimeline(spec: ScenarioSpec, options: RunScenarioOptions, runOne: (scenario: unknown, options: RunScenarioOptions) => Promise<ScenarioRun>): Promise<ScenarioRun> {
  const t0 = performance.now();
  const timeline = spec.timeline!;
  const cache = options.cache ?? new StageCache();
  const hits0 = cache.hits;
  const ordered = [...timeline.years].sort((a, b) => a.year - b.year);
  const runYears = ordered.filter((y) => y.cameras !== undefined);
  const rows: TimelineYearMetrics[] = [];
  const timings: StepTiming[] = [];
  const warnings: string[] = [];
  const yearRows: Assumption[] = [];
  let last: ScenarioRun | null = null;
  let baseCameras = 0;
  for (const y of ordered) {
    const row: TimelineYearMetrics = {
      year: y.year,
      label: y.label ?? null,
      run: y.cameras !== undefined,
      cameras: y.cameras ?? null,
      series: y.series ?? null,
      source: y.source ?? null,
      camerasInStudyArea: null,
      liveCameras: null,
      liveShare: null,
      coveredFraction: null,
      networkLiveShare: null,
      exposurePIdentifiedMean: null,
      exposureSightingsMean: null,
      networkStorageDemandTB: null,
      retentionStorageTB: null,
      sergekComplexes: y.sergekComplexes ?? null,
      sergekSource: y.sergekSource ?? null,
      sergekPlanned: y.sergekPlanned ?? false,
      note: y.note ?? null,
      ms: 0,
    };
    rows.push(row);
    if (y.cameras === undefined) continue;
    const k = runYears.indexOf(y);
    const onProgress = options.onProgress;
    const ts = performance.now();
    const run = await runOne(
      { ...spec, timelineYear: y.year },
      {
        ...options,
        cache,
        ...(onProgress ? { onProgress: (e: ScenarioProgress) => onProgress({ ...e, detail: `year ${y.year} (${k + 1} of ${runYears.length})${e.detail ? `: ${e.detail}` : ''}` }) } : {}),
      },
    );
    row.ms = performance.now() - ts;
    const h = run.result.headline;
    row.camerasInStudyArea = pick(h, 'cameras');
    row.liveCameras = pick(h, 'liveCameras');
    row.liveShare = row.camerasInStudyArea ? (row.liveCameras ?? 0) / row.camerasInStudyArea : null;
    row.coveredFraction = pick(h, 'coveredFraction');
    row.networkLiveShare = pick(h, 'networkLiveShare');
    row.exposurePIdentifiedMean = pick(h, 'exposurePIdentifiedMean');
    row.exposureSightingsMean = pick(h, 'exposureSightingsMean');
    row.networkStorageDemandTB = pick(h, 'networkStorageDemandTB');
    row.retentionStorageTB = pick(h, 'retentionStorageTB');
    baseCameras = run.result.metrics.cameras.perSource.reduce((s, p) => s + p.numCameras, 0);
    for (const t of run.result.timings.steps) timings.push({ ...t, id: `${y.year}/${t.id}` });
    for (const w of run.result.warnings ?? []) if (!warnings.includes(w)) warnings.push(w);
    yearRows.push(...run.result.assumptions.filter((a) => a.topic.startsWith(`Cameras in ${y.year}`)));
    last = run;
  }
  const series = [...new Set(runYears.map((y) => y.series!))];
  if (series.length > 1) {
    warnings.push(
      `the timeline mixes counts of different things (${series.map((s) => `${s}: ${runYears.filter((y) => y.series === s).map((y) => y.year).join(', ')}`).join('; ')}): a change between years of different series is not growth of one quantity; the report draws each series as its own line`,
    );
  }
  const metrics: TimelineMetrics = { nesting: 'nested', orderSeed: timelineOrderSeed(spec), baseCameras, series, years: rows, cacheHits: cache.hits - hits0 };
  const run = last!;
  const result = run.result;
  result.inputs = spec;
  result.name = spec.name ?? result.name;
  result.metrics.timeline = metrics;
  for (const r of rows) {
    if (!r.run) continue;
    result.headline[`timeline${r.year}Cameras`] = r.camerasInStudyArea ?? 0;
    if (r.liveShare !== null) result.headline[`timeline${r.year}LiveShare`] = r.liveShare;
    if (r.coveredFraction !== null) result.headline[`timeline${r.year}CoveredFraction`] = r.coveredFraction;
    if (r.exposurePIdentifiedMean !== null) result.headline[`timeline${r.year}PIdentifiedMean`] = r.exposurePIdentifiedMean;
  }
  const lastYear = runYears[runYears.length - 1].year;
  const others = result.assumptions.filter((a) => !a.topic.startsWith(`Cameras in ${lastYear}`));
  const sergekRows: Assumption[] = ordered
    .filter((y) => y.sergekComplexes !== undefined)
    .map((y) => ({ topic: `Sergek complexes in ${y.year}${y.label ? ` (${y.label})` : ''}`, value: `${y.sergekComplexes!.toLocaleString('en-US')}${y.sergekPlanned ? ' (planned)' : ''}`, source: 'reported count, shown beside the timeline (not used to choose the cameras)', sources: [y.sergekSource!], kind: 'sourced' as const }));
  result.assumptions = [
    { topic: 'Timeline', value: `${runYears.length} years run (${runYears.map((y) => y.year).join(', ')}); the latest year's run is the rest of this report`, source: `each year's cameras are the first N of one seeded ordering (seed ${metrics.orderSeed}) of the ${baseCameras.toLocaleString('en-US')} cameras of the cameras section: nested, so growth is monotone (assumption: where each year's cameras stood is not published)`, kind: 'assumption' },
    ...yearRows,
    ...sergekRows,
    ...others,
  ];
  result.warnings = warnings;
  result.timings = { totalMs: performance.now() - t0, steps: timings };
  return run;
}
