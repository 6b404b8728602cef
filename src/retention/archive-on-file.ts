/**
 * Retroactive identification: of what the cameras captured during an event
 * (a gathering, a march), how much is still on file some days later — under
 * the policy's own retention, or because a legal hold keeps it.
 *
 * The result is a per-camera probability that a capture made during the
 * event is still on file, to pass as `availability` to the exposure layer's
 * crowd model (its archive figures then count only what can still be
 * searched).
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject, checkOptions, optionKeys } from '../core/internal.js';
import { readerReach, requireRetentionPolicy } from './access-graph.js';
import { requireReader } from './history.js';
import { camerasInHold } from './hold-area.js';
import { effectiveDays, longestKept, type DataKind, type RetentionPolicy } from './policy.js';

/**
 * Kinds an archive can be searched in anew for a capture made during an
 * event: recorded video and face templates (a new probe can be matched
 * against them) for faces; video and plate reads for plates. Match events
 * (`sightings`) and alerts are not searchable archives: they record the
 * identifications made live, which the crowd model counts as its live figures.
 */
export const ARCHIVE_SEARCH_KINDS: Readonly<Record<'face' | 'plate', readonly DataKind[]>> = {
  face: ['video', 'faceTemplates'],
  plate: ['video', 'plateReads'],
};

/** Options of {@link archiveOnFile}. */
export interface ArchiveOnFileOptions {
  /** Camera positions, local metres (a CameraSet fits). */
  cameras: { readonly x: Float64Array; readonly y: Float64Array };
  /** Start of the event, days on the timeline (holds' `from` / `to` use the same timeline). */
  start: number;
  /** Length of the event, days (> 0; e.g. 3 hours = 0.125). Captures are spread evenly over it. */
  durationDays: number;
  /** Days after the event ends at which the archive is searched (≥ 0). */
  daysAfter: number;
  /** How long the system has run, days (> 0; bounds `'forever'`). */
  operatingDays: number;
  /** Identification channel searched (default `face`). */
  channel?: 'face' | 'plate';
  /** Only copies (and holds) this principal can read, directly or through `via` chains (default: anyone's). */
  reader?: string;
}

/** Defaults of {@link archiveOnFile}. Without `reader`, copies anyone can read count. */
export const ARCHIVE_ON_FILE_DEFAULTS = {
  /** Faces: the result feeds the crowd model, whose people at a gathering or march are identified by face (`'plate'` for vehicles). */
  channel: 'face' as 'face' | 'plate',
} as const;

/** The options archiveOnFile knows (its unknown options are refused). */
const ARCHIVE_ON_FILE_OPTION_KEYS = optionKeys<ArchiveOnFileOptions>()(ARCHIVE_ON_FILE_DEFAULTS, ['cameras', 'start', 'durationDays', 'daysAfter', 'operatingDays', 'reader']);

/** Result of {@link archiveOnFile}. */
export interface ArchiveOnFile {
  /** Per camera: the share of its event captures still on file (0, 1, or the held share of the event). */
  onFile: Float64Array;
  /** True when the policy alone still keeps every capture of the event (every camera then 1). */
  byPolicy: boolean;
  /** Share of the event's captures the policy alone still keeps (the young end of a long event). */
  policyShare: number;
  /** Days the policy keeps a searchable kind of the channel (longest, capped by operatingDays). */
  policyDays: number;
  /** Cameras for which legal holds keep more of the event than the policy alone. */
  heldCameras: number;
  /** Per hold: cameras in its area, the share of the event its window covers, and whether it still keeps a searchable part for the reader. */
  holds: { id: string; cameras: number; windowShare: number; keepsLongEnough: boolean }[];
  params: { policy: string; start: number; durationDays: number; daysAfter: number; operatingDays: number; channel: 'face' | 'plate'; reader: string | null };
}

const ORIGIN = 'archiveOnFile';

/** Length of the union of intervals [lo[i], hi[i]) (empty ones skipped); sorts in place by start. */
function unionLength(iv: [number, number][]): number {
  iv.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curLo = -Infinity;
  let curHi = -Infinity;
  for (const [lo, hi] of iv) {
    if (!(hi > lo)) continue;
    if (lo > curHi) {
      if (curHi > curLo) total += curHi - curLo;
      curLo = lo;
      curHi = hi;
    } else if (hi > curHi) {
      curHi = hi;
    }
  }
  if (curHi > curLo) total += curHi - curLo;
  return total;
}

/**
 * For each camera, the share of what it captured during an event (captures
 * spread evenly over [start, start + durationDays)) that can still be searched
 * `daysAfter` days after the event ends, at now = start + durationDays +
 * daysAfter. A capture at t is on file when the policy keeps a searchable kind
 * of the channel ({@link ARCHIVE_SEARCH_KINDS}: video or face templates for
 * faces) for longer than its age now − t, or when a legal hold whose area
 * holds the camera caught it (t in [from, to)), holds a searchable kind and
 * keeps it longer than its age. The share is the length of the union of those
 * times over the event's length, so overlapping holds are not counted twice and
 * the early part of a long event expires first.
 *
 * @param policy - a resolved policy (with its legal holds)
 * @param options - cameras, start, durationDays, daysAfter, operatingDays, channel, reader (via chains included);
 *   defaults: {@link ARCHIVE_ON_FILE_DEFAULTS}
 * @returns an {@link ArchiveOnFile}
 * @throws {InvalidInputError} bad days, mismatched camera columns, an unknown reader, an unknown option
 * @example
 * const a = archiveOnFile(policy, { cameras, start: 0, durationDays: 0.125, daysAfter: 120, operatingDays: 3650 });
 * crowdExposure(cameras, crowd, { availability: a.onFile }).archive.identified;
 * @remarks O(cameras · holds + cameras in hold boxes · ring vertices).
 */
export function archiveOnFile(policy: RetentionPolicy, options: ArchiveOnFileOptions): ArchiveOnFile {
  checkOptions('archiveOnFile', options, ARCHIVE_ON_FILE_OPTION_KEYS);
  requireRetentionPolicy(ORIGIN, policy);
  const o = requireObject(ORIGIN, 'options', options);
  const cams = requireObject(ORIGIN, 'options.cameras', o.cameras) as unknown as ArchiveOnFileOptions['cameras'];
  if (!(cams.x instanceof Float64Array) || !(cams.y instanceof Float64Array) || cams.x.length !== cams.y.length) {
    throw new InvalidInputError(ORIGIN, 'options.cameras', 'must have x and y Float64Arrays of the same length', o.cameras);
  }
  const num = (field: string, min: number, strict: boolean): number => {
    const v = o[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || (strict ? v <= min : v < min)) {
      throw new InvalidInputError(ORIGIN, `options.${field}`, `must be a finite number ${strict ? '>' : '>='} ${min}`, v);
    }
    return v;
  };
  const start = num('start', -Infinity, false);
  const durationDays = num('durationDays', 0, true);
  const daysAfter = num('daysAfter', 0, false);
  const operatingDays = num('operatingDays', 0, true);
  const channel = o.channel === undefined ? ARCHIVE_ON_FILE_DEFAULTS.channel : o.channel;
  if (channel !== 'face' && channel !== 'plate') throw new InvalidInputError(ORIGIN, 'options.channel', 'must be "face" or "plate"', channel);
  const reader = requireReader(ORIGIN, policy, o.reader);
  const kinds = ARCHIVE_SEARCH_KINDS[channel];
  const reach = reader === undefined ? null : readerReach(policy, reader, operatingDays);

  let policyDays = 0;
  for (const k of kinds) policyDays = Math.max(policyDays, reach === null ? longestKept(policy, k, operatingDays) : reach.days[k]);
  const end = start + durationDays;
  const now = end + daysAfter;
  // Kept by the policy: captures younger than policyDays, t > now − policyDays.
  const policyInterval: [number, number] = [Math.max(start, now - policyDays), end];
  const policyShare = Math.min(1, Math.max(0, policyInterval[1] - policyInterval[0]) / durationDays);
  const byPolicy = policyShare >= 1;
  const n = cams.x.length;
  const onFile = new Float64Array(n).fill(policyShare);
  const holds: ArchiveOnFile['holds'] = [];
  const extra: ([number, number][] | undefined)[] = new Array(n);
  for (const h of policy.legalHolds) {
    const windowShare = Math.min(1, Math.max(0, Math.min(end, h.to) - Math.max(start, h.from)) / durationDays);
    const readKinds = reach === null ? new Set(h.kinds) : reach.holdKinds.get(h.id) ?? new Set<DataKind>();
    const searchable = kinds.some((k) => readKinds.has(k) && h.kinds.includes(k));
    const keep = effectiveDays(h.keepDays, operatingDays);
    const held: [number, number] = [Math.max(start, h.from, now - keep), Math.min(end, h.to)];
    const keepsLongEnough = searchable && held[1] > held[0];
    const inArea = camerasInHold(h, cams.x, cams.y);
    let count = 0;
    for (let i = 0; i < n; i++) count += inArea[i];
    holds.push({ id: h.id, cameras: count, windowShare, keepsLongEnough });
    if (byPolicy || !keepsLongEnough) continue;
    for (let i = 0; i < n; i++) if (inArea[i] === 1) (extra[i] ??= []).push(held);
  }
  let heldCameras = 0;
  for (let i = 0; i < n; i++) {
    const iv = extra[i];
    if (iv === undefined) continue;
    // Clamped: lengths over durationDays can round to just above 1.
    const share = Math.min(1, unionLength([policyInterval, ...iv]) / durationDays);
    if (share > onFile[i]) {
      onFile[i] = share;
      heldCameras++;
    }
  }
  return {
    onFile,
    byPolicy,
    policyShare,
    policyDays,
    heldCameras,
    holds,
    params: { policy: policy.name, start, durationDays, daysAfter, operatingDays, channel, reader: reader ?? null },
  };
}
