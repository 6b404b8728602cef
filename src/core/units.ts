/** Units and small numeric helpers. Degrees at the API, radians inside maths. */
import { InvalidInputError } from './errors.js';

export const DEG_TO_RAD = Math.PI / 180;
export const RAD_TO_DEG = 180 / Math.PI;

/**
 * Converts a compass heading (degrees clockwise from north) to a maths angle
 * in degrees (counter-clockwise from the +x / east axis): `90 − heading`,
 * not wrapped (heading 0 → 90, 90 → 0, 180 → −90).
 *
 * The degree form lets callers add or subtract other angles in degrees
 * (e.g. half the field of view) before one conversion to radians, with
 * exactly the arithmetic they had when `90 − heading` was written inline.
 *
 * @param headingDeg - degrees clockwise from north
 * @returns degrees counter-clockwise from east, `90 − headingDeg`
 * @example
 * headingToAngleDeg(180) // -90: south
 */
export function headingToAngleDeg(headingDeg: number): number {
  return 90 - headingDeg;
}

/**
 * Converts a compass heading (degrees clockwise from north) to a maths angle
 * (radians counter-clockwise from the +x / east axis): `(90 − heading)·π/180`,
 * not wrapped (heading 0 → π/2, 90 → 0, 180 → −π/2). Inverse of
 * {@link angleToHeading} up to wrapping and rounding.
 *
 * @param headingDeg - degrees clockwise from north
 * @returns radians counter-clockwise from east
 * @example
 * headingToAngle(0) // π/2: north is the +y axis
 */
export function headingToAngle(headingDeg: number): number {
  return headingToAngleDeg(headingDeg) * DEG_TO_RAD;
}

/**
 * Converts a maths angle (radians counter-clockwise from east) to a compass
 * heading in degrees clockwise from north, wrapped into [0, 360).
 *
 * @param angleRad - radians counter-clockwise from east
 * @returns the heading in [0, 360)
 * @example
 * angleToHeading(0) // 90: east
 */
export function angleToHeading(angleRad: number): number {
  const h = 90 - angleRad * RAD_TO_DEG;
  return ((h % 360) + 360) % 360;
}

/** Normalises degrees into [0, 360). @throws {InvalidInputError} when deg is not finite */
export function normaliseDegrees(deg: number): number {
  if (!Number.isFinite(deg)) throw new InvalidInputError('normaliseDegrees', 'deg', 'must be a finite number', deg);
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Normalises radians into [0, 2π). @throws {InvalidInputError} when rad is not finite */
export function normaliseRadians(rad: number): number {
  if (!Number.isFinite(rad)) throw new InvalidInputError('normaliseRadians', 'rad', 'must be a finite number', rad);
  const t = 2 * Math.PI;
  const r = rad % t;
  return r < 0 ? r + t : r;
}
