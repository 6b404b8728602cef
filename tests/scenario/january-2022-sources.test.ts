/**
 * Issue 17: the `almaty-january-2022` preset places its damage where the
 * sources report it (Republic Square and the akimat), and the damage area's
 * assumptions row cites those sources, so the report lists them.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, scenarioPreset, ScenarioError } from '../../src/index.js';

const CITED = ['pledgetimes-2022-01-05', 'interfax-2022-01-05', 'zakon-2022-sagintaev'];

describe('almaty-january-2022: the damage area cites its sources', () => {
  it("the area's assumptions row lists the Pledge Times, Interfax and Zakon.kz entries", async () => {
    const r = await runScenario(scenarioPreset('almaty-january-2022', { numCameras: 1500 }));
    const row = r.assumptions.find((a) => a.topic === 'Damage area Republic Square and the akimat');
    expect(row).toBeDefined();
    expect(row!.sources).toEqual(CITED);
    expect(row!.kind).toBe('assumption');
  });

  it('a damage area citing an id that is not in the bibliography is refused', () => {
    const s = scenarioPreset('almaty-january-2022', { numCameras: 1500 }) as { analyses: { damage: { areas: { sources?: string[] }[] } } };
    s.analyses.damage.areas[0].sources = ['no-such-source'];
    expect(() => parseScenario(s)).toThrow(ScenarioError);
    expect(() => parseScenario(s)).toThrow(/analyses\.damage\.areas\[0\]\.sources\[0\]/);
  });
});
