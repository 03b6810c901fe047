// Measuring a Service's traffic split for the end-to-end tests: the command's module (../service-traffic.ts).
export { colorSplit, httpGet } from '../service-traffic.js';
