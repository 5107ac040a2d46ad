/**
 * The engine's public surface. Plain TypeScript: no Svelte, no DOM, no d3-selection, no I/O.
 * It runs the same in the browser, a Web Worker, the CLI and tests.
 *
 * This surface runs validated data and loads neither the YAML parser nor zod, so the pages that
 * show the built-in catalog (validated at build time) stay small. Reading files a person wrote —
 * the zod schemas, loadCatalog, the checks — is validate.ts, which re-exports all of this too.
 */
export * from './quarter';
export * from './terms';
export type {
  SourceRef,
  ArticleRef,
  Driver,
  Vocabulary,
  Scale,
  LikelihoodScale,
  Guard,
  Probability,
  Transition,
  State,
  ForkBranch,
  AssumptionChange,
  ClaimTest,
  Claim,
  Scenario,
  OwnDriver,
  HistoryEvent,
  HistoryQuarter,
  History
} from './schema';
export * from './issues';
export { tooDeepFlow } from './flowDepth';
export { closestName } from './suggest';
export {
  catalogData,
  catalogFromData,
  composeVocabulary,
  type Catalog,
  type CatalogData,
  type SkippedFile
} from './catalogData';
export {
  resolveModel,
  perQuarterChance,
  modelEnd,
  type Model,
  type ResolvedTransition
} from './model';
export { compile, machineConfig, runMachine, type QuarterEvent, type MachineStep } from './compile';
export {
  compileTable,
  step,
  outcomes,
  settle,
  AlwaysLoopError,
  type TransitionTable
} from './table';
export { evaluateGuard, traceGuard, type Frame, type GuardTrace, type AnyGuard } from './guards';
export {
  describeGuard,
  shortGuard,
  conditionsInWords,
  lower,
  conditionGroup,
  groupSummary,
  formatLevel,
  formatPercent,
  formatDate,
  recordEndSentence,
  type ConditionInWords,
  type ConditionGroup,
  type ConditionItem
} from './describe';
export {
  decisiveLeaves,
  conditionName,
  isReading,
  transitionReadings,
  startReadings,
  type Reading
} from './basis';
export { hedgeWindows, compoundsPastBound, type HedgeWindow } from './hedge';
export {
  buildSchedule,
  scheduleBranches,
  MAX_BRANCHES,
  framesOf,
  lastQuarter,
  parseOverride,
  withOverride,
  type Schedule,
  type ScheduleFork,
  type ScheduleBranch,
  type Override,
  type Preset,
  type Provenance
} from './schedule';
export { propagate, mostLikelyPath, levelVectors } from './distribution';
export { cachedRunPath, driversRead } from './pathCache';
export {
  runPath,
  executables,
  type PathResult,
  type PathStep,
  type TakenTransition,
  type RunOptions
} from './path';
export { indexDrivers, driverLabel, levelLabel, type DriverIndex } from './vocabulary';
export { signposts, type Signpost } from './signposts';
export {
  citationsByParagraph,
  textFragmentUrl,
  type Citation,
  type ParagraphCitations
} from './citations';
export {
  SCALE_LEVELS,
  withinOneShare,
  meanAbsoluteError,
  brierScore,
  rankedProbabilityScore,
  MIN_RANKED_QUARTERS,
  quarterVerdict,
  type QuarterVerdict
} from './score';
export {
  scoreAnalyst,
  scorecard,
  publicationQuarter,
  rankScores,
  type AnalystScore,
  type RunScore
} from './scorecard';
export {
  cruxDrivers,
  driverMoves,
  outcomeAt,
  type DriverCrux,
  type CruxMove,
  type Outcome
} from './crux';
export { claimVerdict, testVerdict, summariseQuarters, type ClaimVerdict } from './claims';
// Only zod's types: the schema handed in brings zod's code along.
export { parseWith } from './zodIssues';
export { auditRows, auditCounts, type AuditRow, type AuditCount, type ElementKind } from './audit';
export {
  mixtureRun,
  mixRows,
  shownPath,
  expectedLevels,
  tableOf,
  type MixtureRun,
  type BranchRun
} from './mixture';
export {
  targetMask,
  describeTarget,
  formatTarget,
  parseTarget,
  reachCurve,
  type Target,
  type ReachState
} from './target';
export {
  searchChanges,
  atLeastK,
  SearchCancelled,
  SEARCH_DEFAULTS,
  type SearchInput,
  type SearchLimits,
  type SearchResult,
  type SearchBound,
  type Alternative,
  type AnalystReach,
  type Change,
  type PathPoint
} from './search';
export { levelClasses } from './levelClasses';
export {
  uncertainDistribution,
  uncertainRun,
  resolveUncertain,
  UNCERTAINTY_DEFAULTS,
  type UncertainDriver,
  type UncertaintyOptions,
  type UncertainDistribution,
  type UncertainRun
} from './uncertainty';
export { seededRandom } from './rng';
export {
  tornado,
  type Tornado,
  type TornadoInput,
  type TornadoPoint,
  type TornadoRow
} from './sensitivity';
export { horizonCrux, type HorizonCrux, type HorizonMove } from './crux';
export { whatMoved, type WhatMoved, type WhatMovedInput, type AnalystMove } from './whatMoved';
