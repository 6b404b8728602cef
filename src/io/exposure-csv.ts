/**
 * `exposure.csv`: one row per simulated resident and day of the exposure
 * sample, for spreadsheets and statistics packages.
 *
 * Columns (RFC 4180, comma-separated, header row, `.` decimal point), named
 * in camelCase like the GeoJSON properties and results.json; a unit ends
 * the name (`M` metres, `S` seconds); `…Key` columns hold string keys, `…Id`
 * and `id` numbers (docs/guide/gis.md):
 * | column | meaning |
 * | --- | --- |
 * | `resident` | id of the simulated resident (0 … n − 1) |
 * | `day` | day index (0 … days − 1) |
 * | `districtKey`, `district` | home district's key (as `key` in districts.geojson) and name (empty when the home lies in no district) |
 * | `homeLon`, `homeLat` | home position, WGS84 (empty for a city without projection) |
 * | `trips` | trips made that day |
 * | `sightings` | passages through a camera's footprint (seen, identified or not) |
 * | `identified` | expected identified sightings (Σ per-capture identification probability) |
 * | `distinctCameras` | distinct cameras that saw the resident that day |
 * | `pathM`, `observedM`, `observedFraction` | metres travelled, metres inside some footprint, their ratio |
 * | `longestGapM`, `longestGapS` | longest unobserved stretch of a trip that day |
 * | `pIdentified` | probability of being identified at least once that day |
 * | `faceSearches` | expected face searches (pedestrian captures a watchlist search runs on) |
 */
import { InvalidInputError } from '../core/index.js';
import { NO_DISTRICT, type Residents } from '../mobility/index.js';
import { type City } from '../city/index.js';
import { type PersonDayMetrics } from '../exposure/index.js';

/** Column names of {@link exposureCsvChunks}, in order. */
export const EXPOSURE_CSV_COLUMNS = [
  'resident', 'day', 'districtKey', 'district', 'homeLon', 'homeLat', 'trips', 'sightings', 'identified', 'distinctCameras',
  'pathM', 'observedM', 'observedFraction', 'longestGapM', 'longestGapS', 'pIdentified', 'faceSearches',
] as const;

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number with up to `d` decimals, no trailing zeros, never NaN. */
function num(v: number, d: number): string {
  if (!Number.isFinite(v)) return '';
  return String(Math.round(v * 10 ** d) / 10 ** d);
}

/**
 * The exposure sample as CSV text, in chunks (one per 2,000 rows).
 *
 * @param persons - per person-day metrics (computePopulationExposure's `persons`)
 * @param residents - the residents (homes, districts)
 * @param city - the city (district names and ids, projection for lon/lat)
 * @returns an iterable of text chunks forming the file
 * @throws {InvalidInputError} when persons and residents differ in size
 * @example writeFileAtomic('exposure.csv', exposureCsvChunks(run.exposure.persons, run.exposure.residents, run.city));
 *
 * Complexity: O(residents · days).
 */
export function* exposureCsvChunks(persons: PersonDayMetrics, residents: Residents, city: City): Generator<string> {
  if (persons.numPersons !== residents.numResidents) throw new InvalidInputError('exposureCsv', 'residents.numResidents', `must equal persons.numPersons (${persons.numPersons})`, residents.numResidents);
  yield EXPOSURE_CSV_COLUMNS.join(',') + '\n';
  const days = persons.numDays;
  const proj = city.projection;
  const ids = city.districts.map((d) => field(d.id));
  const names = city.districts.map((d) => field(d.name));
  let buf: string[] = [];
  for (let p = 0; p < persons.numPersons; p++) {
    const d = residents.district[p];
    const inDistrict = d !== NO_DISTRICT && d < ids.length;
    let lonLat = ',';
    if (proj) {
      const [lon, lat] = proj.inverse(residents.x[p], residents.y[p]);
      lonLat = `${num(lon, 6)},${num(lat, 6)}`;
    }
    const head = `${p},`;
    const tail = `${inDistrict ? ids[d] : ''},${inDistrict ? names[d] : ''},${lonLat}`;
    for (let day = 0; day < days; day++) {
      const i = p * days + day;
      buf.push(
        `${head}${day},${tail},${persons.trips[i]},${num(persons.sightings[i], 4)},${num(persons.identified[i], 6)},${num(persons.distinctCameras[i], 4)},` +
          `${num(persons.length[i], 1)},${num(persons.observedLength[i], 1)},${num(persons.observedFraction[i], 6)},${num(persons.longestGap[i], 1)},${num(persons.longestGapSeconds[i], 1)},` +
          `${num(persons.pIdentified[i], 6)},${num(persons.faceSearches[i], 6)}\n`,
      );
      if (buf.length === 2000) {
        yield buf.join('');
        buf = [];
      }
    }
  }
  if (buf.length) yield buf.join('');
}
