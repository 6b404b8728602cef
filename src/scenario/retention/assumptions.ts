/**
 * The retention part's rows of the assumptions table: each policy with its
 * sources (labelled by the policy's own evidence), how long the system is
 * taken to have run, the history look-back, and what is not computed for
 * want of residents or a network.
 */
import type { SourceId } from '../../core/index.js';
import { DEFAULT_PRICE_PER_TB_MONTH, RETENTION_PRESETS } from '../../retention/index.js';
import type { Assumption } from '../result.js';
import { ASSUMPTION_REGISTRY, rangedRow, registryRow } from '../assumption-registry.js';
import type { ScenarioSpec } from '../schema.js';
import type { RetentionMetrics } from './result.js';

/** Bibliography entries behind the built-in retention presets (their full citations are in each preset's `sources`). */
const POLICY_SOURCES: Record<string, SourceId[]> = {
  'nypd-das': ['nypd-das-2009'],
  flock: ['flock-evidence-policy'],
  'kazakhstan-90d': ['kazpravda-2026-01-06'],
  'almaty-assumed': ['kazpravda-2026-01-06'],
};

/**
 * The retention analysis's assumptions.
 *
 * @param m - the retention metrics of the run
 * @param residents - whether the scenario simulated residents
 * @param network - whether the scenario has a command network
 * @param section - the scenario's retention section (for the policy's uncertain durations)
 * @returns rows of the assumptions table
 * @example retentionAssumptions(result.metrics.retention, true, true)
 */
export function retentionAssumptions(m: RetentionMetrics, residents: boolean, network: boolean, section?: ScenarioSpec['retention']): Assumption[] {
  const out: Assumption[] = [];
  for (const p of [m.policy, ...(m.compared ? [m.compared.policy] : [])]) {
    // Labelled by the policy's own `evidence`: only a fully sourced policy counts as sourced.
    const value = `${p.description || p.name}${p.evidence === 'partly-sourced' ? ' (partly sourced: some figures, tiers and readers are assumptions)' : ''}`;
    // Only the built-in preset itself cites the preset's entries: a user policy that reuses the name keeps its own sources.
    const builtin = (RETENTION_PRESETS as Record<string, { sources?: readonly string[] }>)[p.name];
    const ids = builtin && JSON.stringify(builtin.sources ?? []) === JSON.stringify(p.sources) ? POLICY_SOURCES[p.name] : undefined;
    out.push({ topic: `Retention policy: ${p.name}`, value, source: p.sources.length > 0 ? p.sources.join('; ') : 'scenario', ...(ids ? { sources: ids } : {}), kind: p.evidence === 'sourced' ? 'sourced' : 'assumption' });
  }
  if (m.videoAlternative) {
    const v = m.videoAlternative;
    out.push({ topic: `Video retention ${v.replacesDays} days (unverified)`, value: `storage ${Math.round(v.storedTB).toLocaleString('en-US')} TB if video is kept ${v.videoDays} days instead (shown beside the main figure)`, source: `not verified: ${v.reason}`, sources: ['kazpravda-2026-01-06', 'nypd-das-2009'], kind: 'assumption' });
  }
  // The policy's durations that the registry ranges (those of the almaty-assumed preset), where the policy has the rule.
  const rules = section?.policy?.rules ?? (section?.preset !== undefined ? (RETENTION_PRESETS as Record<string, { rules: unknown }>)[section.preset]?.rules : undefined);
  for (const e of ASSUMPTION_REGISTRY) {
    if (!e.path.startsWith('retention.policy.rules.')) continue;
    let v: unknown = rules;
    for (const k of e.path.split('.').slice(3)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'number') out.push(registryRow(e.name, v, v !== e.central));
  }
  out.push({ topic: 'System running for', value: `${m.operatingDays.toLocaleString('en-US')} days (bounds "forever")`, source: m.operatingDays === 3650 ? 'assumption (ten years)' : 'scenario', kind: 'assumption', ...rangedRow('operatingDays', m.operatingDays) });
  out.push({ topic: 'History look-back', value: `the last ${m.lookbackDays} days of trips (the simulated day repeated)`, source: 'assumption', kind: 'assumption' });
  const storage = m.policy.storage;
  if (storage) {
    const P = storage.params;
    const tiers = Object.entries(P.replication);
    const prices = [...new Set(Object.values(P.pricePerTBMonth))];
    const defaultPrice = prices.length === 1 && Math.abs(prices[0] - DEFAULT_PRICE_PER_TB_MONTH) < 1e-9;
    out.push(
      {
        topic: 'Storage price',
        value: `${prices.map((x) => x.toFixed(2)).join(' / ')} ${storage.currency} per TB-month`,
        ...(defaultPrice
          ? { source: 'assumption: the Google Cloud Storage standard list price (single region, transcribed 20 Sep 2026) stands in for storage an operator runs itself; plausible 5–25 USD per TB-month', sources: ['gcs-pricing-2026' as const] }
          : { source: 'scenario' }),
        kind: 'assumption',
        ...(prices.length === 1 ? rangedRow('storagePricePerTBMonth', prices[0]) : {}),
      },
      { topic: 'Copies kept per tier (replicas)', value: tiers.map(([t, n]) => `${t} ${n}`).join(', '), source: 'assumption: edge recorders and district hubs keep one copy; the city centre and the national platform mirror to a second site (DEFAULT_REPLICATION; plausible 1–3)', kind: 'assumption' },
      { topic: 'Record sizes', value: Object.entries(P.recordSizes).map(([k, b]) => `${k} ${b.toLocaleString('en-US')} B`).join(', '), source: 'face template 2,048 B = 512 float32 (ArcFace-style embedding, Deng et al., CVPR 2019); the others are assumptions (a sighting with its face crop, a plate read with crop and overview image, an alert with images and notes; RECORD_SIZES)', kind: 'assumption' },
    );
  }
  out.push(
    storage?.params.recordOnlyOnSite === false
      ? { topic: 'Which cameras are copied to upper tiers', value: "every camera's video, live or record-only (the archive is fetched even from record-only cameras)", source: 'scenario (recordOnlyOnSite: false)', kind: 'assumption' }
      : {
          topic: 'Which cameras are copied to upper tiers',
          value: 'only the cameras that stream live: their video is what reaches the centre; record-only cameras (e.g. private building cameras) keep their own video on site for the longest video retention of the policy. The network step sizes storage by the same rule (each node keeps its cameras\' video, the centre archives the live streams)',
          source: 'assumption (RETENTION_STORAGE_DEFAULTS.recordOnlyOnSite): the network carries only live streams upward',
          kind: 'assumption',
        },
  );
  if (network && !residents) out.push({ topic: 'Event storage', value: 'face templates, match events, plate reads and alerts counted as 0 per day: the scenario has no residents', source: 'scenario', kind: 'assumption' });
  if (!network) out.push({ topic: 'Retention storage', value: 'not computed: the scenario has no network', source: 'scenario', kind: 'assumption' });
  return out;
}
