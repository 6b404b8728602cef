import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import { applyTargetedDamage, JANUARY_2022_DAMAGE, simulateTargetedDamage } from '../../src/network/damage.js';
import { createRng } from '../../src/core/random.js';
import { evaluateFaultScenario } from '../../src/network/faults-scenario.js';
import { handNetwork, randomNetwork } from './faults-helpers.js';

describe('applyTargetedDamage', () => {
  it('destroys named units with their cameras, and named cameras (by hand)', () => {
    const net = handNetwork();
    // Unit B destroyed: B down, its cameras 2 and 3 dark; camera 0 destroyed too. Live left: camera 1 via A: 1/4.
    const s = applyTargetedDamage(net, { units: ['B'], cameras: [0] });
    expect(Array.from(s.nodeUp)).toEqual([1, 1, 1, 0]);
    expect(Array.from(s.cameraUp)).toEqual([0, 1, 0, 0]);
    expect(s.camerasDark).toBe(3);
    expect(s.damagedUnitKeys).toEqual(['B']);
    expect(Array.from(s.damagedCameras)).toEqual([0]);
    expect(evaluateFaultScenario(net, s).live.liveShare).toBe(0.25);
    // Without darkening: B down but its cameras still record.
    const k = applyTargetedDamage(net, { units: ['B'], darkenUnitCameras: false });
    expect(k.camerasDark).toBe(0);
    expect(k.nodeUp[3]).toBe(0);
  });

  it('draws random units and cameras without replacement, deterministically per seed', () => {
    const net = randomNetwork(4, 9);
    const a = applyTargetedDamage(net, { randomUnits: 3, randomCameras: 4, seed: 2022 });
    const b = applyTargetedDamage(net, { randomUnits: 3, randomCameras: 4, seed: 2022 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(new Set(a.damagedUnits).size).toBe(3);
    for (const v of a.damagedUnits) expect(net.nodeKind[v]).toBe(0); // aggregation points only
    expect(new Set(a.damagedCameras).size).toBe(4);
    // Random cameras come from cameras not already dark with their unit.
    for (const c of a.damagedCameras) expect(a.damagedUnits.includes(net.cameraNode[c])).toBe(false);
    let unitCams = 0;
    for (const v of a.damagedUnits) unitCams += net.nodeCameras[v];
    expect(a.camerasDark).toBe(unitCams + 4);
    expect(a.provenance.seed).toBe('2022');
    const c = applyTargetedDamage(net, { randomUnits: 3, randomCameras: 4, seed: 2023 });
    expect(JSON.stringify(c.damagedUnits) + JSON.stringify(c.damagedCameras)).not.toBe(JSON.stringify(a.damagedUnits) + JSON.stringify(a.damagedCameras));
    expect(JANUARY_2022_DAMAGE).toMatchObject({ units: 766, cameras: 493 });
  });

  it('throws typed errors naming the item', () => {
    const net = handNetwork();
    expect(() => applyTargetedDamage(net, { units: ['Z'] })).toThrow(NotFoundError);
    expect(() => applyTargetedDamage(net, { units: ['Z'] })).toThrow(/options\.units\[0\] "Z"/);
    expect(() => applyTargetedDamage(net, { cameras: [9] })).toThrow(/options\.cameras\[0\]/);
    expect(() => applyTargetedDamage(net, { randomUnits: 3 })).toThrow(/options\.randomUnits/); // only 2 aggregation points
    expect(() => applyTargetedDamage(net, { randomUnits: -1 })).toThrow(InvalidInputError);
    expect(() => applyTargetedDamage(net, { randomCameras: 5 })).toThrow(/options\.randomCameras/);
    expect(() => applyTargetedDamage(net, { unitKinds: ['cabinet' as never] })).toThrow(/unitKinds\[0\]/);
    expect(() => applyTargetedDamage(net, { darkenUnitCameras: 1 as never })).toThrow(/darkenUnitCameras/);
    expect(() => applyTargetedDamage(net, { seed: {} as never })).toThrow(/seed/);
  });

  it('repeats random damage as a distribution, each draw replayable', () => {
    const net = randomNetwork(6, 9);
    const opts = { randomUnits: 2, randomCameras: 3, trials: 50, seed: 'd' };
    const a = simulateTargetedDamage(net, opts);
    expect(JSON.stringify(simulateTargetedDamage(net, opts))).toBe(JSON.stringify(a));
    for (const t of [0, 17, 49]) {
      const s = applyTargetedDamage(net, { randomUnits: 2, randomCameras: 3, seed: createRng('d').stream(`damage/${t}`) });
      expect(evaluateFaultScenario(net, s).live.liveShare).toBe(a.trials!.liveShare[t]);
      expect(s.camerasDark).toBe(a.trials!.camerasDark[t]);
    }
    expect(a.liveShare.ci.low).toBeLessThanOrEqual(a.liveShare.mean);
    expect(a.params).toMatchObject({ trials: 50, seed: 'd', randomUnits: 2, randomCameras: 3 });
    // Named damage only: every trial is the same.
    const named = simulateTargetedDamage(handNetwork(), { units: ['B'], trials: 5 });
    expect(named.liveShare.sd).toBe(0);
    expect(named.liveShare.mean).toBe(0.5);
    expect(() => simulateTargetedDamage(net, { trials: 0 })).toThrow(/options\.trials/);
    expect(() => simulateTargetedDamage(net, { keepTrials: 'no' as never })).toThrow(/keepTrials/);
    expect(() => simulateTargetedDamage(net, { randomUnits: 99 })).toThrow(/randomUnits/);
  });
});
