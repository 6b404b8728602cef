/**
 * The retention section of the HTML report: headline cards (storage and its
 * cost, the share of a resident's recent trips that can be reconstructed,
 * who can reach a resident's history), Vega-Lite charts (storage by tier,
 * residents reached per principal; the compared policy beside the main one)
 * and tables (reach per kind, access per principal, the closed-loop check,
 * retroactive identification of crowds).
 */
import { chartFrame, chartTitle, esc, fmtNum as num, fmtPct as pct, htmlTable as table, type ReportCard, type ReportSection } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';
import type { RetentionPolicyMetrics } from './result.js';
import { formatWithInterval } from '../intervals.js';

function policies(result: ScenarioResult): RetentionPolicyMetrics[] {
  const r = result.metrics.retention;
  if (!r) return [];
  return r.compared ? [r.policy, r.compared.policy] : [r.policy];
}

/**
 * Headline cards of the retention analysis (none when it did not run).
 *
 * @param result - the scenario result
 * @returns [label, value, subtitle] triples
 */
function cards(result: ScenarioResult): ReportCard[] {
  const r = result.metrics.retention;
  if (!r) return [];
  const p = r.policy;
  const cards: ReportCard[] = [];
  if (p.storage) cards.push([`Archive under ${p.name}`, `${num(p.storage.storedTB)} TB`, `every kind of data the policy keeps, for its periods, with replication; ${num(p.storage.costPerMonth)} ${p.storage.currency} a month; ${num(p.storage.shortfallTB)} TB beyond the nodes' capacity`]);
  const alt = result.metrics.retention?.videoAlternative;
  if (p.storage && alt) cards.push([`If video is kept ${alt.videoDays} days, not ${alt.replacesDays}`, `${num(alt.storedTB)} TB`, `${num(alt.costPerMonth)} ${p.storage.currency} a month: ${alt.reason}`]);
  if (p.history) cards.push([`Last ${num(r.lookbackDays)} days reconstructable`, formatWithInterval(p.history.summary.reconstructableShare.mean, result.intervals?.retentionReconstructableShareMean, (x) => pct(x)), `mean share of a resident's trips identifiable from what ${p.name} keeps (faces ${num(p.reach.face)} d, plates ${num(p.reach.plate)} d)`]);
  if (p.access) {
    cards.push([
      "Who can reach a resident's history",
      formatWithInterval(p.access.principalsPerResident.mean, result.intervals?.retentionPrincipalsPerResidentMean, (x) => num(x, 2)),
      `principals on average; "closed loop" (only ${p.access.allowed.join(', ')}): ${p.access.closedLoop ? 'holds' : `broken by ${p.access.beyondAllowed.map((b) => b.principal).join(', ')}`}`,
    ]);
  }
  return cards;
}

/**
 * Vega-Lite specifications of the retention charts, by element id.
 *
 * @param result - the scenario result
 * @returns specifications keyed by element id (only those with data)
 */
function charts(result: ScenarioResult): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  const ps = policies(result);
  const storage = ps.filter((p) => p.storage).flatMap((p) => p.storage!.byTier.map((t) => ({ policy: p.name, tier: t.tier, storedTB: t.storedTB })));
  if (storage.length > 0) {
    specs['chart-retention-storage'] = {
      ...chartFrame(chartTitle('Archive at steady state, by tier', 'Terabytes each tier holds once the retention periods are full: every kind of data the policy keeps, with replication.')),
      height: 14 * storage.length, // fixed, not a step: see chartFrame
      data: { values: storage },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'tier', type: 'nominal', title: null, sort: ['camera', 'aggregation', 'district', 'city', 'national'] },
        yOffset: { field: 'policy' },
        x: { field: 'storedTB', type: 'quantitative', title: 'stored (TB)' },
        color: { field: 'policy', type: 'nominal', title: 'policy' },
      },
    };
  }
  const access = ps.filter((p) => p.access).flatMap((p) => p.access!.principals.map((a) => ({ policy: p.name, principal: a.label, share: a.shareOfResidents })));
  if (access.length > 0) {
    specs['chart-retention-access'] = {
      ...chartFrame(chartTitle('Share of residents whose recent history each principal can reach', 'For each party with access: the share of simulated residents whose identifiable trips of the look-back period it can read.')),
      height: 14 * access.length, // fixed, not a step: see chartFrame
      data: { values: access },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'principal', type: 'nominal', title: null, sort: null },
        yOffset: { field: 'policy' },
        x: { field: 'share', type: 'quantitative', title: 'residents reached (%)', axis: { format: '%' }, scale: { domain: [0, 1] } },
        color: { field: 'policy', type: 'nominal', title: 'policy' },
      },
    };
  }
  return specs;
}


/**
 * The HTML of the retention section (empty when the analysis did not run).
 *
 * @param result - the scenario result
 * @param chartDivs - renders the chart containers that have a specification
 * @returns HTML text
 */
function html(result: ScenarioResult, chartDivs: (ids: string[]) => string): string {
  const r = result.metrics.retention;
  if (!r) return '';
  const ps = policies(result);
  const out: string[] = ['<h2>Retention</h2>'];
  for (const p of ps) out.push(`<p><b>${esc(p.name)}</b>: ${esc(p.description)}${p.legalHolds.length ? ` Legal holds: ${esc(p.legalHolds.join(', '))}.` : ''}</p>`);
  out.push(`<p>The system is taken to have run ${num(r.operatingDays)} days ("forever" means that long); a resident's history is their last ${num(r.lookbackDays)} days of trips (the simulated day repeated). Steady-state figures leave legal holds out.</p>`);
  const kinds = ['video', 'faceTemplates', 'sightings', 'plateReads', 'alerts'];
  out.push(table(['Days on file (longest at any tier)', ...ps.map((p) => p.name)], [...kinds.map((k) => [k, ...ps.map((p) => num(p.reach.kinds[k]))]), ['faces identifiable', ...ps.map((p) => num(p.reach.face))], ['plates identifiable', ...ps.map((p) => num(p.reach.plate))]]));
  out.push(`<div class="row">${chartDivs(['chart-retention-storage', 'chart-retention-access'])}</div>`);
  if (ps.some((p) => p.storage)) {
    out.push(
      table(
        ['Storage', ...ps.map((p) => p.name)],
        [
          ['archive stored (every kind, with replication), TB', ...ps.map((p) => num(p.storage?.storedTB))],
          ['cost a month', ...ps.map((p) => (p.storage ? `${num(p.storage.costPerMonth)} ${p.storage.currency}` : '–'))],
          ['created a day, TB', ...ps.map((p) => num(p.storage?.dailyCreatedTB, 1))],
          ['beyond node capacity, TB', ...ps.map((p) => num(p.storage?.shortfallTB))],
          ['nodes over capacity', ...ps.map((p) => num(p.storage?.overCapacityNodes))],
        ],
      ),
    );
  }
  if (ps.some((p) => p.history)) {
    // The headline key prefix of each policy's figures (their 90 % intervals are keyed by it).
    const prefix = (i: number) => (i === 0 ? 'retention' : 'retentionCompared');
    const ci = (i: number, key: string, value: number | undefined, fmt: (x: number) => string) => formatWithInterval(value, result.intervals?.[`${prefix(i)}${key}`], fmt);
    out.push(
      table(
        ['Per resident (mean, 90 % interval)', ...ps.map((p) => p.name)],
        [
          ['captures on video', ...ps.map((p) => num(p.history?.summary.capturesOnFile.mean, 1))],
          ['identifying captures on file', ...ps.map((p, i) => ci(i, 'IdentifiableOnFileMean', p.history?.summary.identifiableOnFile.mean, (x) => num(x, 1)))],
          [`share of the last ${num(r.lookbackDays)} days' trips reconstructable`, ...ps.map((p, i) => ci(i, 'ReconstructableShareMean', p.history?.summary.reconstructableShare.mean, (x) => pct(x)))],
          ['P(at least one identification on file)', ...ps.map((p, i) => ci(i, 'PHistoryOnFileMean', p.history?.summary.pHistoryOnFile.mean, (x) => pct(x)))],
        ],
      ),
    );
    const m = result.intervals?.retentionReconstructableShareMean;
    if (m) out.push(`<p>Intervals: ${esc(m.method)}.</p>`);
  }
  for (const p of ps) {
    if (!p.access) continue;
    out.push(`<h3>Who can read it: ${esc(p.name)}</h3>`);
    out.push(
      `<p>"Closed loop" (only ${esc(p.access.allowed.join(', '))} reach face or plate data): <b>${p.access.closedLoop ? 'holds' : 'does not hold'}</b>${p.access.beyondAllowed.length ? ` — also ${esc(p.access.beyondAllowed.map((b) => `${b.label} (${num(b.expectedResidents)} residents${b.holdsOnly ? ', through legal holds only' : ''})`).join('; '))}` : ''}. A resident's history is reachable by ${formatWithInterval(p.access.principalsPerResident.mean, result.intervals?.[p === ps[0] ? 'retentionPrincipalsPerResidentMean' : 'retentionComparedPrincipalsPerResidentMean'], (x) => num(x, 2))} principals on average (${pct(p.access.principalsPerResident.shareAtLeastTwo)} of residents by two or more).</p>`,
    );
    out.push(table(['Principal', 'Through', 'Kinds', 'Face days', 'Plate days', 'Residents reached', 'Days per resident'], p.access.principals.map((a) => [a.label, a.via.join(', ') || 'direct', a.kinds.join(', ') || 'none', num(a.faceDays), num(a.plateDays), pct(a.shareOfResidents), num(a.expectedDaysPerResident, 1)])));
  }
  if (r.crowds.length > 0) {
    out.push('<h3>Retroactive identification of crowds</h3><p>The archive searched for the gathering days later: what the policy still keeps, and what legal holds keep beyond it.</p>');
    out.push(
      table(
        ['Crowd', 'Days later', 'Kept by', 'Held cameras', 'Captured', 'Identified', 'Identified without holds'],
        r.crowds.flatMap((c) => c.rows.map((x) => [`${c.crowd}${c.afterDamage ? ' (after the damage)' : ''}`, num(x.daysAfter), x.byPolicy ? 'policy' : x.heldCameras > 0 ? 'legal hold' : 'nothing', num(x.heldCameras), num(x.captured), num(x.identified, 1), num(x.identifiedWithoutHolds, 1)])),
      ),
    );
  }
  return out.join('\n');
}

/** The retention part's report section. */
export const RETENTION_REPORT: ReportSection = { cards, charts, html };
