/**
 * archiveOnFile: what of an event's captures is still on file days later,
 * by the policy or a legal hold. Hand-worked on three cameras.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { archiveOnFile } from '../../src/retention/archive-on-file.js';
import { createRetentionPolicy, type LegalHoldSpec } from '../../src/retention/policy.js';

// Cameras at x = 0, 50 and 500 m (y = 0); a held square [−100, −100, 100, 100] holds the first two.
const cameras = { x: Float64Array.from([0, 50, 500]), y: Float64Array.from([0, 0, 0]) };
const hold = (over: Partial<LegalHoldSpec> = {}): LegalHoldSpec => ({ id: 'square', area: [-100, -100, 100, 100], from: 0, to: 7, keepDays: 365, ...over });
const policy = (holds: LegalHoldSpec[], videoDays = 90) =>
  createRetentionPolicy({ name: `video ${videoDays}`, tiers: ['camera', 'city'], rules: { camera: { video: { days: videoDays, readers: ['police'] } } }, legalHolds: holds });
const base = { cameras, start: 0.5, durationDays: 0.125, operatingDays: 3650 };

describe('archiveOnFile', () => {
  it('keeps everything while the policy keeps video, whatever the holds', () => {
    const a = archiveOnFile(policy([]), { ...base, daysAfter: 30 });
    expect(a.byPolicy).toBe(true);
    expect([...a.onFile]).toEqual([1, 1, 1]);
    expect(a.policyDays).toBe(90);
  });

  it('keeps only the held cameras after the policy has deleted the rest', () => {
    const a = archiveOnFile(policy([hold()]), { ...base, daysAfter: 120 });
    expect(a.byPolicy).toBe(false);
    expect([...a.onFile]).toEqual([1, 1, 0]);
    expect(a.heldCameras).toBe(2);
    expect(a.holds).toEqual([{ id: 'square', cameras: 2, windowShare: 1, keepsLongEnough: true }]);
    // Without the hold nothing is left.
    expect([...archiveOnFile(policy([]), { ...base, daysAfter: 120 }).onFile]).toEqual([0, 0, 0]);
  });

  it('holds only the share of the event inside the hold window, and nothing once the hold has expired', () => {
    // Event 0.5 … 0.625; hold window from 0.5625: half the event.
    const half = archiveOnFile(policy([hold({ from: 0.5625 })]), { ...base, daysAfter: 120 });
    expect([...half.onFile]).toEqual([0.5, 0.5, 0]);
    const expired = archiveOnFile(policy([hold({ keepDays: 100 })]), { ...base, daysAfter: 120 });
    expect([...expired.onFile]).toEqual([0, 0, 0]);
    expect(expired.holds[0].keepsLongEnough).toBe(false);
  });

  it('searches video and templates, not match events: match events record the live identifications only', () => {
    const events = createRetentionPolicy({ name: 'match events 365 d', tiers: ['camera', 'city'], rules: { city: { sightings: { days: 365, readers: ['police'] } } } });
    const a = archiveOnFile(events, { ...base, daysAfter: 30 });
    expect(a.byPolicy).toBe(false);
    expect([...a.onFile]).toEqual([0, 0, 0]);
    const templates = createRetentionPolicy({ name: 'templates 365 d', tiers: ['camera', 'city'], rules: { city: { faceTemplates: { days: 365, readers: ['police'] } } } });
    expect([...archiveOnFile(templates, { ...base, daysAfter: 30 }).onFile]).toEqual([1, 1, 1]);
  });

  it('ignores holds of other kinds and, for a reader, holds that reader may not read', () => {
    expect([...archiveOnFile(policy([hold({ kinds: ['plateReads'] })]), { ...base, daysAfter: 120 }).onFile]).toEqual([0, 0, 0]);
    expect([...archiveOnFile(policy([hold({ readers: ['prosecutors'] })]), { ...base, daysAfter: 120, reader: 'police' }).onFile]).toEqual([0, 0, 0]);
    expect([...archiveOnFile(policy([hold({ readers: ['prosecutors'] })]), { ...base, daysAfter: 120, reader: 'prosecutors' }).onFile]).toEqual([1, 1, 0]);
  });

  it('counts overlapping holds once (the union of their windows), not the largest', () => {
    // Event [0, 1); holds [0, 0.5) and [0.25, 1): together they cover all of it.
    const p = policy([hold({ id: 'a', from: 0, to: 0.5 }), hold({ id: 'b', from: 0.25, to: 1 })]);
    const a = archiveOnFile(p, { ...base, start: 0, durationDays: 1, daysAfter: 120 });
    expect([...a.onFile]).toEqual([1, 1, 0]);
    // Only the first: half of it.
    expect([...archiveOnFile(policy([hold({ from: 0, to: 0.5 })]), { ...base, start: 0, durationDays: 1, daysAfter: 120 }).onFile]).toEqual([0.5, 0.5, 0]);
  });

  it('lets the early part of a long event expire first', () => {
    // A 10-day event [0, 10) searched 25 days after it ends (now = 35) under 30 days of video:
    // captures after day 5 are younger than 30 days: half of the event is left, on every camera.
    const a = archiveOnFile(policy([], 30), { ...base, start: 0, durationDays: 10, daysAfter: 25 });
    expect(a.byPolicy).toBe(false);
    expect(a.policyShare).toBeCloseTo(0.5, 12);
    expect([...a.onFile].map((x) => +x.toFixed(12))).toEqual([0.5, 0.5, 0.5]);
    // A hold on days [0, 3) kept a year adds its 3 days on the held cameras: 0.5 + 0.3.
    const h = archiveOnFile(policy([hold({ from: 0, to: 3 })], 30), { ...base, start: 0, durationDays: 10, daysAfter: 25 });
    expect([...h.onFile].map((x) => +x.toFixed(12))).toEqual([0.8, 0.8, 0.5]);
    expect(h.heldCameras).toBe(2);
  });

  it('follows via chains for a reader, as analyseAccess does', () => {
    // Templates kept a year at the city centre, read by the biometric platform; banks read templates through it.
    const p = createRetentionPolicy({ name: 't', tiers: ['camera', 'city'], rules: { city: { faceTemplates: { days: 365, readers: ['biometric-platform'] } } } });
    expect([...archiveOnFile(p, { ...base, daysAfter: 30, reader: 'banks' }).onFile]).toEqual([1, 1, 1]);
    expect([...archiveOnFile(p, { ...base, daysAfter: 30, reader: 'vendor' }).onFile]).toEqual([0, 0, 0]);
  });

  it('names the bad option', () => {
    const p = policy([]);
    expect(() => archiveOnFile(p, { ...base, daysAfter: -1 })).toThrow(InvalidInputError);
    expect(() => archiveOnFile(p, { ...base, daysAfter: -1 })).toThrow('archiveOnFile: options.daysAfter must be a finite number >= 0, got -1');
    expect(() => archiveOnFile(p, { ...base, durationDays: 0, daysAfter: 1 })).toThrow('options.durationDays must be a finite number > 0');
    expect(() => archiveOnFile(p, { ...base, daysAfter: 1, channel: 'iris' as never })).toThrow('options.channel');
    expect(() => archiveOnFile(p, { ...base, daysAfter: 1, reader: 'nobody' })).toThrow('reader');
    expect(() => archiveOnFile(p, { ...base, daysAfter: 1, cameras: { x: new Float64Array(2), y: new Float64Array(3) } })).toThrow('options.cameras');
    expect(() => archiveOnFile(p, { ...base, daysAfter: 1, chanel: 'plate' } as never)).toThrow('archiveOnFile: unknown option `chanel`; did you mean `channel`?');
  });
});
