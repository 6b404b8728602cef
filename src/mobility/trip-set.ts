/**
 * Residents and their trips as columns of typed arrays (struct of arrays).
 * Produced by the mobility module, consumed by the exposure module.
 */

/** How a trip is made. Index into this list is stored in `TripSet.mode`. */
export const TRAVEL_MODES = ['walk', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const MODE_WALK = 0;
export const MODE_CAR = 1;

/** Why a trip is made (its destination activity). Index stored in `TripSet.purpose`. */
export const TRIP_PURPOSES = ['home', 'work', 'study', 'errand'] as const;
export type TripPurpose = (typeof TRIP_PURPOSES)[number];

/** Marks "no district" in `Residents.district`. */
export const NO_DISTRICT = 0xffff;

/** Synthetic (or imported) residents. */
export interface Residents {
  readonly numResidents: number;
  /** Home position, metres. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Index of the home zone (see the mobility module's zones). */
  readonly homeZone: Uint32Array;
  /** Street-network node index nearest to home. */
  readonly homeNode: Uint32Array;
  /** Index into `city.districts`, or {@link NO_DISTRICT}. */
  readonly district: Uint16Array;
  /** Seed that produced them (null for imported residents). */
  readonly seed: string | null;
}

/**
 * Trips routed on a street network: trip t travels the arcs
 * `pathArcs[pathStart[t]]` … `pathArcs[pathStart[t + 1] − 1]` in order
 * (arc conventions in street-network.ts), departing at `departure[t]` and
 * moving at constant `speed[t]`, so the time at any point of the path is
 * `departure + distance travelled / speed`.
 */
export interface TripSet {
  readonly numTrips: number;
  /** Resident id of each trip. */
  readonly person: Uint32Array;
  /** Day index of each trip (0 for a one-day simulation). */
  readonly day: Uint16Array;
  /** Index into TRAVEL_MODES. */
  readonly mode: Uint8Array;
  /** Index into TRIP_PURPOSES. */
  readonly purpose: Uint8Array;
  /** Seconds since midnight of the trip's day. */
  readonly departure: Float64Array;
  /** Metres per second. */
  readonly speed: Float32Array;
  /** Path length, metres. */
  readonly length: Float64Array;
  /** Offsets into pathArcs, length numTrips + 1. */
  readonly pathStart: Uint32Array;
  readonly pathArcs: Uint32Array;
}
