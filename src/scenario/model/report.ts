/**
 * The model part's section of the HTML report: the camera cards, the map
 * of camera density (with the district outlines) and the one-line summary
 * of the city above the maps.
 */
import { chartFrame, chartTitle, esc, fmtNum as num, syntheticDistrictsNote, type ReportCard, type ReportMapFeatures, type ReportSection } from '../report-kit.js';
import type { ScenarioResult } from '../result.js';

/** `N cameras in the study area (M outside not counted)`; the parenthesis only when some are outside (results written before numOutside have none). */
export function studyAreaCamerasText(numCameras: number, numOutside: number | undefined): string {
  return `${num(numCameras)} cameras in the study area${numOutside ? ` (${num(numOutside)} outside not counted)` : ''}`;
}

function cards(result: ScenarioResult): ReportCard[] {
  const h = result.headline;
  const c = result.metrics.cameras;
  return [
    ['Cameras', num(h.cameras), `${studyAreaCamerasText(c.numCameras, c.numOutside)} · ${num(h.liveCameras)} live · ${num(h.faceCameras)} face recognition · ${num(h.plateCameras)} plate reading`],
    ['Cameras per km²', num(h.camerasPerKm2, 1), h.residentsPerCamera === undefined ? 'no camera in the study area' : `${num(h.residentsPerCamera)} residents per camera`],
  ];
}

function charts(result: ScenarioResult, maps: ReportMapFeatures): Record<string, unknown> {
  const specs: Record<string, unknown> = {};
  if (maps.density.length > 0) {
    specs['map-density'] = {
      ...chartFrame(
        chartTitle(
          'Camera density',
          'Cameras per km² of city in square cells (a cell on the city edge is divided by its area inside the city); the colour scale starts at 0.',
          ...(maps.districts.length > 0 ? syntheticDistrictsNote(result) : []),
        ),
      ),
      height: 420,
      projection: { type: 'mercator' },
      layer: [
        {
          data: { values: maps.density },
          mark: { type: 'geoshape', stroke: null },
          encoding: {
            color: { field: 'properties.perKm2', type: 'quantitative', title: 'cameras (per km²)', scale: { type: 'sqrt', scheme: 'inferno', reverse: true, domainMin: 0 } },
            tooltip: [
              { field: 'properties.cameras', type: 'quantitative', title: 'cameras in cell' },
              { field: 'properties.perKm2', type: 'quantitative', title: 'cameras / km²', format: ',.1f' },
              { field: 'properties.areaKm2', type: 'quantitative', title: 'cell area in the city, km²', format: '.2f' },
            ],
          },
        },
        ...(maps.districts.length > 0 ? [{ data: { values: maps.districts }, mark: { type: 'geoshape', filled: false, stroke: '#1f2937', strokeWidth: 1 } }] : []),
      ],
    };
  }
  return specs;
}

function html(result: ScenarioResult): string {
  const c = result.metrics.city;
  const k = result.metrics.cameras;
  return `<p>${esc(c.name)}: ${num(c.areaKm2, 0)} km², ${num(c.population)} residents, ${num(c.streetKm)} km of street, ${num(c.districts)} districts; ${esc(studyAreaCamerasText(k.numCameras, k.numOutside))}. Areas and lengths are exact unions of camera footprints, not raster estimates.</p>`;
}

/** The model part's report section: camera cards, the density map, the city summary. */
export const MODEL_REPORT: ReportSection = { cards, charts, maps: ['map-density'], html };
