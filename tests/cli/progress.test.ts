import { describe, expect, it } from 'vitest';
import { createProgressPrinter } from '../../src/cli/progress.js';
import type { ScenarioProgress } from '../../src/index.js';

const ev = (phase: ScenarioProgress['phase'], fraction: number, extra: Partial<ScenarioProgress> = {}): ScenarioProgress => ({ phase, step: 'coverage', label: 'Area coverage', index: 2, total: 7, fraction, ...extra });

function capture(isTTY: boolean, quiet = false) {
  let text = '';
  const p = createProgressPrinter({ isTTY, write: (t) => (text += t) }, quiet);
  return { p, text: () => text };
}

describe('createProgressPrinter', () => {
  it('prints plain lines when not on a terminal: start, detailed progress, end with the time', () => {
    const { p, text } = capture(false);
    p.onProgress(ev('start', 0));
    p.onProgress(ev('progress', 0.5, { detail: 'level range' }));
    p.onProgress(ev('progress', 0.7)); // no detail: no line
    p.onProgress(ev('end', 1, { ms: 1234 }));
    p.end();
    expect(text()).toBe('[3/7] Area coverage ...\n[3/7] Area coverage 50% level range\n[3/7] Area coverage done in 1.23 s\n');
  });

  it('redraws one bar in place on a terminal and ends the line when the step ends', () => {
    const { p, text } = capture(true);
    p.onProgress(ev('start', 0));
    p.onProgress(ev('progress', 0.5, { detail: 'level range' }));
    p.onProgress(ev('end', 1, { ms: 2000 }));
    const t = text();
    expect(t.split('\r\x1b[2K')).toHaveLength(4);
    // 24 cells: half filled at 50 %.
    expect(t).toContain(`${'█'.repeat(12)}${'░'.repeat(12)} 50% level range`);
    expect(t.endsWith(`${'█'.repeat(24)} done in 2.00 s\n`)).toBe(true);
  });

  it('closes a bar left open (an interrupted step) with a newline, once', () => {
    const { p, text } = capture(true);
    p.onProgress(ev('start', 0));
    p.end();
    p.end();
    expect(text().endsWith('0%\n')).toBe(true);
  });

  it('prints nothing when quiet', () => {
    const { p, text } = capture(false, true);
    p.onProgress(ev('start', 0));
    p.onProgress(ev('end', 1, { ms: 1 }));
    p.end();
    expect(text()).toBe('');
  });
});
