// Table conversion for `kubectl get`: built-in printers, CRD printer columns, and kubectl-style ages.
export { ageSince, humanDuration } from './age.js';
export { convertToTable, tablePrinterFor, type IncludeObject, type TableOptions } from './table-convertor.js';
export type { TablePrinter } from './column.js';
export { podStatusReason } from './pod-printer.js';
