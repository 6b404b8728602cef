import { describe, expect, it } from 'vitest';
import { angleToHeading, DEG_TO_RAD, headingToAngle, headingToAngleDeg } from '../../src/core/units.js';

describe('heading conversion', () => {
  it('turns compass headings into maths angles in degrees (worked by hand: north is +y, east is +x)', () => {
    expect(headingToAngleDeg(0)).toBe(90);
    expect(headingToAngleDeg(90)).toBe(0);
    expect(headingToAngleDeg(180)).toBe(-90);
    expect(headingToAngleDeg(270)).toBe(-180);
  });

  it('turns compass headings into maths angles in radians, not wrapped', () => {
    expect(headingToAngle(0)).toBe(Math.PI / 2);
    expect(headingToAngle(90)).toBe(0);
    expect(headingToAngle(180)).toBe(-Math.PI / 2);
    // Exactly the arithmetic the library's sectors use: (90 − h) · DEG_TO_RAD.
    for (const h of [0.1, 33.3, 123.456, 359.9, -45]) expect(headingToAngle(h)).toBe((90 - h) * DEG_TO_RAD);
  });

  it('angleToHeading inverts it, wrapped into [0, 360)', () => {
    expect(angleToHeading(Math.PI / 2)).toBe(0);
    expect(angleToHeading(0)).toBe(90);
    expect(angleToHeading(-Math.PI / 2)).toBe(180);
    expect(angleToHeading(Math.PI)).toBe(270);
    for (const h of [0.5, 45, 200, 359]) expect(angleToHeading(headingToAngle(h))).toBeCloseTo(h, 10);
  });
});
