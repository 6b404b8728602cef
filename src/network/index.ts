/**
 * Command network: nodes and links, streams, routing, capacity analysis, faults and damage, GeoJSON.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { analyseNetwork, ANALYSE_NETWORK_DEFAULTS } from './analyse-network.js';
export type { AnalyseNetworkOptions, StorageByKind, NetworkAnalysis } from './analyse-network.js';
export { kdGroups, buildHierarchicalNetwork, NETWORK_BUILD_DEFAULTS, NETWORK_BUILD_LIMITS } from './build-hierarchical.js';
export type { HierarchicalNetworkOptions } from './build-hierarchical.js';
export { createNetworkGraph, findUpstreamCycle, createCommandNetwork, assignCamerasToNodes, centreFlags, NODE_KINDS, NODE_AGGREGATION, NODE_DISTRICT_HUB, NODE_CITY_CENTRE, NODE_NATIONAL, LINK_KINDS, CREATE_NETWORK_DEFAULTS } from './command-network.js';
export type { NodeKind, LinkKind, NetworkNodeAttributes, NetworkLinkAttributes, NetworkGraph, NetworkProvenance, CommandNetwork, CreateNetworkOptions } from './command-network.js';
export { applyTargetedDamage, simulateTargetedDamage, JANUARY_2022_DAMAGE, TARGETED_DAMAGE_DEFAULTS } from './damage.js';
export type { TargetedDamageOptions, DamageScenario, DamageSimulationOptions, DamageSimulation, DamageArea, DamageAreaHits } from './damage.js';
export { createFaultScenario, evaluateFaultScenario, FAULT_LIVE_DEFAULTS } from './faults-scenario.js';
export type { FaultScenario, FaultScenarioInput, FaultLiveOptions, FaultEvaluation } from './faults-scenario.js';
export { simulateOutages, sampleOutageScenario, OUTAGE_SIMULATION_DEFAULTS } from './faults-simulate.js';
export type { OutageSimulationOptions, OutageTrials, OutageSimulation } from './faults-simulate.js';
export { summariseTrials, TRIAL_SUMMARY_DEFAULTS, CONFIDENCE_METHODS } from './faults-stats.js';
export type { ConfidenceMethod, TrialSummary, TrialSummaryOptions } from './faults-stats.js';
export { networkToGeoJSON, networkFromGeoJSON, NETWORK_GEOJSON_DEFAULTS } from './network-geojson.js';
export type { NetworkFeature, NetworkFeatureCollection, NetworkFromGeoJSONOptions, NetworkImport } from './network-geojson.js';
export { almatyNetworkOptions, astanaNetworkOptions, ALMATY_NETWORK_FACTS, ASTANA_LON_LAT } from './network-presets.js';
export { createRouting, routeToCentres, createAllocationScratch, analyticsDemandColumn, allocateAnalytics, routeTraffic, createDeliveryBuffers, deliverLiveStreams, ANALYTICS_DEMANDS } from './routing.js';
export type { NetworkRouting, AnalyticsDemand, LiveCounts, AllocationScratch, DeliveryBuffers } from './routing.js';
export { rankSinglePointsOfFailure, SPOF_DEFAULTS } from './spof.js';
export type { SpofOptions, SpofTable, SpofRow, SinglePointsOfFailure } from './spof.js';
export { streamBitrate, cameraBitrates, streamStorageTB, VIDEO_CODECS, CODEC_BITS_PER_PIXEL, STREAM_DEFAULTS } from './streams.js';
export type { VideoCodec, StreamOptions, ResolvedStreamOptions } from './streams.js';
export { simulateUptime, UPTIME_DEFAULTS, UPTIME_DURATION_BINS_HOURS } from './uptime.js';
export type { UptimeOptions, UptimeSimulation, UptimeKindStats, UptimeDistrict } from './uptime.js';
