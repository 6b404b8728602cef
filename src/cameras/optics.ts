/**
 * Optics: how far a camera can see at each DORI level.
 *
 * Pixel density at distance d for a camera with horizontal resolution R (px)
 * and horizontal field of view θ is R / (2 d tan(θ/2)) pixels per metre, so
 * the distance at which a level needing D px/m is still met is
 * d = R / (2 D tan(θ/2)).
 *
 * Source of the levels: EN 62676-4:2015 (Video surveillance systems for use in
 * security applications, Part 4: Application guidelines), "DORI": detect
 * 25 px/m, observe 62.5 px/m, recognise 125 px/m, identify 250 px/m.
 */
import { InvalidInputError, DEG_TO_RAD } from '../core/index.js';

/** A DORI level of EN 62676-4. */
export type DoriLevel = 'detect' | 'observe' | 'recognise' | 'identify';

/** Every DORI level, from the least to the most demanding. */
export const DORI_LEVELS: readonly DoriLevel[] = ['detect', 'observe', 'recognise', 'identify'];

/** Pixels per metre each DORI level needs (EN 62676-4:2015). */
export const DORI_PX_PER_M: Readonly<Record<DoriLevel, number>> = {
  detect: 25,
  observe: 62.5,
  recognise: 125,
  identify: 250,
};

/**
 * Widest field of view (degrees) for which the rectilinear (pinhole) formula
 * is used. Rectilinear lenses stop being practical well before 180° (the
 * formula sends the density to zero there); wider cameras (fisheye,
 * panoramic, multi-sensor) spread their pixels over angle instead.
 * Assumption: 120°, about the widest rectilinear CCTV lenses sold.
 */
export const RECTILINEAR_MAX_FOV = 120;

/** Image width w(θ) in "metres per metre of distance" for a horizontal field of view θ (degrees). */
function imageWidthFactor(fovDeg: number): number {
  if (fovDeg <= RECTILINEAR_MAX_FOV) return 2 * Math.tan((fovDeg * DEG_TO_RAD) / 2);
  // Beyond it, an equidistant (angular) mapping, scaled to meet the rectilinear
  // value at RECTILINEAR_MAX_FOV so that range falls continuously as fov widens.
  const atMax = 2 * Math.tan((RECTILINEAR_MAX_FOV * DEG_TO_RAD) / 2);
  return (fovDeg / RECTILINEAR_MAX_FOV) * atMax;
}

/** Pixels per metre at unit distance. */
function pixelsPerMetreAtUnitDistance(resolutionPx: number, fovDeg: number): number {
  return resolutionPx / imageWidthFactor(fovDeg);
}

/**
 * Pixel density (px/m) at distance `distance` metres.
 * Up to {@link RECTILINEAR_MAX_FOV} (120°) the pinhole formula
 * `R / (2 d tan(fov/2))` (pinhole geometry; EN 62676-4 practice); for wider lenses an
 * angular mapping scaled to be continuous at 120°, so density (and every DORI
 * distance) falls steadily as the field of view widens.
 *
 * @param resolutionPx - horizontal sensor resolution in pixels (> 0)
 * @param fovDeg - horizontal field of view in degrees, (0, 360]
 * @param distance - metres (> 0)
 * @returns pixels per metre
 * @throws {InvalidInputError} on a non-positive or non-finite argument
 * @example pixelDensity(1920, 90, 10) // 96 px/m
 */
export function pixelDensity(resolutionPx: number, fovDeg: number, distance: number): number {
  checkOptics('pixelDensity', resolutionPx, fovDeg);
  if (typeof distance !== 'number' || !(distance > 0) || !Number.isFinite(distance)) throw new InvalidInputError('pixelDensity', 'distance', 'must be a finite number > 0', distance);
  const d = pixelsPerMetreAtUnitDistance(resolutionPx, fovDeg) / distance;
  if (!Number.isFinite(d)) throw new InvalidInputError('pixelDensity', 'distance', `is too small for resolutionPx ${resolutionPx} and fov ${fovDeg}: the density overflows`, distance);
  return d;
}

/**
 * The farthest distance (m) at which a camera still meets a DORI level.
 *
 * @param resolutionPx - horizontal sensor resolution in pixels (> 0)
 * @param fovDeg - horizontal field of view in degrees, (0, 360]
 * @param level - `detect` | `observe` | `recognise` | `identify`
 * @returns metres
 * @throws {InvalidInputError} on a bad resolution, fov or level
 * @example doriDistance(1920, 90, 'identify') // 3.84 m
 */
export function doriDistance(resolutionPx: number, fovDeg: number, level: DoriLevel): number {
  checkOptics('doriDistance', resolutionPx, fovDeg);
  if (!(DORI_LEVELS as readonly unknown[]).includes(level)) {
    throw new InvalidInputError('doriDistance', 'level', `must be one of ${DORI_LEVELS.join(', ')}`, level);
  }
  const d = pixelsPerMetreAtUnitDistance(resolutionPx, fovDeg) / DORI_PX_PER_M[level];
  if (!Number.isFinite(d)) throw new InvalidInputError('doriDistance', 'fov', `is too narrow for resolutionPx ${resolutionPx}: the distance overflows`, fovDeg);
  return d;
}

/** Same as {@link doriDistance} without checks, for inner loops over validated columns. */
export function doriDistanceUnchecked(resolutionPx: number, fovDeg: number, pxPerMetre: number): number {
  return pixelsPerMetreAtUnitDistance(resolutionPx, fovDeg) / pxPerMetre;
}

/** Checks the type first: a Symbol or a BigInt must not reach a comparison or an arithmetic operator (a raw TypeError). */
function checkOptics(origin: string, resolutionPx: number, fovDeg: number): void {
  if (typeof resolutionPx !== 'number' || !(resolutionPx > 0) || !Number.isFinite(resolutionPx)) throw new InvalidInputError(origin, 'resolutionPx', 'must be a finite number > 0', resolutionPx);
  if (typeof fovDeg !== 'number' || !(fovDeg > 0 && fovDeg <= 360)) throw new InvalidInputError(origin, 'fov', 'must be in (0, 360]', fovDeg);
}
