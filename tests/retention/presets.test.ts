import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.js';
import { createRetentionPolicy, DATA_KINDS, longestKept, RETENTION_TIERS, retentionRule } from '../../src/retention/policy.js';
import { RETENTION_PRESET_NAMES, RETENTION_PRESETS, retentionPreset } from '../../src/retention/presets.js';

describe('retention presets', () => {
  it('are all valid policies with sources, named as their key', () => {
    expect(RETENTION_PRESET_NAMES).toEqual(['nypd-das', 'met-lfr', 'flock', 'kazakhstan-90d', 'keep-everything', 'almaty-assumed']);
    for (const name of RETENTION_PRESET_NAMES) {
      const p = retentionPreset(name);
      expect(p.name).toBe(name);
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.description.length).toBeGreaterThan(0);
      expect(p).toEqual(createRetentionPolicy(RETENTION_PRESETS[name]));
      // presets are JSON (a scenario file can hold one)
      expect(JSON.parse(JSON.stringify(RETENTION_PRESETS[name]))).toEqual(RETENTION_PRESETS[name]);
    }
  });

  it('nypd-das: video 30 days, plate reads 5 years, read by the police', () => {
    const p = retentionPreset('nypd-das');
    expect(longestKept(p, 'video', 1e5)).toBe(30);
    expect(longestKept(p, 'plateReads', 1e5)).toBe(1825);
    expect(longestKept(p, 'plateReads', 1e5, 'police')).toBe(1825);
    expect(longestKept(p, 'faceTemplates', 1e5)).toBe(0);
    expect(longestKept(p, 'sightings', 1e5)).toBe(0);
    expect(longestKept(p, 'video', 1e5, 'vendor')).toBe(0);
  });

  it('met-lfr: templates deleted at once, matches (alerts) 30 days, no match events for others, no video', () => {
    const p = retentionPreset('met-lfr');
    expect(retentionRule(p, 'city', 'faceTemplates')).toMatchObject({ present: true, days: 0 });
    expect(longestKept(p, 'faceTemplates', 1e5)).toBe(0);
    expect(longestKept(p, 'sightings', 1e5)).toBe(0);
    expect(longestKept(p, 'alerts', 1e5)).toBe(30);
    expect(longestKept(p, 'video', 1e5)).toBe(0);
    expect(p.sources.join(' ')).toContain('31 days'); // the footage figure the preset leaves out is cited
  });

  it('flock: plate reads 30 days, read by the agency and the vendor', () => {
    const p = retentionPreset('flock');
    expect(longestKept(p, 'plateReads', 1e5)).toBe(30);
    expect(retentionRule(p, 'city', 'plateReads').readers).toEqual(['police', 'vendor']);
    expect(longestKept(p, 'video', 1e5)).toBe(0);
    expect(longestKept(p, 'faceTemplates', 1e5)).toBe(0);
  });

  it('kazakhstan-90d: video 90 days at the city centre; its source is a regional statement, and says so', () => {
    const p = retentionPreset('kazakhstan-90d');
    expect(retentionRule(p, 'city', 'video').days).toBe(90);
    expect(retentionRule(p, 'camera', 'video').copyTo).toEqual(['city']);
    // The rule rests on one regional police statement, and says so.
    expect(p.sources.join(' ')).toMatch(/Kazakhstanskaya Pravda.*regional statement; no national rule found/);
  });

  it('keep-everything: every kind forever at every tier, read by every built-in principal', () => {
    const p = retentionPreset('keep-everything');
    for (const t of RETENTION_TIERS) {
      for (const k of DATA_KINDS) {
        const r = retentionRule(p, t, k);
        expect(r.present).toBe(true);
        expect(r.days).toBe('forever');
        expect(r.readers).toEqual(['police', 'prosecutors', 'vendor', 'biometric-platform', 'banks', 'telecoms']);
      }
    }
    expect(longestKept(p, 'sightings', 777)).toBe(777);
  });

  it('almaty-assumed: 90-day video plus templates and match events at the city and national tiers, labelled an assumption', () => {
    const p = retentionPreset('almaty-assumed');
    expect(p.description).toMatch(/ASSUMPTION/);
    expect(retentionRule(p, 'city', 'video').days).toBe(90);
    for (const k of ['faceTemplates', 'sightings'] as const) {
      for (const t of ['city', 'national'] as const) {
        const r = retentionRule(p, t, k);
        expect(r.present).toBe(true);
        expect(r.readers).toEqual(['police', 'prosecutors', 'vendor', 'biometric-platform']);
      }
    }
    expect(longestKept(p, 'faceTemplates', 1e5)).toBe(365);
    expect(longestKept(p, 'faceTemplates', 1e5, 'biometric-platform')).toBe(365);
  });

  it('throws NotFoundError for an unknown name, listing the names', () => {
    let err: unknown;
    try {
      retentionPreset('gdpr' as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe('retentionPreset: name "gdpr" is not a retention preset (nypd-das, met-lfr, flock, kazakhstan-90d, keep-everything, almaty-assumed)');
    expect(() => retentionPreset('toString' as never)).toThrow(NotFoundError);
    expect(() => retentionPreset(undefined as never)).toThrow(NotFoundError);
  });
});
