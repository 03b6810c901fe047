// The embedded cluster's service proxy: TCP listeners on Service addresses that balance over ready endpoints.
export { startServiceProxy } from './service-proxy.js';
export type { ProxyListenerInfo, ServiceProxy, ServiceProxyOptions } from './service-proxy.js';
export { ListenerRole, planServiceListeners } from './listener-plan.js';
export type { ListenerSpec, PlanServiceOptions, ServicePlan } from './listener-plan.js';
export { readyBackends, RoundRobinPicker } from './backend-picker.js';
export type { Backend } from './backend-picker.js';
