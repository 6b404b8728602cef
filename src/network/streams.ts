/**
 * Stream bitrate model: how many megabits per second a camera's video needs,
 * from its horizontal resolution, frame rate and codec, so that bandwidth and
 * storage follow from the camera mix.
 *
 * bitrate (bit/s) = width × height × fps × bitsPerPixel(codec)
 *
 * with height = width × 9 / 16 (16:9 sensors). See {@link STREAM_DEFAULTS}
 * and {@link CODEC_BITS_PER_PIXEL} for the sources of the constants.
 */
import { type CameraSet } from '../cameras/index.js';
import { InvalidInputError } from '../core/index.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Video codecs the bitrate model knows. */
export type VideoCodec = 'h264' | 'h265';
export const VIDEO_CODECS: readonly VideoCodec[] = ['h264', 'h265'];

/**
 * Bits per pixel per frame of a typical surveillance stream, by codec.
 *
 * - `h264`: 0.07 — the "Kush gauge" rule of thumb for "good quality" H.264
 *   (Kush Amerasinghe, "H.264 for the rest of us", Adobe; formula: bitrate =
 *   width × height × fps × motion rank (1 low, 2 medium, 4 high) × 0.07 bit/s,
 *   as quoted e.g. at https://blog.sporv.com/restoration-tips-kush-gauge/).
 *   Motion rank 1 (low motion) is taken for a fixed street camera: an
 *   assumption. It gives 3.63 Mbit/s for 1080p at 25 fps.
 * - `h265`: half of H.264: HEVC's design goal and tested result is about 50%
 *   bit-rate reduction at equal perceptual quality (Sullivan, Ohm, Han &
 *   Wiegand, "Overview of the High Efficiency Video Coding (HEVC) Standard",
 *   IEEE TCSVT 22(12), 2012; Tan et al., "Video Quality Evaluation Methodology
 *   and Verification Testing of HEVC Compression Performance", IEEE TCSVT
 *   26(1), 2016).
 */
export const CODEC_BITS_PER_PIXEL: Readonly<Record<VideoCodec, number>> = {
  h264: 0.07,
  h265: 0.035,
};

/** Defaults of the stream model. */
export const STREAM_DEFAULTS = {
  /**
   * Frames per second. Assumption: 25 fps, the PAL-region frame rate that CCTV
   * in Kazakhstan (a 50 Hz mains country) is commonly configured to; no
   * sourced figure for the Almaty or Astana systems.
   */
  fps: 25,
  /** Codec. Assumption: H.264, still the most widely deployed CCTV codec. */
  codec: 'h264' as VideoCodec,
  /** Frame aspect ratio height / width. Assumption: 16:9 (9 / 16), the shape of HD and 4K sensors. */
  aspect: 9 / 16,
  /** Kush-gauge motion rank: 1 low (default; assumption for a fixed street camera), 2 medium, 4 high. */
  motion: 1,
} as const;

/** The options cameraBitrates knows (its unknown options are refused), also the known keys of a `stream` option. */
export const STREAM_OPTION_KEYS = optionKeys<StreamOptions>()(STREAM_DEFAULTS, []);

/** Options of the stream model. */
export interface StreamOptions {
  /** Frames per second, > 0 (default 25). */
  fps?: number;
  /** Codec (default `h264`). */
  codec?: VideoCodec;
  /** Height / width of the frame, > 0 (default 9/16). */
  aspect?: number;
  /** Motion rank multiplying the bitrate, > 0 (Kush gauge: 1 low, 2 medium, 4 high; default 1). */
  motion?: number;
}

/** Resolved stream options (recorded in results). */
export interface ResolvedStreamOptions {
  fps: number;
  codec: VideoCodec;
  aspect: number;
  motion: number;
  /** Bits per pixel per frame: CODEC_BITS_PER_PIXEL[codec] × motion. */
  bitsPerPixel: number;
}

/**
 * Validates and fills stream options.
 * @param options - partial options (may be undefined)
 * @param origin - function name for errors
 * @param field - field path for errors (default `options.stream`)
 * @returns the resolved options with the codec's bits per pixel
 * @throws {InvalidInputError} on fps ≤ 0, an unknown codec, aspect ≤ 0 or motion ≤ 0
 */
export function resolveStreamOptions(options: StreamOptions | undefined, origin: string, field = 'options.stream'): ResolvedStreamOptions {
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, field, 'must be an object', options);
  const fps = o.fps ?? STREAM_DEFAULTS.fps;
  if (typeof fps !== 'number' || !Number.isFinite(fps) || fps <= 0) throw new InvalidInputError(origin, `${field}.fps`, 'must be a finite number > 0', fps);
  const codec = o.codec ?? STREAM_DEFAULTS.codec;
  if (!VIDEO_CODECS.includes(codec)) throw new InvalidInputError(origin, `${field}.codec`, `must be one of ${VIDEO_CODECS.map((c) => JSON.stringify(c)).join(', ')}`, codec);
  const aspect = o.aspect ?? STREAM_DEFAULTS.aspect;
  if (typeof aspect !== 'number' || !Number.isFinite(aspect) || aspect <= 0) throw new InvalidInputError(origin, `${field}.aspect`, 'must be a finite number > 0', aspect);
  const motion = o.motion ?? STREAM_DEFAULTS.motion;
  if (typeof motion !== 'number' || !Number.isFinite(motion) || motion <= 0) throw new InvalidInputError(origin, `${field}.motion`, 'must be a finite number > 0', motion);
  return { fps, codec, aspect, motion, bitsPerPixel: CODEC_BITS_PER_PIXEL[codec] * motion };
}

/**
 * Bitrate of one video stream, Mbit/s (10^6 bit/s).
 *
 * @param resolutionPx - horizontal resolution in pixels, > 0
 * @param fps - frames per second, > 0 (default 25)
 * @param codec - `h264` | `h265` (default `h264`)
 * @param aspect - height / width (default 9/16)
 * @returns width × width·aspect × fps × bitsPerPixel(codec) / 10^6
 * @throws {InvalidInputError} on a non-positive resolution or fps, an unknown codec or a bad aspect
 * @example
 * streamBitrate(1920, 25, 'h264') // 3.6288 (1080p25 H.264)
 * streamBitrate(3840, 25, 'h265') // 7.2576 (4K25 H.265)
 */
export function streamBitrate(resolutionPx: number, fps: number = STREAM_DEFAULTS.fps, codec: VideoCodec = STREAM_DEFAULTS.codec, aspect: number = STREAM_DEFAULTS.aspect): number {
  const origin = 'streamBitrate';
  if (typeof resolutionPx !== 'number' || !Number.isFinite(resolutionPx) || resolutionPx <= 0) {
    throw new InvalidInputError(origin, 'resolutionPx', 'must be a finite number > 0', resolutionPx);
  }
  const r = resolveStreamOptions({ fps, codec, aspect }, origin, 'arguments');
  const mbps = (resolutionPx * resolutionPx * r.aspect * r.fps * r.bitsPerPixel) / 1e6;
  if (!Number.isFinite(mbps)) throw new InvalidInputError(origin, 'resolutionPx', 'is too large: the bitrate overflows', resolutionPx);
  return mbps;
}

/**
 * Per-camera bitrate column, Mbit/s, from each camera's `resolutionPx` and
 * the stream options (one frame rate and codec for the whole set).
 *
 * @param cameras - the camera set
 * @param options - fps, codec, aspect, motion
 * @returns a Float64Array of length `cameras.numCameras`
 * @throws {InvalidInputError} on bad options
 * @example
 * const mbps = cameraBitrates(cameras, { codec: 'h265' });
 *
 * Complexity: O(cameras).
 */
export function cameraBitrates(cameras: CameraSet, options?: StreamOptions): Float64Array {
  checkOptions('cameraBitrates', options, STREAM_OPTION_KEYS);
  const r = resolveStreamOptions(options, 'cameraBitrates', 'options');
  const n = cameras.numCameras;
  const out = new Float64Array(n);
  const k = (r.aspect * r.fps * r.bitsPerPixel) / 1e6;
  const res = cameras.resolutionPx;
  for (let i = 0; i < n; i++) out[i] = res[i] * res[i] * k;
  return out;
}

/** Seconds per day, for storage: bytes per day = bitrate (bit/s) × 86,400 / 8. */
const SECONDS_PER_DAY = 86_400;

/**
 * Storage for `days` days of a stream of `mbps` Mbit/s, terabytes (10^12 bytes).
 * @param mbps - bitrate, Mbit/s, ≥ 0
 * @param days - days kept, ≥ 0
 * @returns mbps × 10^6 / 8 × 86,400 × days / 10^12
 * @throws {InvalidInputError} on a negative or non-finite argument
 * @example streamStorageTB(3.6288, 30) // ≈ 1.176 TB for 30 days of 1080p25 H.264
 */
export function streamStorageTB(mbps: number, days: number): number {
  if (typeof mbps !== 'number' || !Number.isFinite(mbps) || mbps < 0) throw new InvalidInputError('streamStorageTB', 'mbps', 'must be a finite number >= 0', mbps);
  if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) throw new InvalidInputError('streamStorageTB', 'days', 'must be a finite number >= 0', days);
  return (mbps * 1e6 * SECONDS_PER_DAY * days) / 8 / 1e12;
}
