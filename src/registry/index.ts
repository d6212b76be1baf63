export { compileInputSchema, type InputValidator } from './input-validator.js';
export { type LoadError, type LoadedTool, type LoadResult, loadTools } from './load.js';
export { parseManifest, type ToolAnnotations, type ToolManifest } from './manifest.js';
