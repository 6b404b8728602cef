/**
 * Who can read what: a graphology graph from principals to the copies of data
 * a retention policy keeps, and each principal's reach through it.
 *
 * Nodes (keys):
 * - `principal:<id>` — `{ type: 'principal', id, label }`, one per principal of the policy
 *   (built-in and user-named, in policy order);
 * - `store:<tier>:<kind>` — `{ type: 'store', tier, kind, days, present: true }`, one per
 *   (tier, kind) where the policy has the tier and the kind is created there or copied there
 *   (also when it is kept 0 days: the copy exists, if only live);
 * - `hold:<holdId>:<kind>` — `{ type: 'hold', holdId, kind, keepDays, window: [from, to] }`,
 *   one per legal hold and kind it holds.
 *
 * Edges (keys `reads:<from>-><to>`, `via:<from>-><to>`, `copies:<from>-><to>`):
 * - principal → store or hold, `{ type: 'reads' }`: the rule (or hold) lists the principal as a reader;
 * - principal → principal, `{ type: 'via', kinds }`: the first reads what the second reads, of
 *   these kinds only (several `via` entries to the same principal merge into one edge with the
 *   union of their kinds: a chain may take either, so the reach is the same);
 * - store → store, `{ type: 'copies' }`: the policy copies the kind from the lower tier to the upper.
 *
 * Reach (see {@link principalReach}) follows `via` edges (cycles allowed) and
 * then `reads` edges; a chain only passes the kinds every `via` edge on it
 * carries. `copies` edges describe where the data goes, not who may read it:
 * reading a district copy gives no access to the city's copy.
 */
import { DirectedGraph } from '../core/internal.js';
import { InvalidInputError } from '../core/index.js';
import { requireObject, requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import {
  CHANNEL_KINDS,
  DATA_KINDS,
  RETENTION_TIERS,
  effectiveDays,
  type DataKind,
  type RetentionDays,
  type RetentionPolicy,
  type RetentionTier,
} from './policy.js';

/** A principal node. */
export interface AccessPrincipalNode {
  type: 'principal';
  id: string;
  label: string;
}
/** A copy of one kind of data at one tier. */
export interface AccessStoreNode {
  type: 'store';
  tier: RetentionTier;
  kind: DataKind;
  /** Days the copy is kept, as the policy says (`'forever'` allowed). */
  days: RetentionDays;
  /** Always true: only copies that exist are nodes. */
  present: true;
}
/** What a legal hold keeps of one kind. */
export interface AccessHoldNode {
  type: 'hold';
  holdId: string;
  kind: DataKind;
  keepDays: RetentionDays;
  /** `[from, to)` in days on the timeline. */
  window: [number, number];
}
/** Attributes of an access-graph node (discriminated by `type`). */
export type AccessNodeAttributes = AccessPrincipalNode | AccessStoreNode | AccessHoldNode;
/** Attributes of an access-graph edge. */
export interface AccessEdgeAttributes {
  type: 'reads' | 'via' | 'copies';
  /** On `via` edges only: the kinds that flow through. */
  kinds?: DataKind[];
}
/** The access graph (directed, no self-loops, no parallel edges). */
export type AccessGraph = DirectedGraph<AccessNodeAttributes, AccessEdgeAttributes>;

/** Node key of a principal. */
export function principalKey(id: string): string {
  return `principal:${id}`;
}
/** Node key of a store. */
export function storeKey(tier: RetentionTier, kind: DataKind): string {
  return `store:${tier}:${kind}`;
}
/** Node key of a hold's copy of one kind. */
export function holdKey(holdId: string, kind: DataKind): string {
  return `hold:${holdId}:${kind}`;
}

/** Checks that `policy` looks like the result of createRetentionPolicy (structure only; it was validated there). */
export function requireRetentionPolicy(origin: string, policy: unknown): RetentionPolicy {
  const p = requireObject(origin, 'policy', policy);
  if (!Array.isArray(p.rules) || p.rules.length !== RETENTION_TIERS.length * DATA_KINDS.length) {
    throw new InvalidInputError(origin, 'policy.rules', `must hold ${RETENTION_TIERS.length * DATA_KINDS.length} resolved rules (make the policy with createRetentionPolicy)`, p.rules);
  }
  if (!Array.isArray(p.principals)) throw new InvalidInputError(origin, 'policy.principals', 'must be an array (make the policy with createRetentionPolicy)', p.principals);
  if (!Array.isArray(p.legalHolds)) throw new InvalidInputError(origin, 'policy.legalHolds', 'must be an array (make the policy with createRetentionPolicy)', p.legalHolds);
  return policy as RetentionPolicy;
}

/**
 * Builds the access graph of a policy: principals, the copies of data that
 * exist (stores), legal holds, and who reads what, directly or through
 * another principal.
 *
 * @param policy - a resolved policy (createRetentionPolicy)
 * @returns a graphology DirectedGraph (see the module comment for keys and attributes); `graph.export()`
 *   is plain JSON, identical for identical policies
 * @throws {InvalidInputError} when `policy` is not a resolved policy, or two legal holds share an id
 * @example
 * const graph = buildAccessGraph(createRetentionPolicy(spec));
 * graph.outNeighbors('principal:banks'); // ['principal:biometric-platform']
 * JSON.stringify(graph.export());
 * @remarks O(tiers · kinds · readers + principals · via + holds · kinds).
 */
export function buildAccessGraph(policy: RetentionPolicy): AccessGraph {
  const origin = 'buildAccessGraph';
  requireRetentionPolicy(origin, policy);
  const graph: AccessGraph = new DirectedGraph<AccessNodeAttributes, AccessEdgeAttributes>({ allowSelfLoops: false, multi: false });
  for (const p of policy.principals) graph.addNode(principalKey(p.id), { type: 'principal', id: p.id, label: p.label });
  // Stores, then their readers and copies.
  for (const rule of policy.rules) {
    if (!rule.present || !rule.tierExists) continue;
    graph.addNode(storeKey(rule.tier, rule.kind), { type: 'store', tier: rule.tier, kind: rule.kind, days: rule.days, present: true });
  }
  for (const rule of policy.rules) {
    if (!rule.present || !rule.tierExists) continue;
    const from = storeKey(rule.tier, rule.kind);
    for (const reader of rule.readers) {
      const pk = principalKey(reader);
      graph.addDirectedEdgeWithKey(`reads:${pk}->${from}`, pk, from, { type: 'reads' });
    }
    for (const target of rule.copyTo) {
      const to = storeKey(target, rule.kind);
      if (graph.hasNode(to) && !graph.hasEdge(from, to)) graph.addDirectedEdgeWithKey(`copies:${from}->${to}`, from, to, { type: 'copies' });
    }
  }
  // Principals through principals.
  for (const p of policy.principals) {
    const from = principalKey(p.id);
    for (const v of p.via) {
      const to = principalKey(v.principal);
      if (graph.hasEdge(from, to)) {
        const kinds = graph.getEdgeAttribute(from, to, 'kinds') ?? [];
        const merged = DATA_KINDS.filter((k) => kinds.includes(k) || v.kinds.includes(k));
        graph.setEdgeAttribute(from, to, 'kinds', merged);
      } else {
        graph.addDirectedEdgeWithKey(`via:${from}->${to}`, from, to, { type: 'via', kinds: DATA_KINDS.filter((k) => v.kinds.includes(k)) });
      }
    }
  }
  // Legal holds.
  policy.legalHolds.forEach((h, i) => {
    for (const kind of h.kinds) {
      const key = holdKey(h.id, kind);
      if (graph.hasNode(key)) throw new InvalidInputError(origin, `policy.legalHolds[${i}].id`, 'must be unique among the legal holds', h.id);
      graph.addNode(key, { type: 'hold', holdId: h.id, kind, keepDays: h.keepDays, window: [h.from, h.to] });
      for (const reader of h.readers) {
        const pk = principalKey(reader);
        graph.addDirectedEdgeWithKey(`reads:${pk}->${key}`, pk, key, { type: 'reads' });
      }
    }
  });
  return graph;
}

/** One copy a principal can read. */
export interface ReachedStore {
  /** Node key (`store:<tier>:<kind>`). */
  key: string;
  tier: RetentionTier;
  kind: DataKind;
  /** Days on file (effectiveDays: `'forever'` = operatingDays). */
  days: number;
  /** The principal whose own read right gives access: the principal itself, or the nearest one along `via` chains. */
  through: string;
}
/** One legal hold's copy a principal can read. */
export interface ReachedHold {
  key: string;
  holdId: string;
  kind: DataKind;
  /** Days the hold keeps what it caught (effectiveDays). */
  keepDays: number;
  through: string;
}
/** What one principal can reach. */
export interface PrincipalReach {
  principal: string;
  label: string;
  /** Per kind, the longest days on file among the stores it reaches (0 when none; holds left out). */
  days: Record<DataKind, number>;
  /** Kinds of which it reaches at least one store (even one kept 0 days: live access), in DATA_KINDS order. */
  kinds: DataKind[];
  /** Per identification channel, the longest days any kind carrying it (CHANNEL_KINDS) is on file within reach. */
  channelDays: { face: number; plate: number };
  /** Stores reached, in policy rule order (tier bottom-up, then kind). */
  stores: ReachedStore[];
  /** Legal holds reached (transient: not in `days`). */
  holds: ReachedHold[];
  /** Principals whose data it reaches through `via` chains (not itself), in discovery order. */
  via: string[];
}
/** Result of {@link principalReach}. */
export interface PrincipalReachResult {
  policy: string;
  params: { operatingDays: number };
  /** One entry per principal, in policy order. */
  principals: PrincipalReach[];
}

/** Options of {@link principalReach}. */
export interface PrincipalReachOptions {
  /** How long the system has been running, days (> 0): bounds `'forever'` and every number of days. */
  operatingDays: number;
}

/** The options principalReach knows (its unknown options are refused). */
const PRINCIPAL_REACH_OPTION_KEYS = optionKeys<PrincipalReachOptions>()({}, ['operatingDays']);

/**
 * For every principal, the data it can reach — directly or through chains of
 * `via` edges, each chain carrying only the kinds on every one of its edges —
 * and how long it stays on file.
 *
 * Implemented on the access graph: a breadth-first search per principal whose
 * state is (principal, set of kinds still allowed); a principal is expanded
 * again only with kinds it has not been reached with before, so cycles end
 * and the search is O(principals · kinds · edges).
 *
 * @param policy - a resolved policy
 * @param options - `operatingDays` (required)
 * @returns per principal: days per kind and channel, kinds, stores and holds reached, principals passed through
 * @throws {InvalidInputError} when `operatingDays` is not a finite number > 0, or `policy` is not a resolved policy
 * @example
 * const reach = principalReach(policy, { operatingDays: 365 });
 * reach.principals.find((p) => p.principal === 'banks')!.days.faceTemplates; // e.g. 365 with templates kept forever
 * @remarks O(principals · (kinds · via edges + stores)).
 */
export function principalReach(policy: RetentionPolicy, options: PrincipalReachOptions): PrincipalReachResult {
  checkOptions('principalReach', options, PRINCIPAL_REACH_OPTION_KEYS);
  const origin = 'principalReach';
  requireRetentionPolicy(origin, policy);
  const o = requireObject(origin, 'options', options);
  const operatingDays = requirePositive(origin, 'options.operatingDays', o.operatingDays);
  return { policy: policy.name, params: { operatingDays }, principals: reachOnGraph(buildAccessGraph(policy), policy, operatingDays) };
}

const ALL_KINDS_MASK = (1 << DATA_KINDS.length) - 1;

function kindsMask(kinds: readonly DataKind[] | undefined): number {
  let m = 0;
  if (kinds === undefined) return m;
  for (const k of kinds) m |= 1 << DATA_KINDS.indexOf(k);
  return m;
}

/** The BFS of {@link principalReach} on a built graph (shared with analyseAccess). */
export function reachOnGraph(graph: AccessGraph, policy: RetentionPolicy, operatingDays: number): PrincipalReach[] {
  const ids = policy.principals.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const np = ids.length;
  // Compact adjacency, built once: via edges (target index, kind mask); read edges (node key).
  const viaTo: number[][] = [];
  const viaMask: number[][] = [];
  const readsOf: string[][] = [];
  for (let i = 0; i < np; i++) {
    const tos: number[] = [];
    const masks: number[] = [];
    const reads: string[] = [];
    graph.forEachOutEdge(principalKey(ids[i]), (_edge, attr, _source, target) => {
      if (attr.type === 'via') {
        tos.push(index.get((graph.getNodeAttributes(target) as AccessPrincipalNode).id)!);
        masks.push(kindsMask(attr.kinds));
      } else if (attr.type === 'reads') {
        reads.push(target);
      }
    });
    viaTo.push(tos);
    viaMask.push(masks);
    readsOf.push(reads);
  }
  // Rule order of stores, for a stable listing.
  const storeOrder = new Map<string, number>();
  policy.rules.forEach((r, i) => storeOrder.set(storeKey(r.tier, r.kind), i));
  const holdOrder = new Map<string, number>();
  let h = policy.rules.length;
  for (const hold of policy.legalHolds) for (const kind of hold.kinds) holdOrder.set(holdKey(hold.id, kind), h++);

  const out: PrincipalReach[] = [];
  const seen = new Int32Array(np);
  const queue = new Int32Array(np * (DATA_KINDS.length + 1) + 1);
  const queueMask = new Int32Array(queue.length);
  for (let s = 0; s < np; s++) {
    seen.fill(0);
    // Per reached store or hold: through whom (the first found, i.e. along a shortest chain).
    const grantedThrough = new Map<string, string>();
    const viaOrder: string[] = [];
    let head = 0;
    let tail = 0;
    seen[s] = ALL_KINDS_MASK;
    queue[tail] = s;
    queueMask[tail++] = ALL_KINDS_MASK;
    while (head < tail) {
      const u = queue[head];
      const m = queueMask[head++];
      for (const key of readsOf[u]) {
        const attr = graph.getNodeAttributes(key);
        if (attr.type === 'principal') continue;
        if ((m & (1 << DATA_KINDS.indexOf(attr.kind))) === 0) continue;
        if (!grantedThrough.has(key)) grantedThrough.set(key, ids[u]);
      }
      const tos = viaTo[u];
      const masks = viaMask[u];
      for (let e = 0; e < tos.length; e++) {
        const v = tos[e];
        const fresh = m & masks[e] & ~seen[v];
        if (fresh === 0) continue;
        if (seen[v] === 0 && v !== s) viaOrder.push(ids[v]);
        seen[v] |= fresh;
        // Only the kinds not yet carried to v need to travel on: reach distributes over unions of kinds.
        queue[tail] = v;
        queueMask[tail++] = fresh;
      }
    }
    const days = Object.fromEntries(DATA_KINDS.map((k) => [k, 0])) as Record<DataKind, number>;
    const has = new Set<DataKind>();
    const stores: ReachedStore[] = [];
    const holds: ReachedHold[] = [];
    const keys = [...grantedThrough.keys()];
    keys.sort((a, b) => (storeOrder.get(a) ?? holdOrder.get(a)!) - (storeOrder.get(b) ?? holdOrder.get(b)!));
    for (const key of keys) {
      const attr = graph.getNodeAttributes(key);
      if (attr.type === 'store') {
        const d = effectiveDays(attr.days, operatingDays);
        stores.push({ key, tier: attr.tier, kind: attr.kind, days: d, through: grantedThrough.get(key)! });
        has.add(attr.kind);
        if (d > days[attr.kind]) days[attr.kind] = d;
      } else if (attr.type === 'hold') {
        holds.push({ key, holdId: attr.holdId, kind: attr.kind, keepDays: effectiveDays(attr.keepDays, operatingDays), through: grantedThrough.get(key)! });
      }
    }
    let face = 0;
    for (const k of CHANNEL_KINDS.face) if (days[k] > face) face = days[k];
    let plate = 0;
    for (const k of CHANNEL_KINDS.plate) if (days[k] > plate) plate = days[k];
    const p = policy.principals[s];
    out.push({ principal: p.id, label: p.label, days, kinds: DATA_KINDS.filter((k) => has.has(k)), channelDays: { face, plate }, stores, holds, via: viaOrder });
  }
  return out;
}

/** What one reader can read, `via` chains included: see {@link readerReach}. */
export interface ReaderReach {
  /** Per kind, the longest days on file among the stores it reaches (0 when none). */
  days: Record<DataKind, number>;
  /** Per legal hold id, the kinds of it the reader reaches (absent: none). */
  holdKinds: Map<string, Set<DataKind>>;
}

/**
 * What `reader` can read, directly or through `via` chains (each chain
 * passing only the kinds on all its edges): the one resolver behind every
 * `reader` option of the retention layer (personHistory, reconstructHistory,
 * archiveOnFile), so that they agree with principalReach and analyseAccess.
 *
 * @param policy - a resolved policy
 * @param reader - a principal of the policy (checked by the caller)
 * @param operatingDays - bounds `'forever'` (≥ 0)
 * @returns days per kind and the kinds of each legal hold it reaches
 * @remarks O(principals · kinds · via edges + stores): one search on the access graph.
 */
export function readerReach(policy: RetentionPolicy, reader: string, operatingDays: number): ReaderReach {
  const all = reachOnGraph(buildAccessGraph(policy), policy, operatingDays);
  const r = all.find((p) => p.principal === reader);
  const days = Object.fromEntries(DATA_KINDS.map((k) => [k, r ? r.days[k] : 0])) as Record<DataKind, number>;
  const holdKinds = new Map<string, Set<DataKind>>();
  for (const h of r?.holds ?? []) {
    if (!holdKinds.has(h.holdId)) holdKinds.set(h.holdId, new Set());
    holdKinds.get(h.holdId)!.add(h.kind);
  }
  return { days, holdKinds };
}
