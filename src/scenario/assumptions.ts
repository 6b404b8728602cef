/**
 * The table of assumptions and facts behind a run's numbers, each with its
 * source: what every part's assumptions.ts shares. Each part lists its own
 * rows next to its step (model/assumptions.ts: the city's provenance, the
 * camera presets' sourced constants; coverage/assumptions.ts: the optics
 * standard; network/, exposure/, retention/assumptions.ts). The report shows
 * them next to the numbers. A row cites its publications by bibliography id
 * (`sources`, ids of the core SOURCES list); `sourced` only with a citation,
 * otherwise `assumption` with its reasoning and, where known, a plausible range.
 */

/** A count for an assumption's text: `128,000`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
