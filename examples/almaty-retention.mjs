// How long is it kept, what does it cost, and who can read it?
//
// The city's cameras and command network, a day of trips for a sample of
// residents, and the retention policy on top: 30 against 90 days of video,
// face templates kept against deleted at once. For each variant: storage
// and its cost, how far back a resident's trips can be reconstructed, and
// which principals can reach their history (the "closed loop" claim). Then
// every shipped retention preset side by side.
//
//   npm run build && node examples/almaty-retention.mjs [--city almaty|astana] [--residents 10000] [--seed 1]
import {
  createPreset,
  buildHierarchicalNetwork,
  almatyNetworkOptions,
  astanaNetworkOptions,
  computePopulationExposure,
  terminatePopulationWorkers,
  createRetentionPolicy,
  analyseRetention,
  compareRetention,
  retentionPreset,
  RETENTION_PRESETS,
  RETENTION_PRESET_NAMES,
} from '../dist/index.js';
// The full retention API is on the `sightline/retention` subpath.
import { personChannelDays, dailyEventRates } from '../dist/retention.js';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const cityName = arg('city', 'almaty');
if (cityName !== 'almaty' && cityName !== 'astana') throw new Error(`--city must be almaty or astana, got ${cityName}`);
const seed = Number(arg('seed', '1'));
const numResidents = Number(arg('residents', '10000'));

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const n0 = (x) => Math.round(x).toLocaleString('en-US');
const timed = (label, fn) => {
  const t = performance.now();
  const value = fn();
  console.log(`  (${label}: ${((performance.now() - t) / 1000).toFixed(2)} s)`);
  return value;
};

console.log(`sightline — data retention in ${cityName === 'almaty' ? 'Almaty' : 'Astana'}, seed ${seed}\n`);
const { city, cameras } = timed('city and cameras', () => createPreset(cityName, { seed, ...(cityName === 'astana' ? { includeOlder: true } : {}) }));
const network = timed('command network', () => buildHierarchicalNetwork(cameras, city, (cityName === 'almaty' ? almatyNetworkOptions : astanaNetworkOptions)({ seed })));
const exposure = timed(`${n0(numResidents)} residents, a day of trips`, () => computePopulationExposure(cameras, city, { seed, numResidents }));
await terminatePopulationWorkers();

// The residents' exposure per person, day and channel (faces on foot, plates by car), and the city's events per day.
const channels = personChannelDays(exposure.trips, { numPersons: exposure.numResidents, numDays: exposure.numDays });
const scale = city.population.total / exposure.numResidents;
const { events } = dailyEventRates(exposure.trips, { scale, numDays: exposure.numDays });
console.log(`\nEvents per day city-wide (scaled ×${scale.toFixed(0)}): ${n0(events.faceCaptures)} face captures, ${n0(events.matchEvents)} match events, ${n0(events.plateReads)} plate reads, ${n0(events.alerts)} alerts`);

// Four variants of the assumed Almaty policy: video 30 or 90 days; face templates kept (90 days at the centre,
// a year at the national platform) or deleted at once. Everything else as in `almaty-assumed`.
const base = RETENTION_PRESETS['almaty-assumed'];
const variant = (videoDays, keepTemplates) =>
  createRetentionPolicy({
    ...base,
    name: `video ${videoDays} d, templates ${keepTemplates ? 'kept' : 'deleted'}`,
    rules: {
      ...base.rules,
      city: { ...base.rules.city, video: { ...base.rules.city.video, days: videoDays }, faceTemplates: keepTemplates ? base.rules.city.faceTemplates : { days: 0 } },
      national: keepTemplates ? base.rules.national : { sightings: base.rules.national.sightings },
    },
  });
// Look back 90 days: long enough for the 90-day variants to differ from the 30-day ones.
const options = { network, channels, storage: { events }, lookbackDays: 90 };
const analyses = [variant(30, false), variant(90, false), variant(30, true), variant(90, true)].map((p) => analyseRetention(p, options));

console.log('\nPolicy                              storage TB   cost/month  on video  identifiable  last 90 days  principals  closed loop');
for (const a of analyses) {
  const s = a.storage.totals;
  const h = a.history.summary;
  console.log(
    `  ${a.policy.name.padEnd(32)}${n0(s.storedTB).padStart(12)}${`$${n0(s.costPerMonth)}`.padStart(13)}${n0(h.capturesOnFile.mean).padStart(10)}${h.identifiableOnFile.mean.toFixed(1).padStart(14)}` +
      `${pct(h.reconstructableShare.mean).padStart(14)}${a.access.principalsPerResidentSummary.mean.toFixed(2).padStart(12)}  ${a.access.closedLoop ? 'holds' : 'broken'}`,
  );
}
console.log('  (per resident, means: captures still on video; identifying captures on file through any kind; share of the last 90 days\' trips');
console.log('   that can be reconstructed. Match events (a year at the national platform) and plate reads (90 days) keep identifications');
console.log('   on file whatever the video period: shortening video shrinks storage and the raw footage, not the traces of who went where.)');

const video = compareRetention(analyses[0], analyses[1]);
console.log(`\n30 → 90 days of video (templates deleted):`);
console.log(`  video storage ×${video.storage.byKind.video.ratio.toFixed(2)} (${n0(video.storage.byKind.video.a)} → ${n0(video.storage.byKind.video.b)} TB), cost ${n0(video.storage.costPerMonth.a)} → ${n0(video.storage.costPerMonth.b)} a month`);
console.log(`  captures on video per resident ${n0(video.history.capturesOnFile.mean.a)} → ${n0(video.history.capturesOnFile.mean.b)}; share of the last 90 days reconstructable ${pct(video.history.reconstructableShare.mean.a)} → ${pct(video.history.reconstructableShare.mean.b)}`);
const templates = compareRetention(analyses[1], analyses[3]);
console.log(`\nTemplates deleted → kept (video 90 days):`);
console.log(`  storage of templates ${templates.storage.byKind.faceTemplates.a.toPrecision(3)} → ${templates.storage.byKind.faceTemplates.b.toPrecision(3)} TB; templates reach back ${templates.reach.kinds.faceTemplates.a} → ${templates.reach.kinds.faceTemplates.b} days (faces identifiable ${templates.reach.channels.face.a} → ${templates.reach.channels.face.b} days through match events)`);
console.log(`  closed loop: ${templates.access.closedLoop.a ? 'holds' : 'broken'} → ${templates.access.closedLoop.b ? 'holds' : 'broken'}; principals beyond the police added: ${templates.access.beyondAllowedAdded.join(', ') || 'none'}`);
for (const p of templates.access.principals.filter((x) => x.expectedResidents.delta !== 0)) {
  console.log(`    ${p.principal.padEnd(20)} residents reached ${pct(p.shareOfResidents.a)} → ${pct(p.shareOfResidents.b)}, face days ${p.faceDays.a} → ${p.faceDays.b}`);
}

console.log('\nShipped presets                     video  faces  plates   storage TB   last 90 days  principals  closed loop');
for (const name of RETENTION_PRESET_NAMES) {
  const a = analyseRetention(retentionPreset(name), options);
  console.log(
    `  ${name.padEnd(32)}${String(a.reach.kinds.video.longestDays).padStart(7)}${String(a.reach.channels.face).padStart(7)}${String(a.reach.channels.plate).padStart(8)}` +
      `${n0(a.storage.totals.storedTB).padStart(13)}${pct(a.history.summary.reconstructableShare.mean).padStart(15)}${a.access.principalsPerResidentSummary.mean.toFixed(2).padStart(12)}  ${a.access.closedLoop ? 'holds' : 'broken'}`,
  );
}
console.log('\nTimes of the last analysis (ms):', Object.fromEntries(Object.entries(analyses[3].timings).map(([k, v]) => [k, Math.round(v * 10) / 10])));
console.log('Sources and assumptions of each preset: RETENTION_PRESETS[name].sources; every figure here is a model output on synthetic residents.');
