import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createCommandNetwork, createNetworkGraph } from '../../src/network/command-network.js';
import { createFaultScenario, evaluateFaultScenario } from '../../src/network/faults-scenario.js';
import { rankSinglePointsOfFailure } from '../../src/network/spof.js';
import { cams, link, node, randomNetwork } from './faults-helpers.js';

describe('rankSinglePointsOfFailure', () => {
  // C (centre, 1 face slot) <- H (hub) <- A, B (aggregation); D -> H and D -> C (redundant).
  // Cameras: A: 3 (2 live, 1 of them face); B: 2 (1 live face); D: 1 live.
  // By hand:
  //   C fails: everything cut (6 cameras, 4 live).
  //   H fails: A and B cut (5 cameras, 3 live); D re-routes over D->C, nothing else.
  //   A fails: its own 3 cameras (2 live). The face slot A held goes to B's face camera (next in node order):
  //     live served before = 4 live − 1 shortfall (B's face camera) = 3; after = 2 (B 1, D 1), lost 1 (not 2).
  //   B fails: its 2 cameras (1 live) — but that live face camera got no slot, so live served is unchanged (lost 0).
  //   D fails: 1 camera. Link D->C fails: D re-routes via H: nothing cut.
  function build() {
    const g = createNetworkGraph();
    g.addNode('C', node('city-centre', 1, 1));
    g.addNode('H', node('district-hub'));
    g.addNode('A', node('aggregation'));
    g.addNode('B', node('aggregation'));
    g.addNode('D', node('aggregation'));
    g.addEdgeWithKey('H->C', 'H', 'C', link());
    g.addEdgeWithKey('A->H', 'A', 'H', link());
    g.addEdgeWithKey('B->H', 'B', 'H', link());
    g.addEdgeWithKey('D->H', 'D', 'H', link());
    g.addEdgeWithKey('D->C', 'D', 'C', link());
    const c = cams([{ live: true, face: true }, { live: true }, { live: false }, { live: true, face: true }, { live: false }, { live: true }]);
    return createCommandNetwork(g, c, { cameraNode: ['A', 'A', 'A', 'B', 'B', 'D'], cameraMbps: [1, 1, 1, 1, 1, 1] });
  }

  it('counts what each node and link cuts off, by hand', () => {
    const net = build();
    const r = rankSinglePointsOfFailure(net);
    expect(Array.from(r.nodes.camerasCut)).toEqual([6, 5, 3, 2, 1]);
    expect(Array.from(r.nodes.liveCut)).toEqual([4, 3, 2, 1, 1]);
    expect(r.baseline.liveServed).toBe(3);
    expect(Array.from(r.nodes.liveServedLost)).toEqual([3, 2, 1, 0, 1]);
    expect(Array.from(r.nodes.ranked)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(r.nodes.cutNodes.subarray(r.nodes.cutStart[1], r.nodes.cutStart[2]))).toEqual([1, 2, 3]);
    const L = (k: string) => net.linkKeys.indexOf(k);
    expect(r.links!.camerasCut[L('D->C')]).toBe(0);
    expect(r.links!.camerasCut[L('H->C')]).toBe(5);
    expect(r.links!.camerasCut[L('A->H')]).toBe(3);
    expect(r.top[0]).toMatchObject({ key: 'C', kind: 'city-centre', camerasCut: 6, liveShareAfter: 0 });
  });

  it('agrees with evaluating each single failure as a scenario on random networks', () => {
    for (const seed of [1, 2, 3, 5, 8]) {
      const net = randomNetwork(seed, 7, 2);
      const r = rankSinglePointsOfFailure(net);
      const all = evaluateFaultScenario(net, createFaultScenario(net));
      for (let v = 0; v < net.numNodes; v++) {
        const e = evaluateFaultScenario(net, createFaultScenario(net, { nodesDown: [v] }));
        // Cameras cut = reached before − reached after (v's cameras are up but cut off).
        expect(r.nodes.camerasCut[v]).toBe(all.live.camerasReached - e.live.camerasReached);
        expect(r.nodes.liveCut[v]).toBe(all.live.liveReached - e.live.liveReached);
        expect(r.nodes.liveShareAfter[v]).toBe(e.live.liveShare);
      }
      for (let l = 0; l < net.numLinks; l++) {
        const e = evaluateFaultScenario(net, createFaultScenario(net, { linksDown: [l] }));
        expect(r.links!.camerasCut[l]).toBe(all.live.camerasReached - e.live.camerasReached);
        expect(r.links!.liveServedLost[l]).toBe(all.live.liveServed - e.live.liveServed);
      }
    }
  });

  it('throws typed errors for bad options', () => {
    const net = build();
    expect(() => rankSinglePointsOfFailure(net, { top: -1 })).toThrow(/options\.top/);
    expect(() => rankSinglePointsOfFailure(net, { includeLinks: 'yes' as never })).toThrow(InvalidInputError);
    expect(() => rankSinglePointsOfFailure(net, { centreKinds: [] })).toThrow(/centreKinds/);
    expect(() => rankSinglePointsOfFailure(undefined as never)).toThrow(/network/);
    expect(rankSinglePointsOfFailure(net, { includeLinks: false, top: 2 }).links).toBeNull();
  });
});
