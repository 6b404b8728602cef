/**
 * Single points of failure: for every node (and link), what its loss alone
 * cuts off — cameras and live cameras whose node loses every working path to
 * a centre, and the live share after the failure (analytics re-allocated).
 *
 * Exact: the failure of each element is evaluated with the routing kernel of
 * `routing.ts`, so redundant links (a DAG) are honoured: a node whose traffic
 * can re-route is not cut off. Two shortcuts keep it fast, both exact:
 * - a node or link that no node's route passes through (no route child, not
 *   any node's `nextLink`) changes no other route, so only its own cameras
 *   (a node) or nothing (a link) are cut: the allocation is re-run on the
 *   baseline routes without it (O(nodes));
 * - every other element gets a fresh routing (O(nodes + links)).
 * The area each failure would take out of coverage is in the coverage layer
 * (`rankSinglePointsOfFailureByArea` in coverage/spof-coverage.ts).
 */
import { InvalidInputError } from '../core/index.js';
import { centreFlags, NODE_KINDS, type CommandNetwork, type NetworkProvenance, type NodeKind } from './command-network.js';
import { checkNetwork, resolveLiveOptions, type FaultLiveOptions } from './faults-scenario.js';
import {
  allocateAnalytics,
  analyticsDemandColumn,
  createAllocationScratch,
  createRouting,
  routeToCentres,
  type AnalyticsDemand,
  type LiveCounts,
} from './routing.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Options of {@link rankSinglePointsOfFailure}. */
export interface SpofOptions extends FaultLiveOptions {
  /** Also evaluate every link's failure (default true). */
  includeLinks?: boolean;
  /** Rows in `top` (integer ≥ 0; default 20). */
  top?: number;
}

/** Defaults of {@link rankSinglePointsOfFailure}. */
export const SPOF_DEFAULTS = {
  includeLinks: true,
  top: 20,
} as const;

/** The options rankSinglePointsOfFailure knows (its unknown options are refused). */
export const RANK_SINGLE_POINTS_OF_FAILURE_OPTION_KEYS = optionKeys<SpofOptions>()(SPOF_DEFAULTS, ['centreKinds', 'analyticsDemand']);

/** Per-element effect of failing it alone (arrays indexed by node or link index). */
export interface SpofTable {
  /** Cameras whose node loses its route (its own node's cameras included, for a node). */
  camerasCut: Uint32Array;
  /** Live cameras among them. */
  liveCut: Uint32Array;
  /** Baseline liveServed minus liveServed after the failure (≥ 0). */
  liveServedLost: Float64Array;
  /** Live share after the failure. */
  liveShareAfter: Float64Array;
  /** Nodes cut off by element i (reached before, unreached after): cutNodes[cutStart[i] … cutStart[i+1]−1], ascending. */
  cutStart: Uint32Array;
  cutNodes: Uint32Array;
  /** Element indices, most cameras cut first (then most live cut, then lowest index). */
  ranked: Uint32Array;
}

/** One row of the top of the node ranking. */
export interface SpofRow {
  node: number;
  key: string;
  kind: NodeKind;
  camerasCut: number;
  liveCut: number;
  liveServedLost: number;
  liveShareAfter: number;
}

/** Result of {@link rankSinglePointsOfFailure} (plain data). */
export interface SinglePointsOfFailure {
  params: { centreKinds: NodeKind[]; analyticsDemand: AnalyticsDemand; includeLinks: boolean; top: number; network: NetworkProvenance };
  /** Live counts with everything up. */
  baseline: LiveCounts;
  nodes: SpofTable;
  /** Null unless `includeLinks`. */
  links: SpofTable | null;
  /** The first `top` nodes of the ranking, as rows. */
  top: SpofRow[];
}

/**
 * Ranks every node (and link) by how many cameras its failure alone cuts off
 * from live streaming.
 *
 * Failure semantics (see `faults-scenario.ts`): a failed node or link breaks
 * live paths only; the cameras keep recording locally. A cut-off live camera
 * loses live streaming and face recognition; `liveShareAfter` also counts the
 * analytics slots the failure frees for other nodes.
 *
 * @param network - the network
 * @param options - centreKinds (default city-centre), analyticsDemand (`face`),
 *   includeLinks (true), top (20)
 * @returns per-node (and per-link) tables, their rankings and the top rows
 * @throws {InvalidInputError} on a bad network or option
 * @example
 * const spof = rankSinglePointsOfFailure(net);
 * spof.top[0] // { key: 'centre-0', camerasCut: 128000, … }
 *
 * Complexity: O(E · (nodes + links)) for the E elements some route passes
 * through, O(nodes) for each other element (for a tree: the nodes with
 * children), plus sorting.
 */
export function rankSinglePointsOfFailure(network: CommandNetwork, options: SpofOptions = {}): SinglePointsOfFailure {
  checkOptions('rankSinglePointsOfFailure', options, RANK_SINGLE_POINTS_OF_FAILURE_OPTION_KEYS);
  const origin = 'rankSinglePointsOfFailure';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const live = resolveLiveOptions(origin, options);
  const includeLinks = options.includeLinks ?? SPOF_DEFAULTS.includeLinks;
  if (typeof includeLinks !== 'boolean') throw new InvalidInputError(origin, 'options.includeLinks', 'must be a boolean', includeLinks);
  const top = options.top ?? SPOF_DEFAULTS.top;
  if (!Number.isInteger(top) || top < 0) throw new InvalidInputError(origin, 'options.top', 'must be an integer >= 0', top);

  const N = network.numNodes;
  const L = network.numLinks;
  const centres = centreFlags(network, live.centreKinds);
  const demand = analyticsDemandColumn(network, live.analyticsDemand);
  const base = routeToCentres(network, centres, null, null, createRouting(network));
  const scratch = createAllocationScratch(network);
  const baseline = allocateAnalytics(network, base, demand, scratch);
  const work = createRouting(network);
  // Which nodes and links carry someone else's route.
  const routeChild = new Uint8Array(N);
  const linkUsed = new Uint8Array(L);
  for (let u = 0; u < N; u++) {
    const l = base.nextLink[u];
    if (l >= 0) {
      linkUsed[l] = 1;
      routeChild[network.linkTarget[l]] = 1;
    }
  }
  const nodeUp = new Uint8Array(N).fill(1);
  const linkUp = new Uint8Array(L).fill(1);
  const cams = network.nodeCameras;
  const liveCams = network.nodeLiveCameras;

  const table = (count: number, isNode: boolean): SpofTable => {
    const camerasCut = new Uint32Array(count);
    const liveCut = new Uint32Array(count);
    const liveServedLost = new Float64Array(count);
    const liveShareAfter = new Float64Array(count);
    const cutStart = new Uint32Array(count + 1);
    const cut: number[] = [];
    for (let i = 0; i < count; i++) {
      cutStart[i] = cut.length;
      let after: LiveCounts;
      const fast = isNode ? routeChild[i] === 0 : linkUsed[i] === 0;
      if (fast) {
        if (isNode && base.hops[i] >= 0) {
          // Only node i itself drops out; every other route is unchanged.
          work.centre.set(base.centre);
          work.centre[i] = -1;
          after = allocateAnalytics(network, work, demand, scratch);
          cut.push(i);
          camerasCut[i] = cams[i];
          liveCut[i] = liveCams[i];
        } else {
          after = baseline;
        }
      } else {
        if (isNode) nodeUp[i] = 0;
        else linkUp[i] = 0;
        routeToCentres(network, centres, nodeUp, linkUp, work);
        if (isNode) nodeUp[i] = 1;
        else linkUp[i] = 1;
        after = allocateAnalytics(network, work, demand, scratch);
        let c = 0;
        let lc = 0;
        for (let v = 0; v < N; v++) {
          if (base.hops[v] >= 0 && work.hops[v] < 0) {
            cut.push(v);
            c += cams[v];
            lc += liveCams[v];
          }
        }
        camerasCut[i] = c;
        liveCut[i] = lc;
      }
      liveServedLost[i] = baseline.liveServed - after.liveServed;
      liveShareAfter[i] = after.liveShare;
    }
    cutStart[count] = cut.length;
    const order = Array.from({ length: count }, (_, i) => i);
    order.sort((a, b) => camerasCut[b] - camerasCut[a] || liveCut[b] - liveCut[a] || a - b);
    return { camerasCut, liveCut, liveServedLost, liveShareAfter, cutStart, cutNodes: Uint32Array.from(cut), ranked: Uint32Array.from(order) };
  };

  const nodes = table(N, true);
  const links = includeLinks ? table(L, false) : null;
  const rows: SpofRow[] = [];
  for (let k = 0; k < Math.min(top, N); k++) {
    const v = nodes.ranked[k];
    rows.push({
      node: v,
      key: network.nodeKeys[v],
      kind: NODE_KINDS[network.nodeKind[v]],
      camerasCut: nodes.camerasCut[v],
      liveCut: nodes.liveCut[v],
      liveServedLost: nodes.liveServedLost[v],
      liveShareAfter: nodes.liveShareAfter[v],
    });
  }
  return {
    params: { centreKinds: live.centreKinds, analyticsDemand: live.analyticsDemand, includeLinks, top, network: network.provenance },
    baseline,
    nodes,
    links,
    top: rows,
  };
}
