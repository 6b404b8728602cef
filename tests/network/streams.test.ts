import { describe, expect, it } from 'vitest';
import { createCameraSet } from '../../src/cameras/camera-set.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { cameraBitrates, streamBitrate, streamStorageTB } from '../../src/network/streams.js';

describe('stream bitrate model', () => {
  it('gives width × height × fps × bits per pixel', () => {
    // 1920 × 1080 × 25 × 0.07 = 3,628,800 bit/s
    expect(streamBitrate(1920)).toBeCloseTo(3.6288, 12);
    // H.265 halves it; 4K (3840 × 2160) is four times 1080p
    expect(streamBitrate(1920, 25, 'h265')).toBeCloseTo(1.8144, 12);
    expect(streamBitrate(3840, 25, 'h264')).toBeCloseTo(4 * 3.6288, 12);
    // frame rate scales linearly; aspect 3/4 gives 1280 × 960 at 12.5 fps = 1280·960·12.5·0.07 = 1,075,200 bit/s
    expect(streamBitrate(1280, 12.5, 'h264', 3 / 4)).toBeCloseTo(1.0752, 12);
  });

  it('fills a per-camera column from each resolution', () => {
    const cams = createCameraSet([
      { x: 0, y: 0, heading: 0, fov: 90, resolutionPx: 1920 },
      { x: 0, y: 0, heading: 0, fov: 90, resolutionPx: 3840 },
    ]);
    const col = cameraBitrates(cams, { codec: 'h265', fps: 30 });
    expect(col[0]).toBeCloseTo(streamBitrate(1920, 30, 'h265'), 12);
    expect(col[1]).toBeCloseTo(streamBitrate(3840, 30, 'h265'), 12);
    // motion rank 2 doubles it
    expect(cameraBitrates(cams, { motion: 2 })[0]).toBeCloseTo(2 * 3.6288, 12);
    expect(() => cameraBitrates(cams, { motion: 0 })).toThrow(/cameraBitrates: options.motion must be a finite number > 0, got 0/);
  });

  it('turns a bitrate into terabytes per retention period', () => {
    // 8 Mbit/s = 1 MB/s; one day = 86,400 MB = 0.0864 TB
    expect(streamStorageTB(8, 1)).toBeCloseTo(0.0864, 12);
    expect(streamStorageTB(3.6288, 30)).toBeCloseTo(1.1757312, 10);
    expect(streamStorageTB(0, 30)).toBe(0);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => streamBitrate(0)).toThrow(/streamBitrate: resolutionPx must be a finite number > 0, got 0/);
    expect(() => streamBitrate(1920, -1)).toThrow(/arguments.fps must be a finite number > 0, got -1/);
    expect(() => streamBitrate(1920, 25, 'mjpeg' as never)).toThrow(/codec must be one of "h264", "h265", got "mjpeg"/);
    expect(() => streamBitrate(1920, 25, 'h264', NaN)).toThrow(/aspect must be a finite number > 0, got NaN/);
    expect(() => cameraBitrates(createCameraSet([]), { fps: 0 })).toThrow(/cameraBitrates: options.fps/);
    expect(() => streamStorageTB(-1, 1)).toThrow(InvalidInputError);
    expect(() => streamStorageTB(1, Infinity)).toThrow(/days must be a finite number >= 0, got Infinity/);
  });
});
