// argoproj.io/v1alpha1 canary trafficRouting: the configuration of every built-in traffic router and plugins.
// Upstream: pkg/apis/rollouts/v1alpha1/types.go (RolloutTrafficRouting and the *TrafficRouting structs).

export interface IstioTLSRoute {
  port?: number;
  sniHosts?: string[];
}

export interface IstioTCPRoute {
  port?: number;
}

export interface IstioVirtualService {
  /** `name`, or `name.namespace` (optionally with a `.svc.cluster.local`-style suffix). */
  name: string;
  /** HTTP route names to edit; if omitted the VirtualService must have exactly one HTTP route. */
  routes?: string[];
  tlsRoutes?: IstioTLSRoute[];
  tcpRoutes?: IstioTCPRoute[];
}

/** Subset-level splitting: the controller labels the subsets with `rollouts-pod-template-hash`. */
export interface IstioDestinationRule {
  name: string;
  canarySubsetName: string;
  stableSubsetName: string;
  additionalSubsetNames?: string[];
}

export interface IstioTrafficRouting {
  virtualService?: IstioVirtualService;
  destinationRule?: IstioDestinationRule;
  virtualServices?: IstioVirtualService[];
}

export interface NginxTrafficRouting {
  /** Default `nginx.ingress.kubernetes.io`. */
  annotationPrefix?: string;
  /** The user's Ingress; the controller maintains a canary clone `<rollout>-<stableIngress>-canary`. */
  stableIngress?: string;
  /** Added to the canary Ingress with the annotation prefix prepended. */
  additionalIngressAnnotations?: Record<string, string>;
  stableIngresses?: string[];
  /** Added to the canary Ingress verbatim. */
  canaryIngressAnnotations?: Record<string, string>;
}

export interface StickinessConfig {
  enabled: boolean;
  /** 1..604800. */
  durationSeconds: number;
}

export interface ALBTrafficRouting {
  ingress?: string;
  servicePort: number;
  /** Service named in the action annotation; defaults to the stable Service. */
  rootService?: string;
  /** Default `alb.ingress.kubernetes.io`. */
  annotationPrefix?: string;
  stickinessConfig?: StickinessConfig;
  ingresses?: string[];
}

export interface SMITrafficRouting {
  rootService?: string;
  /** Default: the Rollout's name. */
  trafficSplitName?: string;
}

export interface AmbassadorTrafficRouting {
  /** Base Mapping names; a `<mapping>-canary` clone is created for each. */
  mappings: string[];
}

export interface AppMeshVirtualService {
  name: string;
  routes?: string[];
}

export interface AppMeshVirtualNodeReference {
  name: string;
}

export interface AppMeshVirtualNodeGroup {
  canaryVirtualNodeRef: AppMeshVirtualNodeReference;
  stableVirtualNodeRef: AppMeshVirtualNodeReference;
}

export interface AppMeshTrafficRouting {
  virtualService?: AppMeshVirtualService;
  virtualNodeGroup?: AppMeshVirtualNodeGroup;
}

export interface TraefikTrafficRouting {
  weightedTraefikServiceName: string;
}

export interface ApisixRoute {
  name: string;
  /** Rule names inside the ApisixRoute whose backends are weighted. */
  rules?: string[];
}

export interface ApisixTrafficRouting {
  route?: ApisixRoute;
}

/** A route the controller may create for setHeaderRoute / setMirrorRoute steps (upstream spells the type MangedRoutes). */
export interface ManagedRoute {
  name: string;
}

/** Several routers may be configured at once. */
export interface RolloutTrafficRouting {
  istio?: IstioTrafficRouting;
  nginx?: NginxTrafficRouting;
  alb?: ALBTrafficRouting;
  smi?: SMITrafficRouting;
  ambassador?: AmbassadorTrafficRouting;
  appMesh?: AppMeshTrafficRouting;
  traefik?: TraefikTrafficRouting;
  /** Order = precedence; placed before user routes. */
  managedRoutes?: ManagedRoute[];
  apisix?: ApisixTrafficRouting;
  /** `{<plugin name>: <free-form config>}`; Gateway API routing lives here (`argoproj-labs/gatewayAPI`). */
  plugins?: Record<string, unknown>;
  /** Total weight (default 100); only nginx and plugins support other values. */
  maxTrafficWeight?: number;
}

/** The router keys of RolloutTrafficRouting (excluding managedRoutes and maxTrafficWeight). */
export const TrafficRouterType = {
  Istio: 'istio',
  Nginx: 'nginx',
  ALB: 'alb',
  SMI: 'smi',
  Ambassador: 'ambassador',
  AppMesh: 'appMesh',
  Traefik: 'traefik',
  Apisix: 'apisix',
  Plugins: 'plugins',
} as const satisfies Record<string, keyof RolloutTrafficRouting>;
export type TrafficRouterType = (typeof TrafficRouterType)[keyof typeof TrafficRouterType];
