// Formatting shared by the CLI, the dashboard and the API server's tables.
export * from './human-duration.js';
