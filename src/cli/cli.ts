/**
 * The `sightline` command: run scenarios, compare them, quick coverage,
 * exposure of a route, camera import from OpenStreetMap.
 *
 * Exit codes: 0 ok; 1 the analysis failed (bad data in a file, a step
 * error); 2 usage error (unknown command or option, missing argument);
 * 3 invalid scenario (schema errors, unreadable JSON), an invalid sweep file
 * or shards that cannot be merged, or a run too large for the machine's
 * memory (unless --force); 130 interrupted (Ctrl-C /
 * SIGINT), 143 terminated (SIGTERM): the run stops between steps, or while
 * writing before the new output folder is swapped in; the output folder is
 * then as it was, with no partial file.
 */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SightlineError, UsageError } from '../core/index.js';
import { nearestKey, warnDeprecated } from '../core/internal.js';
import { importOsmCameras } from '../cameras/index.js';
import { terminateCoverageWorkers } from '../coverage/index.js';
import { routeExposure } from '../exposure/index.js';
import { ScenarioError, ScenarioAbortError, parseScenario, scenarioJsonSchema, type ScenarioInput, scenarioPreset, SCENARIO_PRESET_NAMES, type ScenarioPresetName, runScenarioDetailed, type ScenarioRun, compareScenarios, type ScenarioComparison, type ScenarioResult, SIGHTLINE_VERSION } from '../scenario/index.js';
import { writeFileAtomic, camerasGeoJsonChunks, writeScenarioOutputsAsync, buildComparisonHtml, OUTPUT_FILES, OUTPUT_FORMATS, type OutputFormat } from '../io/index.js';
import { formatWithInterval } from '../scenario/internal.js';
import { outputFileProblem, removeStaleTempFiles, makeFolders } from '../io/internal.js';
import { createProgressPrinter, type ProgressSink } from './progress.js';
import { guardResources, ResourceLimitError } from './resource-guard.js';
import { cmdSweep } from './sweep-command.js';
import { prepareOutFolder, readInput } from './cli-files.js';
import { sweepJsonSchema, SweepError } from '../sweep/index.js';

/** Exit codes of the command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, invalidScenario: 3, interrupted: 130, terminated: 143 } as const;

/** Streams and environment of one invocation (injectable for tests). */
export interface CliIo {
  stdout: { write(text: string): void };
  stderr: ProgressSink;
  /** Aborted on Ctrl-C (reason `'SIGINT'`) or SIGTERM (reason `'SIGTERM'`: exit 143) by the entry point. */
  signal?: AbortSignal;
  cwd?: string;
}

export const USAGE = `sightline ${SIGHTLINE_VERSION} — model smart-city camera networks

Usage:
  sightline run <scenario.json> [--out DIR]       run a scenario (- reads it from standard input), write results and report
  sightline run --preset NAME [--num-cameras N] [--residents N] [--seed S] [--out DIR] [--format geojson,fgb]
  sightline compare A B [C ...] [--out DIR]        compare results.json or scenario files, each against A
                (DIR: comparison.json and comparison.html, or comparison-2.html … for three or more)
  sightline coverage [<scenario.json> | --preset NAME] [--num-cameras N] [--level L]... [--occlusion]
  sightline route (<scenario.json> | --preset NAME) --path "lon,lat;lon,lat;..." [--level L] [--occlusion]
  sightline import-osm <cameras.geojson> --out FILE   import OSM surveillance cameras, with a report
                (- as the input reads standard input; --out - writes the GeoJSON to standard output)
  sightline sweep <sweep.json> --out DIR [--jobs N] [--shard I/N]   run a scenario over seeds and varied inputs
                (DIR: runs.csv, summary.json, report.html; with a shard: DIR/shard-I-of-N/)
  sightline sweep merge <DIR>... --out DIR         combine shard folders (byte-identical to the whole sweep)
  sightline schema [--sweep] [--out FILE]          the scenario (or sweep) JSON Schema (for editors)

Options:
  --json        machine-readable output on stdout (progress stays on stderr)
  --quiet       no progress output
  --preset      ${SCENARIO_PRESET_NAMES.join(', ')}
  --num-cameras N  scale the preset's cameras to N in total (quick runs; --cameras is its
                deprecated name, accepted for one release)
  --residents N residents simulated by the preset's exposure analysis (default 10,000)
  --seed S      an integer (at most 2^53 − 1 in size) or a word
  --format F    run: formats of the large map layers (cameras, footprints, coverage grid, density),
                geojson, fgb (FlatGeobuf) or geojson,fgb (default geojson; see docs/guide/gis.md)
  --force       run even when the memory estimate says the run will not fit
  --jobs N      sweep: worker processes (default 1; each runs a block of runs with its own cache)
  --shard I/N   sweep: run only shard I (0-based) of N; default from SLURM_ARRAY_TASK_ID or
                JOB_COMPLETION_INDEX, with SIGHTLINE_SHARD_COUNT (or SLURM_ARRAY_TASK_COUNT)
  --sweep       schema: the sweep file's schema instead of the scenario's
  -h, --help    this text (sightline COMMAND --help: that command's);  -v, --version   the version

The --out folder of run is replaced as a unit (staged beside it, then swapped in): it holds
wholly the previous run or wholly the new one; files of yours in it are kept.

Exit codes: 0 ok, 1 analysis failed, 2 usage error, 3 invalid scenario or sweep, or too large for memory,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
`;

const OPTIONS = {
  out: { type: 'string' },
  preset: { type: 'string' },
  'num-cameras': { type: 'string' },
  /** Deprecated name of --num-cameras (one release). */
  cameras: { type: 'string' },
  residents: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  level: { type: 'string', multiple: true },
  occlusion: { type: 'boolean' },
  path: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  force: { type: 'boolean' },
  'include-indoor': { type: 'boolean' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  sweep: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: 'boolean' } ? boolean : string };

/** Which options each command accepts (others are usage errors, not silently ignored). */
const ALLOWED: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  run: ['out', 'preset', 'num-cameras', 'cameras', 'residents', 'seed', 'format', 'json', 'quiet', 'force'],
  compare: ['out', 'json', 'quiet', 'force'],
  coverage: ['preset', 'num-cameras', 'cameras', 'seed', 'level', 'occlusion', 'json', 'quiet', 'force'],
  route: ['preset', 'num-cameras', 'cameras', 'seed', 'level', 'occlusion', 'path', 'json', 'quiet', 'force'],
  'import-osm': ['out', 'json', 'include-indoor'],
  schema: ['out', 'sweep'],
  sweep: ['out', 'jobs', 'shard', 'json', 'quiet', 'force'],
};

const CLI = 'sightline';

/**
 * The help of one command: its usage lines and the options it accepts, cut
 * from {@link USAGE} and {@link ALLOWED} (one source for both texts).
 */
export function commandUsage(command: string): string {
  const lines = USAGE.split('\n');
  const usage: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith(`  sightline ${command} `) && lines[i] !== `  sightline ${command}`) continue;
    usage.push(lines[i]);
    // Continuation lines of that usage line (deeper indented).
    while (i + 1 < lines.length && /^ {4,}\S/.test(lines[i + 1])) usage.push(lines[++i]);
  }
  const allowed = new Set<string>([...(Object.hasOwn(ALLOWED, command) ? ALLOWED[command] : []), 'help', 'version']);
  const opts: string[] = [];
  const start = lines.indexOf('Options:');
  let keep = false;
  for (let i = start + 1; i < lines.length && lines[i] !== ''; i++) {
    const l = lines[i];
    const m = /^  (-h, )?--([\w-]+)/.exec(l);
    if (m) keep = allowed.has(m[2]) && m[2] !== 'cameras';
    if (keep) opts.push(l);
  }
  return `sightline ${SIGHTLINE_VERSION} — ${command}\n\nUsage:\n${usage.join('\n')}\n${opts.length ? `\nOptions:\n${opts.join('\n')}\n` : ''}\nExit codes: 0 ok, 1 analysis failed, 2 usage error, 3 invalid scenario or sweep, or too large for memory, 130 interrupted, 143 terminated.\n`;
}

/**
 * parseArgs' error, with the nearest known flag suggested for an unknown one
 * (`unknown option --num-camera; did you mean --num-cameras?`), as the library does for an unknown option key.
 */
function unknownFlagMessage(e: Error & { code?: string }): string {
  const m = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(--?)([^'=]+)'/.exec(e.message) : null;
  if (m === null) return e.message;
  const flag = m[1] + m[2];
  const near = m[1] === '--' ? nearestKey(m[2], Object.keys(OPTIONS)) : undefined;
  // --cameras is the deprecated name of --num-cameras: suggest the current one.
  const suggestion = near === 'cameras' ? 'num-cameras' : near;
  return `unknown option ${flag}; ${suggestion !== undefined ? `did you mean --${suggestion}?` : 'run sightline --help for the options'}`;
}

/**
 * Runs the command with the given arguments.
 *
 * @param argv - arguments after the program name, e.g. `['run', '--preset', 'almaty']`
 * @param io - output streams, the abort signal (Ctrl-C), the working directory
 * @returns the exit code (see {@link EXIT})
 * @example process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(CLI, unknownFlagMessage(e as Error & { code?: string }));
    }
    const values = parsed.values as Values;
    json = values.json === true;
    const [command, ...positionals] = parsed.positionals;
    if (values.version) {
      io.stdout.write(json ? JSON.stringify({ version: SIGHTLINE_VERSION }) + '\n' : `${SIGHTLINE_VERSION}\n`);
      return EXIT.ok;
    }
    if (values.help && command !== undefined && Object.hasOwn(ALLOWED, command)) {
      io.stdout.write(commandUsage(command));
      return EXIT.ok;
    }
    if (command === 'help' && positionals.length === 1 && Object.hasOwn(ALLOWED, positionals[0])) {
      io.stdout.write(commandUsage(positionals[0]));
      return EXIT.ok;
    }
    if (values.help || command === undefined || command === 'help') {
      io.stdout.write(USAGE);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const allowed = Object.hasOwn(ALLOWED, command) ? ALLOWED[command] : undefined;
    if (!allowed) throw new UsageError(CLI, `unknown command ${JSON.stringify(command)} (run sightline --help)`);
    for (const k of Object.keys(values)) {
      if (!(allowed as readonly string[]).includes(k) && k !== 'help' && k !== 'version') throw new UsageError(CLI, `${command}: option --${k} does not apply (run sightline --help)`);
    }
    const ctx = { io, values, json, cwd: io.cwd ?? process.cwd() };
    switch (command) {
      case 'run':
        return await cmdRun(ctx, positionals);
      case 'compare':
        return await cmdCompare(ctx, positionals);
      case 'coverage':
        return await cmdCoverage(ctx, positionals);
      case 'route':
        return await cmdRoute(ctx, positionals);
      case 'import-osm':
        return cmdImportOsm(ctx, positionals);
      case 'sweep':
        return await cmdSweep(ctx, positionals);
      default:
        return cmdSchema(ctx, positionals);
    }
  } catch (e) {
    return reportError(e, io, json);
  } finally {
    await terminateCoverageWorkers();
  }
}

interface Ctx {
  io: CliIo;
  values: Values;
  json: boolean;
  cwd: string;
}

/** Exit code of an interruption: 143 for SIGTERM, 130 otherwise (Ctrl-C). */
function interruptedCode(io: CliIo): number {
  return io.signal?.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

function reportError(e: unknown, io: CliIo, json: boolean): number {
  let code: number = EXIT.failure;
  const interrupted = e instanceof ScenarioAbortError || (e as Error)?.name === 'AbortError';
  if (interrupted) code = interruptedCode(io);
  else if (e instanceof UsageError) code = EXIT.usage;
  else if (e instanceof ScenarioError || e instanceof SweepError || e instanceof ResourceLimitError) code = EXIT.invalidScenario;
  const err = e as Error & { issues?: unknown };
  const message = interrupted ? `${code === EXIT.terminated ? 'terminated' : 'interrupted'}: stopped cleanly, no partial file left (the output folder is as it was)` : err?.message ?? String(e);
  if (json) {
    io.stdout.write(JSON.stringify({ ok: false, exitCode: code, error: { name: err?.name ?? 'Error', message, ...(err?.issues ? { issues: err.issues } : {}) } }) + '\n');
  } else {
    io.stderr.write(`${code === EXIT.usage ? 'usage error' : e instanceof ScenarioError ? 'invalid scenario' : e instanceof ResourceLimitError ? 'too large' : interrupted ? 'sightline' : 'error'}: ${message}\n`);
    if (!(e instanceof SightlineError) && code === EXIT.failure && err?.stack) io.stderr.write(`${err.stack}\n`);
  }
  return code;
}

/** Reads a scenario file, or the preset named by --preset; returns the scenario and the directory its paths are relative to. */
function loadScenario(ctx: Ctx, positionals: string[], command: string): { scenario: ScenarioInput | unknown; baseDir: string } {
  const { values } = ctx;
  if (values.preset !== undefined && positionals.length > 0) throw new UsageError(CLI, `${command}: give a scenario file or --preset, not both`);
  if (positionals.length > 1) throw new UsageError(CLI, `${command}: one scenario file expected, got ${positionals.length}`);
  if (values.cameras !== undefined) {
    if (values['num-cameras'] !== undefined) throw new UsageError(CLI, '--cameras is the deprecated name of --num-cameras: give only --num-cameras');
    warnDeprecated('sightline:cli-cameras', '--cameras is deprecated: use --num-cameras');
  }
  const camerasFlag = values.cameras !== undefined ? '--cameras' : '--num-cameras';
  const camerasText = values['num-cameras'] ?? values.cameras;
  const count = camerasText === undefined ? undefined : parseCount(camerasFlag, camerasText);
  const residents = values.residents === undefined ? undefined : parseCount('--residents', values.residents);
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  if (values.preset !== undefined || positionals.length === 0) {
    const name = values.preset ?? 'almaty';
    if (!(SCENARIO_PRESET_NAMES as readonly string[]).includes(name)) throw new UsageError(CLI, `--preset must be one of ${SCENARIO_PRESET_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
    return { scenario: scenarioPreset(name as ScenarioPresetName, { numCameras: count, numResidents: residents, seed }), baseDir: ctx.cwd };
  }
  // `-`: the scenario on standard input (files it names are relative to the working directory).
  const file = positionals[0] === '-' ? '-' : resolve(ctx.cwd, positionals[0]);
  const scenario = readScenarioFile(file);
  if (seed !== undefined || count !== undefined || residents !== undefined) throw new UsageError(CLI, `${command}: --seed, --num-cameras and --residents apply to --preset only (set them in the scenario file)`);
  return { scenario, baseDir: file === '-' ? ctx.cwd : dirname(file) };
}

/**
 * A count option: decimal digits only (no sign, exponent, hex, fraction or
 * spaces), at least 1, exactly representable.
 */
function parseCount(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || !Number.isSafeInteger(n)) throw new UsageError(CLI, `${flag} must be an integer >= 1, got ${JSON.stringify(text)} (decimal digits only, at most ${Number.MAX_SAFE_INTEGER})`);
  return n;
}

/**
 * `--seed`: an integer (decimal digits, optional minus) within ±(2^53 − 1),
 * where every integer is exact (beyond it two seeds would round to one
 * number), or a word. Anything that reads as another kind of number (1.5,
 * 1e3, 0x10, Infinity, NaN) is refused rather than guessed.
 */
function parseSeed(text: string): number | string {
  if (text.length === 0) throw new UsageError(CLI, '--seed must not be empty');
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new UsageError(CLI, `--seed ${text} is beyond ±${Number.MAX_SAFE_INTEGER} (2^53 − 1), where different integers round to the same number; give a smaller integer or a word, got ${JSON.stringify(text)}`);
    return n === 0 ? 0 : n;
  }
  if (/^\s|\s$/.test(text) || !Number.isNaN(Number(text)) || /^[-+]?(infinity|nan)$/i.test(text)) throw new UsageError(CLI, `--seed must be an integer (decimal digits) or a word, got ${JSON.stringify(text)}`);
  return text;
}

/** Checks an output file before any work (usage error, exit 2), and removes temp files that killed earlier writes of it left. */
function prepareOutFile(ctx: Ctx, value: string): string {
  const problem = outputFileProblem(value === '' ? '' : resolve(ctx.cwd, value));
  if (problem) throw new UsageError(CLI, `--out ${JSON.stringify(value)}: ${problem}`);
  const file = resolve(ctx.cwd, value);
  removeStaleTempFiles(file);
  return file;
}

/** A file-system error while writing outputs, as a message without a stack trace. */
function writeFailure(what: string, e: unknown): never {
  if (e instanceof SightlineError || (e as Error)?.name === 'AbortError') throw e;
  const err = e as NodeJS.ErrnoException;
  throw new SightlineError(CLI, `cannot write ${what}: ${err?.code ? `${err.code}: ` : ''}${err?.message ?? String(e)}`);
}

function readScenarioFile(file: string): unknown {
  const text = readInput(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(CLI, [{ path: '(root)', value: file, expected: 'must be valid JSON', message: `${file} is not valid JSON (${(e as Error).message})` }]);
  }
}

async function execute(ctx: Ctx, scenario: unknown, baseDir: string): Promise<ScenarioRun> {
  const spec = parseScenario(scenario); // invalid scenarios fail before any work
  // Too large for memory: refused before anything is allocated (unless --force).
  guardResources(spec, { force: ctx.values.force === true, warn: (t) => ctx.io.stderr.write(t), origin: CLI });
  const printer = createProgressPrinter(ctx.io.stderr, ctx.values.quiet === true);
  try {
    return await runScenarioDetailed(scenario, { onProgress: printer.onProgress, signal: ctx.io.signal, baseDir });
  } finally {
    printer.end();
  }
}

const pct = (x: number | null | undefined) => (x === undefined || x === null ? '–' : `${(100 * x).toFixed(2)}%`);
const int = (x: number | undefined) => (x === undefined ? '–' : Math.round(x).toLocaleString('en-US'));

function headlineText(r: ScenarioResult): string {
  const h = r.headline;
  const row = (label: string, value: string) => `  ${label.padEnd(40)} ${value}`;
  // A headline number with its 90 % interval when it has one (the keys printed so are not listed again at the end).
  const shown = new Set<string>();
  const ci = (key: string, value: number | null | undefined, fmt: (x: number) => string) => {
    shown.add(key);
    return formatWithInterval(value, r.intervals?.[key], fmt);
  };
  const pct2 = (x: number) => pct(x);
  const dec = (d: number) => (x: number) => x.toFixed(d);
  // Counts are of the cameras inside the study area; those outside are said, not counted.
  const outside = r.metrics.cameras.numOutside;
  const lines = [`${r.name} — sightline ${r.libraryVersion}, seed ${r.seed}`];
  for (const w of r.warnings ?? []) lines.push(`  warning: ${w}`);
  lines.push(row('cameras', `${int(h.cameras)} in the study area${outside ? ` (${int(outside)} outside not counted)` : ''}; ${int(h.liveCameras)} live, ${int(h.faceCameras)} face recognition, ${int(h.plateCameras)} plate reading`));
  for (const c of r.metrics.coverage?.runs ?? []) lines.push(row(`area seen (${c.level}${c.occlusion ? ', buildings block' : ''})`, `${pct(c.coveredFraction)} of ${c.studyAreaKm2.toFixed(0)} km²; by ≥2 cameras ${pct(c.atLeast[2] ?? 0)}`));
  // Each line says whether buildings block the view, so that lines computed differently are not read as one series.
  const blocking = (on: boolean) => (on ? 'buildings block' : 'buildings ignored');
  // A metric whose input is missing is said to be not computed, never 0 % of 0 km.
  const sc = r.metrics.streetCoverage;
  if (sc) lines.push(sc.coveredFraction === null ? `  street coverage: not computed (${sc.reason?.replace(/:.*$/, '') ?? 'no street data'})` : row(`street length seen (${blocking(sc.occlusion)})`, `${pct(sc.coveredFraction)} of ${sc.totalKm.toFixed(0)} km`));
  const fv = r.metrics.fullView;
  if (fv?.streets) lines.push(row(`streets face-on (${fv.level}, θ ${fv.effectiveAngle}°, ${blocking(fv.occlusion)})`, `walker ${pct(fv.streets.walkingOfCovered)}, full view ${pct(fv.streets.fullViewOfCovered)} of the ${fv.streets.coveredKm.toFixed(0)} km seen (${pct(fv.streets.coveredShare)} of streets)`));
  if (fv?.area) lines.push(row(`area full-view (${fv.level}, θ ${fv.effectiveAngle}°)`, `${ci('fullViewAreaShare', fv.area.fullView.share, pct2)} of the area; ${ci('fullViewAreaOfCovered', fv.area.fullViewOfCovered.share, pct2)} of the area seen`));
  const dm = r.metrics.districts;
  if (dm) lines.push(dm.reason ? `  per-district coverage: not computed (${dm.reason.replace(/:.*$/, '')})` : row(`share of each district seen (${blocking(dm.occlusion)})`, `${pct(h.districtCoveredFractionMin)} – ${pct(h.districtCoveredFractionMax)}`));
  const cbh = r.metrics.coverageByHour;
  if (cbh) for (const l of cbh.levels) lines.push(row(`area seen by day / night (${l.level})`, `${pct(l.day.coveredFraction)} / ${pct(l.night.coveredFraction)} (${cbh.date}: ${int(cbh.dayHours)} day hours)`));
  const n = r.metrics.network;
  if (n?.steady) lines.push(row('live at the command centre', `${pct(n.steady.liveShare)} (${int(n.steady.liveServed)} cameras); ${int(n.steady.overloadedLinks)} links over capacity`));
  if (n?.steady) lines.push(row('live delivered through link capacity', `${pct(n.steady.deliveredShare)} (${int(n.steady.deliveredStreams)} streams; fair share on overloaded links)`));
  if (n?.spof) {
    const w = n.spof.top.find((x) => x.kind !== 'city-centre' && x.kind !== 'national');
    if (w) lines.push(row('worst single failure below the centre', `${w.key}: ${int(w.camerasCut)} cameras cut off, live share ${pct(w.liveShareAfter)}`));
  }
  if (n?.outages) lines.push(row(`live share over ${int(n.outages.trials)} outage trials`, `mean ${ci('outageLiveShareMean', n.outages.liveShare.mean, pct2)}, 5th percentile ${ci('outageLiveShareP05', n.outages.liveShare.p05, pct2)}; delivered through link capacity: mean ${ci('outageDeliveredLiveShareMean', n.outages.deliveredShare.mean, pct2)}`));
  if (n?.damage) lines.push(row('after the damage', `${int(n.damage.camerasDark)} cameras dark; live ${pct(n.damage.liveShareBefore)} → ${pct(n.damage.liveShareAfter)}${n.damage.coveredFractionAfter !== null ? `; area seen ${pct(n.damage.coveredFractionBefore ?? undefined)} → ${pct(n.damage.coveredFractionAfter)}` : ''}`));
  const up = n?.uptime;
  if (up) {
    lines.push(row(`uptime over ${int(up.days)} days`, `districts fully covered on ${pct(up.fullyCoveredShareMean)} of days (mean; ≥ ${pct(1 - up.tolerance)} of cameras all day); live share ${pct(up.liveShareMean)} on average`));
    lines.push(row('', `cameras up ${pct(up.kinds.camera.simulatedAvailability)} (closed form ${pct(up.kinds.camera.expectedAvailability)}); a camera outage lasts ${up.kinds.camera.meanOutageHours === null ? '–' : up.kinds.camera.meanOutageHours.toFixed(1)} h on average (median ${up.kinds.camera.medianOutageHours === null ? '–' : up.kinds.camera.medianOutageHours.toFixed(1)} h)`));
  }
  const p = r.metrics.exposure?.population;
  if (p) {
    lines.push(row(`a day for ${int(p.numResidents)} residents`, `${ci('exposureSightingsMean', p.summary.sightings.mean, dec(1))} sightings each (median ${int(p.summary.sightings.quantiles['0.5'])}); P(identified ≥ once) ${ci('exposurePIdentifiedMean', p.summary.pIdentified.mean, pct2)}`));
    lines.push(row('', `${ci('exposureIdentifiedMean', p.summary.identified.mean, dec(2))} identifying sightings each; ${ci('exposureObservedFractionMean', p.summary.observedFraction.mean, pct2)} of the path observed`));
    if (p.channels) lines.push(row('', `by face ${ci('exposurePIdentifiedFaceMean', p.channels.face.pIdentifiedMean, pct2)} (walk trips), by plate ${ci('exposurePIdentifiedPlateMean', p.channels.plate.pIdentifiedMean, pct2)} (car trips, a read taken as identifying the driver); without a car trip that day ${ci('exposurePIdentifiedWalkOnlyMean', p.channels.walkOnly.pIdentifiedMean, pct2)}`));
    if (p.watchlist) {
      lines.push(row(`watchlist of ${int(p.watchlist.size)}, city-wide per day`, `${ci('watchlistTruePerDay', p.watchlist.expectedTrue, dec(1))} true identifications, ${ci('watchlistFalsePerDay', p.watchlist.expectedFalse, dec(1))} false alerts`));
      if (p.watchlist.simulatedSearches !== undefined) lines.push(row('', `from ${int(p.watchlist.simulatedSearches)} simulated face searches (interval: Poisson on that count only)`));
      const rc = r.metrics.exposure!.recognitionCheck;
      if (rc && p.watchlist.expectedFalseAtMetRate !== undefined) lines.push(row('', `model ${r.metrics.exposure!.recognition.name} predicts ${int(rc.predictedFalseAlerts)} false alerts for the Met's ${int(rc.facesScanned)} scans (published: ${int(rc.observedFalseAlerts)}); at the Met's operational rate: ${p.watchlist.expectedFalseAtMetRate.toFixed(2)} false alerts a day`));
    }
    const k4 = p.unicity?.byK.find((b) => b.k === 4);
    if (k4) {
      const cell = p.unicity!.curve?.[1];
      const cellAt = cell?.points[cell.points.length - 1];
      lines.push(row('singled out by 4 (camera, hour) sightings', `${ci('unicityK4', k4.share, pct2)} of ${int(p.unicity!.sampled)} residents over ${int(p.unicity!.days)} day(s)${cellAt ? `; at ${cell!.resolution} ${ci('unicityK4Cell', cellAt.share, pct2)}` : ''}`));
      lines.push(row('', 'for reference, de Montjoye et al. 2013: 95% among 1.5 million people over 15 months (antenna × hour); unicity falls as the crowd grows'));
    }
  }
  const ebh = r.metrics.exposureByHour;
  if (ebh) lines.push(row('identifications a day, day / night trips', `${int(ebh.cityPerDay.day)} / ${int(ebh.cityPerDay.night)} city-wide (${pct(ebh.total.trips > 0 ? ebh.night.trips / ebh.total.trips : 0)} of trips at night; ${int(ebh.cityPerDay.allByDay)} if all were by day)`));
  for (const c of r.metrics.exposure?.crowds ?? []) lines.push(row(`crowd: ${c.name}`, `live ${int(c.live.captured)} captured, ${c.live.identified.toFixed(1)} identified; archive ${int(c.archive.captured)} captured, ${c.archive.identified.toFixed(1)} identified`));
  for (const rt of r.metrics.exposure?.routes ?? []) lines.push(row(`least-surveilled ${rt.from} → ${rt.to}`, `${rt.routeKm.toFixed(2)} km (+${pct(rt.detour)}), ${pct(rt.exposureAvoidedShare)} less street seen than the least-seen shortest route (equally short routes: ${rt.shortestObservedKm.toFixed(2)}–${rt.shortestObservedKmMax.toFixed(2)} km seen)`));
  const ret = r.metrics.retention;
  for (const pm of ret ? [ret.policy, ...(ret.compared ? [ret.compared.policy] : [])] : []) {
    const parts = [`video ${int(pm.reach.kinds.video)} d, faces ${int(pm.reach.face)} d, plates ${int(pm.reach.plate)} d`];
    if (pm.storage) parts.push(`${int(pm.storage.storedTB)} TB (${int(pm.storage.costPerMonth)} ${pm.storage.currency}/month)`);
    const alt = r.metrics.retention?.videoAlternative;
    if (pm.storage && alt && pm === ret!.policy) parts.push(`with video ${alt.videoDays} d instead of the unverified ${alt.replacesDays} d: ${int(alt.storedTB)} TB`);
    const prefix = pm === ret!.policy ? 'retention' : 'retentionCompared';
    if (pm.history) parts.push(`last ${int(ret!.lookbackDays)} days reconstructable ${ci(`${prefix}ReconstructableShareMean`, pm.history.summary.reconstructableShare.mean, pct2)}`);
    if (pm.access) parts.push(`${ci(`${prefix}PrincipalsPerResidentMean`, pm.access.principalsPerResident.mean, dec(2))} principals can reach a resident's history; closed loop ${pm.access.closedLoop ? 'holds' : `broken (${pm.access.beyondAllowed.map((b) => b.principal).join(', ')})`}`);
    lines.push(row(`retention: ${pm.name}`, parts.join('; ')));
  }
  for (const c of ret?.crowds ?? []) {
    lines.push(row(`crowd from the archive: ${c.crowd}`, c.rows.map((x) => `${int(x.daysAfter)} d later ${x.identified.toFixed(1)} identified${x.byPolicy ? '' : x.heldCameras > 0 ? ' (legal hold)' : ''}`).join('; ')));
  }
  // Every other headline number with an interval (the rest of the unicity curve, the history on file, …).
  const rest = Object.keys(r.intervals ?? {}).filter((k) => !shown.has(k) && h[k] !== undefined);
  if (rest.length > 0) {
    lines.push('  other sampled figures (90 % intervals)');
    const isShare = (k: string) => /^unicity|Share|Fraction|^exposureP|PHistory/.test(k);
    for (const k of rest) lines.push(row(`  ${k}`, ci(k, h[k], isShare(k) ? pct2 : (x) => x.toPrecision(4))));
  }
  const tl = r.metrics.timeline;
  if (tl) {
    lines.push('  timeline (each year run with its count; the lines above are the last year)');
    lines.push(`    ${'year'.padEnd(6)}${'cameras'.padStart(9)}  ${'series'.padEnd(24)}${'live'.padStart(8)}${'area seen'.padStart(11)}${'P(ident.)'.padStart(11)}${'storage TB'.padStart(12)}${'Sergek'.padStart(8)}  source`);
    for (const y of tl.years) {
      const src = [...new Set([y.source, y.sergekSource].filter((x) => x !== null))].join(', ');
      lines.push(`    ${String(y.year).padEnd(6)}${(y.cameras === null ? '–' : int(y.cameras)).padStart(9)}  ${(y.series ?? '(not run)').padEnd(24)}${pct(y.liveShare).padStart(8)}${pct(y.coveredFraction).padStart(11)}${pct(y.exposurePIdentifiedMean).padStart(11)}${(y.networkStorageDemandTB === null ? '–' : int(y.networkStorageDemandTB)).padStart(12)}${(y.sergekComplexes === null ? '–' : `${int(y.sergekComplexes)}${y.sergekPlanned ? '*' : ''}`).padStart(8)}  ${src}`);
    }
    if (tl.years.some((y) => y.sergekPlanned)) lines.push('    * planned, not counted');
    if (tl.series.length > 1) lines.push(`    the counts are of different series (${tl.series.join(', ')}): not one quantity growing`);
  }
  if (r.timings) lines.push(row('took', `${(r.timings.totalMs / 1000).toFixed(1)} s (not in results.json)`));
  return lines.join('\n') + '\n';
}

/** `--format a,b`: the large layers' formats, checked (a usage error names the bad one). */
function outputFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return ['geojson'];
  const formats = value.split(',').map((f) => f.trim().toLowerCase());
  for (const f of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(CLI, `--format ${JSON.stringify(value)}: ${JSON.stringify(f)} is not one of ${OUTPUT_FORMATS.join(', ')} (e.g. --format geojson,fgb)`);
  }
  return [...new Set(formats)] as OutputFormat[];
}

async function cmdRun(ctx: Ctx, positionals: string[]): Promise<number> {
  // A full Almaty run takes tens of seconds and writes ./out: never start one by accident.
  if (positionals.length === 0 && ctx.values.preset === undefined) throw new UsageError(CLI, 'run: give a scenario file or --preset NAME (e.g. sightline run --preset almaty; sightline run --help)');
  const formats = outputFormats(ctx.values.format);
  const { scenario, baseDir } = loadScenario(ctx, positionals, 'run');
  // The output folder is checked (and an interrupted earlier write repaired) before the analysis, not after it.
  const outDir = prepareOutFolder(ctx, '--out', ctx.values.out ?? 'out', OUTPUT_FILES);
  const run = await execute(ctx, scenario, baseDir);
  let files: string[];
  try {
    files = await writeScenarioOutputsAsync(run, outDir, { signal: ctx.io.signal, formats });
  } catch (e) {
    writeFailure(outDir, e);
  }
  if (ctx.io.signal?.aborted) {
    // The signal came after the new folder was committed: it is complete; say so, and exit as interrupted.
    ctx.io.stderr.write(`sightline: ${ctx.io.signal.reason === 'SIGTERM' ? 'terminated' : 'interrupted'} after the outputs were complete: ${outDir} holds this run\n`);
    return interruptedCode(ctx.io);
  }
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, outDir, files, name: run.result.name, seed: run.result.seed, headline: run.result.headline, warnings: run.result.warnings ?? [], timings: run.result.timings }) + '\n');
  else ctx.io.stdout.write(`${headlineText(run.result)}\nWrote ${files.length} files to ${outDir}\n  report: ${resolve(outDir, 'report.html')}\n`);
  return EXIT.ok;
}

async function loadResult(ctx: Ctx, arg: string): Promise<ScenarioResult> {
  const file = resolve(ctx.cwd, arg);
  const data = readScenarioFile(file) as { format?: unknown };
  if (data && typeof data === 'object' && data.format === 'sightline-result') return data as unknown as ScenarioResult;
  if (!ctx.json && !ctx.values.quiet) ctx.io.stderr.write(`running ${arg} ...\n`);
  return (await execute(ctx, data, dirname(file))).result;
}

async function cmdCompare(ctx: Ctx, positionals: string[]): Promise<number> {
  if (positionals.length < 2) throw new UsageError(CLI, `compare: at least two files expected (results.json or scenario files), got ${positionals.length}`);
  if (ctx.values.out === '') throw new UsageError(CLI, '--out "": is empty (give a folder name)');
  // Two inputs: comparison.json and comparison.html of B against A. More: each against the first,
  // comparison.json holding every comparison and comparison-<i>.html for input i (i = 2, 3, …).
  const many = positionals.length > 2;
  const htmlNames = many ? positionals.slice(1).map((_, i) => `comparison-${i + 2}.html`) : ['comparison.html'];
  let outDir: string | undefined;
  if (ctx.values.out !== undefined) {
    outDir = resolve(ctx.cwd, ctx.values.out);
    for (const name of [...htmlNames, 'comparison.json']) prepareOutFile(ctx, join(outDir, name));
  }
  const results: ScenarioResult[] = [];
  for (const p of positionals) results.push(await loadResult(ctx, p));
  const ds = results.slice(1).map((b) => compareScenarios(results[0], b));
  let files: string[] = [];
  if (outDir !== undefined) {
    try {
      makeFolders(outDir);
      ds.forEach((d, i) => writeFileAtomic(join(outDir!, htmlNames[i]), buildComparisonHtml(d)));
      writeFileAtomic(join(outDir, 'comparison.json'), JSON.stringify(many ? { baseline: results[0].name, comparisons: ds } : ds[0], null, 1));
    } catch (e) {
      writeFailure(outDir, e);
    }
    files = [...htmlNames.map((n) => join(outDir!, n)), join(outDir, 'comparison.json')];
  }
  const written = files.length ? `\nWrote ${files.join(', ')}\n` : '';
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, ...(many ? { baseline: results[0].name, comparisons: ds } : ds[0]), ...(files.length ? { files } : {}) }) + '\n');
  else ctx.io.stdout.write((many ? comparisonTableText(results, ds) : comparisonText(ds[0])) + written);
  return EXIT.ok;
}

/** Side-by-side headline of several results: every input's value, the first as the baseline. */
function comparisonTableText(results: ScenarioResult[], ds: ScenarioComparison[]): string {
  const fmt = (k: string, v: number | undefined) => (v === undefined ? '–' : /Fraction/.test(k) ? pct(v) : Math.abs(v) >= 100 ? int(v) : v.toFixed(3));
  const labels = results.map((_, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''));
  const lines = results.map((r, i) => `${labels[i]}: ${r.name}`);
  lines.push('', 'metric'.padEnd(32) + labels.map((l) => l.padStart(14)).join(''));
  // Every key any input has (a key missing from an input shows as –).
  const keys = [...new Set([...Object.keys(results[0].headline), ...results.slice(1).flatMap((r) => Object.keys(r.headline))])];
  for (const k of keys) {
    const values = results.map((r) => (typeof r.headline[k] === 'number' ? (r.headline[k] as number) : undefined));
    lines.push(k.padEnd(32) + values.map((v) => fmt(k, v).padStart(14)).join(''));
  }
  return lines.join('\n') + '\n';
}

function comparisonText(d: ScenarioComparison): string {
  const fmt = (k: string, v: number) => (/Fraction/.test(k) ? pct(v) : Math.abs(v) >= 100 ? int(v) : v.toFixed(3));
  const lines = [`A: ${d.a.name}`, `B: ${d.b.name}`, '', `${'metric'.padEnd(32)}${'A'.padStart(14)}${'B'.padStart(14)}${'B − A'.padStart(14)}`];
  for (const x of d.headline) lines.push(`${x.key.padEnd(32)}${fmt(x.key, x.a).padStart(14)}${fmt(x.key, x.b).padStart(14)}${(x.delta >= 0 ? '+' : '') + fmt(x.key, x.delta)}`.replace(/(\S)(\+|-)/, '$1 $2'));
  if (d.districts.length) {
    lines.push('', `${'district (area seen)'.padEnd(32)}${'A'.padStart(14)}${'B'.padStart(14)}${'B − A'.padStart(14)}`);
    for (const r of d.districts) {
      const x = r.deltas.find((v) => v.key === 'coveredFraction');
      if (x) lines.push(`${r.name.padEnd(32)}${pct(x.a).padStart(14)}${pct(x.b).padStart(14)}${pct(x.delta).padStart(14)}`);
    }
  }
  if (d.onlyInA.length) lines.push('', `only in A: ${d.onlyInA.join(', ')}`);
  if (d.onlyInB.length) lines.push('', `only in B: ${d.onlyInB.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** A decimal number as written in a coordinate: digits, optional sign, point and exponent; no hex, no empty text. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

const LEVELS = ['range', 'detect', 'observe', 'recognise', 'identify'];

function levelsOf(values: Values): ('range' | 'detect' | 'observe' | 'recognise' | 'identify')[] {
  const levels = values.level ?? ['range'];
  for (const l of levels) if (!LEVELS.includes(l)) throw new UsageError(CLI, `--level must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(l)}`);
  return levels as never;
}

/** The scenario without the sections only other analyses use (network, residents, trips, recognition): the quick commands build the city and cameras only. */
function coverageOnly(scenario: unknown): Record<string, unknown> {
  const { network: _n, residents: _r, trips: _t, recognition: _g, ...rest } = scenario as Record<string, unknown>;
  return rest;
}

async function cmdCoverage(ctx: Ctx, positionals: string[]): Promise<number> {
  const { scenario, baseDir } = loadScenario(ctx, positionals, 'coverage');
  const s = { ...coverageOnly(scenario), analyses: { coverage: { levels: levelsOf(ctx.values), occlusion: ctx.values.occlusion === true } } };
  let run: ScenarioRun;
  try {
    run = await execute(ctx, s, baseDir);
  } catch (e) {
    // The scenario's check names analyses.coverage.occlusion, which the user did not write: name the flag they gave.
    if (e instanceof ScenarioError && e.issues.some((i) => i.path === 'analyses.coverage.occlusion')) throw new UsageError(CLI, '--occlusion needs buildings to block the view, but the scenario city has none (give city.import.buildings, or drop --occlusion)');
    throw e;
  }
  const r = run.result;
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, name: r.name, seed: r.seed, cameras: r.metrics.cameras.numCameras, camerasOutside: r.metrics.cameras.numOutside, coverage: r.metrics.coverage!.runs, warnings: r.warnings ?? [] }) + '\n');
  else ctx.io.stdout.write(headlineText(r));
  return EXIT.ok;
}

async function cmdRoute(ctx: Ctx, positionals: string[]): Promise<number> {
  if (ctx.values.path === undefined) throw new UsageError(CLI, 'route: --path "lon,lat;lon,lat;..." is required');
  const lonLat = ctx.values.path.split(';').map((p, i) => {
    const parts = p.split(',').map((v) => v.trim());
    const xy = parts.map(Number);
    if (xy.length !== 2 || !parts.every((v) => DECIMAL.test(v)) || !xy.every(Number.isFinite)) throw new UsageError(CLI, `route: --path point ${i} must be "lon,lat", got ${JSON.stringify(p)}`);
    return xy as [number, number];
  });
  if (lonLat.length < 2) throw new UsageError(CLI, 'route: --path needs at least two points');
  const levels = levelsOf(ctx.values);
  const { scenario, baseDir } = loadScenario(ctx, positionals, 'route');
  const run = await execute(ctx, { ...coverageOnly(scenario), analyses: {} }, baseDir);
  const projection = run.city.projection;
  if (!projection) throw new UsageError(CLI, 'route: the scenario city has no projection, so lon/lat points cannot be placed');
  const path = lonLat.map(([lon, lat]) => projection.forward(lon, lat));
  checkInsideCity(run.city, path, lonLat, projection);
  if (ctx.values.occlusion === true && run.city.buildings.numBuildings === 0) throw new UsageError(CLI, 'route: --occlusion needs buildings to block the view, but the scenario city has none (give city.import.buildings, or drop --occlusion)');
  const e = routeExposure(run.cameras, path, { level: levels[0], occlusion: ctx.values.occlusion === true, city: run.city });
  const summary = { length: e.length, observedLength: e.observedLength, observedFraction: e.observedFraction, cameras: e.cameraIds.length, longestUnobserved: e.longestUnobserved, level: levels[0], occlusion: ctx.values.occlusion === true };
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, ...summary, cameraIds: e.cameraIds }) + '\n');
  else {
    ctx.io.stdout.write(
      `route of ${(e.length / 1000).toFixed(2)} km in ${run.result.name}\n  seen by ${e.cameraIds.length} cameras; ${pct(e.observedFraction)} of its length observed (${e.observedLength.toFixed(0)} m)\n  longest unobserved stretch ${e.longestUnobserved.length.toFixed(0)} m (from ${e.longestUnobserved.from.toFixed(0)} m to ${e.longestUnobserved.to.toFixed(0)} m)\n`,
    );
  }
  return EXIT.ok;
}

/** Route margin around the city's bounding box, metres (a route may start just outside the boundary). */
const ROUTE_MARGIN_M = 5000;

/**
 * A route point far outside the city is a usage error naming the point; when
 * swapping its two numbers lands inside, the message says lat and lon look
 * swapped (the path is lon,lat).
 */
function checkInsideCity(city: ScenarioRun['city'], path: [number, number][], lonLat: [number, number][], projection: NonNullable<ScenarioRun['city']['projection']>): void {
  const b = city.bounds;
  if (!Array.isArray(b) || !(b[0] <= b[2])) return;
  const inside = ([x, y]: [number, number]) => x >= b[0] - ROUTE_MARGIN_M && x <= b[2] + ROUTE_MARGIN_M && y >= b[1] - ROUTE_MARGIN_M && y <= b[3] + ROUTE_MARGIN_M;
  path.forEach((p, i) => {
    if (inside(p)) return;
    const [lon, lat] = lonLat[i];
    const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && inside(projection.forward(lat, lon) as [number, number]);
    throw new UsageError(CLI, `route: --path point ${i} (lon ${lon}, lat ${lat}) is outside the city (more than ${ROUTE_MARGIN_M / 1000} km beyond its bounding box)${swapped ? `; it looks like lat,lon: did you mean "${lat},${lon}"? (the path is lon,lat)` : ''}`);
  });
}

function cmdImportOsm(ctx: Ctx, positionals: string[]): number {
  if (positionals.length !== 1) throw new UsageError(CLI, `import-osm: one GeoJSON file expected, got ${positionals.length}`);
  if (ctx.values.out === undefined) throw new UsageError(CLI, 'import-osm: --out FILE is required (- for standard output)');
  const toStdout = ctx.values.out === '-';
  if (toStdout && ctx.json) throw new UsageError(CLI, 'import-osm: --out - writes the GeoJSON to standard output, so --json cannot share it');
  const out = toStdout ? '-' : prepareOutFile(ctx, ctx.values.out);
  const file = positionals[0] === '-' ? '-' : resolve(ctx.cwd, positionals[0]);
  const text = readInput(file);
  let geojson: unknown;
  try {
    geojson = JSON.parse(text);
  } catch (e) {
    throw new SightlineError(CLI, `${file} is not valid JSON (${(e as Error).message})`);
  }
  const r = importOsmCameras(geojson, { includeIndoor: ctx.values['include-indoor'] === true });
  if (toStdout) {
    for (const chunk of camerasGeoJsonChunks(r.cameras, r.projection)) ctx.io.stdout.write(chunk);
  } else {
    try {
      makeFolders(dirname(out));
      writeFileAtomic(out, camerasGeoJsonChunks(r.cameras, r.projection));
    } catch (e) {
      writeFailure(out, e);
    }
  }
  if (ctx.json) ctx.io.stdout.write(JSON.stringify({ ok: true, out, imported: r.imported, skipped: r.skipped, cameras: r.cameras.numCameras, summary: r.summary, report: r.report }) + '\n');
  else {
    const lines = [`${r.imported} features imported as ${r.cameras.numCameras} cameras, ${r.skipped} skipped; written to ${toStdout ? 'standard output' : out}`, 'report (tag, what was done, features):'];
    for (const s of r.summary) lines.push(`  ${s.tag.padEnd(22)} ${s.action.padEnd(40)} ${s.count}`);
    // With --out - the GeoJSON is on standard output: the report goes to standard error.
    (toStdout ? ctx.io.stderr : ctx.io.stdout).write(lines.join('\n') + '\n');
  }
  return EXIT.ok;
}

function cmdSchema(ctx: Ctx, positionals: string[]): number {
  if (positionals.length > 0) throw new UsageError(CLI, `schema: no positional argument expected, got ${positionals.length}`);
  const out = ctx.values.out === undefined || ctx.values.out === '-' ? undefined : prepareOutFile(ctx, ctx.values.out);
  const text = JSON.stringify(ctx.values.sweep ? sweepJsonSchema() : scenarioJsonSchema(), null, 2) + '\n';
  if (out === undefined) ctx.io.stdout.write(text);
  else {
    try {
      makeFolders(dirname(out));
      writeFileAtomic(out, text);
    } catch (e) {
      writeFailure(out, e);
    }
  }
  return EXIT.ok;
}
