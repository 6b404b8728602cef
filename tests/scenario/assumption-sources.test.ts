/**
 * The assumptions table a reader can check: no row cites a design note of
 * this project, every row marked `sourced` cites at least one bibliography
 * entry, and every cited id is in the bibliography. Checked on the runs that
 * produce every kind of row (the Almaty preset with network, exposure and
 * retention; the January 2022 damage; Astana with its older cameras).
 */
import { describe, expect, test } from 'vitest';
import { runScenario, scenarioPreset, SOURCES, RETENTION_PRESETS, RECOGNITION_PRESETS, type ScenarioResult } from '../../src/index.js';

const runs: Array<[string, () => Promise<ScenarioResult>]> = [
  ['almaty', () => runScenario(scenarioPreset('almaty', { numCameras: 1500, numResidents: 200, outageTrials: 20 }))],
  ['almaty-january-2022', () => runScenario(scenarioPreset('almaty-january-2022', { numCameras: 1500 }))],
  ['astana', () => runScenario(scenarioPreset('astana', { numCameras: 800, numResidents: 200, outageTrials: 20 }))],
];

describe('the assumptions table cites checkable sources', () => {
  for (const [name, run] of runs) {
    test(`${name}: no row cites DESIGN.md; sourced rows cite bibliography entries that exist`, async () => {
      const r = await run();
      expect(r.assumptions.length).toBeGreaterThan(10);
      for (const row of r.assumptions) {
        expect(`${row.topic}: ${row.source} ${row.value}`, row.topic).not.toMatch(/DESIGN|design note/i);
        for (const id of row.sources ?? []) expect(Object.keys(SOURCES), `${row.topic} cites ${id}`).toContain(id);
        if (row.kind === 'sourced') expect(row.sources?.length ?? 0, `${row.topic} is marked sourced`).toBeGreaterThan(0);
      }
      // The rows that rest on figures nobody could source are labelled assumptions.
      const byTopic = new Map(r.assumptions.map((a) => [a.topic, a]));
      for (const topic of ['Almaty cameras (full scale)', 'Face-recognition cameras', 'Almaty unified video-monitoring system', 'Mount height default', 'Tilt default', 'Recognition model']) {
        if (byTopic.has(topic)) expect(byTopic.get(topic)!.kind, topic).toBe('assumption');
      }
      // Every input of the storage and cost figures is a named row (the runs with a network and a retention policy).
      if (name === 'almaty') expect(r.metrics.retention?.policy.storage, 'the Almaty preset sizes retention storage').toBeTruthy();
      if (r.metrics.retention?.policy.storage) {
        for (const topic of ['Storage price', 'Copies kept per tier (replicas)', 'Record sizes']) expect(byTopic.get(topic)?.kind, topic).toBe('assumption');
        expect(byTopic.get('Storage price')!.value).toMatch(/^18\.63 USD per TB-month$/);
        expect(byTopic.get('Storage price')!.sources).toEqual(['gcs-pricing-2026']);
      }
    });
  }

  test('the built-in retention policies and recognition models cite no design note', () => {
    for (const p of Object.values(RETENTION_PRESETS)) for (const s of p.sources ?? []) expect(s, p.name).not.toMatch(/DESIGN/);
    for (const m of Object.values(RECOGNITION_PRESETS)) expect(m.source, m.name).not.toMatch(/DESIGN/);
  });
});
