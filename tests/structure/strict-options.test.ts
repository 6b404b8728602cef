/**
 * Strict options (issue 17): every public function that takes an options
 * object refuses an unknown key with a SightlineError naming it.
 *
 * The test enumerates the runtime exports of the root and the subpath entries
 * (package.json "exports"). Every exported function is either in OPTIONS (a
 * minimal call with valid options on a tiny city, to which a bogus key is
 * added) or in NO_OPTIONS; a function added later in neither fails the test,
 * as does a NO_OPTIONS function whose parameters include an options object.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as geo from '../../src/geo/index.js';
import * as network from '../../src/network/index.js';
import * as retention from '../../src/retention/index.js';
import * as mobility from '../../src/mobility/index.js';
import * as exposure from '../../src/exposure/index.js';
import * as planning from '../../src/planning/index.js';
import * as sweep from '../../src/sweep/index.js';
import { SightlineError, InvalidInputError } from '../../src/index.js';
import { UnknownOptionError } from '../../src/core/internal.js';
import { POISSON_INTERVAL_DEFAULTS } from '../../src/core/poisson-interval.js';
import { IMPORT_OSM_STREETS_XML_DEFAULTS } from '../../src/city/import-osm-streets-xml.js';
import { IMPORT_STREETS_DEFAULTS } from '../../src/city/import-streets.js';
import { PLACE_UNIFORM_DEFAULTS, PLACE_BY_POPULATION_DEFAULTS } from '../../src/cameras/placement-area.js';
import { ALMATY_CAMERAS_DEFAULTS, ASTANA_CAMERAS_DEFAULTS, CREATE_PRESET_DEFAULTS } from '../../src/cameras/presets.js';
import { COMPUTE_COVERAGE_DEFAULTS } from '../../src/coverage/compute-coverage.js';
import { COVERAGE_RASTER_DEFAULTS } from '../../src/coverage/coverage-raster.js';
import { COMPUTE_DISTRICT_COVERAGE_DEFAULTS } from '../../src/coverage/district-coverage.js';
import { COMPUTE_STREET_COVERAGE_DEFAULTS } from '../../src/coverage/street-coverage.js';
import type { CameraSet, City, CommandNetwork, LocalProjection, RetentionPolicy, StreetExposureProfile, StreetNetwork, FaultScenario } from '../../src/index.js';

const ENTRIES = { root, geo, network, retention, mobility, exposure, planning, sweep } as Record<string, Record<string, unknown>>;

/** Fixtures: a 400 m grid city, a few cameras, its command network, street network, a retention policy. */
const F = {} as { city: City; cameras: CameraSet; network: CommandNetwork; streets: StreetNetwork; policy: RetentionPolicy; projection: LocalProjection; fault: FaultScenario; profile: StreetExposureProfile };
/** An argument the function never reaches: the options are checked first. */
const UNUSED = {} as never;

type Opts = Record<string, unknown>;
interface Entry {
  /** Calls the function with `valid options ∪ extra`. */
  call: (extra: Opts) => unknown;
  /** The function's defaults: every key is a known option (unless listed in `notOptions`). */
  defaults?: object;
  /** Keys of `defaults` that are tuning constants, not options. */
  notOptions?: readonly string[];
}

const B: [number, number, number, number] = [0, 0, 400, 400];

/** Every public function with an options object: a minimal valid call. */
const OPTIONS: Record<string, Entry> = {
  poissonInterval: { call: (o) => root.poissonInterval(3, { level: 0.9, ...o }), defaults: POISSON_INTERVAL_DEFAULTS },
  generateGridCity: { call: (o) => root.generateGridCity({ boundary: B, blockSize: 100, ...o }), defaults: root.GRID_CITY_DEFAULTS },
  importBuildings: { call: (o) => root.importBuildings({ type: 'FeatureCollection', features: [] }, { projection: F.projection, ...o }), defaults: root.BUILDING_IMPORT_DEFAULTS, notOptions: ['height'] },
  importOsmStreetsXml: { call: (o) => root.importOsmStreetsXml('<osm/>', { projection: F.projection, ...o }), defaults: IMPORT_OSM_STREETS_XML_DEFAULTS },
  importStreets: { call: (o) => root.importStreets({ type: 'FeatureCollection', features: [] }, { projection: F.projection, ...o }), defaults: IMPORT_STREETS_DEFAULTS },
  createPopulationGrid: { call: (o) => root.createPopulationGrid(F.city.boundary, { total: 1000, ...o }), defaults: root.POPULATION_DEFAULTS, notOptions: ['densityPerKm2'] },
  almatyCity: { call: (o) => root.almatyCity({ blockSize: 2000, ...o }) },
  astanaCity: { call: (o) => root.astanaCity({ blockSize: 2000, ...o }) },
  importOsmCameras: { call: (o) => root.importOsmCameras({ type: 'FeatureCollection', features: [] }, { projection: F.projection, ...o }), defaults: root.OSM_IMPORT_DEFAULTS },
  placeUniform: { call: (o) => root.placeUniform(B, 3, { seed: 1, ...o }), defaults: PLACE_UNIFORM_DEFAULTS },
  placeByPopulation: { call: (o) => root.placeByPopulation(F.city, 3, { seed: 1, ...o }), defaults: PLACE_BY_POPULATION_DEFAULTS },
  placeOnFacades: { call: (o) => root.placeOnFacades(F.city, 3, { seed: 1, ...o }), defaults: root.FACADE_PLACEMENT_DEFAULTS },
  placeAtIntersections: { call: (o) => root.placeAtIntersections(F.city, { numCameras: 3, seed: 1, ...o }), defaults: root.INTERSECTION_PLACEMENT_DEFAULTS },
  countIntersections: { call: (o) => root.countIntersections(F.city, { minDegree: 3, ...o }) },
  placeAlongStreets: { call: (o) => root.placeAlongStreets(F.city, { numCameras: 3, seed: 1, ...o }), defaults: root.STREET_PLACEMENT_DEFAULTS },
  almatyCameras: { call: (o) => root.almatyCameras(F.city, { numCameras: 10, seed: 1, ...o }), defaults: ALMATY_CAMERAS_DEFAULTS },
  astanaCameras: { call: (o) => root.astanaCameras(F.city, { numCameras: 10, seed: 1, ...o }), defaults: ASTANA_CAMERAS_DEFAULTS },
  createPreset: { call: (o) => root.createPreset('almaty', { numCameras: 10, blockSize: 2000, ...o }), defaults: CREATE_PRESET_DEFAULTS },
  analyseNetwork: { call: (o) => root.analyseNetwork(F.network, { retentionDays: 30, ...o }), defaults: network.ANALYSE_NETWORK_DEFAULTS },
  buildHierarchicalNetwork: { call: (o) => root.buildHierarchicalNetwork(F.cameras, F.city, { seed: 1, ...o }), defaults: network.NETWORK_BUILD_DEFAULTS },
  createCommandNetwork: { call: (o) => root.createCommandNetwork(F.network.graph, F.cameras, { requireTree: true, ...o }), defaults: network.CREATE_NETWORK_DEFAULTS },
  applyTargetedDamage: { call: (o) => root.applyTargetedDamage(F.network, { seed: 1, ...o }), defaults: network.TARGETED_DAMAGE_DEFAULTS, notOptions: ['trials', 'keepTrials'] },
  simulateTargetedDamage: { call: (o) => root.simulateTargetedDamage(F.network, { trials: 2, seed: 1, ...o }), defaults: network.TARGETED_DAMAGE_DEFAULTS },
  createFaultScenario: { call: (o) => root.createFaultScenario(F.network, { nodesDown: [], ...o }) },
  evaluateFaultScenario: { call: (o) => root.evaluateFaultScenario(F.network, F.fault, { analyticsDemand: 'face', ...o }), defaults: network.FAULT_LIVE_DEFAULTS },
  simulateOutages: { call: (o) => root.simulateOutages(F.network, { trials: 2, seed: 1, ...o }), defaults: network.OUTAGE_SIMULATION_DEFAULTS },
  simulateUptime: { call: (o) => network.simulateUptime(F.network, { days: 2, seed: 1, ...o }), defaults: network.UPTIME_DEFAULTS },
  sampleOutageScenario: { call: (o) => network.sampleOutageScenario(F.network, { trials: 2, seed: 1, ...o }, 0), defaults: network.OUTAGE_SIMULATION_DEFAULTS },
  summariseTrials: { call: (o) => root.summariseTrials([1, 2, 3], { confidence: 0.9, ...o }), defaults: network.TRIAL_SUMMARY_DEFAULTS },
  networkFromGeoJSON: { call: (o) => root.networkFromGeoJSON({ type: 'FeatureCollection', features: [] }, F.projection, { snapTolerance: 1, ...o }), defaults: network.NETWORK_GEOJSON_DEFAULTS },
  almatyNetworkOptions: { call: (o) => root.almatyNetworkOptions({ seed: 1, ...o }) },
  astanaNetworkOptions: { call: (o) => root.astanaNetworkOptions({ seed: 1, ...o }) },
  rankSinglePointsOfFailure: { call: (o) => root.rankSinglePointsOfFailure(F.network, { top: 3, ...o }), defaults: network.SPOF_DEFAULTS },
  cameraBitrates: { call: (o) => network.cameraBitrates(F.cameras, { fps: 25, ...o }), defaults: network.STREAM_DEFAULTS },
  analyseAccess: { call: (o) => root.analyseAccess(F.policy, UNUSED, { operatingDays: 30, ...o }), defaults: retention.ACCESS_DEFAULTS, notOptions: ['quantiles', 'tolerance'] },
  analyseRetention: { call: (o) => root.analyseRetention(F.policy, { operatingDays: 30, ...o }), defaults: retention.ANALYSE_RETENTION_DEFAULTS },
  archiveOnFile: { call: (o) => root.archiveOnFile(F.policy, { cameras: F.cameras, start: 0, durationDays: 1, ...o } as never), defaults: retention.ARCHIVE_ON_FILE_DEFAULTS },
  personHistory: { call: (o) => root.personHistory(F.policy, UNUSED, { operatingDays: 30, ...o }), defaults: retention.HISTORY_DEFAULTS },
  personHistoryForDays: { call: (o) => retention.personHistoryForDays(UNUSED, { faceDays: 1, plateDays: 1, captureDays: 1, ...o } as never) },
  retentionReach: { call: (o) => retention.retentionReach(F.policy, { operatingDays: 30, ...o }) },
  principalReach: { call: (o) => retention.principalReach(F.policy, { operatingDays: 30, ...o }) },
  dailyEventRates: { call: (o) => retention.dailyEventRates(UNUSED, { scale: 1, numDays: 1, ...o } as never) },
  personChannelDays: { call: (o) => retention.personChannelDays(UNUSED, { numPersons: 1, numDays: 1, ...o }) },
  reconstructHistory: { call: (o) => root.reconstructHistory(F.policy, UNUSED, { operatingDays: 30, ...o } as never) },
  retentionStorage: { call: (o) => root.retentionStorage(F.policy, F.network, { operatingDays: 30, ...o }), defaults: retention.RETENTION_STORAGE_DEFAULTS },
  computeCoverage: { call: (o) => root.computeCoverage(F.cameras, { bounds: B, ...o }), defaults: COMPUTE_COVERAGE_DEFAULTS },
  coverageRaster: { call: (o) => root.coverageRaster(F.cameras, { bounds: B, cellSize: 50, ...o }), defaults: COVERAGE_RASTER_DEFAULTS },
  computeDistrictCoverage: { call: (o) => root.computeDistrictCoverage(F.cameras, F.city, { level: 1, ...o } as never), defaults: COMPUTE_DISTRICT_COVERAGE_DEFAULTS },
  computeStreetCoverage: { call: (o) => root.computeStreetCoverage(F.cameras, F.city, { level: 1, ...o } as never), defaults: COMPUTE_STREET_COVERAGE_DEFAULTS },
  rankSinglePointsOfFailureByArea: { call: (o) => root.rankSinglePointsOfFailureByArea(F.network, { coverage: { bounds: B }, ...o }) },
  coverageUnderFault: { call: (o) => root.coverageUnderFault(F.network, F.fault, { coverage: { bounds: B }, ...o }) },
  expectedCoverageUnderOutages: { call: (o) => root.expectedCoverageUnderOutages(F.network, { coverage: { bounds: B }, ...o }) },
  simulateOutageCoverage: { call: (o) => root.simulateOutageCoverage(F.network, { coverage: { bounds: B }, trials: 2, seed: 1, ...o }) },
  simulateDamageCoverage: { call: (o) => root.simulateDamageCoverage(F.network, { coverage: { bounds: B }, trials: 2, seed: 1, ...o }) },
  nearestNode: { call: (o) => root.nearestNode(F.streets, 100, 100, { largestComponent: true, ...o }), defaults: mobility.NEAREST_NODE_DEFAULTS },
  importTrips: { call: (o) => root.importTrips([], F.projection, { mode: 'walk', ...o } as never), defaults: mobility.IMPORT_TRIPS_DEFAULTS },
  createResidents: { call: (o) => root.createResidents(F.city, F.streets, { numResidents: 10, seed: 1, ...o }) },
  routeTrips: { call: (o) => root.routeTrips(F.streets, UNUSED, { speeds: { walk: 1.3 }, ...o }) },
  planTrips: { call: (o) => root.planTrips(F.city, F.streets, UNUSED, { seed: 1, ...o }), defaults: root.TRIP_DEFAULTS, notOptions: ['walkMidpoint', 'walkSpread', 'errandGapMin', 'errandGapSpread'] },
  shortestPathTree: { call: (o) => mobility.shortestPathTree(F.streets, 0, { target: 1, ...o }) },
  shortestPath: { call: (o) => mobility.shortestPath(F.streets, 0, 1, { ...o }) },
  gravityProbabilities: { call: (o) => mobility.gravityProbabilities(UNUSED, 0, { ...o }) },
  buildZones: { call: (o) => mobility.buildZones(F.city, F.streets, { zoneSize: 200, ...o }), defaults: mobility.ZONE_DEFAULTS },
  computeFullViewCoverage: { call: (o) => exposure.computeFullViewCoverage(F.cameras, { bounds: B, samples: 10, ...o }), defaults: exposure.FULL_VIEW_COVERAGE_DEFAULTS },
  crowdExposure: { call: (o) => root.crowdExposure(F.cameras, UNUSED, { seed: 1, ...o }), defaults: root.CROWD_DEFAULTS },
  leastSurveilledRoute: { call: (o) => root.leastSurveilledRoute(F.streets, F.profile, 0, 1, { maxDetour: 2, ...o }), defaults: root.LEAST_SURVEILLED_DEFAULTS, notOptions: ['maxSearches'] },
  computePersonMetrics: { call: (o) => root.computePersonMetrics(UNUSED, { numPersons: 1, numDays: 1, ...o }) },
  computePopulationExposure: {
    call: (o) => root.computePopulationExposure(F.cameras, F.city, { seed: 1, numResidents: 10, ...o }),
    defaults: root.POPULATION_EXPOSURE_DEFAULTS,
    notOptions: ['minChunk', 'maxChunks', 'releaseAfterBytes', 'quantiles'],
  },
  routeExposure: { call: (o) => root.routeExposure(F.cameras, [[0, 0], [100, 0]] as never, { level: 1, ...o } as never), defaults: exposure.ROUTE_EXPOSURE_DEFAULTS },
  computePolylineSightings: { call: (o) => root.computePolylineSightings(UNUSED, F.cameras, { faceLevel: 'identify', ...o } as never), defaults: exposure.COMPUTE_POLYLINE_SIGHTINGS_DEFAULTS },
  computeSightings: { call: (o) => root.computeSightings(UNUSED, F.profile, F.cameras, { ...o } as never), defaults: root.SIGHTING_DEFAULTS },
  computeTripMetrics: { call: (o) => root.computeTripMetrics(UNUSED, F.profile, F.cameras, { ...o } as never) },
  computeStreetExposureProfile: { call: (o) => root.computeStreetExposureProfile(F.cameras, F.city, { occlusion: false, ...o }), defaults: root.EXPOSURE_PROFILE_DEFAULTS },
  unicity: { call: (o) => root.unicity(UNUSED, { kMax: 2, ...o }), defaults: root.UNICITY_DEFAULTS },
  unicityCurve: { call: (o) => exposure.unicityCurve(UNUSED, { k: 2, ...o } as never), defaults: exposure.UNICITY_CURVE_DEFAULTS },
  watchlistIdentifications: { call: (o) => root.watchlistIdentifications({ gallerySize: 100 } as never, { truePositiveRate: 0.9, ...o }), defaults: root.WATCHLIST_DEFAULTS },
  scenarioPreset: { call: (o) => root.scenarioPreset('almaty-baseline' as never, { seed: 1, ...o }) },
  runScenarioDetailed: { call: (o) => root.runScenarioDetailed(UNUSED, { baseDir: '.', ...o }) },
  runScenario: { call: (o) => root.runScenario(UNUSED, { baseDir: '.', ...o }) },
  coverageGridGeoJson: { call: (o) => root.coverageGridGeoJson(UNUSED, null, { minDepth: 1, ...o }) },
  rescorePopulationExposure: { call: (o) => exposure.rescorePopulationExposure(UNUSED, { plateReadRate: 0.9, ...o }) },
  sunTimes: { call: (o) => exposure.sunTimes('2026-06-21', 43.24, 76.95, { utcOffset: 5, ...o }), defaults: exposure.SUN_TIMES_DEFAULTS },
  hourlyLight: { call: (o) => exposure.hourlyLight('2026-06-21', 43.24, 76.95, { utcOffset: 5, ...o }), defaults: exposure.SUN_TIMES_DEFAULTS },
  nightCameraSet: { call: (o) => exposure.nightCameraSet(F.cameras, { nightRange: 30, ...o }), defaults: exposure.NIGHT_CAMERA_SET_DEFAULTS },
  coverageByHour: { call: (o) => exposure.coverageByHour(F.cameras, { date: '2026-06-21', latitude: 43.24, longitude: 76.95, bounds: B, ...o }), defaults: exposure.COVERAGE_BY_HOUR_DEFAULTS },
  exposureByHour: { call: (o) => exposure.exposureByHour(UNUSED, UNUSED, UNUSED, { nightFaceFactor: 0.5, ...o }), defaults: exposure.EXPOSURE_BY_HOUR_DEFAULTS },
  sobolSequence: { call: (o) => sweep.sobolSequence(4, 2, { seed: 1, ...o }) },
  saltelliDesign: { call: (o) => sweep.saltelliDesign({ a: [0, 1] }, { samples: 4, ...o }), defaults: sweep.SALTELLI_DESIGN_DEFAULTS },
  sobolIndices: { call: (o) => sweep.sobolIndices(() => 1, { a: [0, 1] }, { samples: 4, ...o }), defaults: sweep.SOBOL_DEFAULTS },
  sobolFromEvaluations: { call: (o) => sweep.sobolFromEvaluations(sweep.saltelliDesign({ a: [0, 1] }, { samples: 4 }), Array.from({ length: 12 }, (_, i) => i), { bootstrap: 0, ...o }) },
  optimisePlacement: { call: (o) => planning.optimisePlacement(F.cameras, 1, { bounds: B, ...o }), defaults: planning.OPTIMISE_PLACEMENT_DEFAULTS },
  rankCameraImportance: { call: (o) => planning.rankCameraImportance(F.cameras, { bounds: B, ...o }), defaults: planning.RANK_CAMERA_IMPORTANCE_DEFAULTS },
  planSweep: { call: (o) => sweep.planSweep({ scenario: { preset: 'almaty' } }, { baseDir: '.', ...o }) },
  runSweep: { call: (o) => sweep.runSweep(UNUSED, { jobs: 1, ...o }) },
  writeSweepFolder: { call: (o) => sweep.writeSweepFolder('/nonexistent', UNUSED, [], { ...o }) },
  writeShardFolder: { call: (o) => sweep.writeShardFolder('/nonexistent', UNUSED, { index: 0, count: 1 }, [], { ...o }) },
  writeScenarioOutputs: { call: (o) => root.writeScenarioOutputs(UNUSED, '/nonexistent', { densityCellSize: 1000, ...o }) },
};

/** Every other exported function: none takes an options object. */
const NO_OPTIONS = new Set([
  'oneAtATime', 'oneAtATimePoints', 'oneAtATimeFromEvaluations', 'parseSweep', 'sweepJsonSchema', 'runScenarioDocument', 'shardRuns', 'summariseSweep', 'sweepRowsCsv',
  'readSweepRowsCsv', 'mergeSweepShards', 'shardFolderName', 'buildSweepReportHtml', 'setPath', 'getPath',
  'createRng', 'releaseScratch', 'headingToAngle', 'angleToHeading', 'normaliseDegrees', 'formatSource', 'polygonArea', 'multiPolygonArea', 'pointInPolygon',
  'pointInMultiPolygon', 'boundsToPolygon', 'createLocalProjection', 'sectorArea', 'sectorToPolygon', 'emptyBuildingSet', 'createBuildingSet', 'createCity',
  'splitIntoDistricts', 'populationCellIndex', 'populationAt', 'samplePopulationPoints', 'classifyHighway', 'createCameraSet', 'concatCameraSets', 'pixelDensity',
  'doriDistance', 'parseCameraDirection', 'astanaCameraMix', 'networkToGeoJSON', 'compareRetention', 'createRetentionPolicy', 'retentionPreset', 'overlappingPairs',
  'parallelCoverageAvailable', 'terminateCoverageWorkers', 'streetSegments', 'buildStreetNetwork', 'districtExposure', 'gini', 'groupInequality',
  'parallelPopulationAvailable', 'terminatePopulationWorkers', 'perEntryFromFpir', 'recognitionModel', 'falseAlertProbability', 'identifiedAtLeastOnce',
  'sightingPoints', 'tripCameras', 'wilsonInterval', 'largestAngularGap', 'groupPointsByPerson', 'compareScenarios', 'parseScenario', 'scenarioJsonSchema', 'writeFileAtomic',
  'buildComparisonHtml', 'exposureCsvChunks', 'camerasGeoJsonChunks', 'districtsGeoJson', 'cameraDensityGeoJson', 'buildReportHtml', 'ringSignedArea',
  'normalisePolygon', 'pointInRing', 'multiPolygonBounds', 'multiPolygonToCoordinates', 'projectCoordinates', 'unprojectRing', 'unprojectMultiPolygon',
  'lonLatCentre', 'sectorFrame', 'pointInSectorFrame', 'pointInSector', 'sectorBoundsRadInto', 'sectorBounds', 'sectorPerimeter', 'segmentSectorFrameIntervals',
  'segmentSectorIntervals', 'orient2d', 'segmentIntersectionParams', 'lineCircleParams', 'segmentDiscInterval', 'pointSegmentDistanceSq', 'pointSegmentDistance',
  'pointLineDistance', 'ringsToSegments', 'buildSectorIndex', 'buildSegmentIndex', 'createVisibilityScratch', 'createVisibilityRegion', 'copyVisibilityRegion',
  'createOccluders', 'computeVisibility', 'computeSectorVisibility', 'visibleDistance', 'pointVisible', 'visibleArea', 'visibilityToPolygon', 'kdGroups',
  'createNetworkGraph', 'findUpstreamCycle', 'assignCamerasToNodes', 'centreFlags', 'createRouting', 'routeToCentres', 'createAllocationScratch',
  'analyticsDemandColumn', 'allocateAnalytics', 'routeTraffic', 'createDeliveryBuffers', 'deliverLiveStreams', 'streamBitrate', 'streamStorageTB',
  'buildAccessGraph', 'readerReach', 'principalKey', 'storeKey', 'holdKey', 'summariseHistoryValues', 'pointInHold', 'camerasInHold', 'sumWithin',
  'logMissWithin', 'retentionRule', 'effectiveDays', 'longestKept', 'nearestNodes', 'streetComponents', 'pathArcs', 'arcTail', 'arcHead', 'validateRecognition',
  'cellUnits',
]);

/** The exported functions (not classes) of the public entries, by name. */
function publicFunctions(): Map<string, (...args: unknown[]) => unknown> {
  const out = new Map<string, (...args: unknown[]) => unknown>();
  for (const mod of Object.values(ENTRIES)) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || /^class\b/.test(Function.prototype.toString.call(value))) continue;
      out.set(name, value as (...args: unknown[]) => unknown);
    }
  }
  return out;
}

/** The parameter list of a function's source, e.g. `cameras, options = {}`. */
function parameterText(fn: (...args: unknown[]) => unknown): string {
  const src = Function.prototype.toString.call(fn);
  const start = src.indexOf('(');
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return src.slice(start + 1, i);
    }
  }
  return src;
}

/** The error a call throws (fails the test when it returns). */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

/** The error a call throws or its promise rejects with (fails the test when it returns). */
async function thrownAsync(call: () => unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    return e;
  }
  if (result instanceof Promise) {
    try {
      await result;
    } catch (e) {
      return e;
    }
  }
  throw new Error('expected the call to throw');
}

beforeAll(() => {
  F.city = root.generateGridCity({ boundary: B, blockSize: 100, seed: 1 });
  F.cameras = root.placeAtIntersections(F.city, { numCameras: 6, seed: 1 });
  F.network = root.buildHierarchicalNetwork(F.cameras, F.city, { seed: 1 });
  F.streets = root.buildStreetNetwork(F.city.streets);
  F.policy = root.retentionPreset(root.RETENTION_PRESET_NAMES[0]);
  F.projection = root.createLocalProjection(76.9, 43.2);
  F.fault = root.createFaultScenario(F.network, {});
  F.profile = root.computeStreetExposureProfile(F.cameras, F.city, { occlusion: false });
});

describe('strict options: the public functions', () => {
  it('lists every exported function as taking options or not (a new export must be added to one list)', () => {
    const fns = publicFunctions();
    const unlisted = [...fns.keys()].filter((n) => !(n in OPTIONS) && !NO_OPTIONS.has(n));
    expect(unlisted, 'exported functions in neither OPTIONS nor NO_OPTIONS').toEqual([]);
    const stale = [...Object.keys(OPTIONS), ...NO_OPTIONS].filter((n) => !fns.has(n));
    expect(stale, 'listed names that are not exported').toEqual([]);
  });

  it('has no options parameter in the functions listed as taking none', () => {
    const withOptions = [...publicFunctions()].filter(([n, fn]) => NO_OPTIONS.has(n) && /\b(options|opts|overrides)\b/i.test(parameterText(fn))).map(([n]) => n);
    expect(withOptions).toEqual([]);
  });

  it('finds an options parameter in every function listed as taking one', () => {
    const fns = publicFunctions();
    const without = Object.keys(OPTIONS).filter((n) => fns.has(n) && !/\b(options|overrides|input)\b/.test(parameterText(fns.get(n)!)));
    expect(without).toEqual([]);
  });

  for (const [name, entry] of Object.entries(OPTIONS)) {
    it(`${name} refuses an unknown option, naming it`, async () => {
      // An async function (runScenario, …) rejects instead of throwing.
      const e = await thrownAsync(() => entry.call({ bogusOptionXyz: 1 }));
      expect(e).toBeInstanceOf(SightlineError);
      expect(e).toBeInstanceOf(UnknownOptionError);
      const err = e as UnknownOptionError;
      expect(err.message).toContain('unknown option `bogusOptionXyz`');
      expect(err.message.startsWith(`${name}: `)).toBe(true);
      expect(err.field).toMatch(/^(options|overrides|input)\.bogusOptionXyz$/);
      // Generated from the defaults: every key of the defaults is a known option.
      if (entry.defaults) {
        const expected = Object.keys(entry.defaults).filter((k) => !(entry.notOptions ?? []).includes(k));
        for (const k of expected) expect(err.knownOptions, `${name}: ${k} of its defaults`).toContain(k);
        for (const k of entry.notOptions ?? []) expect(Object.keys(entry.defaults), `${name}: notOptions`).toContain(k);
      }
    });
  }
});

describe('strict options: the examples of the issue', () => {
  const suggestion = (call: () => unknown): string => {
    const e = thrown(call);
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as Error).message;
  };

  it('createPreset("almaty", { cameras }) suggests numCameras', () => {
    expect(suggestion(() => root.createPreset('almaty', { cameras: 20000 } as never))).toBe('createPreset: unknown option `cameras`; did you mean `numCameras`?');
  });

  it('computeCoverage(…, { occlussion }) suggests occlusion', () => {
    expect(suggestion(() => root.computeCoverage(F.cameras, { bounds: B, occlussion: true } as never))).toBe('computeCoverage: unknown option `occlussion`; did you mean `occlusion`?');
  });

  it('buildHierarchicalNetwork(…, { numCenters }) suggests numCentres', () => {
    expect(suggestion(() => root.buildHierarchicalNetwork(F.cameras, F.city, { numCenters: 2 } as never))).toBe('buildHierarchicalNetwork: unknown option `numCenters`; did you mean `numCentres`?');
  });

  it('placeAtIntersections(city, { count }) suggests numCameras', () => {
    expect(suggestion(() => root.placeAtIntersections(F.city, { count: 10 } as never))).toBe('placeAtIntersections: unknown option `count`; did you mean `numCameras`?');
  });

  it('checks nested option objects of the public API (plans, speeds, stream, coverage, city)', () => {
    expect(suggestion(() => root.computePopulationExposure(F.cameras, F.city, { seed: 1, plans: { dayz: 2 } } as never))).toBe(
      'computePopulationExposure: unknown option `dayz` in options.plans; did you mean `days`?',
    );
    expect(suggestion(() => root.computePopulationExposure(F.cameras, F.city, { seed: 1, speeds: { bike: 4 } } as never))).toMatch(/unknown option `bike` in options\.speeds; known options: walk, car$/);
    expect(suggestion(() => root.routeTrips(F.streets, UNUSED, { speeds: { Walk: 1 } } as never))).toMatch(/did you mean `walk`\?$/);
    expect(suggestion(() => root.buildHierarchicalNetwork(F.cameras, F.city, { stream: { fsp: 10 } } as never))).toMatch(/unknown option `fsp` in options\.stream; did you mean `fps`\?$/);
    expect(suggestion(() => root.coverageUnderFault(F.network, F.fault, { coverage: { bounds: B, levle: 1 } } as never))).toMatch(/^coverageUnderFault: unknown option `levle` in options\.coverage; did you mean `level`\?$/);
    expect(suggestion(() => root.createPreset('almaty', { city: { blocksize: 2000 } } as never))).toMatch(/^createPreset: unknown option `blocksize` in options\.city; did you mean `blockSize`\?$/);
  });

  it('keeps undefined-valued known options allowed (they mean the default)', () => {
    expect(() => root.poissonInterval(3, { level: undefined })).not.toThrow();
    expect(() => root.summariseTrials([1, 2, 3], { confidence: undefined, seed: undefined })).not.toThrow();
  });
});
