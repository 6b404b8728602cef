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
import { InvalidInputError } from '../core/errors.js';
import { requireObject } from '../core/validate.js';
import { requireRetentionPolicy } from './access-graph.js';
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
  /** Days after the event at which the archive is searched (≥ 0). */
  daysAfter: number;
  /** How long the system has run, days (> 0; bounds `'forever'`). */
  operatingDays: number;
  /** Identification channel searched (default `face`). */
  channel?: 'face' | 'plate';
  /** Only copies (and holds) this principal reads directly (default: anyone's). */
  reader?: string;
}

/** Result of {@link archiveOnFile}. */
export interface ArchiveOnFile {
  /** Per camera: the share of its event captures still on file (0, 1, or the held share of the event). */
  onFile: Float64Array;
  /** True when the policy alone still keeps a searchable kind `daysAfter` days later (every camera then 1). */
  byPolicy: boolean;
  /** Days the policy keeps a searchable kind of the channel (longest, capped by operatingDays). */
  policyDays: number;
  /** Cameras with some of the event held by a legal hold (and not kept by the policy). */
  heldCameras: number;
  /** Per hold: cameras in its area and the share of the event its window covers. */
  holds: { id: string; cameras: number; windowShare: number; keepsLongEnough: boolean }[];
  params: { policy: string; start: number; durationDays: number; daysAfter: number; operatingDays: number; channel: 'face' | 'plate'; reader: string | null };
}

const ORIGIN = 'archiveOnFile';

/**
 * For each camera, the share of what it captured during an event that is
 * still on file `daysAfter` days after the event: 1 when the policy keeps a
 * searchable kind of the channel ({@link ARCHIVE_SEARCH_KINDS}: video or face
 * templates for faces) longer than `daysAfter`;
 * otherwise the share of the event inside the window of a legal hold whose
 * area holds the camera, which holds a searchable kind of the channel and keeps it
 * longer than `daysAfter` (the largest share over such holds).
 *
 * Ages are counted from the event: an event of hours looked at days later
 * (the gathering's own length is ignored in the age, not in the hold window).
 *
 * @param policy - a resolved policy (with its legal holds)
 * @param options - cameras, start, durationDays, daysAfter, operatingDays, channel, reader
 * @returns an {@link ArchiveOnFile}
 * @throws {InvalidInputError} bad days, mismatched camera columns, an unknown reader
 * @example
 * const a = archiveOnFile(policy, { cameras, start: 0, durationDays: 0.125, daysAfter: 120, operatingDays: 3650 });
 * crowdExposure(cameras, crowd, { availability: a.onFile }).archive.identified;
 * @remarks O(cameras · holds + cameras in hold boxes · ring vertices).
 */
export function archiveOnFile(policy: RetentionPolicy, options: ArchiveOnFileOptions): ArchiveOnFile {
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
  const channel = o.channel === undefined ? 'face' : o.channel;
  if (channel !== 'face' && channel !== 'plate') throw new InvalidInputError(ORIGIN, 'options.channel', 'must be "face" or "plate"', channel);
  const reader = requireReader(ORIGIN, policy, o.reader);
  const kinds = ARCHIVE_SEARCH_KINDS[channel];

  let policyDays = 0;
  for (const k of kinds) policyDays = Math.max(policyDays, longestKept(policy, k, operatingDays, reader));
  const n = cams.x.length;
  const onFile = new Float64Array(n);
  const byPolicy = policyDays > daysAfter;
  const holds: ArchiveOnFile['holds'] = [];
  if (byPolicy) onFile.fill(1);
  const end = start + durationDays;
  for (const h of policy.legalHolds) {
    // Clamped: (end − start) / durationDays can round to just above 1.
    const windowShare = Math.min(1, Math.max(0, Math.min(end, h.to) - Math.max(start, h.from)) / durationDays);
    const keepsLongEnough = effectiveDays(h.keepDays, operatingDays) > daysAfter && h.kinds.some((k) => kinds.includes(k)) && (reader === undefined || h.readers.includes(reader));
    const inArea = camerasInHold(h, cams.x, cams.y);
    let count = 0;
    for (let i = 0; i < n; i++) count += inArea[i];
    holds.push({ id: h.id, cameras: count, windowShare, keepsLongEnough });
    if (byPolicy || !keepsLongEnough || windowShare === 0) continue;
    for (let i = 0; i < n; i++) if (inArea[i] === 1 && windowShare > onFile[i]) onFile[i] = windowShare;
  }
  let heldCameras = 0;
  if (!byPolicy) for (let i = 0; i < n; i++) if (onFile[i] > 0) heldCameras++;
  return {
    onFile,
    byPolicy,
    policyDays,
    heldCameras,
    holds,
    params: { policy: policy.name, start, durationDays, daysAfter, operatingDays, channel, reader: reader ?? null },
  };
}
