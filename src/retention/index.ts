/**
 * Retention: policies and presets, storage and cost, history on file, reconstruction, access.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { buildAccessGraph, principalReach, readerReach, principalKey, storeKey, holdKey } from './access-graph.js';
export type { ReaderReach, AccessGraph, AccessNodeAttributes, AccessPrincipalNode, AccessStoreNode, AccessHoldNode, AccessEdgeAttributes, ReachedStore, ReachedHold, PrincipalReach, PrincipalReachResult, PrincipalReachOptions } from './access-graph.js';
export { analyseAccess, ACCESS_DEFAULTS } from './access.js';
export type { AccessOptions, PrincipalAccess, AccessBreach, PrincipalsPerResidentSummary, AccessAnalysis } from './access.js';
export { analyseRetention, compareRetention, ANALYSE_RETENTION_DEFAULTS } from './analyse-retention.js';
export type { AnalyseRetentionOptions, RetentionAnalysis, RetentionDelta, RetentionComparison } from './analyse-retention.js';
export { archiveOnFile, ARCHIVE_SEARCH_KINDS, ARCHIVE_ON_FILE_DEFAULTS } from './archive-on-file.js';
export type { ArchiveOnFileOptions, ArchiveOnFile } from './archive-on-file.js';
export { dailyEventRates, DAILY_EVENT_FIELDS, MET_ALERTS_PER_FACE } from './event-rates.js';
export type { DailyEvents, EventTripsInput, DailyEventRatesOptions, DailyEventRates } from './event-rates.js';
export { retentionReach, personHistory, personHistoryForDays, summariseHistoryValues, HISTORY_DEFAULTS } from './history.js';
export type { OnFileColumns, RetentionReach, KindReach, TierReach, HistorySummary, HistoryDaysOptions, HistoryColumns, PersonHistoryOptions, PersonHistory } from './history.js';
export { pointInHold, camerasInHold } from './hold-area.js';
export { personChannelDays, sumWithin, logMissWithin, RETENTION_MODE_WALK, RETENTION_MODE_CAR } from './person-channels.js';
export type { RetentionTripsInput, PersonChannelDays, PersonChannelDaysOptions } from './person-channels.js';
export { retentionRule, effectiveDays, createRetentionPolicy, longestKept, RETENTION_TIERS, TIER_NODE_KIND, DATA_KINDS, DEFAULT_CREATED_AT, CHANNEL_KINDS, POLICY_EVIDENCE, BUILTIN_PRINCIPALS } from './policy.js';
export type { RetentionTier, DataKind, RetentionDays, RetentionRuleSpec, PrincipalSpec, LegalHoldSpec, PolicyEvidence, RetentionPolicySpec, RetentionRule, Principal, LegalHold, RetentionPolicy } from './policy.js';
export { retentionPreset, RETENTION_PRESETS, RETENTION_PRESET_NAMES } from './presets.js';
export type { RetentionPresetName } from './presets.js';
export { reconstructHistory } from './reconstruct.js';
export type { RetentionSightingsInput, ReconstructHistoryOptions, ReconstructedHistory, HoldHistory, RetentionTripRowsInput } from './reconstruct.js';
export { retentionStorage, RECORD_SIZES, DEFAULT_REPLICATION, DEFAULT_PRICE_PER_TB_MONTH, RETENTION_STORAGE_DEFAULTS } from './storage.js';
export type { RecordKind, RetentionStorageOptions, StorageRow, StorageTierTotals, StorageKindTotals, OverCapacityNode, RetentionStorage } from './storage.js';
