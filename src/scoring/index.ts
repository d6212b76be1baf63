export type { Channels, ModelManifest } from './artifact.js';
export { DEFAULT_MODEL } from './artifact.js';
export type { FeaturizerSpec, SparseFeatures, WindowedFeatures } from './featurizer.js';
export { DEFAULT_FEATURIZER_SPEC, Featurizer, windowCount, windowOf } from './featurizer.js';
export type { EvalMetrics } from './metrics.js';
export type {
  ModelInfo,
  ScoreOptions,
  ScoreResult,
  ScoringService,
  ScoringServiceOptions,
  ShadowComparison,
  ShadowStats,
} from './service.js';
export { createScoringService } from './service.js';
export type { TextKind } from './views.js';
