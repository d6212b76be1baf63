export type { Channels, ModelManifest } from './artifact.js';
export { DEFAULT_MODEL } from './artifact.js';
export type { FeaturizerSpec, SparseFeatures } from './featurizer.js';
export { chunkText, DEFAULT_FEATURIZER_SPEC, Featurizer } from './featurizer.js';
export type { EvalMetrics } from './metrics.js';
export type {
  ModelInfo,
  ScoreResult,
  ScoringService,
  ScoringServiceOptions,
  ShadowComparison,
  ShadowStats,
} from './service.js';
export { createScoringService } from './service.js';
