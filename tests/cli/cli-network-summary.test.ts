/**
 * The CLI summary's network lines, in process (runCli from the source, no
 * build needed): the connected live share and, on the next line, the share
 * delivered through the links' capacity, both as in results.json.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';

describe('sightline run: the network summary lines', () => {
  it('prints the connected and the delivered live share of results.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-cli-network-'));
    let out = '';
    const code = await runCli(['run', '--preset', 'almaty', '--num-cameras', '1500', '--residents', '100', '--out', dir, '--quiet'], {
      stdout: { write: (t: string) => void (out += t) },
      stderr: { write: () => undefined, isTTY: false },
    });
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const s = r.metrics.network.steady;
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    const lines = out.split('\n');
    const i = lines.findIndex((l) => /^ {2}live at the command centre\s/.test(l));
    expect(lines[i]).toContain(`${pct(s.liveShare)} (${s.liveServed.toLocaleString('en-US')} cameras)`);
    expect(lines[i + 1]).toMatch(/^ {2}live delivered through link capacity\s+/);
    expect(lines[i + 1]).toContain(`${pct(s.deliveredShare)} (${Math.round(s.deliveredStreams).toLocaleString('en-US')} streams; fair share on overloaded links)`);
    expect(r.headline.networkDeliveredLiveShare).toBe(s.deliveredShare);
  }, 120_000);
});
