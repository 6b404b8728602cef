/**
 * The bibliography: every publication a sourced default or assumption row of
 * sightline cites, with its author or publisher, title, date and address, so
 * that a reader can check each figure. Assumption rows and doc comments name
 * an entry by its id (`kazlenta-2024`); the report lists the entries a run
 * cites.
 *
 * `accessed` is the date the page was read for this library; it is left out
 * where the entry was taken from a checked list without re-reading the page
 * (this library is built on machines without web access) — say so rather
 * than invent a date.
 */

import { InvalidInputError } from './errors.js';

/** One publication. */
export interface Source {
  /** Author(s) or publisher. */
  author: string;
  /** Title as published (in its language; a translation in brackets). */
  title: string;
  /** Publication date, ISO 8601 (`2025-09-17`) or as precise as known (`2024`). */
  date: string;
  /** Web address or DOI URL; absent only for a standard cited by its designation. */
  url?: string;
  /** When the page was last read for this library (ISO date), where it was. */
  accessed?: string;
  /** What the library takes from it. */
  supports: string;
}

/**
 * The sources, by id. Ids are `publisher-date` in kebab case.
 *
 * @example SOURCES['bestnews-2025-09-17'].url
 */
export const SOURCES = {
  'kazinform-2022-01-12': {
    author: 'Kazinform',
    title: 'President pays visit to command and control center of Almaty police',
    date: '2022-01-12',
    url: 'https://www.inform.kz/en/president-pays-visit-to-command-and-control-center-of-almaty-police_a3884898',
    supports: 'during the January 2022 events 493 surveillance cameras on 20 streets of Almaty were shot down; up to 10,000 cameras planned',
  },
  'kgnews-2022-01-17': {
    author: 'Tengrinews, via kgnews.asia',
    title: 'Камеры почти на полмиллиарда тенге уничтожены [Cameras worth almost half a billion tenge destroyed]',
    date: '2022-01-17',
    url: 'https://kgnews.asia/news/amp/10284400-kamery_pochti_na_polmilliarda_tenge_unic.html',
    supports: '766 Sergek units damaged in January 2022; more than 11,000 cameras then integrated with the police operations centre',
  },
  'pledgetimes-2022': {
    author: 'Pledge Times (police department data)',
    title: 'Police to install thousands of cameras in Almaty',
    date: '2022',
    url: 'https://pledgetimes.com/police-to-install-thousands-of-cameras-in-almaty/',
    supports: '75 Sergek complexes (304 cameras) and 283 cameras of the 1,103-camera monitoring project disabled 4–7 January 2022',
  },
  'interfax-2022-01-05': {
    author: 'Interfax-Ukraine',
    title: 'Protesters burst into Almaty administration HQ, gunfire can be heard',
    date: '2022-01-05',
    url: 'https://en.interfax.com.ua/news/general/789975.html',
    supports: 'on 5 January 2022 protesters stormed the Almaty city administration (akimat) building, smoke rose from its roof; clashes in Almaty on 4 January',
  },
  'pledgetimes-2022-01-05': {
    author: 'Pledge Times (citing Interfax)',
    title: 'Riots broke out in Almaty again',
    date: '2022-01-05',
    url: 'https://pledgetimes.com/riots-broke-out-in-almaty-again/',
    supports: 'clashes with the security forces on Republic Square on 4 January 2022; the square blocked by armoured vehicles on 5 January; crowds at Tole bi street and the Eastern bypass, and at Tole bi and Momysh-uly street (Aksai); police cordons at al-Farabi and Nazarbayev avenues',
  },
  'zakon-2022-sagintaev': {
    author: 'Zakon.kz',
    title: 'После беспорядков число действующих уличных камер сократилось до 43% – Сагинтаев [After the unrest the working street cameras fell to 43%, Sagintayev]',
    date: '2022',
    url: 'https://www.zakon.kz/amp/6004798-posle-besporiadkov-chislo-deistvuiushchikh-ulichnykh-kamer-sokratilos-do-43-sagintaev.html',
    supports: "Almaty's akim: during the unrest the attackers disabled cameras first of all; the working street cameras fell to 43%",
  },
  'kazlenta-2024': {
    author: 'kazlenta.kz, citing Tengrinews',
    title: 'Ещё более тысячи новых камер Sergek установят на дорогах Алматы [More than a thousand new Sergek cameras on Almaty roads]',
    date: '2024',
    url: 'https://kazlenta.kz/75736-esche-bolee-tysyachi-novyh-kamer-sergek-ustanovyat-na-dorogah-almaty.html',
    supports: '1,341 Sergek complexes carrying 7,894 cameras in Almaty; 300 more complexes (1,200 cameras) planned for 2024',
  },
  'kazinform-2026-02-07': {
    author: 'Kazinform',
    title: 'Ещё 350 комплексов Sergek появятся в Алматы до марта [350 more Sergek complexes in Almaty by March]',
    date: '2026-02-07',
    url: 'https://www.inform.kz/ru/eshe-350-kompleksov-sergek-poyavyatsya-v-almati-do-marta-579fdb',
    supports: '1,641 traffic-enforcement complexes; the unified video-monitoring system grew from about 18,000 cameras (2023) to 65,000',
  },
  'bestnews-2025-09-17': {
    author: 'bestnews.kz (Almaty akimat press service)',
    title: 'Almaty: 53,000 cameras connected to the police operations centre',
    date: '2025-09-17',
    url: 'https://bestnews.kz/novosti/22394-20250917-104845',
    supports: '53,000 cameras connected to the police operations centre, face-recognition cameras among them; 8,000 more to the Target platform by the end of 2025; 28 staff on duty',
  },
  'qazaqstan-press-2024': {
    author: 'qazaq-stan.press',
    title: 'Казахстан рискует остаться без видеонаблюдения: кто контролирует городские камеры [Who controls the city cameras]',
    date: '2024',
    url: 'https://qazaq-stan.press/kazahstan-riskyet-ostatsia-bez-videonabludeniia-kto-kontroliryet-gorodskie-kamery.html',
    supports: 'more than 155,000 cameras in Almaty, more than 1.3 million in Kazakhstan',
  },
  'qazinform-2024-11-20': {
    author: 'Qazinform',
    title: 'Kazakhstan implements AI-powered video monitoring system',
    date: '2024-11-20',
    url: 'https://qazinform.com/news/kazakhstan-implements-ai-powered-video-monitoring-system-a0e688',
    supports: '1.36 million cameras in Kazakhstan, 310,000 of them connected to police command centres',
  },
  'vecher-2023': {
    author: 'vecher.kz',
    title: 'В общественных местах Алматы установят шесть тысяч видеокамер [Six thousand cameras in public places of Almaty]',
    date: '2023',
    url: 'https://vecher.kz/ru/article/v-obshestvennyh-mestah-almaty-ustanoviat-shest-tysiach-videokamer.html',
    supports: '18,399 cameras at 515 state sites joined the unified system in 2023; 3,050 cameras in crowded places',
  },
  'halyq-uni-2023': {
    author: 'Halyq Uni',
    title: 'Алматы әкімдігі адамның бет-бейнесін танитын камералар орнатпақ [The Almaty akimat to install face-recognition cameras]',
    date: '2023',
    url: 'https://halyq-uni.kz/aleumet/7421-almaty-kimdigi-adamnyn-bet-beinesin-tanityn-kameralar-ornatpak/amp',
    supports: "the akimat's draft rules: face-recognition cameras mounted at about 2.2 m",
  },
  'kazpravda-2026-01-06': {
    author: 'Kazakhstanskaya Pravda',
    title: 'Улытау усиливает цифровую безопасность [Ulytau strengthens digital security]',
    date: '2026-01-06',
    url: 'https://kazpravda.kz/n/ulytau-usilivaet-tsifrovuyu-bezopasnost/',
    supports: 'Ulytau region police: the video archive is kept at least 90 days (a regional statement, not a national rule)',
  },
  'tengrinews-2025-astana': {
    author: 'Tengrinews',
    title: 'Могут распознать человека, номера авто: в Астане завершают установку камер [Astana completes the camera installation]',
    date: '2025',
    url: 'https://tengrinews.kz/kazakhstan_news/mogut-raspoznat-cheloveka-nomera-avto-astane-zavershayut-584339/amp',
    supports: 'Astana: 22,000 new cameras by a Presight-led consortium, 53 billion tenge',
  },
  'nur-2025-08-14': {
    author: 'nur.kz',
    title: 'Sergek перестанет работать в Астане, когда будут установлены камеры другой компании [Sergek to stop in Astana]',
    date: '2025-08-14',
    url: 'https://www.nur.kz/society/2275233-sergek-perestanet-rabotat-v-astane-kogda-budut-ustanovleny-kamery-drugoy-kompanii/',
    supports: "Sergek's 2017 contract in Astana not renewed; the new project runs to 2030",
  },
  'nistir-8238': {
    author: 'P. Grother, M. Ngan, K. Hanaoka (NIST)',
    title: 'Ongoing Face Recognition Vendor Test (FRVT) Part 2: Identification, NISTIR 8238',
    date: '2018-11',
    url: 'https://doi.org/10.6028/NIST.IR.8238',
    supports: 'the most accurate 1:N algorithms miss the mate in about 0.2 % of searches of good photos against a 12-million-person gallery; FNIR reported at FPIR = 0.003',
  },
  'nistir-8271': {
    author: 'P. Grother, M. Ngan, K. Hanaoka (NIST)',
    title: 'Face Recognition Vendor Test (FRVT) Part 2: Identification, NISTIR 8271',
    date: '2019-09',
    url: 'https://doi.org/10.6028/NIST.IR.8271',
    supports: '1:N identification accuracy by algorithm, image type and gallery size; FNIR at FPIR = 0.003',
  },
  'nistir-8173': {
    author: 'P. Grother, G. Quinn, M. Ngan (NIST)',
    title: 'Face In Video Evaluation (FIVE): Face Recognition of Non-Cooperative Subjects, NISTIR 8173',
    date: '2017-03',
    url: 'https://doi.org/10.6028/NIST.IR.8173',
    supports: 'non-cooperative video identifies between about 60 % and more than 99 % of subjects depending on capture',
  },
  'met-lfr-2025': {
    author: 'Metropolitan Police Service (annual report), as reported by Freevacy',
    title: 'Met Police publishes report on its use of live facial recognition',
    date: '2025-10-31',
    url: 'https://www.freevacy.com/news/metropolitan-police-service/met-police-publishes-report-on-its-use-of-live-facial-recognition/6888',
    accessed: '2026-12-06',
    supports: 'Sept 2024 – Sept 2025: more than three million faces scanned (3,147,436 in the report), 2,077 alerts, 10 of them false (a false alert rate of 0.0003 % of faces scanned)',
  },
  'de-montjoye-2013': {
    author: 'Y.-A. de Montjoye, C. A. Hidalgo, M. Verleysen, V. D. Blondel',
    title: 'Unique in the Crowd: The privacy bounds of human mobility, Scientific Reports 3:1376',
    date: '2013-03-25',
    url: 'https://doi.org/10.1038/srep01376',
    supports: 'with hourly, antenna-level points, 4 points single out 95 % of 1.5 million people (15 months of data)',
  },
  'farzanehfar-2021': {
    author: 'A. Farzanehfar, F. Houssiau, Y.-A. de Montjoye',
    title: 'The risk of re-identification remains high even in country-scale location datasets, Patterns 2(3):100204',
    date: '2021-03-12',
    url: 'https://doi.org/10.1016/j.patter.2021.100204',
    supports: '4 points single out 93 % of 60 million people',
  },
  'wang-cao-2011': {
    author: 'Y. Wang, G. Cao (Pennsylvania State University)',
    title: 'On full-view coverage in camera sensor networks, IEEE INFOCOM 2011',
    date: '2011-04',
    url: 'https://doi.org/10.1109/INFCOM.2011.5934977',
    supports: 'full-view coverage: a point is covered with effective angle θ when, for every facing direction, a covering camera lies within θ of it; a sufficient density condition for random uniform deployments (θ ≤ π/2 in the analysis)',
  },
  'stevens-1939': {
    author: 'W. L. Stevens',
    title: 'Solution to a geometrical problem in probability, Annals of Eugenics 9(4)',
    date: '1939',
    url: 'https://doi.org/10.1111/j.1469-1809.1939.tb02216.x',
    supports: 'probability that n arcs of length a placed uniformly at random cover the circle: Σ_k (−1)^k C(n, k) (1 − k·a)^(n−1); with arcs of 2θ around the directions to the cameras, the probability of full view',
  },
  'sengupta-2016': {
    author: 'S. Sengupta, J.-C. Chen, C. Castillo, V. M. Patel, R. Chellappa, D. W. Jacobs',
    title: 'Frontal to profile face verification in the wild, IEEE WACV 2016',
    date: '2016-03',
    url: 'https://doi.org/10.1109/WACV.2016.7477558',
    supports: 'face verification algorithms lose more than 10 points of accuracy from frontal–frontal to frontal–profile pairs (humans: 96.24 % vs 94.57 %)',
  },
  'en-62676-4-2015': {
    author: 'CENELEC',
    title: 'EN 62676-4:2015, Video surveillance systems for use in security applications — Part 4: Application guidelines',
    date: '2015',
    supports: 'DORI pixel densities: detect 25, observe 62.5, recognise 125, identify 250 pixels per metre',
  },
  'nypd-das-2009': {
    author: 'New York City Police Department, as published by Public Intelligence',
    title: 'Domain Awareness System Public Security Privacy Guidelines',
    date: '2009-04-02',
    url: 'https://publicintelligence.net/nypd-domain-awareness-system-public-security-privacy-guidelines/',
    supports: 'video kept 30 days; plate reads kept 5 years',
  },
  'flock-evidence-policy': {
    author: 'Flock Safety',
    title: 'Flock Evidence Request Policy',
    date: '2026',
    url: 'https://www.flocksafety.com/flock-evidence-policy',
    supports: 'plate-reader data (plate reads and vehicle images) kept thirty calendar days from capture',
  },
  'murtagh-2021': {
    author: 'E. M. Murtagh, J. L. Mair, E. Aguiar, C. Tudor-Locke, M. H. Murphy',
    title: 'Outdoor Walking Speeds of Apparently Healthy Adults: A Systematic Review and Meta-analysis, Sports Medicine 51(1):125–141',
    date: '2021',
    url: 'https://doi.org/10.1007/s40279-020-01351-3',
    supports: 'usual outdoor walking speed of healthy adults, about 1.4 m/s',
  },
  'sullivan-2012': {
    author: 'G. J. Sullivan, J.-R. Ohm, W.-J. Han, T. Wiegand',
    title: 'Overview of the High Efficiency Video Coding (HEVC) Standard, IEEE Transactions on Circuits and Systems for Video Technology 22(12):1649–1668',
    date: '2012-12',
    url: 'https://doi.org/10.1109/TCSVT.2012.2221191',
    supports: 'H.265/HEVC needs about half the bitrate of H.264/AVC for the same quality',
  },
  'gcs-pricing-2026': {
    author: 'Google Cloud',
    title: 'Cloud Storage pricing (Standard storage, single region)',
    date: '2026',
    url: 'https://cloud.google.com/storage/pricing',
    accessed: '2026-09-20',
    supports: 'USD 0.020 per GiB-month for Standard storage in a single region (list price), ≈ 18.63 USD per TB-month',
  },
  'cctv-camera-database-2026': {
    author: 'ch-bas, cctv-camera-database (specifications transcribed from vendor datasheets), release notes and CHANGELOG',
    title: 'cctv-camera-database releases v2.3.0 (Hikvision compact Smart Hybrid Light bullets and domes, value bullets, DarkFighter speed domes) and v2.9.0 (ACTi K32-P1)',
    date: '2026-08-23',
    url: 'https://github.com/ch-bas/cctv-camera-database/releases/tag/v2.3.0',
    supports: 'illuminator (IR) ranges stated on datasheets: Hikvision DS-2CD1021G2-IU value 2 MP fixed bullet IR 20 m; DS-2CD3021G3-LIUF fixed bullet and DS-2CD3121G3-LIUF fixed dome, Smart Hybrid Light 30 m; ACTi K32-P1 fixed bullet IR 50 m (v2.9.0, 2026-08-30); DS-2DE7A425IWG1-E DarkFighter PTZ speed dome IR 200 m. A secondary compilation: the figures are the datasheets\' "up to" values',
  },
  'noaa-solar-calculator': {
    author: 'NOAA Global Monitoring Laboratory',
    title: 'NOAA Solar Calculator: calculation details (spreadsheet after J. Meeus, Astronomical Algorithms, 1991)',
    date: '1991',
    url: 'https://gml.noaa.gov/grad/solcalc/calcdetails.html',
    supports: 'sun declination, equation of time, hour angle of sunrise (zenith 90.833°, refraction and the sun\'s radius) and civil twilight (zenith 96°), solar noon; the page is undated, the date is that of the equations it implements',
  },
  'nist-phillips-2010-lighting': {
    author: 'P. J. Phillips, J. R. Beveridge, B. A. Draper, D. Bolme, G. H. Givens, Y. M. Lui (NIST)',
    title: 'Quantifying How Lighting and Focus Affect Face Recognition Performance',
    date: '2010',
    url: 'https://www.nist.gov/publications/quantifying-how-lighting-and-focus-affect-face-recognition-performance',
    supports: 'the top face recognition algorithms of FRVT 2006 remain sensitive to lighting on uncontrolled images (a qualitative finding: no night-time rate is given)',
  },
  'openstreetmap': {
    author: 'OpenStreetMap contributors',
    title: 'OpenStreetMap (data under the Open Database License 1.0)',
    date: '2023',
    url: 'https://www.openstreetmap.org/copyright',
    supports: 'camera positions and tags (man_made=surveillance), the Almaty boundary (relation 2465058), street networks',
  },
} as const satisfies Record<string, Source>;

/** The id of a bibliography entry. */
export type SourceId = keyof typeof SOURCES;

/**
 * One entry as a citation line: `author, "title", date, url (accessed …)`.
 *
 * @param id - an id of {@link SOURCES}
 * @returns the citation
 * @throws {InvalidInputError} when the id is not in the bibliography
 * @example formatSource('nistir-8238') // 'P. Grother, M. Ngan, K. Hanaoka (NIST), "Ongoing Face …", 2018-11, https://doi.org/10.6028/NIST.IR.8238'
 */
export function formatSource(id: string): string {
  const s = (SOURCES as Record<string, Source>)[id];
  if (s === undefined) throw new InvalidInputError('formatSource', 'id', `must be a bibliography id (${Object.keys(SOURCES).length} entries in SOURCES)`, id);
  return `${s.author}, "${s.title}", ${s.date}${s.url ? `, ${s.url}` : ''}${s.accessed ? ` (accessed ${s.accessed})` : ''}`;
}

