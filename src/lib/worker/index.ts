/** The analysis worker's client and message types: what a page imports. */
export {
  createAnalysisClient,
  AnalysisCancelled,
  type AnalysisClient,
  type AnalysisJob,
  type WorkerLike
} from './analysisClient';
export {
  catalogData,
  type AnalysisRequest,
  type AnalysisResult,
  type AnalysisResults,
  type CatalogData,
  type ScheduleSpec
} from './protocol';
