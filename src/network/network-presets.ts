/**
 * Network options for the reference cities, for {@link buildHierarchicalNetwork}.
 *
 * Sourced figures name their bibliography entry (core SOURCES); everything
 * else is an assumption and says so.
 */
import { HIERARCHICAL_NETWORK_OPTION_KEYS, type HierarchicalNetworkOptions } from './build-hierarchical.js';
import { checkOptions } from '../core/internal.js';

/** Almaty network facts: sourced where a bibliography id is named, otherwise assumptions. */
export const ALMATY_NETWORK_FACTS = {
  /** About 53,000 connected to the police operations centre (SOURCES['bestnews-2025-09-17']). Carried by the camera preset's live flags. */
  liveConnected: 53_000,
  /** Assumption: about 2,200 face-recognition cameras (no source found; plausible 1,000–10,000), taken as the centre's live analytics capacity (assumption: capacity equals the cameras fed). */
  faceRecognitionStreams: 2_200,
  /** Sergek: 1,341 units carrying 7,894 cameras (SOURCES['kazlenta-2024']). */
  sergekUnits: 1_341,
  /** Sergek: 1,341 units carrying 7,894 cameras (SOURCES['kazlenta-2024']). */
  sergekCameras: 7_894,
  /** One police operations centre (SOURCES['bestnews-2025-09-17']). */
  commandCentres: 1,
} as const;

/**
 * Position of the national platform: Astana, the capital (assumption: the
 * national biometric/video platform sits in the capital). Coordinates of
 * Astana's centre, WGS84: 51.1694° N, 71.4491° E (Wikipedia, "Astana").
 */
export const ASTANA_LON_LAT: readonly [number, number] = [71.4491, 51.1694];

/**
 * Almaty: one police operations centre (SOURCES['bestnews-2025-09-17']) with
 * live face recognition for 2,200 streams (assumption: about 2,200
 * face-recognition cameras, no source found, and the centre's capacity equals
 * that figure), hubs per district
 * (the preset city has 8), the national platform in Astana (assumption), and
 * {@link NETWORK_BUILD_DEFAULTS} for the rest (assumptions). Live cameras
 * come from the camera preset (53,000 of 128,000).
 *
 * @param overrides - any option to change
 * @returns options for buildHierarchicalNetwork
 * @example buildHierarchicalNetwork(p.cameras, p.city, almatyNetworkOptions({ numCentres: 2 }))
 */
export function almatyNetworkOptions(overrides: HierarchicalNetworkOptions = {}): HierarchicalNetworkOptions {
  checkOptions('almatyNetworkOptions', overrides, HIERARCHICAL_NETWORK_OPTION_KEYS, 'overrides');
  return {
    numCentres: ALMATY_NETWORK_FACTS.commandCentres,
    analyticsStreams: ALMATY_NETWORK_FACTS.faceRecognitionStreams,
    nationalLonLat: ASTANA_LON_LAT,
    ...overrides,
  };
}

/**
 * Astana: one city command centre (assumption), analytics sized to the live
 * face-recognition cameras (assumption: no sourced capacity), the national
 * platform in the city (Astana is the capital; placed next to the centre),
 * and {@link NETWORK_BUILD_DEFAULTS} for the rest (assumptions).
 *
 * @param overrides - any option to change
 * @returns options for buildHierarchicalNetwork
 * @example buildHierarchicalNetwork(p.cameras, p.city, astanaNetworkOptions())
 */
export function astanaNetworkOptions(overrides: HierarchicalNetworkOptions = {}): HierarchicalNetworkOptions {
  checkOptions('astanaNetworkOptions', overrides, HIERARCHICAL_NETWORK_OPTION_KEYS, 'overrides');
  return {
    numCentres: 1,
    analyticsStreams: 'auto',
    ...overrides,
  };
}
