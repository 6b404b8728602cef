/**
 * The network part's section of the HTML report: cards (live share,
 * outages, damage), charts (single points of failure, the outage
 * distribution) and the command network's section (overloaded links, single
 * points of failure, outages, damage).
 */
import { chartFrame, chartTitle, esc, fmtNum as num, fmtPct as pct, histogramSpec, htmlTable as table, type ReportCard, type ReportSection } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';
import { formatWithInterval } from '../intervals.js';

function cards(result: ScenarioResult): ReportCard[] {
  const cards: ReportCard[] = [];
  const n = result.metrics.network;
  if (n?.steady) cards.push(['Live at the command centre', pct(n.steady.liveShare), `${num(n.steady.liveServed)} of ${num(n.steady.numCameras)} cameras connected; ${num(n.steady.overloadedLinks)} links over capacity`]);
  if (n?.steady) cards.push(['Delivered through link capacity', pct(n.steady.deliveredShare), `${num(n.steady.deliveredStreams)} streams fit through every link (fair share on overloaded links)`]);
  if (n?.outages) cards.push(['Live share under outages', formatWithInterval(n.outages.liveShare.mean, result.intervals?.outageLiveShareMean, (x) => pct(x, 2)), `mean of ${num(n.outages.trials)} trials; 5% of trials below ${formatWithInterval(n.outages.liveShare.p05, result.intervals?.outageLiveShareP05, (x) => pct(x, 2))}; delivered through link capacity ${formatWithInterval(n.outages.deliveredShare.mean, result.intervals?.outageDeliveredLiveShareMean, (x) => pct(x, 2))}`]);
  if (n?.damage) cards.push(['After the damage', `${num(n.damage.camerasDark)} dark`, `live share ${pct(n.damage.liveShareBefore)} → ${pct(n.damage.liveShareAfter)}${n.damage.coveredFractionAfter !== null ? `; area seen ${pct(n.damage.coveredFractionBefore, 2)} → ${pct(n.damage.coveredFractionAfter, 2)}` : ''}`]);
  return cards;
}

function charts(result: ScenarioResult): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  const net = result.metrics.network;
  if (net?.outages && net.outages.liveShareHistogram.counts.length > 0) {
    specs['chart-outages'] = histogramSpec(
      `Live share over ${num(net.outages.trials)} outage trials`,
      'How many random-outage trials left each share of the cameras live at the centre; the x axis spans only the shares seen, it does not start at 0 %.',
      net.outages.liveShareHistogram,
      'cameras live at the centre (% of cameras)',
      '#7c3aed',
      '.1%',
      'trials (count)',
    );
  }
  if (net?.spof && net.spof.top.length > 0) {
    specs['chart-spof'] = {
      ...chartFrame(chartTitle('Single points of failure: cameras cut off from live streaming', 'The network elements whose failure alone cuts the most cameras off from the command centre (they keep recording).')),
      height: 18 * net.spof.top.length, // fixed, not a step: see chartFrame
      data: { values: net.spof.top.map((r) => ({ node: `${r.key} (${r.kind})`, camerasCut: r.camerasCut, liveCut: r.liveCut })) },
      mark: { type: 'bar', tooltip: true, color: '#b91c1c' },
      encoding: { y: { field: 'node', type: 'nominal', sort: '-x', title: null }, x: { field: 'camerasCut', type: 'quantitative', title: 'cameras cut off (count)' } },
    };
  }
  return specs;
}

function html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const out: string[] = [];
  const n = result.metrics.network;
  if (n) {
    out.push('<h2>Command network</h2>');
    const src = n.source.from === 'geojson' ? `imported from ${n.source.file}` : n.source.from === 'preset' ? `built with the ${n.source.name} preset options` : 'built with the hierarchical builder';
    out.push(`<p>${num(n.numNodes)} nodes (${Object.entries(n.nodesByKind).filter(([, v]) => v > 0).map(([k, v]) => `${num(v)} ${k}`).join(', ')}) and ${num(n.numLinks)} links, ${esc(src)}${n.isTree ? '' : ' (with redundant links)'}.${n.importReport ? ` Import report: ${num(n.importReport.entries)} entries.` : ''}</p>`);
    const s = n.steady;
    if (s) {
      out.push(
        `<p>Everything up: <b>${pct(s.liveShare)}</b> of the cameras are connected live to the centre (${num(s.liveServed)} of ${num(s.numCameras)}), and <b>${pct(s.deliveredShare)}</b> (${num(s.deliveredStreams)} streams) are delivered once link capacity is respected (an overloaded link passes the same share, capacity / offered load, of every stream offered to it); face-recognition analytics ${num(s.analyticsServed)} of ${num(s.analyticsStreamsDemanded)} streams (shortfall ${num(s.analyticsShortfall)}); ` +
          `${num(s.overloadedLinks)} links over ${num(s.overloadThreshold, 2)}× capacity (highest ${num(s.maxUtilisation, 2)}×); <b>recording storage at the nodes</b> (video at the recording bitrate for ${num(s.retentionDays)} days, one copy): ${num(s.storage.demandTB)} TB needed, ${num(s.storage.capacityTB)} TB installed${result.metrics.retention?.policy.storage ? ` (not the retention section's ${num(result.metrics.retention.policy.storage.storedTB)} TB, which counts every kind of data the retention policy keeps, for its own periods, with replication)` : ''}; latency to the centre p50 ${num(s.latencyMs.p50, 2)} ms, p90 ${num(s.latencyMs.p90, 2)} ms.</p>`,
      );
      if (s.topOverloaded.length) out.push('<h3>Most overloaded links</h3>' + table(['Link', 'Kind', 'Live load Mbit/s', 'Capacity Mbit/s', 'Utilisation', 'Offered Mbit/s (after links below)', 'Passed Mbit/s'], s.topOverloaded.map((l) => [l.key, l.kind, num(l.mbps, 1), num(l.capacityMbps), `${num(l.utilisation, 2)}×`, num(l.offeredMbps, 1), num(l.passedMbps, 1)])));
    }
    if (n.spof) {
      out.push(`<h3>Single points of failure (top ${n.spof.top.length})</h3><p>Failing one element alone: cameras whose live path breaks (they keep recording). Live share with everything up: ${pct(n.spof.baselineLiveShare)}.</p>`);
      out.push(`<div class="row">${chartDivs(['chart-spof'])}</div>`);
      out.push(table(['Node', 'Kind', 'Cameras cut off', 'Live cut off', 'Live share after', ...(n.spof.area ? ['Area only they see'] : [])], n.spof.top.map((r) => [r.key, r.kind, num(r.camerasCut), num(r.liveCut), pct(r.liveShareAfter), ...(n.spof!.area ? [`${num(r.areaLostKm2, 2)} km² (${pct(r.areaLostShare)})`] : [])])));
    }
    if (n.outages) {
      const o = n.outages;
      const iv = result.intervals?.outageLiveShareMean;
      out.push(
        `<h3>Outages</h3><p>${num(o.trials)} Monte Carlo trials (seed ${esc(o.seed)}): nodes and links fail with their availability${typeof o.districtBlackout === 'number' && o.districtBlackout > 0 ? `, each district loses power with probability ${pct(o.districtBlackout)}` : ''}. Live share: mean ${iv ? formatWithInterval(o.liveShare.mean, iv, (x) => pct(x, 2)) : `${pct(o.liveShare.mean, 2)} (${Math.round(o.liveShare.ci.level * 100)}% CI of the mean ${pct(o.liveShare.ci.low, 2)}–${pct(o.liveShare.ci.high, 2)})`}, 5th percentile ${formatWithInterval(o.liveShare.p05, result.intervals?.outageLiveShareP05, (x) => pct(x, 2))}, 95th percentile ${pct(o.liveShare.p95, 2)}, worst ${pct(o.liveShare.min, 2)}; all up ${pct(o.baselineLiveShare, 2)}. Delivered through the working links' capacity: mean ${formatWithInterval(o.deliveredShare.mean, result.intervals?.outageDeliveredLiveShareMean, (x) => pct(x, 2))}, 5th percentile ${pct(o.deliveredShare.p05, 2)}; all up ${pct(o.baselineDeliveredShare, 2)}.${iv ? ` Intervals of the means: ${esc(iv.method)}.` : ''}</p>`,
      );
      out.push(`<div class="row">${chartDivs(['chart-outages'])}</div>`);
    }
    if (n.damage) {
      const d = n.damage;
      out.push(
        `<h3>Targeted damage</h3><p>${num(d.unitsDamaged)} units (${esc(d.unitKinds.join(', '))}) and ${num(d.camerasDamaged)} cameras destroyed ${d.areas ? `in the target areas below, the rest (${num(d.randomUnitsDrawn ?? 0)} units, ${num(d.randomCamerasDrawn ?? 0)} cameras) at random` : 'at random'} (seed ${esc(d.seed)}); ${d.darkenUnitCameras ? "a destroyed unit's cameras go dark with it" : "a destroyed unit's cameras keep recording"}. ` +
          `${num(d.camerasDark)} cameras dark, ${num(d.camerasCutOff)} more cut off from the centre. Live share ${pct(d.liveShareBefore, 2)} → ${pct(d.liveShareAfter, 2)} (delivered through link capacity ${pct(d.deliveredShareBefore, 2)} → ${pct(d.deliveredShareAfter, 2)}).` +
          `${d.coveredFractionAfter !== null ? ` Area seen (camera range${d.occlusion ? ', buildings block' : ''}) ${pct(d.coveredFractionBefore, 2)} → ${pct(d.coveredFractionAfter, 2)}.` : ''}</p>`,
      );
      if (d.areas?.length) {
        out.push(table(['target area', 'units inside', 'units hit', 'cameras inside', 'cameras hit directly', 'cameras dark inside'], d.areas.map((a, i) => [a.name ?? `area ${i + 1}`, num(a.unitsInside), num(a.unitsHit), num(a.camerasInside), num(a.camerasHit), num(a.camerasDarkInside)])));
      }
    }
  }
  return out.join('\n');
}

/** The network part's report section. */
export const NETWORK_REPORT: ReportSection = { cards, charts, html };
