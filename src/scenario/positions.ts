/**
 * Positions in a scenario: metres (`x`, `y`) or WGS84 (`lon`, `lat`), the
 * schema every part uses for them (network centres, exposure places) and
 * their conversion to the city's metres.
 */
import { z } from 'zod';
import { InvalidInputError } from '../core/index.js';
import { type City } from '../city/index.js';

const lonLat = z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });
const xy = z.strictObject({ x: z.number(), y: z.number() });
/** A position in metres (x, y) or WGS84 (lon, lat; needs a city with a projection). */
export const positionSchema = z.union([xy, lonLat]);

/** A validated position of a scenario. */
export type Position = z.output<typeof positionSchema>;

/**
 * A position in metres: lon/lat through the city's projection, x/y as given.
 *
 * @param city - the scenario's city
 * @param p - the position
 * @param field - JSON path of the position, for the error
 * @param origin - function name for the error
 * @returns the position in the city's metres
 * @throws {InvalidInputError} when `p` is lon/lat and the city has no projection
 * @example toMetres(city, { lon: 76.945, lat: 43.238 }, 'network.centres[0]')
 */
export function toMetres(city: City, p: Position, field: string, origin = 'runScenario'): { x: number; y: number } {
  if ('x' in p) return { x: p.x, y: p.y };
  if (!city.projection) throw new InvalidInputError(origin, field, 'must be in metres (x, y): the city has no projection for lon/lat', p);
  const [x, y] = city.projection.forward(p.lon, p.lat);
  return { x, y };
}
