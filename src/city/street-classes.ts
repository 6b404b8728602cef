/**
 * Street classes: default widths, and the mapping from OpenStreetMap's
 * `highway` tag to sightline's four classes.
 */
import type { StreetClass } from './city.js';

/**
 * Carriageway widths in metres by street class, kerb to kerb, used when a
 * street has no `width` tag and by the grid generator.
 * Assumption, not a sourced figure: 24 m for an arterial (about six lanes of
 * 3.5 m plus a median), 16 m for a collector (four lanes), 10 m for a local
 * street (two lanes and parking), 3 m for a footway.
 */
export const STREET_WIDTHS: Readonly<Record<StreetClass, number>> = {
  arterial: 24,
  collector: 16,
  local: 10,
  footway: 3,
};

/**
 * OSM `highway` values (https://wiki.openstreetmap.org/wiki/Key:highway)
 * and the street class sightline gives them. Values not listed here (for
 * example `proposed`, `construction`, `platform`, `raceway`) are not
 * streets people use today; importers skip them and report it.
 */
export const HIGHWAY_CLASSES: Readonly<Record<string, StreetClass>> = {
  motorway: 'arterial',
  motorway_link: 'arterial',
  trunk: 'arterial',
  trunk_link: 'arterial',
  primary: 'arterial',
  primary_link: 'arterial',
  secondary: 'collector',
  secondary_link: 'collector',
  tertiary: 'collector',
  tertiary_link: 'collector',
  residential: 'local',
  unclassified: 'local',
  service: 'local',
  living_street: 'local',
  road: 'local',
  track: 'local',
  footway: 'footway',
  pedestrian: 'footway',
  path: 'footway',
  steps: 'footway',
  cycleway: 'footway',
  bridleway: 'footway',
  corridor: 'footway',
};

/**
 * The street class of an OSM `highway` value, or null when it is not a
 * street class sightline knows.
 *
 * @param highway - the tag value, e.g. `primary`
 * @returns `arterial`, `collector`, `local`, `footway` or null
 * @example
 * classifyHighway('secondary') // 'collector'
 */
export function classifyHighway(highway: unknown): StreetClass | null {
  if (typeof highway !== 'string') return null;
  return Object.prototype.hasOwnProperty.call(HIGHWAY_CLASSES, highway) ? HIGHWAY_CLASSES[highway] : null;
}
