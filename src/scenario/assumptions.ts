/**
 * The table of assumptions and facts behind a run's numbers, each with its
 * source: what every part's assumptions.ts shares. Each part lists its own
 * rows next to its step (model/assumptions.ts: the city's provenance, the
 * camera presets' sourced constants; coverage/assumptions.ts: the optics
 * standard; network/, exposure/, retention/assumptions.ts). The report shows
 * them next to the numbers.
 */

/** The source of the figures collected for the project (the Almaty and Astana facts). */
export const DESIGN_SOURCE = 'sightline DESIGN.md, figures collected for the project from 2024–2025 reporting';

/** A count for an assumption's text: `128,000`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
