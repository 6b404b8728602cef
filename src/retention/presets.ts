/**
 * Retention policies to start from: real, documented policies (NYPD Domain
 * Awareness System, London Met live facial recognition, Flock plate readers,
 * a Kazakh regional video rule), a "keep everything" upper bound, and the
 * Almaty reference case (a labelled assumption, not a documented policy).
 *
 * Every preset is a plain {@link RetentionPolicySpec} (JSON, as a scenario
 * file holds it) whose `sources` say where its figures come from; the comment
 * beside each preset says what the source states and what is modelled on top
 * of it (tiers, readers: assumptions unless the source names them).
 */
import { NotFoundError } from '../core/index.js';
import { createRetentionPolicy, type RetentionPolicy, type RetentionPolicySpec } from './policy.js';

/** Names of the built-in retention presets. */
export type RetentionPresetName = 'nypd-das' | 'met-lfr' | 'flock' | 'kazakhstan-90d' | 'keep-everything' | 'almaty-assumed';

/** Five years of plate reads, in days (5 × 365; leap days ignored). */
const FIVE_YEARS = 5 * 365;

/**
 * NYPD Domain Awareness System (DAS): video 30 days, plate reads 5 years
 * (as widely reported; SOURCES['nypd-das-2009']).
 *
 * Sources found: the DAS Public Security Privacy Guidelines (NYPD, 2 April
 * 2009, 7 pages) set "policies and procedures to limit the authorized use of
 * the Domain Awareness System and to provide for limited access to and proper
 * disposition of stored data" for CCTV feeds into the Lower Manhattan Security
 * Coordination Center and licence plate readers; the retention clause itself
 * was not in the text the search returned, so the 30-day video figure is
 * unverified. The five years for plate reads: the news article "New York
 * knows where your license plate goes" (on Rochester / Monroe County licence
 * plate databases; as republished at geojemarathon.com, date and outlet not
 * shown in the text found): "In Monroe, Albany
 * and Westchester counties, as well as in New York City, the policy is to keep
 * all license-plate records accessible for five years." Today each technology's
 * retention is set in its POST Act Impact and Use Policy (NYC Council public
 * safety committee hearing, 19 February 2025).
 *
 * Modelled (assumptions): cameras and plate readers feed the coordination
 * centre (tier `city`), which keeps the copies; the camera keeps nothing;
 * only the police read; DAS does no face recognition (no templates or match
 * events kept).
 */
const NYPD_DAS: RetentionPolicySpec = {
  name: 'nypd-das',
  evidence: 'partly-sourced',
  description: 'NYPD Domain Awareness System: video 30 days, plate reads 5 years, at the coordination centre; read by the police.',
  sources: [
    'NYPD, "Domain Awareness System Public Security Privacy Guidelines", 2 April 2009 (7 pages), as published by Public Intelligence (publicintelligence.net/nypd-domain-awareness-system-public-security-privacy-guidelines/); 30-day video figure as widely reported; the retention clause was not found in the copy read (unverified)',
    '"New York knows where your license plate goes" (news article, as republished at geojemarathon.com/new-york-knows-where-your-license-plate-goes/): in New York City the policy is to keep all license-plate records accessible for five years',
    'New York City Council, Committee on Public Safety hearing, 19 February 2025: retention of each NYPD surveillance technology is set in its POST Act Impact and Use Policy',
  ],
  tiers: ['camera', 'city'],
  rules: {
    camera: {
      video: { days: 0, copyTo: 'city' },
      plateReads: { days: 0, copyTo: 'city' },
    },
    city: {
      video: { days: 30, readers: ['police'] },
      plateReads: { days: FIVE_YEARS, readers: ['police'] },
    },
  },
};

/**
 * London Metropolitan Police live facial recognition (LFR): the biometric data
 * of a face that raises no alert is deleted at once; match events and alerts
 * are kept up to 30 days (an assumption: see below).
 *
 * Sources found: the MPS LFR Data Protection Impact Assessment / Appropriate
 * Policy Document (v2.0, met.police.uk), as quoted in public discussion
 * (2024): "where the LFR system does not generate an Alert, then a person's
 * biometric data is immediately automatically deleted", and the watchlist is
 * deleted within 24 hours of the deployment; the same section says "All CCTV
 * footage generated from LFR Deployments is deleted within 31 days" (with
 * exceptions). UK Parliament written answer (Home Office, 1 June 2026):
 * "The police must immediately delete the biometric data of anyone the system
 * does not match to the watchlist." The Met's Facial Recognition page
 * (met.police.uk) links the LFR Standard Operating Procedure and Legal
 * Mandate. The 30 days for matches/alerts are an assumption (commonly
 * reported; no primary retention schedule found).
 *
 * Modelled: face templates are made at the van's system (tier `city`, the
 * recognition centre) and kept 0 days; alerts (the matches) 30 days, read by
 * the police. LFR searches a watchlist, not the population, so a resident not
 * on it is never matched: there are no match events (`sightings`, kept 0
 * days) that would name them — a match is an alert. The deployments' CCTV footage ("deleted within
 * 31 days") is NOT in the preset, which models the face-recognition data only:
 * add `video: { days: 31 }` to study the footage (it keeps every passer-by's
 * face on file for up to a month).
 */
const MET_LFR: RetentionPolicySpec = {
  name: 'met-lfr',
  evidence: 'partly-sourced',
  description: 'London Met live facial recognition: templates of faces that raise no alert deleted at once; matches (alerts against the watchlist) kept 30 days; read by the police. No match events for people not on the watchlist. CCTV footage of deployments (deleted within 31 days) not modelled.',
  sources: [
    'Metropolitan Police Service, Live Facial Recognition Data Protection Impact Assessment / Appropriate Policy Document v2.0 (met.police.uk, mps-lfr-apd---v.2.0-web.pdf), data retention section as quoted publicly in 2024: biometric data of a face that generates no alert is immediately and automatically deleted; LFR CCTV footage deleted within 31 days',
    'UK Parliament written question on biometrics and data protection, answered by the Home Office 1 June 2026: police must immediately delete the biometric data of anyone the system does not match to the watchlist',
    'Metropolitan Police Service, "Facial Recognition" (met.police.uk/advice/advice-and-information/fr/facial-recognition): LFR Standard Operating Procedure and Legal Mandate',
    'Matches and alerts kept up to 30 days: assumption (commonly reported for Met LFR; no primary retention schedule bundled; plausible 0–31 days, the footage limit)',
  ],
  tiers: ['camera', 'city'],
  rules: {
    city: {
      faceTemplates: { days: 0 },
      // LFR matches against a watchlist: a match is an alert; nobody else is named (no match events kept).
      sightings: { days: 0 },
      alerts: { days: 30, readers: ['police'] },
    },
  },
};

/**
 * Flock Safety licence-plate readers: plate reads (plate and vehicle images
 * with time and place) kept 30 days, then deleted.
 *
 * Sources found: Flock Safety, "Flock Evidence Request Policy": "Flock's
 * standard retention period is thirty (30) calendar days from the date of
 * capture"; Flock Safety, "How Does Flock Handle License Plate Data
 * Deletion?" (C. Colwell, 2 June 2026): deleted on a rolling schedule, 30
 * days by default, enforced by AWS lifecycle policies; Flock Safety, "License
 * Plate Reader Usage and Privacy Policy": LPR data are the plate and vehicle
 * images, plate number and state, date, time and camera location; customer
 * administrators read them, and CJIS-certified Flock engineers can access the
 * systems for support; images are uploaded to the cloud and removed from the
 * device (Flock Safety, "How Flock Safety protects resident privacy").
 *
 * Modelled: the vendor's cloud stands at tier `city` (the agency's system);
 * the camera keeps nothing once uploaded; alerts (hot-list hits) follow the
 * same 30 days (assumption); readers: the police (the customer agency) and the
 * vendor.
 */
const FLOCK: RetentionPolicySpec = {
  name: 'flock',
  evidence: 'partly-sourced',
  description: 'Flock Safety plate readers: plate reads and alerts kept 30 days in the vendor cloud; read by the police (the customer agency) and the vendor.',
  sources: [
    'Flock Safety, "Flock Evidence Request Policy" (flocksafety.com/flock-evidence-policy): standard retention period of thirty (30) calendar days from the date of capture',
    'Flock Safety, "How Does Flock Handle License Plate Data Deletion?", C. Colwell, 2 June 2026 (flocksafety.com/blog): 30 days by default, deletion by AWS lifecycle policies',
    'Flock Safety, "License Plate Reader Usage and Privacy Policy" (flocksafety.com/legal/lpr-policy): LPR data, customer administrators, CJIS-certified Flock engineers',
  ],
  tiers: ['camera', 'city'],
  rules: {
    camera: { plateReads: { days: 0, copyTo: 'city' } },
    city: {
      plateReads: { days: 30, readers: ['police', 'vendor'] },
      alerts: { days: 30, readers: ['police', 'vendor'] },
    },
  },
};

/**
 * A Kazakh regional rule: the video archive is kept at least 90 days
 * (the Ulytau region police, SOURCES['kazpravda-2026-01-06']: a regional
 * statement; no national rule found). The national act found is the Rules for the functioning of the
 * National video monitoring system (order of the Chairman of the National
 * Security Committee No. 69-қе of 27 October 2020, registered 30 November
 * 2020 No. 21693, adilet.zan.kz V2000021693): the system collects, processes
 * and stores video images for national security and public order, and owners
 * of video surveillance may connect as "subscribers"; the search did not
 * return its storage-period clause, so it is cited as context, not as the
 * source of the 90 days.
 *
 * Modelled (assumptions): the archive is at the city operations centre
 * (tier `city`, the unified video-monitoring system), fed from every camera;
 * the police read it; nothing else is kept.
 */
const KAZAKHSTAN_90D: RetentionPolicySpec = {
  name: 'kazakhstan-90d',
  evidence: 'partly-sourced',
  description: 'A Kazakh regional rule: video archive kept at least 90 days (modelled as exactly 90) at the city operations centre; read by the police.',
  sources: [
    'Kazakhstanskaya Pravda, "Улытау усиливает цифровую безопасность", 6 January 2026 (kazpravda.kz/n/ulytau-usilivaet-tsifrovuyu-bezopasnost/): the Ulytau region police keep the video archive at least 90 days — a regional statement; no national rule found (compare a 30-day rule: the nypd-das preset)',
    'Context: Rules for the functioning of the National video monitoring system, order of the Chairman of the National Security Committee of the Republic of Kazakhstan No. 69-қе of 27 October 2020, registered 30 November 2020 No. 21693 (adilet.zan.kz, V2000021693)',
  ],
  tiers: ['camera', 'city'],
  rules: {
    camera: { video: { days: 0, copyTo: 'city' } },
    city: { video: { days: 90, readers: ['police'] } },
  },
};

/** Every principal the built-in list has (keep-everything lets all of them read everything). */
const EVERYONE = ['police', 'prosecutors', 'vendor', 'biometric-platform', 'banks', 'telecoms'];

/** All five kinds, kept forever, copied to the next tier, read by everyone (one tier's rules). */
function foreverAll(copy: boolean): Record<string, { days: 'forever'; copyTo?: true; readers: string[] }> {
  const rule = copy ? { days: 'forever' as const, copyTo: true as const, readers: EVERYONE } : { days: 'forever' as const, readers: EVERYONE };
  return { video: rule, faceTemplates: rule, sightings: rule, plateReads: rule, alerts: rule };
}

/**
 * Keep everything: every kind kept forever at every tier (created at the
 * camera, copied up tier by tier), read by every built-in principal. An upper
 * bound, not a real policy; storage grows with `operatingDays` (no steady
 * state).
 */
const KEEP_EVERYTHING: RetentionPolicySpec = {
  name: 'keep-everything',
  evidence: 'assumption',
  description: 'Upper bound: every kind of data kept forever at every tier and read by every principal (not a real policy).',
  sources: ['Constructed upper bound (no source).'],
  createdAt: { faceTemplates: 'camera', sightings: 'camera', alerts: 'camera' },
  rules: {
    camera: foreverAll(true),
    aggregation: foreverAll(true),
    district: foreverAll(true),
    city: foreverAll(true),
    national: foreverAll(false),
  } as RetentionPolicySpec['rules'],
};

/**
 * The Almaty reference case — a LABELLED ASSUMPTION, not a documented policy:
 * the Kazakh 90-day video rule (see `kazakhstan-90d`: primary source not
 * found), plus face templates and match events kept at the city operations
 * centre for 90 days (assumption: as long as the video archive) and copied to
 * the national platform, which keeps them one year (assumption), read by the
 * police, prosecutors, the vendor and the national biometric platform (banks
 * and telecoms reach templates through the platform: BUILTIN_PRINCIPALS);
 * plate reads (Sergek units) and alerts kept 90 days at the city centre
 * (assumption), read by the police and prosecutors.
 */
const ALMATY_ASSUMED: RetentionPolicySpec = {
  name: 'almaty-assumed',
  evidence: 'assumption',
  description: 'ASSUMPTION (not a documented policy): Kazakh 90-day video rule; face templates and match events 90 days at the city centre and 1 year at the national platform, read by police, prosecutors, vendor and the biometric platform; plate reads and alerts 90 days.',
  sources: [
    'Video 90 days: the Ulytau region police statement (Kazakhstanskaya Pravda, 6 January 2026), a regional rule applied to Almaty as an assumption; not verified for Almaty',
    'Everything else: assumption of the sightline reference case (no documented policy)',
  ],
  rules: {
    camera: {
      video: { days: 0, copyTo: 'city' },
      plateReads: { days: 0, copyTo: 'city' },
    },
    city: {
      video: { days: 90, readers: ['police', 'prosecutors'] },
      faceTemplates: { days: 90, copyTo: 'national', readers: ['police', 'prosecutors', 'vendor', 'biometric-platform'] },
      sightings: { days: 90, copyTo: 'national', readers: ['police', 'prosecutors', 'vendor', 'biometric-platform'] },
      plateReads: { days: 90, readers: ['police', 'prosecutors'] },
      alerts: { days: 90, readers: ['police', 'prosecutors'] },
    },
    national: {
      faceTemplates: { days: 365, readers: ['police', 'prosecutors', 'vendor', 'biometric-platform'] },
      sightings: { days: 365, readers: ['police', 'prosecutors', 'vendor', 'biometric-platform'] },
    },
  },
};

/**
 * The built-in retention presets (plain JSON specs; make a policy with
 * {@link retentionPreset} or `createRetentionPolicy(RETENTION_PRESETS[name])`).
 * Each carries its sources; see the comment beside each for what the source
 * says and what is assumed.
 */
export const RETENTION_PRESETS: Readonly<Record<RetentionPresetName, RetentionPolicySpec>> = {
  'nypd-das': NYPD_DAS,
  'met-lfr': MET_LFR,
  flock: FLOCK,
  'kazakhstan-90d': KAZAKHSTAN_90D,
  'keep-everything': KEEP_EVERYTHING,
  'almaty-assumed': ALMATY_ASSUMED,
};

/** Preset names in a stable order. */
export const RETENTION_PRESET_NAMES: readonly RetentionPresetName[] = Object.keys(RETENTION_PRESETS) as RetentionPresetName[];

/**
 * A built-in retention policy, validated.
 *
 * @param name - one of {@link RETENTION_PRESET_NAMES}
 * @returns the resolved {@link RetentionPolicy}
 * @throws {NotFoundError} for an unknown name (the message lists the names)
 * @example
 * const p = retentionPreset('kazakhstan-90d');
 * retentionRule(p, 'city', 'video').days // 90
 * @remarks O(1) (one small policy resolved).
 */
export function retentionPreset(name: RetentionPresetName): RetentionPolicy {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(RETENTION_PRESETS, name)) {
    throw new NotFoundError('retentionPreset', 'name', name, `is not a retention preset (${RETENTION_PRESET_NAMES.join(', ')})`);
  }
  return createRetentionPolicy(RETENTION_PRESETS[name]);
}
