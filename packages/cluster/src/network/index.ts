// The embedded cluster's Service network: virtual IP and node port allocation for the API server.
export { assignServiceAddresses } from './service-addresses.js';
export type { AssignServiceAddressesInput, AssignServiceAddressesResult } from './service-addresses.js';
export { applyServiceDefaults, isHeadless, needsClusterIP, needsNodePorts } from './service-defaults.js';
export { NODE_PORT_RANGE, SERVICE_CIDR, formatIPv4, parseIPv4 } from './ip-range.js';
