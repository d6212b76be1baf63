export {
  type CompiledAgent,
  type CompiledSecret,
  type CompiledToolGrant,
  compilePolicySet,
  DEFAULT_INSPECT_MODEL,
  type PolicySet,
  policyVersion,
} from './compile.js';
export {
  authorizeModel,
  authorizeTool,
  type EffectiveLimits,
  effectiveLimits,
  grantedTools,
  isGated,
  type ToolDecision,
} from './evaluate.js';
export { type Explanation, explainTool, type ManifestView } from './explain.js';
export {
  fileVersion,
  type HistoryAction,
  type HistoryEntry,
  PolicyHistory,
} from './history.js';
export {
  compileSources,
  isPolicyFileName,
  loadPolicyDir,
  parsePolicyText,
  readPolicySources,
} from './load.js';
export { type AgentPolicy, type PolicyFile, PolicyFileSchema } from './schema.js';
export { PolicyStore, type ReloadOutcome } from './store.js';
export {
  checkDraft,
  type DraftCheck,
  isPolicyName,
  listPolicyFiles,
  type PolicyFileInfo,
  policyNameOf,
  type RollbackPolicyOptions,
  readPolicyFile,
  rollbackPolicy,
  type WritePolicyOptions,
  type WritePolicyResult,
  writePolicy,
} from './write.js';
