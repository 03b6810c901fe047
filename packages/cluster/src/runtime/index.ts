// Container runtimes for the local kubelet: the contract, the process / catalog / simulated runtimes and their registry.
export * from './container-runtime.js';
export {
  CriLogWriter,
  formatCriLogLine,
  formatRfc3339Nano,
  LogStream,
  LogTag,
  MAX_LOG_LINE_BYTES,
  parseCriLogLine,
  readNowNanos,
  type CriLogEntry,
  type CriLogWriterOptions,
} from './cri-log-writer.js';
export { MemoryLogs } from './memory-logs.js';
export { parseImageReference, type ImageReference } from './image-reference.js';
export { ProcessRuntime, type ProcessRuntimeOptions } from './process-runtime.js';
export { SimulatedRuntime, describeSimulatedContainer, type SimulatedRuntimeOptions } from './simulated-runtime.js';
export { CatalogRuntime, type CatalogRuntimeOptions } from './catalog-runtime.js';
export {
  findCatalogImage,
  IMAGE_CATALOG,
  type CatalogImage,
  type CatalogMatch,
  type CatalogProgram,
  type ImageConfig,
} from './image-catalog.js';
export { AppName } from './app-script.js';
export * from './runtime-registry.js';
