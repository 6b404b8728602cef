/**
 * The network and exposure sections of the HTML report: their Vega-Lite
 * charts (outage distribution, exposure distributions, per-district exposure
 * map and chart, unicity curve, crowds) and their HTML (headline cards,
 * overloaded links, single points of failure, damage, watchlist, crowds,
 * routes).
 */
import { type Histogram, type ScenarioResult } from '../scenario/index.js';
import { esc, fmtNum as num, fmtPct as pct, htmlTable as table } from './html-kit.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';


/** Histogram bins as chart rows. */
function bins(h: Histogram): { lo: number; hi: number; count: number }[] {
  return h.counts.map((count, i) => ({ lo: h.binEdges[i], hi: h.binEdges[i + 1], count }));
}

function histogramSpec(title: string, h: Histogram, xTitle: string, color: string, format?: string): unknown {
  return {
    $schema: SCHEMA,
    title,
    width: 400,
    height: 220,
    data: { values: bins(h) },
    mark: { type: 'bar', tooltip: true, color },
    encoding: {
      x: { field: 'lo', type: 'quantitative', bin: 'binned', title: xTitle, ...(format ? { axis: { format } } : {}) },
      x2: { field: 'hi' },
      y: { field: 'count', type: 'quantitative', title: 'count' },
    },
  };
}

/**
 * Vega-Lite specifications of the network and exposure charts, by element id.
 *
 * @param result - the scenario result
 * @param districts - district features for d3 (clockwise rings) with exposure properties, or none
 * @returns specifications keyed by element id (only those with data)
 * @example layerChartSpecs(result, [])['chart-outages']
 */
export function layerChartSpecs(result: ScenarioResult, districts: unknown[]): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  const net = result.metrics.network;
  if (net?.outages && net.outages.liveShareHistogram.counts.length > 0) {
    specs['chart-outages'] = histogramSpec(`Live share over ${num(net.outages.trials)} outage trials`, net.outages.liveShareHistogram, 'share of cameras live at the centre', '#7c3aed', '.1%');
  }
  if (net?.spof && net.spof.top.length > 0) {
    specs['chart-spof'] = {
      $schema: SCHEMA,
      title: 'Single points of failure: cameras cut off from live streaming',
      width: 360,
      height: { step: 18 },
      data: { values: net.spof.top.map((r) => ({ node: `${r.key} (${r.kind})`, camerasCut: r.camerasCut, liveCut: r.liveCut })) },
      mark: { type: 'bar', tooltip: true, color: '#b91c1c' },
      encoding: { y: { field: 'node', type: 'nominal', sort: '-x', title: null }, x: { field: 'camerasCut', type: 'quantitative', title: 'cameras cut off' } },
    };
  }
  const pop = result.metrics.exposure?.population;
  if (pop) {
    specs['chart-sightings'] = histogramSpec('Sightings per resident and day', pop.histograms.sightings, 'sightings (passages through a camera footprint)', '#0369a1');
    specs['chart-pidentified'] = histogramSpec('Probability of being identified at least once in a day', pop.histograms.pIdentified, 'P(identified ≥ once)', '#be123c', '.0%');
    const rows = pop.districts.filter((d) => d.id !== null);
    if (rows.length > 0) {
      specs['chart-district-exposure'] = {
        $schema: SCHEMA,
        title: 'Exposure by home district (means per resident and day)',
        data: { values: rows.map((d) => ({ district: d.name, meanSightings: d.meanSightings, meanPIdentified: d.meanPIdentified, residents: d.residents })) },
        hconcat: [
          { width: 200, height: { step: 18 }, mark: { type: 'bar', tooltip: true, color: '#0369a1' }, encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'meanSightings', type: 'quantitative', title: 'sightings' } } },
          { width: 200, height: { step: 18 }, mark: { type: 'bar', tooltip: true, color: '#be123c' }, encoding: { y: { field: 'district', type: 'nominal', sort: '-x', title: null }, x: { field: 'meanPIdentified', type: 'quantitative', title: 'P(identified ≥ once)', axis: { format: '%' } } } },
        ],
      };
    }
    const withExposure = districts.filter((f) => typeof (f as { properties?: Record<string, unknown> }).properties?.exposureMeanPIdentified === 'number');
    if (withExposure.length > 0) {
      specs['map-exposure'] = {
        $schema: SCHEMA,
        title: 'Probability a resident is identified in a day, by home district',
        width: 430,
        height: 420,
        projection: { type: 'mercator' },
        data: { values: withExposure },
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: { field: 'properties.exposureMeanPIdentified', type: 'quantitative', title: 'P(identified)', scale: { scheme: 'reds' }, legend: { format: '.0%' } },
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
        $schema: SCHEMA,
        title: 'Unicity: share singled out by k random (camera, hour) sightings',
        width: 400,
        height: 220,
        data: { values },
        encoding: { x: { field: 'k', type: 'ordinal', title: 'k (points known)' } },
        layer: [
          { mark: { type: 'errorbar', color: '#6b7280' }, encoding: { y: { field: 'low', type: 'quantitative', title: 'share unique', axis: { format: '%' }, scale: { domain: [0, 1] } }, y2: { field: 'high' } } },
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
      $schema: SCHEMA,
      title: 'Crowds: people captured and identified, live vs from the archive',
      data: { values },
      facet: { row: { field: 'crowd', type: 'nominal', title: null } },
      spec: {
        width: 360,
        height: { step: 16 },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'what', type: 'nominal', title: null },
          yOffset: { field: 'mode' },
          x: { field: 'people', type: 'quantitative', title: 'people (expected)' },
          color: { field: 'mode', type: 'nominal', title: null, scale: { domain: ['live', 'archive'], range: ['#dc2626', '#475569'] } },
        },
      },
    };
  }
  return specs;
}

type Card = [string, string, string];

/**
 * Headline cards of the network and exposure layers.
 *
 * @param result - the scenario result
 * @returns [label, value, subtitle] triples
 * @example layerCards(result).length
 */
export function layerCards(result: ScenarioResult): Card[] {
  const cards: Card[] = [];
  const n = result.metrics.network;
  if (n?.steady) cards.push(['Live at the command centre', pct(n.steady.liveShare), `${num(n.steady.liveServed)} of ${num(n.steady.numCameras)} cameras; ${num(n.steady.overloadedLinks)} links over capacity`]);
  if (n?.outages) cards.push(['Live share under outages', pct(n.outages.liveShare.mean), `mean of ${num(n.outages.trials)} trials; 5% of trials below ${pct(n.outages.liveShare.p05)}`]);
  if (n?.damage) cards.push(['After the damage', `${num(n.damage.camerasDark)} dark`, `live share ${pct(n.damage.liveShareBefore)} → ${pct(n.damage.liveShareAfter)}${n.damage.coveredFractionAfter !== null ? `; area seen ${pct(n.damage.coveredFractionBefore, 2)} → ${pct(n.damage.coveredFractionAfter, 2)}` : ''}`]);
  const p = result.metrics.exposure?.population;
  if (p) {
    cards.push(['Sightings per resident and day', num(p.summary.sightings.mean, 1), `median ${num(p.summary.sightings.quantiles['0.5'], 0)}; ${num(p.summary.distinctCameras.mean, 1)} distinct cameras on average`]);
    cards.push(['Identified at least once a day', pct(p.summary.pIdentified.mean), `mean probability over ${num(p.numResidents)} simulated residents (median ${pct(p.summary.pIdentified.quantiles['0.5'])})`]);
    if (p.watchlist) cards.push([`Watchlist of ${num(p.watchlist.size)}`, `${num(p.watchlist.expectedTrue, 1)} / day`, `true identifications city-wide; ${num(p.watchlist.expectedFalse, 1)} false alerts a day`]);
    const k4 = p.unicity?.byK.find((b) => b.k === 4);
    if (k4) cards.push(['Singled out by 4 sightings', pct(k4.share), `of ${num(k4.sampled)} sampled residents (95% CI ${pct(k4.ciLow)}–${pct(k4.ciHigh)})`]);
  }
  return cards;
}


/**
 * The HTML of the network and exposure sections (empty when neither ran).
 *
 * @param result - the scenario result
 * @param chartDivs - renders the chart containers that have a specification
 * @returns HTML text
 * @example layerSectionsHtml(result, (ids) => ids.map((id) => `<div id="${id}"></div>`).join(''))
 */
export function layerSectionsHtml(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const out: string[] = [];
  const n = result.metrics.network;
  if (n) {
    out.push('<h2>Command network</h2>');
    const src = n.source.from === 'geojson' ? `imported from ${n.source.file}` : n.source.from === 'preset' ? `built with the ${n.source.name} preset options` : 'built with the hierarchical builder';
    out.push(`<p>${num(n.numNodes)} nodes (${Object.entries(n.nodesByKind).filter(([, v]) => v > 0).map(([k, v]) => `${num(v)} ${k}`).join(', ')}) and ${num(n.numLinks)} links, ${esc(src)}${n.isTree ? '' : ' (with redundant links)'}.${n.importReport ? ` Import report: ${num(n.importReport.entries)} entries.` : ''}</p>`);
    const s = n.steady;
    if (s) {
      out.push(
        `<p>Everything up: <b>${pct(s.liveShare)}</b> of the cameras reach the centre live (${num(s.liveServed)} of ${num(s.numCameras)}); face-recognition analytics ${num(s.analyticsServed)} of ${num(s.analyticsStreamsDemanded)} streams (shortfall ${num(s.analyticsShortfall)}); ` +
          `${num(s.overloadedLinks)} links over ${num(s.overloadThreshold, 2)}× capacity (highest ${num(s.maxUtilisation, 2)}×); storage for ${num(s.retentionDays)} days: ${num(s.storage.demandTB)} TB needed, ${num(s.storage.capacityTB)} TB installed; latency to the centre p50 ${num(s.latencyMs.p50, 2)} ms, p90 ${num(s.latencyMs.p90, 2)} ms.</p>`,
      );
      if (s.topOverloaded.length) out.push('<h3>Most overloaded links</h3>' + table(['Link', 'Kind', 'Live load Mbit/s', 'Capacity Mbit/s', 'Utilisation'], s.topOverloaded.map((l) => [l.key, l.kind, num(l.mbps, 1), num(l.capacityMbps), `${num(l.utilisation, 2)}×`])));
    }
    if (n.spof) {
      out.push(`<h3>Single points of failure (top ${n.spof.top.length})</h3><p>Failing one element alone: cameras whose live path breaks (they keep recording). Live share with everything up: ${pct(n.spof.baselineLiveShare)}.</p>`);
      out.push(`<div class="row">${chartDivs(['chart-spof'])}</div>`);
      out.push(table(['Node', 'Kind', 'Cameras cut off', 'Live cut off', 'Live share after', ...(n.spof.area ? ['Area only they see'] : [])], n.spof.top.map((r) => [r.key, r.kind, num(r.camerasCut), num(r.liveCut), pct(r.liveShareAfter), ...(n.spof!.area ? [`${num(r.areaLostKm2, 2)} km² (${pct(r.areaLostShare)})`] : [])])));
    }
    if (n.outages) {
      const o = n.outages;
      out.push(
        `<h3>Outages</h3><p>${num(o.trials)} Monte Carlo trials (seed ${esc(o.seed)}): nodes and links fail with their availability${typeof o.districtBlackout === 'number' && o.districtBlackout > 0 ? `, each district loses power with probability ${pct(o.districtBlackout)}` : ''}. Live share: mean ${pct(o.liveShare.mean, 2)} (${Math.round(o.liveShare.ci.level * 100)}% CI of the mean ${pct(o.liveShare.ci.low, 2)}–${pct(o.liveShare.ci.high, 2)}), 5th percentile ${pct(o.liveShare.p05, 2)}, worst ${pct(o.liveShare.min, 2)}; all up ${pct(o.baselineLiveShare, 2)}.</p>`,
      );
      out.push(`<div class="row">${chartDivs(['chart-outages'])}</div>`);
    }
    if (n.damage) {
      const d = n.damage;
      out.push(
        `<h3>Targeted damage</h3><p>${num(d.unitsDamaged)} units (${esc(d.unitKinds.join(', '))}) and ${num(d.camerasDamaged)} cameras destroyed at random (seed ${esc(d.seed)}); ${d.darkenUnitCameras ? "a destroyed unit's cameras go dark with it" : "a destroyed unit's cameras keep recording"}. ` +
          `${num(d.camerasDark)} cameras dark, ${num(d.camerasCutOff)} more cut off from the centre. Live share ${pct(d.liveShareBefore, 2)} → ${pct(d.liveShareAfter, 2)}.` +
          `${d.coveredFractionAfter !== null ? ` Area seen (camera range${d.occlusion ? ', buildings block' : ''}) ${pct(d.coveredFractionBefore, 2)} → ${pct(d.coveredFractionAfter, 2)}.` : ''}</p>`,
      );
    }
  }
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
      out.push(`<div class="row">${chartDivs(['chart-sightings', 'chart-pidentified'])}</div>`);
      out.push(`<div class="row">${chartDivs(['map-exposure', 'chart-district-exposure'])}</div>`);
      const g = p.inequality.meanPIdentified;
      out.push(`<p>Between districts (weighted by residents), P(identified): Gini ${num(g.gini, 3)}${g.maxMinRatio !== null ? `, highest / lowest ${num(g.maxMinRatio, 2)} (${esc(g.maxGroup)} vs ${esc(g.minGroup)})` : ''}.</p>`);
      out.push(table(['Home district', 'Residents simulated', 'Sightings', 'Identified sightings', 'Distinct cameras', 'P(identified)', 'Path observed'], p.districts.map((d) => [d.name, num(d.residents), num(d.meanSightings, 1), num(d.meanIdentified, 2), num(d.meanDistinctCameras, 1), pct(d.meanPIdentified), pct(d.observedFraction)])));
      if (p.watchlist) {
        const w = p.watchlist;
        out.push(`<h3>Watchlist</h3><p>A watchlist of ${num(w.size)} people, searched on every face capture city-wide (${num(w.citySearchesPerDay)} searches a day, scaled from the sample): <b>${num(w.expectedTrue, 1)}</b> true identifications and <b>${num(w.expectedFalse, 1)}</b> false alerts expected per day (${pct(w.falseShare)} of alerts false).</p>`);
      }
      if (p.unicity) out.push(`<h3>Unicity</h3><p>How many random (camera, hour) sightings single out a resident among the ${num(p.unicity.sampled)} whose traces were kept (de Montjoye et al. 2013; people with fewer than k points are excluded).</p><div class="row">${chartDivs(['chart-unicity'])}</div>`);
    }
    if (e.crowds.length) {
      out.push('<h3>Crowds</h3><p>Live: within a live camera\'s view, identified by live face recognition. Archive: every recording searched afterwards (retention long enough assumed; retroactive identification under a legal hold is not modelled yet).</p>');
      out.push(`<div class="row">${chartDivs(['chart-crowds'])}</div>`);
      out.push(table(['Crowd', 'People', 'Live captured', 'Live identified', 'Archive captured', 'Archive identified', 'Source'], e.crowds.map((c) => [`${c.name}${c.afterDamage ? ' (after the damage)' : ''}`, num(c.numPeople), num(c.live.captured), num(c.live.identified, 1), num(c.archive.captured), num(c.archive.identified, 1), c.source ?? ''])));
    }
    if (e.routes.length) {
      out.push('<h3>Least-surveilled routes</h3>');
      out.push(table(['From', 'To', 'Shortest km', 'seen km', 'Least-surveilled km', 'seen km', 'Detour', 'Exposure avoided'], e.routes.map((r) => [r.from, r.to, num(r.shortestKm, 2), num(r.shortestObservedKm, 2), num(r.routeKm, 2), num(r.routeObservedKm, 2), pct(r.detour), pct(r.exposureAvoidedShare)])));
    }
  }
  return out.join('\n');
}
