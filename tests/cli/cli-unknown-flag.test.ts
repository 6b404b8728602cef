/**
 * An unknown flag is a usage error that names it and suggests the nearest
 * known flag (issue 17, as the library does for an unknown option key).
 * In process: runCli with captured streams (no build needed).
 */
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/cli/cli.js';

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io = { stdout: { write: () => undefined }, stderr: { write: (t: string) => { stderr += t; }, isTTY: false } };
  const code = await runCli(argv, io as never);
  return { code, stderr };
}

describe('sightline: unknown flags', () => {
  it('suggests the nearest flag', async () => {
    const r = await run(['run', '--preset', 'almaty', '--num-camera', '5']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('unknown option --num-camera; did you mean --num-cameras?');
  });

  it('suggests --num-cameras, not its deprecated name, for a misspelt --cameras', async () => {
    const r = await run(['run', '--preset', 'almaty', '--camera', '5']);
    expect(r.stderr).toContain('unknown option --camera; did you mean --num-cameras?');
    expect((await run(['run', '--cameras-typo', '5'])).stderr).toContain('unknown option --cameras-typo; did you mean --num-cameras?');
  });

  it('points to --help when no flag is near', async () => {
    const r = await run(['run', '--zzz']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('unknown option --zzz; run sightline --help for the options');
  });
});
