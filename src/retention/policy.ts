/**
 * Retention policies: per tier and kind of data, how many days a copy is
 * kept, where it is copied, and which principals may read it; plus legal
 * holds that keep everything captured in an area and time window for longer.
 *
 * A policy spec is plain JSON (scenario files hold one); `createRetentionPolicy`
 * validates it once and returns a resolved policy that the storage, history
 * and access analyses read without further checks.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject } from '../core/internal.js';
import { type NodeKind } from '../network/index.js';

/** Tiers, bottom-up: the camera or its recorder, then the command network's node kinds. */
export type RetentionTier = 'camera' | 'aggregation' | 'district' | 'city' | 'national';
/** Tiers in order from the camera up (copies only go up this list). */
export const RETENTION_TIERS: readonly RetentionTier[] = ['camera', 'aggregation', 'district', 'city', 'national'];
/** The command-network node kind that stands for each tier above the camera. */
export const TIER_NODE_KIND: Readonly<Record<Exclude<RetentionTier, 'camera'>, NodeKind>> = {
  aggregation: 'aggregation',
  district: 'district-hub',
  city: 'city-centre',
  national: 'national',
};

/**
 * Kinds of data: `video` (recorded streams), `faceTemplates` (biometric
 * templates extracted from every face captured, matched or not), `sightings`
 * (match events: person P seen by camera C at time t, from face recognition),
 * `plateReads` (plate, camera, time, image), `alerts` (watchlist hits).
 */
export type DataKind = 'video' | 'faceTemplates' | 'sightings' | 'plateReads' | 'alerts';
export const DATA_KINDS: readonly DataKind[] = ['video', 'faceTemplates', 'sightings', 'plateReads', 'alerts'];

/**
 * Where each kind is created, unless a policy says otherwise (`createdAt`).
 * Assumptions, from how the reference systems are described: video is recorded
 * at the camera or its recorder; plate reads are made at the roadside unit
 * (Sergek units read plates on the pole); face recognition runs at the city's
 * operations centre (about 2,200 Almaty cameras feed face recognition there,
 * the network model), which therefore creates templates, match
 * events and alerts.
 */
export const DEFAULT_CREATED_AT: Readonly<Record<DataKind, RetentionTier>> = {
  video: 'camera',
  faceTemplates: 'city',
  sightings: 'city',
  plateReads: 'camera',
  alerts: 'city',
};

/**
 * Channels through which a capture identifies a person: faces (pedestrians)
 * and plates (cars). The kinds that carry each channel: a capture stays
 * identifiable while any of them is kept (archived video can be searched
 * again; templates can be matched against a new probe; match events and plate
 * reads already name the person or vehicle).
 */
export const CHANNEL_KINDS: Readonly<Record<'face' | 'plate', readonly DataKind[]>> = {
  face: ['video', 'faceTemplates', 'sightings'],
  plate: ['video', 'plateReads'],
};

/** Days a copy is kept: a number ≥ 0 (0 = deleted at once) or `'forever'`. */
export type RetentionDays = number | 'forever';

/** What a policy says for one kind at one tier (JSON). */
export interface RetentionRuleSpec {
  /** Days the copy at this tier is kept (0 = deleted at once; `'forever'` = never deleted). */
  days: RetentionDays;
  /** Tiers above this one that receive a copy when the data is created or arrives (`true` = the next tier up the policy has). */
  copyTo?: RetentionTier | readonly RetentionTier[] | true;
  /** Principals that may read this copy (ids of built-in or policy principals). */
  readers?: readonly string[];
}

/** A principal: somebody who may read data, directly or through another principal. */
export interface PrincipalSpec {
  /** Identifier used in `readers` (letters, digits, `-`, `_`). */
  id: string;
  label?: string;
  /** Reads what these principals read (only `kinds`, when given): e.g. banks through the biometric platform. */
  via?: readonly { principal: string; kinds?: readonly DataKind[] }[];
}

/** Everything captured in an area and time window is kept longer (e.g. after a protest). */
export interface LegalHoldSpec {
  /** Identifier for reports (default `hold-<index>`). */
  id?: string;
  /** The area, in local metres: `[minX, minY, maxX, maxY]` or a polygon ring `[[x, y], …]` (closed or not, ≥ 3 distinct points). */
  area: readonly [number, number, number, number] | readonly (readonly [number, number])[];
  /** Start of the window, in days on the timeline (day 0 starts at 0; fractions are times of day). */
  from: number;
  /** End of the window (exclusive), days; > from. */
  to: number;
  /** Days everything captured in the window is kept, counted from capture; `'forever'` allowed. */
  keepDays: RetentionDays;
  /** Kinds held (default all). */
  kinds?: readonly DataKind[];
  /** Principals that may read the held copy (default: police and prosecutors). */
  readers?: readonly string[];
}

/** How well a policy's sources carry it (see RetentionPolicySpec.evidence). */
export type PolicyEvidence = 'sourced' | 'partly-sourced' | 'assumption';
export const POLICY_EVIDENCE: readonly PolicyEvidence[] = ['sourced', 'partly-sourced', 'assumption'];

/** A retention policy as written (JSON; a scenario's `retention` section). */
export interface RetentionPolicySpec {
  name: string;
  description?: string;
  /** Where the policy comes from (citations, URLs). */
  sources?: readonly string[];
  /**
   * How well the sources carry the policy: `sourced` (every figure from a cited document),
   * `partly-sourced` (some figures, or the tiers and readers, assumed) or `assumption` (default).
   * Reports label the policy by it.
   */
  evidence?: PolicyEvidence;
  /** Tiers the system has (default all five). */
  tiers?: readonly RetentionTier[];
  /** Where kinds are created, overriding DEFAULT_CREATED_AT (e.g. face templates on edge-analytics cameras). */
  createdAt?: Partial<Record<DataKind, RetentionTier>>;
  /** Principals besides the built-in ones (BUILTIN_PRINCIPALS). */
  principals?: readonly PrincipalSpec[];
  /** Rules by tier and kind; a missing rule means the tier keeps none of that kind (0 days, no copy, no readers). */
  rules: Partial<Record<RetentionTier, Partial<Record<DataKind, RetentionRuleSpec>>>>;
  legalHolds?: readonly LegalHoldSpec[];
}

/**
 * Principals every policy knows. Banks and telecoms reach face data only
 * through the national biometric platform (identity checks against state
 * templates); that is the "closed loop" question this library asks.
 */
export const BUILTIN_PRINCIPALS: readonly PrincipalSpec[] = [
  { id: 'police', label: 'Police' },
  { id: 'prosecutors', label: 'Prosecutors' },
  { id: 'vendor', label: 'System vendor / operator' },
  { id: 'biometric-platform', label: 'National biometric platform' },
  { id: 'banks', label: 'Banks (through the biometric platform)', via: [{ principal: 'biometric-platform', kinds: ['faceTemplates'] }] },
  { id: 'telecoms', label: 'Telecoms (through the biometric platform)', via: [{ principal: 'biometric-platform', kinds: ['faceTemplates'] }] },
];

/** A resolved rule: one per (tier, kind) in RETENTION_TIERS × DATA_KINDS order. */
export interface RetentionRule {
  tier: RetentionTier;
  kind: DataKind;
  /** False for a tier the policy does not have. */
  tierExists: boolean;
  /** True when the kind is created at this tier or copied here. */
  present: boolean;
  days: RetentionDays;
  copyTo: RetentionTier[];
  readers: string[];
}

export interface Principal {
  id: string;
  label: string;
  via: { principal: string; kinds: DataKind[] }[];
}

export interface LegalHold {
  id: string;
  /** Polygon ring in local metres, closed (first point repeated last). */
  ring: [number, number][];
  /** Bounding box of the ring. */
  bounds: [number, number, number, number];
  from: number;
  to: number;
  keepDays: RetentionDays;
  kinds: DataKind[];
  readers: string[];
}

/** A validated policy (plain data, JSON-serialisable). */
export interface RetentionPolicy {
  name: string;
  description: string;
  sources: string[];
  evidence: PolicyEvidence;
  tiers: RetentionTier[];
  createdAt: Record<DataKind, RetentionTier>;
  principals: Principal[];
  /** RETENTION_TIERS.length × DATA_KINDS.length rules; use {@link retentionRule}. */
  rules: RetentionRule[];
  legalHolds: LegalHold[];
}

const ORIGIN = 'createRetentionPolicy';

function requireOneOfEvidence(value: unknown): PolicyEvidence {
  if (typeof value !== 'string' || !(POLICY_EVIDENCE as readonly string[]).includes(value)) {
    throw new InvalidInputError(ORIGIN, 'policy.evidence', `must be one of ${POLICY_EVIDENCE.map((e) => JSON.stringify(e)).join(', ')}`, value);
  }
  return value as PolicyEvidence;
}
const PRINCIPAL_ID = /^[A-Za-z0-9_-]+$/;

function tierIndex(t: RetentionTier): number {
  return RETENTION_TIERS.indexOf(t);
}

/** The rule for `tier` and `kind` (O(1)). */
export function retentionRule(policy: RetentionPolicy, tier: RetentionTier, kind: DataKind): RetentionRule {
  return policy.rules[tierIndex(tier) * DATA_KINDS.length + DATA_KINDS.indexOf(kind)];
}

/**
 * Days as a number: `'forever'` becomes `operatingDays` (how long the system
 * has been running, which bounds how far back anything can reach), and any
 * number is capped by it.
 */
export function effectiveDays(days: RetentionDays, operatingDays: number): number {
  return days === 'forever' ? operatingDays : Math.min(days, operatingDays);
}

function requireDays(origin: string, field: string, value: unknown): RetentionDays {
  if (value === 'forever') return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(origin, field, 'must be a number of days >= 0 or "forever"', value);
  }
  return value;
}

function requireTier(origin: string, field: string, value: unknown): RetentionTier {
  if (typeof value !== 'string' || !(RETENTION_TIERS as readonly string[]).includes(value)) {
    throw new InvalidInputError(origin, field, `must be a tier (${RETENTION_TIERS.join(', ')})`, value);
  }
  return value as RetentionTier;
}

function requireKind(origin: string, field: string, value: unknown): DataKind {
  if (typeof value !== 'string' || !(DATA_KINDS as readonly string[]).includes(value)) {
    throw new InvalidInputError(origin, field, `must be a kind of data (${DATA_KINDS.join(', ')})`, value);
  }
  return value as DataKind;
}

function requireKinds(origin: string, field: string, value: unknown): DataKind[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidInputError(origin, field, 'must be a non-empty array of kinds', value);
  const out: DataKind[] = [];
  for (let i = 0; i < value.length; i++) {
    const k = requireKind(origin, `${field}[${i}]`, value[i]);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

function requireReaders(origin: string, field: string, value: unknown, known: ReadonlySet<string>): string[] {
  if (!Array.isArray(value)) throw new InvalidInputError(origin, field, 'must be an array of principal ids', value);
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const id = value[i];
    if (typeof id !== 'string' || !known.has(id)) {
      throw new InvalidInputError(origin, `${field}[${i}]`, `must be a known principal (${[...known].join(', ')})`, id);
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function resolveArea(origin: string, field: string, value: unknown): { ring: [number, number][]; bounds: [number, number, number, number] } {
  if (!Array.isArray(value)) throw new InvalidInputError(origin, field, 'must be [minX, minY, maxX, maxY] or a ring [[x, y], …]', value);
  if (value.length === 4 && value.every((v) => typeof v === 'number')) {
    const [minX, minY, maxX, maxY] = value as number[];
    for (let i = 0; i < 4; i++) {
      if (!Number.isFinite(value[i])) throw new InvalidInputError(origin, `${field}[${i}]`, 'must be a finite number', value[i]);
    }
    if (!(minX < maxX) || !(minY < maxY)) throw new InvalidInputError(origin, field, 'must have minX < maxX and minY < maxY', value);
    return {
      ring: [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]],
      bounds: [minX, minY, maxX, maxY],
    };
  }
  const ring: [number, number][] = [];
  for (let i = 0; i < value.length; i++) {
    const p = value[i];
    if (!Array.isArray(p) || p.length < 2) throw new InvalidInputError(origin, `${field}[${i}]`, 'must be a point [x, y]', p);
    for (let j = 0; j < 2; j++) {
      if (typeof p[j] !== 'number' || !Number.isFinite(p[j])) throw new InvalidInputError(origin, `${field}[${i}][${j}]`, 'must be a finite number', p[j]);
    }
    ring.push([p[0], p[1]]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  const distinct = new Set(ring.map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3) throw new InvalidInputError(origin, field, 'must have at least 3 distinct points', value);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { ring, bounds: [minX, minY, maxX, maxY] };
}

/**
 * Validates a policy spec and resolves it: every (tier, kind) gets a rule,
 * copies are followed up the tiers to mark where each kind is present, and
 * principals and legal holds are checked.
 *
 * @param spec - the policy as written (see {@link RetentionPolicySpec}; presets in RETENTION_PRESETS)
 * @returns a {@link RetentionPolicy}
 * @throws {InvalidInputError} naming the item: negative or non-finite days, unknown tiers, kinds or
 *   principals, a copy to a tier the policy does not have or that is not above the source, data kept at
 *   a tier it never reaches, duplicate or malformed principals, a malformed legal hold
 * @example
 * const policy = createRetentionPolicy({
 *   name: 'video 30 days',
 *   rules: { camera: { video: { days: 30, copyTo: 'city', readers: ['police'] } }, city: { video: { days: 30, readers: ['police'] } } },
 * });
 * @remarks O(tiers · kinds + principals + hold vertices).
 */
export function createRetentionPolicy(spec: RetentionPolicySpec): RetentionPolicy {
  const s = requireObject(ORIGIN, 'policy', spec);
  if (typeof s.name !== 'string' || s.name.length === 0) throw new InvalidInputError(ORIGIN, 'policy.name', 'must be a non-empty string', s.name);
  const name = s.name;
  if (s.description !== undefined && typeof s.description !== 'string') throw new InvalidInputError(ORIGIN, 'policy.description', 'must be a string', s.description);
  const sources: string[] = [];
  if (s.sources !== undefined) {
    if (!Array.isArray(s.sources)) throw new InvalidInputError(ORIGIN, 'policy.sources', 'must be an array of strings', s.sources);
    s.sources.forEach((src, i) => {
      if (typeof src !== 'string') throw new InvalidInputError(ORIGIN, `policy.sources[${i}]`, 'must be a string', src);
      sources.push(src);
    });
  }
  const allowedKeys = ['name', 'description', 'sources', 'evidence', 'tiers', 'createdAt', 'principals', 'rules', 'legalHolds'];
  for (const key of Object.keys(s)) {
    if (!allowedKeys.includes(key)) throw new InvalidInputError(ORIGIN, `policy.${key}`, `is not a policy field (${allowedKeys.join(', ')})`, s[key]);
  }

  const evidence: PolicyEvidence = s.evidence === undefined ? 'assumption' : requireOneOfEvidence(s.evidence);

  // Tiers the system has.
  let tiers: RetentionTier[] = [...RETENTION_TIERS];
  if (s.tiers !== undefined) {
    if (!Array.isArray(s.tiers) || s.tiers.length === 0) throw new InvalidInputError(ORIGIN, 'policy.tiers', 'must be a non-empty array of tiers', s.tiers);
    const given = new Set<RetentionTier>();
    s.tiers.forEach((t, i) => given.add(requireTier(ORIGIN, `policy.tiers[${i}]`, t)));
    tiers = RETENTION_TIERS.filter((t) => given.has(t));
  }
  const hasTier = (t: RetentionTier): boolean => tiers.includes(t);

  // Where kinds are created.
  const createdAt: Record<DataKind, RetentionTier> = { ...DEFAULT_CREATED_AT };
  if (s.createdAt !== undefined) {
    const c = requireObject(ORIGIN, 'policy.createdAt', s.createdAt);
    for (const key of Object.keys(c)) {
      const kind = requireKind(ORIGIN, `policy.createdAt.${key}`, key);
      createdAt[kind] = requireTier(ORIGIN, `policy.createdAt.${key}`, c[key]);
    }
  }
  for (const kind of DATA_KINDS) {
    if (!hasTier(createdAt[kind])) {
      // A kind created at a tier the system lacks moves to the nearest tier above it that exists (e.g. no
      // city centre: recognition at the national platform); with none above, at the highest tier there is.
      const above = tiers.find((t) => tierIndex(t) > tierIndex(createdAt[kind]));
      if (s.createdAt !== undefined && (s.createdAt as Record<string, unknown>)[kind] !== undefined) {
        throw new InvalidInputError(ORIGIN, `policy.createdAt.${kind}`, `must be a tier the policy has (${tiers.join(', ')})`, createdAt[kind]);
      }
      createdAt[kind] = above ?? tiers[tiers.length - 1];
    }
  }

  // Principals.
  const principalSpecs: unknown[] = [...BUILTIN_PRINCIPALS];
  if (s.principals !== undefined) {
    if (!Array.isArray(s.principals)) throw new InvalidInputError(ORIGIN, 'policy.principals', 'must be an array', s.principals);
    principalSpecs.push(...s.principals);
  }
  const known = new Set<string>();
  principalSpecs.forEach((p, i) => {
    const field = i < BUILTIN_PRINCIPALS.length ? `BUILTIN_PRINCIPALS[${i}]` : `policy.principals[${i - BUILTIN_PRINCIPALS.length}]`;
    const o = requireObject(ORIGIN, field, p);
    if (typeof o.id !== 'string' || !PRINCIPAL_ID.test(o.id)) throw new InvalidInputError(ORIGIN, `${field}.id`, 'must be an id of letters, digits, - or _', o.id);
    if (known.has(o.id)) throw new InvalidInputError(ORIGIN, `${field}.id`, 'must be unique (it names a principal already defined)', o.id);
    known.add(o.id);
  });
  const principals: Principal[] = principalSpecs.map((p, i) => {
    const field = i < BUILTIN_PRINCIPALS.length ? `BUILTIN_PRINCIPALS[${i}]` : `policy.principals[${i - BUILTIN_PRINCIPALS.length}]`;
    const o = p as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!['id', 'label', 'via'].includes(key)) throw new InvalidInputError(ORIGIN, `${field}.${key}`, 'is not a principal field (id, label, via)', o[key]);
    }
    if (o.label !== undefined && typeof o.label !== 'string') throw new InvalidInputError(ORIGIN, `${field}.label`, 'must be a string', o.label);
    const via: Principal['via'] = [];
    if (o.via !== undefined) {
      if (!Array.isArray(o.via)) throw new InvalidInputError(ORIGIN, `${field}.via`, 'must be an array', o.via);
      o.via.forEach((v, j) => {
        const vo = requireObject(ORIGIN, `${field}.via[${j}]`, v);
        for (const key of Object.keys(vo)) {
          if (!['principal', 'kinds'].includes(key)) throw new InvalidInputError(ORIGIN, `${field}.via[${j}].${key}`, 'is not a via field (principal, kinds)', vo[key]);
        }
        if (typeof vo.principal !== 'string' || !known.has(vo.principal) || vo.principal === o.id) {
          throw new InvalidInputError(ORIGIN, `${field}.via[${j}].principal`, 'must be another known principal', vo.principal);
        }
        via.push({ principal: vo.principal, kinds: vo.kinds === undefined ? [...DATA_KINDS] : requireKinds(ORIGIN, `${field}.via[${j}].kinds`, vo.kinds) });
      });
    }
    return { id: o.id as string, label: (o.label as string | undefined) ?? (o.id as string), via };
  });

  // Rules.
  const r = requireObject(ORIGIN, 'policy.rules', s.rules);
  const given = new Map<string, Record<string, unknown>>();
  for (const tierKey of Object.keys(r)) {
    const tier = requireTier(ORIGIN, `policy.rules.${tierKey}`, tierKey);
    const byKind = requireObject(ORIGIN, `policy.rules.${tier}`, r[tierKey]);
    if (!hasTier(tier)) throw new InvalidInputError(ORIGIN, `policy.rules.${tier}`, `names a tier the policy does not have (${tiers.join(', ')})`, tier);
    for (const kindKey of Object.keys(byKind)) {
      requireKind(ORIGIN, `policy.rules.${tier}.${kindKey}`, kindKey);
      const field = `policy.rules.${tier}.${kindKey}`;
      const rule = requireObject(ORIGIN, field, byKind[kindKey]);
      for (const key of Object.keys(rule)) {
        if (!['days', 'copyTo', 'readers'].includes(key)) throw new InvalidInputError(ORIGIN, `${field}.${key}`, 'is not a rule field (days, copyTo, readers)', rule[key]);
      }
      if (!hasTier(tier)) throw new InvalidInputError(ORIGIN, `policy.rules.${tier}`, `names a tier the policy does not have (${tiers.join(', ')})`, tier);
      given.set(`${tier}/${kindKey}`, rule);
    }
  }
  const rules: RetentionRule[] = [];
  for (const tier of RETENTION_TIERS) {
    for (const kind of DATA_KINDS) {
      const field = `policy.rules.${tier}.${kind}`;
      const g = given.get(`${tier}/${kind}`);
      let days: RetentionDays = 0;
      let copyTo: RetentionTier[] = [];
      let readers: string[] = [];
      if (g !== undefined) {
        days = requireDays(ORIGIN, `${field}.days`, g.days);
        if (g.readers !== undefined) readers = requireReaders(ORIGIN, `${field}.readers`, g.readers, known);
        if (g.copyTo !== undefined) {
          if (g.copyTo === true) {
            const next = tiers.find((t) => tierIndex(t) > tierIndex(tier));
            if (next === undefined) throw new InvalidInputError(ORIGIN, `${field}.copyTo`, `copies upward from ${tier}, but the policy has no tier above it (${tiers.join(', ')})`, true);
            copyTo = [next];
          } else {
            const list = Array.isArray(g.copyTo) ? g.copyTo : [g.copyTo];
            list.forEach((t, i) => {
              const f = Array.isArray(g.copyTo) ? `${field}.copyTo[${i}]` : `${field}.copyTo`;
              const target = requireTier(ORIGIN, f, t);
              if (!hasTier(target)) throw new InvalidInputError(ORIGIN, f, `copies to a tier the policy does not have (${tiers.join(', ')})`, t);
              if (tierIndex(target) <= tierIndex(tier)) throw new InvalidInputError(ORIGIN, f, `must be a tier above ${tier}`, t);
              if (!copyTo.includes(target)) copyTo.push(target);
            });
          }
        }
      }
      rules.push({ tier, kind, tierExists: hasTier(tier), present: false, days, copyTo, readers });
    }
  }
  // Presence: created at createdAt[kind], then copies move it up (tiers in order, so one pass).
  const nk = DATA_KINDS.length;
  for (let k = 0; k < nk; k++) {
    rules[tierIndex(createdAt[DATA_KINDS[k]]) * nk + k].present = true;
    for (let t = 0; t < RETENTION_TIERS.length; t++) {
      const rule = rules[t * nk + k];
      if (!rule.present) continue;
      for (const target of rule.copyTo) rules[tierIndex(target) * nk + k].present = true;
    }
  }
  for (const rule of rules) {
    const keeps = rule.days === 'forever' || rule.days > 0;
    const field = `policy.rules.${rule.tier}.${rule.kind}`;
    if (!rule.present && (keeps || rule.copyTo.length > 0 || rule.readers.length > 0)) {
      throw new InvalidInputError(ORIGIN, field, `keeps, copies or lets principals read ${rule.kind} at ${rule.tier}, but ${rule.kind} is created at ${createdAt[rule.kind]} and no tier copies it to ${rule.tier}`, given.get(`${rule.tier}/${rule.kind}`));
    }
  }

  // Legal holds.
  const legalHolds: LegalHold[] = [];
  if (s.legalHolds !== undefined) {
    if (!Array.isArray(s.legalHolds)) throw new InvalidInputError(ORIGIN, 'policy.legalHolds', 'must be an array', s.legalHolds);
    s.legalHolds.forEach((h, i) => {
      const field = `policy.legalHolds[${i}]`;
      const o = requireObject(ORIGIN, field, h);
      for (const key of Object.keys(o)) {
        if (!['id', 'area', 'from', 'to', 'keepDays', 'kinds', 'readers'].includes(key)) {
          throw new InvalidInputError(ORIGIN, `${field}.${key}`, 'is not a legal-hold field (id, area, from, to, keepDays, kinds, readers)', o[key]);
        }
      }
      if (o.id !== undefined && typeof o.id !== 'string') throw new InvalidInputError(ORIGIN, `${field}.id`, 'must be a string', o.id);
      const { ring, bounds } = resolveArea(ORIGIN, `${field}.area`, o.area);
      if (typeof o.from !== 'number' || !Number.isFinite(o.from)) throw new InvalidInputError(ORIGIN, `${field}.from`, 'must be a finite number of days', o.from);
      if (typeof o.to !== 'number' || !Number.isFinite(o.to) || o.to <= o.from) throw new InvalidInputError(ORIGIN, `${field}.to`, `must be a finite number of days > from (${o.from})`, o.to);
      legalHolds.push({
        id: (o.id as string | undefined) ?? `hold-${i}`,
        ring,
        bounds,
        from: o.from,
        to: o.to,
        keepDays: requireDays(ORIGIN, `${field}.keepDays`, o.keepDays),
        kinds: o.kinds === undefined ? [...DATA_KINDS] : requireKinds(ORIGIN, `${field}.kinds`, o.kinds),
        readers: o.readers === undefined ? ['police', 'prosecutors'] : requireReaders(ORIGIN, `${field}.readers`, o.readers, known),
      });
    });
  }

  return { name, description: (s.description as string | undefined) ?? '', sources, evidence, tiers, createdAt, principals, rules, legalHolds };
}

/**
 * The longest a kind stays on file at any tier of the policy (optionally only
 * the copies `principal` may read directly), as a number of days capped by
 * `operatingDays`. Legal holds are not included (they are transient).
 *
 * @param policy - a resolved policy
 * @param kind - the kind of data
 * @param operatingDays - how long the system has run (bounds `'forever'`)
 * @param reader - when given, only copies this principal reads directly
 * @returns days (0 when the kind is never kept)
 */
export function longestKept(policy: RetentionPolicy, kind: DataKind, operatingDays: number, reader?: string): number {
  let best = 0;
  const k = DATA_KINDS.indexOf(kind);
  for (let t = 0; t < RETENTION_TIERS.length; t++) {
    const rule = policy.rules[t * DATA_KINDS.length + k];
    if (!rule.present || !rule.tierExists) continue;
    if (reader !== undefined && !rule.readers.includes(reader)) continue;
    const d = effectiveDays(rule.days, operatingDays);
    if (d > best) best = d;
  }
  return best;
}
