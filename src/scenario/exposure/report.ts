/**
 * The exposure part's section of the HTML report: cards (sightings,
 * identification, watchlist, unicity), charts (distributions of sightings
 * and identification probability, exposure by home district as a map and a
 * chart, the unicity curve, crowds) and the exposure section (the residents
 * sample, inequality between districts, watchlist, unicity, crowds, routes).
 */
import { esc, fmtNum as num, fmtPct as pct, histogramSpec, htmlTable as table, VEGA_LITE_SCHEMA, type ReportCard, type ReportMapFeatures, type ReportSection, chartFrame, chartTitle, syntheticDistrictsNote } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';
import { exposureByHourCards, exposureByHourCharts, exposureByHourHtml } from '../report-by-hour.js';
import { formatWithInterval } from '../intervals.js';

/** A headline number of the result with its 90 % interval, when it has one. */
function withCi(result: ScenarioResult, key: string, value: number | null | undefined, fmt: (x: number) => string): string {
  return formatWithInterval(value, result.intervals?.[key], fmt);
}

function cards(result: ScenarioResult): ReportCard[] {
  const cards: ReportCard[] = [];
  const p = result.metrics.exposure?.population;
  if (p) {
    cards.push(['Sightings per resident and day', withCi(result, 'exposureSightingsMean', p.summary.sightings.mean, (x) => num(x, 1)), `median ${num(p.summary.sightings.quantiles['0.5'], 0)}; ${num(p.summary.distinctCameras.mean, 1)} distinct cameras on average; ${withCi(result, 'exposureIdentifiedMean', p.summary.identified.mean, (x) => num(x, 2))} identifying sightings; ${withCi(result, 'exposureObservedFractionMean', p.summary.observedFraction.mean, (x) => pct(x))} of the path observed`]);
    cards.push(['Identified at least once a day', withCi(result, 'exposurePIdentifiedMean', p.summary.pIdentified.mean, (x) => pct(x)), `mean probability over ${num(p.numResidents)} simulated residents (median ${pct(p.summary.pIdentified.quantiles['0.5'])})${p.channels ? `: by face ${withCi(result, 'exposurePIdentifiedFaceMean', p.channels.face.pIdentifiedMean, (x) => pct(x))}, by plate read ${withCi(result, 'exposurePIdentifiedPlateMean', p.channels.plate.pIdentifiedMean, (x) => pct(x))}${p.channels.faceShareOfIdentifications !== null ? ` (faces ${withCi(result, 'exposureIdentifiedFaceShare', p.channels.faceShareOfIdentifications, (x) => pct(x))} of identifications; the rest are plate reads, each taken to identify the driver)` : ''}` : ''}`]);
    if (p.channels) cards.push(['Identified without a car', withCi(result, 'exposurePIdentifiedWalkOnlyMean', p.channels.walkOnly.pIdentifiedMean, (x) => pct(x)), `mean P(identified at least once) on the ${pct(p.channels.walkOnly.share)} of person-days with walk trips and no car trip: faces only`]);
    if (p.watchlist) {
      cards.push([`Watchlist of ${num(p.watchlist.size)}`, `${num(p.watchlist.expectedTrue, 1)} / day`, `true identifications city-wide: ${withCi(result, 'watchlistTruePerDay', p.watchlist.expectedTrue, (x) => num(x, 1))}; ${withCi(result, 'watchlistFalsePerDay', p.watchlist.expectedFalse, (x) => num(x, 1))} false alerts a day`]);
      const rc = result.metrics.exposure!.recognitionCheck;
      if (rc && p.watchlist.expectedFalseAtMetRate !== undefined) {
        cards.push(['False alerts: lab or operational rate', `${num(p.watchlist.expectedFalse, 1)} vs ${num(p.watchlist.expectedFalseAtMetRate, 2)} / day`, `the model (${esc(result.metrics.exposure!.recognition.name)}) predicts ${num(rc.predictedFalseAlerts)} false alerts for the Met's ${num(rc.facesScanned)} scanned faces (${esc(rc.period)}); the Met published ${num(rc.observedFalseAlerts)} (90 %: ${num(rc.observedInterval.lo, 1)}–${num(rc.observedInterval.hi, 1)}). The second figure uses the Met's operational rate`]);
      }
    }
    const k4 = p.unicity?.byK.find((b) => b.k === 4);
    if (k4) cards.push(['Singled out by 4 sightings', withCi(result, 'unicityK4', k4.share, (x) => pct(x)), `camera × hour, in a crowd of ${num(p.unicity!.sampled)} residents over ${num(p.unicity!.days)} day(s) (${num(k4.sampled)} tested${result.intervals?.unicityK4 ? '' : `, 95% CI ${pct(k4.ciLow)}–${pct(k4.ciHigh)}`}); not comparable with de Montjoye et al.'s 95% (1.5 million people, 15 months, antenna × hour): see the unicity curve`]);
  }
  return cards;
}

function charts(result: ScenarioResult, maps: ReportMapFeatures): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  const pop = result.metrics.exposure?.population;
  if (pop) {
    specs['chart-sightings'] = histogramSpec('Sightings per resident and day', 'How many simulated residents passed through a camera footprint how many times in a day.', pop.histograms.sightings, 'sightings (passages per resident and day)', '#0369a1');
    specs['chart-pidentified'] = histogramSpec('Probability of being identified at least once in a day', 'How many simulated residents have each chance of being identified at least once in a day.', pop.histograms.pIdentified, 'P(identified ≥ once) (%)', '#be123c', '.0%');
    const rows = pop.districts.filter((d) => d.id !== null);
    if (rows.length > 0) {
      specs['chart-district-exposure'] = {
        $schema: VEGA_LITE_SCHEMA,
        title: chartTitle('Exposure by home district (means per resident and day)', 'Top: mean sightings of the residents living in each district; bottom: their mean chance of being identified at least once.', ...syntheticDistrictsNote(result)),
        description: 'Mean sightings and probability of identification per resident and day, by home district.',
        data: { values: rows.map((d) => ({ district: d.name, meanSightings: d.meanSightings, meanPIdentified: d.meanPIdentified, residents: d.residents })) },
        vconcat: [
          { width: 200, height: { step: 18 }, mark: { type: 'bar', tooltip: true, color: '#0369a1' }, encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'meanSightings', type: 'quantitative', title: 'sightings (per resident and day)' } } },
          { width: 200, height: { step: 18 }, mark: { type: 'bar', tooltip: true, color: '#be123c' }, encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'meanPIdentified', type: 'quantitative', title: 'P(identified ≥ once) (%)', axis: { format: '%' } } } },
        ],
      };
    }
    const withExposure = maps.districts.filter((f) => typeof (f as { properties?: Record<string, unknown> }).properties?.exposureMeanPIdentified === 'number');
    if (withExposure.length > 0) {
      specs['map-exposure'] = {
        ...chartFrame(chartTitle('Probability a resident is identified in a day, by home district', "Darker districts: their simulated residents are more likely to be identified at least once in a day; the colour scale starts at 0 %.", ...syntheticDistrictsNote(result))),
        height: 420,
        projection: { type: 'mercator' },
        data: { values: withExposure },
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: { field: 'properties.exposureMeanPIdentified', type: 'quantitative', title: 'P(identified ≥ once) (%)', scale: { scheme: 'reds', domainMin: 0 }, legend: { format: '.0%' } },
          tooltip: [
            { field: 'properties.name', type: 'nominal', title: 'district' },
            { field: 'properties.exposureMeanPIdentified', type: 'quantitative', title: 'P(identified ≥ once)', format: '.1%' },
            { field: 'properties.exposureMeanSightings', type: 'quantitative', title: 'sightings per day', format: ',.1f' },
            { field: 'properties.exposureResidents', type: 'quantitative', title: 'residents simulated' },
          ],
        },
      };
    }
    if (pop.unicity) {
      const values = pop.unicity.byK.map((b) => ({ k: b.k, share: b.share, low: b.ciLow, high: b.ciHigh }));
      specs['chart-unicity'] = {
        ...chartFrame(chartTitle('Unicity: share singled out by k random (camera, hour) sightings', 'The share of simulated residents whom k of their own (camera, hour) sightings match and nobody else; bars: 90 % interval.')),
        height: 220,
        data: { values },
        encoding: { x: { field: 'k', type: 'ordinal', title: 'k (sightings known)' } },
        layer: [
          { mark: { type: 'errorbar', color: '#6b7280' }, encoding: { y: { field: 'low', type: 'quantitative', title: 'singled out (% of residents)', axis: { format: '%' }, scale: { domain: [0, 1] } }, y2: { field: 'high' } } },
          { mark: { type: 'line', point: true, tooltip: true, color: '#111827' }, encoding: { y: { field: 'share', type: 'quantitative' } } },
        ],
      };
    }
  }
  const crowds = result.metrics.exposure?.crowds ?? [];
  if (crowds.length > 0) {
    const values: { crowd: string; mode: string; what: string; people: number }[] = [];
    for (const c of crowds) {
      for (const mode of ['live', 'archive'] as const) {
        values.push({ crowd: c.name, mode, what: 'captured', people: c[mode].captured }, { crowd: c.name, mode, what: 'identified', people: c[mode].identified });
      }
    }
    specs['chart-crowds'] = {
      $schema: VEGA_LITE_SCHEMA,
      title: chartTitle('Crowds: people captured and identified, live vs from the archive', 'For each gathering: how many of the people present the cameras capture and identify live, and later from the archive.'),
      description: 'People captured and identified in each crowd, live and from the archive.',
      data: { values },
      facet: { row: { field: 'crowd', type: 'nominal', title: null } },
      spec: {
        width: 240,
        height: { step: 16 },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'what', type: 'nominal', title: null },
          yOffset: { field: 'mode' },
          x: { field: 'people', type: 'quantitative', title: 'people (expected count)' },
          color: { field: 'mode', type: 'nominal', title: null, scale: { domain: ['live', 'archive'], range: ['#dc2626', '#475569'] } },
        },
      },
    };
  }
  return specs;
}

function html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const out: string[] = [];
  const e = result.metrics.exposure;
  if (e) {
    out.push('<h2>Exposure</h2>');
    out.push(`<p>Recognition model <b>${esc(e.recognition.name)}</b> (true-positive rate ${num(e.recognition.truePositiveRate, 3)} per frontal identify-level capture); faces identified at the ${esc(e.faceLevel)} level within ${num(e.faceAngle)}° of frontal${e.occlusion ? '; buildings block the view' : ''}.</p>`);
    const p = e.population;
    if (p) {
      const q = (s: { quantiles: Record<string, number> }, f: (x: number) => string) => ['0.1', '0.5', '0.9', '0.99'].map((k) => f(s.quantiles[k])).join(' · ');
      out.push(
        `<p>${num(p.numResidents)} simulated residents, ${num(p.numDays)} day(s), ${num(p.numTrips)} trips (${num(p.unreachableTrips)} unreachable, reported; seed ${esc(p.seed)})${p.afterDamage ? ', scored against only the cameras the damage left working' : ''}. Per resident and day, quantiles 10% · 50% · 90% · 99%: ` +
          `sightings ${q(p.summary.sightings, (x) => num(x, 0))}; probability of being identified ${q(p.summary.pIdentified, (x) => pct(x))}; share of the path observed ${q(p.summary.observedFraction, (x) => pct(x))}.</p>`,
      );
      const bs = result.intervals?.exposureSightingsMean;
      if (bs) out.push(`<p>Means per resident and day with 90 % intervals: sightings ${withCi(result, 'exposureSightingsMean', p.summary.sightings.mean, (x) => num(x, 1))}, identifying sightings ${withCi(result, 'exposureIdentifiedMean', p.summary.identified.mean, (x) => num(x, 2))}, P(identified) ${withCi(result, 'exposurePIdentifiedMean', p.summary.pIdentified.mean, (x) => pct(x))}, share of the path observed ${withCi(result, 'exposureObservedFractionMean', p.summary.observedFraction.mean, (x) => pct(x))}. Intervals: ${esc(bs.method)}.</p>`);
      out.push(`<div class="row">${chartDivs(['chart-sightings', 'chart-pidentified'])}</div>`);
      out.push(`<div class="row">${chartDivs(['map-exposure', 'chart-district-exposure'])}</div>`);
      const g = p.inequality.meanPIdentified;
      out.push(`<p>Between districts (weighted by residents), P(identified): Gini ${num(g.gini, 3)}${g.maxMinRatio !== null ? `, highest / lowest ${num(g.maxMinRatio, 2)} (${esc(g.maxGroup)} vs ${esc(g.minGroup)})` : ''}.</p>`);
      out.push(table(['Home district', 'Residents simulated', 'Sightings', 'Identified sightings', 'Distinct cameras', 'P(identified)', 'Path observed'], p.districts.map((d) => [d.name, num(d.residents), num(d.meanSightings, 1), num(d.meanIdentified, 2), num(d.meanDistinctCameras, 1), pct(d.meanPIdentified), pct(d.observedFraction)])));
      if (p.watchlist) {
        const w = p.watchlist;
        const ti = result.intervals?.watchlistTruePerDay;
        const fi = result.intervals?.watchlistFalsePerDay;
        out.push(`<h3>Watchlist</h3><p>A watchlist of ${num(w.size)} people, searched on every face capture city-wide (${num(w.citySearchesPerDay)} searches a day, scaled from the sample): <b>${withCi(result, 'watchlistTruePerDay', w.expectedTrue, (x) => num(x, 1))}</b> true identifications and <b>${withCi(result, 'watchlistFalsePerDay', w.expectedFalse, (x) => num(x, 1))}</b> false alerts expected per day (${pct(w.falseShare)} of alerts false).${w.simulatedSearches !== undefined && ti && fi ? ` Both rest on ${num(w.simulatedSearches)} simulated face searches; intervals: ${esc(ti.method)} (recognition rates and trip choices not included).` : ''}</p>`);
      }
      if (p.unicity) {
        const uk = p.unicity.byK.filter((b) => result.intervals?.[`unicityK${b.k}`]);
        out.push(`<h3>Unicity</h3><p>How many random (camera, hour) sightings single out a resident among the ${num(p.unicity.sampled)} whose traces were kept (de Montjoye et al. 2013; people with fewer than k points are excluded).${uk.length ? ` Share singled out, with 90 % Wilson score intervals: ${uk.map((b) => `k = ${b.k}: ${withCi(result, `unicityK${b.k}`, b.share, (x) => pct(x))}`).join('; ')}${result.intervals?.unicityK4Cell ? `; k = 4 at ${esc(p.unicity.curve[1].resolution)}: ${withCi(result, 'unicityK4Cell', result.headline.unicityK4Cell, (x) => pct(x))}` : ''}. The chart's bars are the 95 % intervals.` : ''}</p><div class="row">${chartDivs(['chart-unicity'])}</div>`);
        if (p.unicity.curve?.length) {
          const sizes = p.unicity.curve[0].points.map((x) => x.crowdSize);
          out.push(
            `<p>Unicity at 4 points falls as the crowd grows and as points get coarser (nested crowds drawn from the simulated residents; 95% Wilson intervals). de Montjoye et al. (Sci. Rep. 3:1376, 2013) found 95% among 1.5 million people over 15 months at antenna × hour resolution: a larger crowd and a longer period than simulated here, so the two are not the same measurement.</p>`,
            table(
              ['resolution', ...sizes.map((n) => `crowd ${num(n)}`)],
              p.unicity.curve.map((c) => [`${c.resolution} (${num(c.numUnits)} units)`, ...c.points.map((x) => `${pct(x.share)} (${pct(x.ciLow)}–${pct(x.ciHigh)})`)]),
            ),
          );
        }
      }
    }
    if (e.crowds.length) {
      out.push('<h3>Crowds</h3><p>Live: within a live camera\'s view, identified by live face recognition. Archive: every recording searched afterwards (retention long enough assumed; retroactive identification under a legal hold is not modelled yet).</p>');
      out.push(`<div class="row">${chartDivs(['chart-crowds'])}</div>`);
      out.push(table(['Crowd', 'People', 'Live captured', 'Live identified', 'Archive captured', 'Archive identified', 'Source'], e.crowds.map((c) => [`${c.name}${c.afterDamage ? ' (after the damage)' : ''}`, num(c.numPeople), num(c.live.captured), num(c.live.identified, 1), num(c.archive.captured), num(c.archive.identified, 1), c.source ?? ''])));
    }
    if (e.routes.length) {
      out.push('<h3>Least-surveilled routes</h3><p>The shortest length is shared by many routes through a street grid; they differ in how much of them cameras see (least to most seen below). Exposure avoided is measured against the least-seen of them, so it counts only what the detour buys.</p>');
      out.push(table(['From', 'To', 'Shortest km', 'Equally short routes', 'seen km (least – most)', 'Least-surveilled km', 'seen km', 'Detour', 'Exposure avoided'], e.routes.map((r) => [r.from, r.to, num(r.shortestKm, 2), num(r.numShortestPaths), `${num(r.shortestObservedKm, 2)} – ${num(r.shortestObservedKmMax, 2)}`, num(r.routeKm, 2), num(r.routeObservedKm, 2), pct(r.detour), pct(r.exposureAvoidedShare)])));
    }
  }
  return out.join('\n');
}

/** The exposure part's report section. */
export const EXPOSURE_REPORT: ReportSection = {
  // The by-hour block (exposureByHour, report-by-hour.ts) follows the section's own cards, charts and HTML.
  cards: (result) => [...cards(result), ...exposureByHourCards(result)],
  charts: (result, mapFeatures) => ({ ...charts(result, mapFeatures), ...exposureByHourCharts(result) }),
  html: (result, chartDivs) => {
    const extra = exposureByHourHtml(result, chartDivs);
    const own = html(result, chartDivs);
    return extra === '' ? own : `${own}\n${extra}`;
  },
};
