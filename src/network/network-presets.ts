/**
 * Network options for the reference cities, for {@link buildHierarchicalNetwork}.
 *
 * Sourced figures come from sightline's DESIGN.md ("Command nodes and links",
 * Almaty figures 2024–2025 reporting); everything else is an assumption and
 * says so.
 */
import type { HierarchicalNetworkOptions } from './build-hierarchical.js';

/** Sourced Almaty network facts (DESIGN.md, "Command nodes and links"). */
export const ALMATY_NETWORK_FACTS = {
  /** DESIGN.md: "about 53,000 connected to the police operations centre (75 staff)". Carried by the camera preset's live flags. */
  liveConnected: 53_000,
  /** DESIGN.md: "about 2,200 cameras feed face recognition": taken as the centre's live analytics capacity (assumption: capacity equals the cameras fed). */
  faceRecognitionStreams: 2_200,
  /** DESIGN.md: "Sergek runs 1,341 units carrying 7,894 cameras". */
  sergekUnits: 1_341,
  /** DESIGN.md: "Sergek runs 1,341 units carrying 7,894 cameras". */
  sergekCameras: 7_894,
  /** DESIGN.md: one police operations centre. */
  commandCentres: 1,
} as const;

/**
 * Position of the national platform: Astana, the capital (assumption: the
 * national biometric/video platform sits in the capital). Coordinates of
 * Astana's centre, WGS84: 51.1694° N, 71.4491° E (Wikipedia, "Astana").
 */
export const ASTANA_LON_LAT: readonly [number, number] = [71.4491, 51.1694];

/**
 * Almaty: one police operations centre (DESIGN.md) with live face recognition
 * for 2,200 streams (DESIGN.md: "about 2,200 cameras feed face recognition";
 * assumption: the centre's capacity equals that figure), hubs per district
 * (the preset city has 8), the national platform in Astana (assumption), and
 * {@link NETWORK_BUILD_DEFAULTS} for the rest (assumptions). Live cameras
 * come from the camera preset (53,000 of 128,000).
 *
 * @param overrides - any option to change
 * @returns options for buildHierarchicalNetwork
 * @example buildHierarchicalNetwork(p.cameras, p.city, almatyNetworkOptions({ numCentres: 2 }))
 */
export function almatyNetworkOptions(overrides: HierarchicalNetworkOptions = {}): HierarchicalNetworkOptions {
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
  return {
    numCentres: 1,
    analyticsStreams: 'auto',
    ...overrides,
  };
}
