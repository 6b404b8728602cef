/**
 * The grammar of the OpenStreetMap `camera:direction` / `direction` tag
 * (https://wiki.openstreetmap.org/wiki/Key:camera:direction): degrees,
 * compass points and words, clockwise ranges and lists, read into headings
 * and, where the value implies one, a field of view.
 */
import { normaliseDegrees } from '../core/index.js';

/** One viewing direction read from a direction tag. */
export interface ParsedDirection {
  /** Degrees clockwise from north, [0, 360). */
  heading: number;
  /** Field of view in degrees when the value implies one (a range `a-b`, or `360`). */
  fov?: number;
}

/** Result of {@link parseCameraDirection}. */
export type DirectionParseResult =
  | {
      ok: true;
      directions: ParsedDirection[];
      /** What was read in a non-obvious way (e.g. a negative angle normalised), if anything. */
      note?: string;
    }
  | { ok: false; reason: string };

/** The 16 compass points, degrees clockwise from north. */
export const COMPASS_POINTS: Readonly<Record<string, number>> = {
  n: 0, nne: 22.5, ne: 45, ene: 67.5, e: 90, ese: 112.5, se: 135, sse: 157.5,
  s: 180, ssw: 202.5, sw: 225, wsw: 247.5, w: 270, wnw: 292.5, nw: 315, nnw: 337.5,
};

const NUMBER_RE = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)\s*°?$/;
const RANGE_RE = /^([a-z0-9.°\s_]+?)\s*-\s*([a-z0-9.°\s_]+)$/i;

/**
 * A compass point: an abbreviation without separators (`NE`), or words with
 * optional separators (`north-east`, `North East`). `N-E` is not a word: it
 * reads as the range N to E.
 */
function compassHeading(token: string): number | undefined {
  let t = token.toLowerCase();
  if (!/north|south|east|west/.test(t)) return Object.prototype.hasOwnProperty.call(COMPASS_POINTS, t) ? COMPASS_POINTS[t] : undefined;
  t = t
    .replace(/[\s_-]+/g, '')
    .replace(/north/g, 'n')
    .replace(/south/g, 's')
    .replace(/east/g, 'e')
    .replace(/west/g, 'w');
  return Object.prototype.hasOwnProperty.call(COMPASS_POINTS, t) ? COMPASS_POINTS[t] : undefined;
}

/** An unsigned angle in [0, 360] or a compass word; undefined if neither. */
function unsignedAngle(token: string): number | undefined {
  const m = NUMBER_RE.exec(token.trim());
  if (m) {
    if (m[1] !== '') return undefined;
    const v = Number(m[2]);
    return v >= 0 && v <= 360 ? v : undefined;
  }
  return compassHeading(token.trim());
}

/**
 * Parses an OSM `camera:direction` / `direction` value.
 *
 * Accepted forms (case-insensitive, surrounding spaces ignored):
 * - degrees `0`…`360`, decimals and a trailing `°` allowed; `360` alone means
 *   omnidirectional (`{ heading: 0, fov: 360 }`); negative degrees down to
 *   −360 are normalised into [0, 360) and say so in `note`;
 * - compass points `N`, `NNE`, `NE`, … `NNW`, and words `north`,
 *   `south-west`, `north east`, `northnortheast`, … (`N-E`, with a separator
 *   between abbreviations, is the range from N to E);
 * - a clockwise range `a-b` (degrees or compass points): the heading is the
 *   middle of the clockwise arc from a to b and the fov its width
 *   (`190-100` → heading 325, fov 270); `0-360` is the full circle; `a-a` (zero width,
 *   ambiguous) is also read as the full circle and says so in `note`;
 * - a list separated by `;` or `,` (`180, 270`, `90;160;270`): one direction per item.
 *
 * @param value - the tag value (a string; a finite number is read as degrees)
 * @returns `{ ok: true, directions }` or `{ ok: false, reason }`; never throws
 * @example
 * parseCameraDirection('SW')       // { ok: true, directions: [{ heading: 225 }] }
 * parseCameraDirection('190-100')  // { ok: true, directions: [{ heading: 325, fov: 270 }] }
 * parseCameraDirection('180, 270') // { ok: true, directions: [{ heading: 180 }, { heading: 270 }] }
 * parseCameraDirection('up')       // { ok: false, reason: 'unrecognised direction "up"' }
 */
export function parseCameraDirection(value: unknown): DirectionParseResult {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'not a finite number' };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { ok: false, reason: `not a string (${value === null ? 'null' : typeof value})` };
  }
  if (text === '') return { ok: false, reason: 'empty value' };
  const tokens = text.split(/[;,]/).map((t) => t.trim());
  const directions: ParsedDirection[] = [];
  const notes: string[] = [];
  for (const token of tokens) {
    if (token === '') return { ok: false, reason: `empty item in list "${text}"` };
    const num = NUMBER_RE.exec(token);
    if (num) {
      const v = Number(num[2]) * (num[1] === '-' ? -1 : 1);
      if (v < -360 || v > 360) return { ok: false, reason: `angle ${token} outside [-360, 360]` };
      if (v === 360 && num[1] !== '-' && tokens.length === 1) {
        directions.push({ heading: 0, fov: 360 });
        continue;
      }
      const h = normaliseDegrees(v) + 0;
      if (v < 0) notes.push(`negative angle ${token} read as ${h}°`);
      directions.push({ heading: h });
      continue;
    }
    const word = compassHeading(token);
    if (word !== undefined) {
      directions.push({ heading: word });
      continue;
    }
    const range = RANGE_RE.exec(token);
    if (range) {
      const a = unsignedAngle(range[1]);
      const b = unsignedAngle(range[2]);
      if (a === undefined || b === undefined) return { ok: false, reason: `unrecognised range "${token}"` };
      let width = normaliseDegrees(b - a);
      if (width === 0) {
        width = 360;
        // `0-360` clearly means the full circle; `90-90` is ambiguous (zero width, or all round?).
        if (a === b) notes.push(`zero-width range "${token}" (start equals end) read as the full circle`);
      }
      directions.push({ heading: normaliseDegrees(a + width / 2) + 0, fov: width });
      continue;
    }
    return { ok: false, reason: `unrecognised direction "${token}"` };
  }
  return notes.length ? { ok: true, directions, note: notes.join('; ') } : { ok: true, directions };
}
