/**
 * The network part's rows of the assumptions table: the network's sourced
 * figures and the builder's, stream model's and fault analyses' assumptions
 * (from the network layer's constants).
 */
import { ALMATY_NETWORK_FACTS, ASTANA_LON_LAT, NETWORK_BUILD_DEFAULTS, CODEC_BITS_PER_PIXEL, STREAM_DEFAULTS, JANUARY_2022_DAMAGE } from '../../network/index.js';
import { formatCount } from '../assumptions.js';
import type { Assumption } from '../result.js';
import { rangedRow, registryRow } from '../assumption-registry.js';
import type { ScenarioSpec } from '../schema.js';
import type { NetworkMetrics } from './result.js';

/**
 * The network's sourced figures and the builder's, stream model's and fault
 * analyses' assumptions (from the network module's constants).
 *
 * @param spec - the scenario
 * @param source - where the network came from
 * @returns rows of the assumptions table
 * @example networkAssumptions(spec, { from: 'preset', name: 'almaty' })
 */
export function networkAssumptions(spec: ScenarioSpec, source: NetworkMetrics['source']): Assumption[] {
  const out: Assumption[] = [];
  const n = spec.network!;
  const D = NETWORK_BUILD_DEFAULTS;
  const pct = (x: number) => `${Math.round(100 * x * 100) / 100}%`;
  if (n.from === 'geojson') {
    out.push({ topic: 'Command network topology', value: `imported from ${n.file}`, source: 'the scenario\'s GeoJSON file (missing node fields defaulted and reported)', kind: 'real' });
  } else {
    const given = (k: string) => (n as Record<string, unknown>)[k] !== undefined;
    if (source.name === 'almaty') {
      out.push(
        { topic: 'Police operations centres (Almaty)', value: String(ALMATY_NETWORK_FACTS.commandCentres), source: "one police operations centre receives the city's live cameras (bestnews.kz, 17 Sep 2025)", sources: ['bestnews-2025-09-17'], kind: 'sourced' },
        { topic: 'Live face-recognition streams at the centre', value: given('analyticsStreams') ? String(n.analyticsStreams) : formatCount(ALMATY_NETWORK_FACTS.faceRecognitionStreams), source: given('analyticsStreams') ? 'scenario' : "assumption: about 2,200 face-recognition cameras (no source found; plausible 1,000–10,000), and the centre's live capacity equals them", kind: 'assumption' },
        { topic: 'National platform', value: `Astana (${ASTANA_LON_LAT[1]}° N, ${ASTANA_LON_LAT[0]}° E)`, source: 'assumption: the national platform sits in the capital (coordinates: Wikipedia, "Astana")', kind: 'assumption' },
      );
    } else if (source.name === 'astana') {
      out.push({ topic: 'Command centres (Astana)', value: '1, analytics sized to the live face cameras', source: 'assumption: no sourced figure for Astana (astanaNetworkOptions)', kind: 'assumption' });
    }
    out.push(
      { topic: 'Cameras per aggregation point', value: `${n.camerasPerAggregation ?? D.camerasPerAggregation} (at most ${n.maxCamerasPerAggregation ?? D.maxCamerasPerAggregation})`, source: given('camerasPerAggregation') ? 'scenario' : 'assumption: a street cabinet / district recorder (NETWORK_BUILD_DEFAULTS)', kind: 'assumption' },
      { topic: 'Aggregation uplinks', value: Object.entries({ ...D.aggregationLinkMix, ...(n.aggregationLinkMix ?? {}) }).map(([k, v]) => `${k} ${pct(v as number)}`).join(', ') + '; ' + Object.entries({ ...D.aggregationUplinkMbps, ...(n.aggregationUplinkMbps ?? {}) }).map(([k, v]) => `${k} ${formatCount(v as number)} Mbit/s`).join(', '), source: 'assumption (NETWORK_BUILD_DEFAULTS)', kind: 'assumption' },
      { topic: 'Node availability', value: Object.entries({ ...D.nodeAvailability, ...(n.nodeAvailability ?? {}) }).map(([k, v]) => `${k} ${pct(v as number)}`).join(', '), source: 'assumption: street power vs backup power (NETWORK_BUILD_DEFAULTS)', kind: 'assumption' },
      { topic: 'Link availability', value: Object.entries({ ...D.linkAvailability, ...(n.linkAvailability ?? {}) }).map(([k, v]) => `${k} ${pct(v as number)}`).join(', '), source: 'assumption (NETWORK_BUILD_DEFAULTS)', kind: 'assumption' },
      { topic: 'Storage at aggregation points and centres', value: `${n.aggregationStorageDays ?? D.aggregationStorageDays} / ${n.centreStorageDays ?? D.centreStorageDays} days of video`, source: 'assumption (NETWORK_BUILD_DEFAULTS)', kind: 'assumption' },
      registryRow('aggregationAvailability', n.nodeAvailability?.aggregation, n.nodeAvailability?.aggregation !== undefined),
      registryRow('hubAvailability', n.nodeAvailability?.['district-hub'], n.nodeAvailability?.['district-hub'] !== undefined),
      registryRow('centreAvailability', n.nodeAvailability?.['city-centre'], n.nodeAvailability?.['city-centre'] !== undefined),
      registryRow('nationalAvailability', n.nodeAvailability?.national, n.nodeAvailability?.national !== undefined),
      registryRow('fibreAvailability', n.linkAvailability?.fibre, n.linkAvailability?.fibre !== undefined),
      registryRow('lteAvailability', n.linkAvailability?.lte, n.linkAvailability?.lte !== undefined),
      registryRow('radioAvailability', n.linkAvailability?.radio, n.linkAvailability?.radio !== undefined),
      registryRow('aggregationStorageDays', n.aggregationStorageDays, n.aggregationStorageDays !== undefined),
      registryRow('centreStorageDays', n.centreStorageDays, n.centreStorageDays !== undefined),
    );
  }
  const codec = n.stream?.codec ?? STREAM_DEFAULTS.codec;
  out.push(
    { topic: 'Video bitrate', value: `width × height × fps × ${CODEC_BITS_PER_PIXEL[codec]} bits per pixel (${codec})`, ...(codec === 'h264' ? { source: 'assumption: the Kush gauge rule of thumb (K. Amerasinghe, "H.264 for the rest of us", Adobe; no checked copy bundled); plausible ±50 % with scene and encoder', kind: 'assumption' as const } : { source: 'H.265 at half of H.264 (Sullivan et al. 2012) on the Kush-gauge H.264 rule (an assumption, ±50 %)', sources: ['sullivan-2012' as const], kind: 'assumption' as const }) },
    { topic: 'Frame rate', value: `${n.stream?.fps ?? STREAM_DEFAULTS.fps} fps`, source: n.stream?.fps !== undefined ? 'scenario' : 'assumption: PAL-region CCTV setting (STREAM_DEFAULTS)', kind: 'assumption', ...rangedRow('streamFps', n.stream?.fps ?? STREAM_DEFAULTS.fps) },
    { topic: 'Link latency per km', value: `${D.latencyMsPerKm} ms`, source: 'physics: light in silica fibre travels at about c / 1.47 (textbook group index; no citation bundled)', kind: 'assumption' },
  );
  const a = spec.analyses;
  if (a.network) {
    out.push({ topic: 'Retention for the storage figures', value: `${a.network.retentionDays} days`, source: a.network.retentionDays === 30 ? 'NYPD Domain Awareness System guidelines: video kept 30 days (a New York rule, applied here for sizing; the Almaty rule is not known)' : 'scenario', ...(a.network.retentionDays === 30 ? { sources: ['nypd-das-2009' as const] } : {}), kind: 'assumption', ...rangedRow('networkRetentionDays', a.network.retentionDays) });
  }
  if (a.network) {
    out.push({
      topic: 'Streams on an overloaded link (delivered live share)',
      value: 'fair share: a link over capacity passes capacity / offered load of every stream offered to it; offered load is what the links below passed',
      source:
        'assumption: no source says which live streams an overloaded uplink drops; fair share gives no camera priority, so the delivered count is an expectation (fractional). ' +
        'Any rule that fills each overloaded link up to its capacity delivers the same Mbit/s (whole-stream rules to within a stream per link); the stream count would be higher if low-bitrate streams were kept first, lower if high-bitrate ones were',
      kind: 'assumption',
    });
  }
  if (a.outages) {
    out.push(
      { topic: 'District blackout probability per trial', value: JSON.stringify(a.outages.districtBlackout), source: 'assumption: no sourced blackout rate', kind: 'assumption', ...(typeof a.outages.districtBlackout === 'number' ? rangedRow('districtBlackout', a.outages.districtBlackout) : {}) },
      { topic: 'Camera availability in outage trials', value: String(a.outages.cameraAvailability), source: 'assumption: no sourced camera failure rate', kind: 'assumption', ...rangedRow('cameraAvailability', a.outages.cameraAvailability) },
    );
    (a.outages.areas ?? []).forEach((x, i) => {
      const shape = x.circle ? `within ${x.circle.radius} m of (${x.circle.centre.join(', ')})` : `inside a ${x.polygon!.length}-point polygon`;
      out.push({ topic: `Outage area ${x.name ?? i + 1}`, value: `${shape} (${x.coordinates}): each unit down with probability ${x.unitShare}, each camera ${x.cameraShare}, per trial`, source: x.source ?? 'scenario (source not given)', ...(x.sources?.length ? { sources: x.sources } : {}), kind: 'assumption' });
    });
  }
  if (a.damage) {
    const d = a.damage;
    const unitsN = d.totalUnits ?? d.randomUnits;
    const camerasN = d.totalCameras ?? d.randomCameras;
    const jan = unitsN === JANUARY_2022_DAMAGE.units && camerasN === JANUARY_2022_DAMAGE.cameras;
    const counts = d.totalUnits !== undefined || d.totalCameras !== undefined
      ? `${d.totalUnits !== undefined ? `${d.totalUnits} units in all` : `${d.randomUnits} further random units`} (${d.unitKinds.join(', ')}) and ${d.totalCameras !== undefined ? `${d.totalCameras} cameras destroyed directly in all` : `${d.randomCameras} further random cameras`}, the target areas first, random draws for the rest`
      : `${d.randomUnits} random units (${d.unitKinds.join(', ')}) and ${d.randomCameras} random cameras`;
    const where = d.areas?.length ? 'where: the target areas below, the rest at random (assumption)' : 'which units and cameras: random (assumption, locations not sourced)';
    out.push({ topic: 'Targeted damage', value: `${counts}${d.units?.length ? ` + ${d.units.length} named units` : ''}${d.cameras?.length ? ` + ${d.cameras.length} named cameras` : ''}`, source: jan ? `January 2022: 766 Sergek units damaged (Tengrinews via kgnews.asia, 17 Jan 2022) and 493 cameras shot down (Kazinform, 12 Jan 2022); ${where}` : 'scenario', ...(jan ? { sources: ['kgnews-2022-01-17' as const, 'kazinform-2022-01-12' as const] } : {}), kind: jan ? 'sourced' : 'assumption' });
    (d.areas ?? []).forEach((a, i) => {
      const shape = a.circle ? `within ${a.circle.radius} m of (${a.circle.centre.join(', ')})` : `inside a ${a.polygon!.length}-point polygon`;
      out.push({ topic: `Damage area ${a.name ?? i + 1}`, value: `${shape} (${a.coordinates}): ${a.unitShare * 100}% of the units and ${a.cameraShare * 100}% of the cameras left inside hit`, source: a.source ?? 'scenario (source not given)', ...(a.sources?.length ? { sources: a.sources } : {}), kind: 'assumption' });
    });
    out.push({ topic: "A destroyed unit's cameras", value: d.darkenUnitCameras ? 'go dark with it' : 'keep recording', source: 'assumption: a Sergek unit is a roadside unit carrying its cameras (1,341 units carry 7,894 cameras, kazlenta.kz 2024)', sources: ['kazlenta-2024'], kind: 'assumption' });
  }
  return out;
}
