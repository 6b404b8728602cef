/** Units and small numeric helpers. Degrees at the API, radians inside maths. */
import { InvalidInputError } from './errors.js';

export const DEG_TO_RAD = Math.PI / 180;
export const RAD_TO_DEG = 180 / Math.PI;

/**
 * Converts a compass heading (degrees clockwise from north) to a maths angle
 * (radians counter-clockwise from the +x / east axis).
 */
export function headingToAngle(headingDeg: number): number {
  return (90 - headingDeg) * DEG_TO_RAD;
}

/** Converts a maths angle (radians CCW from east) to a compass heading in [0, 360). */
export function angleToHeading(angleRad: number): number {
  const h = 90 - angleRad * RAD_TO_DEG;
  return ((h % 360) + 360) % 360;
}

/** Normalises degrees into [0, 360). @throws {InvalidInputError} when deg is not finite */
export function normalizeDegrees(deg: number): number {
  if (!Number.isFinite(deg)) throw new InvalidInputError('normalizeDegrees', 'deg', 'must be a finite number', deg);
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Normalises radians into [0, 2π). @throws {InvalidInputError} when rad is not finite */
export function normalizeRadians(rad: number): number {
  if (!Number.isFinite(rad)) throw new InvalidInputError('normalizeRadians', 'rad', 'must be a finite number', rad);
  const t = 2 * Math.PI;
  const r = rad % t;
  return r < 0 ? r + t : r;
}
