/**
 * The retention step of a scenario run: the scenario's retention policy
 * (with its legal holds) analysed on the command network (storage) and the
 * residents' exposure (reach, history, access), optionally against a second
 * policy (compareRetention), and the crowds' retroactive identification
 * from the archive days after the gathering.
 */
import { crowdExposure } from '../../exposure/index.js';
import { analyseRetention, compareRetention, type RetentionAnalysis, archiveOnFile, dailyEventRates, retentionStorage, DATA_KINDS, type RetentionPolicy, type DailyEvents } from '../../retention/index.js';
import type { RetentionMetrics, RetentionPolicyMetrics, RetroactiveCrowdMetrics } from './result.js';
import { scenarioComparedPolicy, scenarioRetentionPolicy } from './policy.js';
import { retentionAssumptions } from './assumptions.js';
import { keyOf } from '../headline-key.js';
import { residentMeanIntervals } from '../intervals.js';
import type { ScenarioContext, ScenarioStep } from '../steps.js';

/** JSON part of one analysis (per-resident columns and timings left out). */
export function retentionPolicyMetrics(a: RetentionAnalysis): RetentionPolicyMetrics {
  const kinds: Record<string, number> = {};
  for (const [k, r] of Object.entries(a.reach.kinds)) kinds[k] = r.longestDays;
  const s = a.storage;
  return {
    name: a.policy.name,
    description: a.policy.description,
    sources: a.policy.sources,
    evidence: a.policy.evidence,
    legalHolds: a.policy.legalHolds,
    reach: { kinds, face: a.reach.channels.face, plate: a.reach.channels.plate },
    storage: s && {
      storedTB: s.totals.storedTB,
      costPerMonth: s.totals.costPerMonth,
      currency: s.params.currency,
      params: { recordSizes: s.params.recordSizes, replication: s.params.replication, pricePerTBMonth: s.params.pricePerTBMonth, recordOnlyOnSite: s.params.recordOnlyOnSite },
      dailyCreatedTB: s.totals.dailyCreatedTB,
      steadyState: s.totals.steadyState,
      shortfallTB: s.totals.shortfallTB,
      overCapacityNodes: s.totals.overCapacityNodes,
      byTier: s.byTier.map((t) => ({ tier: t.tier, storedTB: t.storedTB, costPerMonth: t.costPerMonth, capacityTB: t.capacityTB, overCapacityNodes: t.overCapacityNodes })),
      byKind: s.byKind.map((k) => ({ kind: k.kind, dailyTB: k.dailyTB, storedTB: k.storedTB, longestDays: k.longestDays })),
      notes: s.notes,
    },
    history: a.history && {
      keptDays: a.history.keptDays,
      summary: a.history.summary,
      meanShareOfTravellers: a.history.meanShareOfTravellers,
      numWithoutTrips: a.history.numWithoutTrips,
    },
    access: a.access && {
      allowed: a.access.params.allowed,
      closedLoop: a.access.closedLoop,
      principals: a.access.principals.map((p) => ({
        principal: p.principal,
        label: p.label,
        kinds: p.kinds,
        via: p.via,
        faceDays: p.faceDays,
        plateDays: p.plateDays,
        expectedResidents: p.expectedResidents,
        shareOfResidents: p.shareOfResidents,
        expectedDaysPerResident: p.expectedDaysPerResident,
      })),
      principalsPerResident: a.access.principalsPerResidentSummary,
      beyondAllowed: a.access.beyondAllowed.map((b) => ({ principal: b.principal, label: b.label, kinds: b.kinds, expectedResidents: b.expectedResidents, holdsOnly: b.holdsOnly })),
    },
  };
}

function retroactiveCrowds(ctx: ScenarioContext, policy: RetentionPolicy, policyWithoutHolds: RetentionPolicy, operatingDays: number): RetroactiveCrowdMetrics[] {
  const cameras = ctx.cameras!;
  const out: RetroactiveCrowdMetrics[] = [];
  const withoutHolds = policy.legalHolds.length > 0 ? policyWithoutHolds : policy;
  for (const c of ctx.artefacts.crowds ?? []) {
    if (!c.retroactive) continue;
    const durationDays = c.durationS / 86_400;
    const rows: RetroactiveCrowdMetrics['rows'] = [];
    for (const daysAfter of c.retroactive.daysAfter) {
      ctx.progress(0.8, `crowd ${c.name}, ${daysAfter} days later`);
      const run = (p: RetentionPolicy) => {
        const a = archiveOnFile(p, { cameras, start: c.retroactive!.start, durationDays, daysAfter, operatingDays });
        const availability = a.onFile;
        if (c.afterDamage && ctx.damage) for (let i = 0; i < availability.length; i++) availability[i] *= ctx.damage.cameraUp[i];
        return { a, e: crowdExposure(cameras, c.input, { ...c.options, availability }) };
      };
      const held = run(policy);
      const bare = policy === withoutHolds ? held : run(withoutHolds);
      rows.push({
        daysAfter,
        byPolicy: held.a.byPolicy,
        heldCameras: held.a.heldCameras,
        captured: held.e.archive.captured,
        identified: held.e.archive.identified,
        capturedWithoutHolds: bare.e.archive.captured,
        identifiedWithoutHolds: bare.e.archive.identified,
      });
    }
    out.push({ crowd: c.name, start: c.retroactive.start, durationDays, afterDamage: c.afterDamage, rows });
  }
  return out;
}

const retentionStep: ScenarioStep = {
  id: 'retention',
  label: 'Retention: storage, history, access',
  enabled: (spec) => spec.retention !== undefined,
  run(ctx: ScenarioContext) {
    const section = ctx.spec.retention!;
    const city = ctx.city!;
    const project = city.projection ? (lon: number, lat: number) => city.projection!.forward(lon, lat) as [number, number] : null;
    const policy = scenarioRetentionPolicy(section, project);
    const compared = scenarioComparedPolicy(section, project);
    const ex = ctx.artefacts.exposure;
    const channels = ex?.channels;
    const scale = ex ? city.population.total / ex.numResidents : null;
    const events: DailyEvents = ex ? dailyEventRates(ex.trips, { scale: scale!, numDays: ex.numDays }).events : { faceCaptures: 0, matchEvents: 0, plateReads: 0, alerts: 0 };
    const options = {
      operatingDays: section.operatingDays,
      lookbackDays: section.lookbackDays,
      allowed: section.allowed,
      ...(ctx.network ? { network: ctx.network, storage: { events, ...(section.pricePerTBMonth !== undefined ? { pricePerTBMonth: section.pricePerTBMonth } : {}) } } : {}),
      ...(channels ? { channels } : {}),
    };
    ctx.progress(0.3, policy.name);
    const a = analyseRetention(policy, options);
    let comparedMetrics: RetentionMetrics['compared'] = null;
    let b: RetentionAnalysis | null = null;
    if (compared) {
      ctx.progress(0.5, compared.name);
      b = analyseRetention(compared, options);
      comparedMetrics = { policy: retentionPolicyMetrics(b), deltas: compareRetention(a, b) };
    }
    const crowds = retroactiveCrowds(ctx, policy, scenarioRetentionPolicy(section, project, { withHolds: false }), section.operatingDays);
    const videoAlternative = ctx.network && a.storage ? unverifiedVideoAlternative(policy, ctx.network, { events, operatingDays: section.operatingDays, ...(section.pricePerTBMonth !== undefined ? { pricePerTBMonth: section.pricePerTBMonth } : {}) }) : null;
    const m: RetentionMetrics = {
      operatingDays: section.operatingDays,
      lookbackDays: section.lookbackDays,
      scale,
      eventsPerDay: events,
      policy: retentionPolicyMetrics(a),
      compared: comparedMetrics,
      crowds,
      videoAlternative,
    };
    ctx.metrics.retention = m;
    headline(ctx, 'retention', m.policy);
    if (comparedMetrics) headline(ctx, 'retentionCompared', comparedMetrics.policy);
    ctx.progress(0.9, 'intervals');
    residentIntervals(ctx, 'retention', a);
    if (b) residentIntervals(ctx, 'retentionCompared', b);
    if (videoAlternative) {
      ctx.headline[`retentionStorageTBVideo${videoAlternative.videoDays}d`] = videoAlternative.storedTB;
      ctx.headline[`retentionCostPerMonthVideo${videoAlternative.videoDays}d`] = videoAlternative.costPerMonth;
    }
    for (const c of crowds) {
      for (const r of c.rows) ctx.headline[`crowd${keyOf(c.crowd)}RetroIdentifiedAfter${r.daysAfter}d`] = r.identified;
    }
    ctx.assumptions.push(...retentionAssumptions(m, ex !== undefined, ctx.network !== undefined, ctx.spec.retention));
  },
};

/**
 * Built-in policies whose video retention rests on a rule that could not be
 * verified for the city (the Kazakh "at least 90 days", found only in a
 * regional police statement), with the documented alternative shown beside
 * them: 30 days, the video retention reported for the NYPD Domain Awareness
 * System.
 */
const UNVERIFIED_VIDEO_RULE: Readonly<Record<string, { days: number; alternative: number; reason: string }>> = {
  'almaty-assumed': { days: 90, alternative: 30, reason: 'the 90-day video rule is a regional statement (Ulytau police, Kazakhstanskaya Pravda, 6 Jan 2026), not verified for Almaty; 30 days is the video retention reported for the NYPD Domain Awareness System' },
  'kazakhstan-90d': { days: 90, alternative: 30, reason: 'the 90-day video rule is a regional statement (Ulytau police, Kazakhstanskaya Pravda, 6 Jan 2026), not a verified national rule; 30 days is the video retention reported for the NYPD Domain Awareness System' },
};

/**
 * Storage and cost of the policy with its unverified video retention replaced
 * by the documented alternative (every video rule of `days` days set to
 * `alternative`), or null when the policy is not one of
 * {@link UNVERIFIED_VIDEO_RULE}.
 */
function unverifiedVideoAlternative(policy: RetentionPolicy, network: NonNullable<ScenarioContext['network']>, options: Parameters<typeof retentionStorage>[2]): RetentionMetrics['videoAlternative'] {
  const rule = UNVERIFIED_VIDEO_RULE[policy.name];
  if (rule === undefined) return null;
  const nk = DATA_KINDS.length;
  const video = DATA_KINDS.indexOf('video');
  let changed = false;
  const rules = policy.rules.map((r, i) => {
    if (i % nk !== video || r.days !== rule.days) return r;
    changed = true;
    return { ...r, days: rule.alternative };
  });
  if (!changed) return null;
  const s = retentionStorage({ ...policy, rules }, network, options);
  return { videoDays: rule.alternative, replacesDays: rule.days, storedTB: s.totals.storedTB, costPerMonth: s.totals.costPerMonth, reason: rule.reason };
}

function headline(ctx: ScenarioContext, prefix: string, p: RetentionPolicyMetrics): void {
  ctx.headline[`${prefix}VideoDays`] = p.reach.kinds.video;
  ctx.headline[`${prefix}FaceDays`] = p.reach.face;
  ctx.headline[`${prefix}PlateDays`] = p.reach.plate;
  if (p.storage) {
    ctx.headline[`${prefix}StorageTB`] = p.storage.storedTB;
    ctx.headline[`${prefix}CostPerMonth`] = p.storage.costPerMonth;
  }
  if (p.history) {
    ctx.headline[`${prefix}IdentifiableOnFileMean`] = p.history.summary.identifiableOnFile.mean;
    ctx.headline[`${prefix}ReconstructableShareMean`] = p.history.summary.reconstructableShare.mean;
    ctx.headline[`${prefix}PHistoryOnFileMean`] = p.history.summary.pHistoryOnFile.mean;
  }
  if (p.access) {
    ctx.headline[`${prefix}PrincipalsPerResidentMean`] = p.access.principalsPerResident.mean;
    ctx.headline[`${prefix}ClosedLoop`] = p.access.closedLoop ? 1 : 0;
  }
}

/**
 * 90 % intervals of the headline means over residents (history and access:
 * one value per resident), by the percentile bootstrap over residents.
 */
function residentIntervals(ctx: ScenarioContext, prefix: string, a: RetentionAnalysis): void {
  const means = [];
  if (a.history) {
    means.push(
      { key: `${prefix}IdentifiableOnFileMean`, values: a.history.identifiableOnFile },
      { key: `${prefix}ReconstructableShareMean`, values: a.history.reconstructableShare },
      { key: `${prefix}PHistoryOnFileMean`, values: a.history.pHistoryOnFile },
    );
  }
  if (a.access) means.push({ key: `${prefix}PrincipalsPerResidentMean`, values: a.access.principalsPerResident });
  if (ctx.bootstrap) residentMeanIntervals(ctx.headline, ctx.intervals, means, 1, ctx.rng.stream(`bootstrap/${prefix}`));
}

/** The retention-layer steps, in run order (after exposure: they read its trips and crowds). */
export const RETENTION_STEPS: readonly ScenarioStep[] = [retentionStep];
