/**
 * Trips given as timed polylines (imported GPS tracks, or coordinate lists),
 * as columns of typed arrays. Unlike a routed {@link TripSet}, they need not
 * follow the street graph.
 */

/**
 * Timed polylines, struct of arrays. Trip t has the points
 * `start[t]` … `start[t + 1] − 1`; point k is at
 * (`coords[2k]`, `coords[2k + 1]`) metres in the local plane at time
 * `times[k]` seconds. Every trip has at least two points; coordinates and
 * times are finite and times never decrease within a trip (importers
 * guarantee this and report what they dropped). Consecutive points may
 * coincide (a pause) and consecutive times may be equal, so a trip's length
 * can be 0 (someone standing still).
 */
export interface PolylineTrips {
  readonly numTrips: number;
  /** Person id of each trip (importers number distinct person keys 0, 1, …; one person per trip when none is given). */
  readonly person: Uint32Array;
  /** Index into TRAVEL_MODES. */
  readonly mode: Uint8Array;
  /** Point offsets, length numTrips + 1 (in points, not numbers). */
  readonly start: Uint32Array;
  /** x, y interleaved, metres. */
  readonly coords: Float64Array;
  /** Seconds, one per point (epoch seconds for absolute timestamps, or as given). */
  readonly times: Float64Array;
}
