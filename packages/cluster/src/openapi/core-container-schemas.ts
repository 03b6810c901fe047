// OpenAPI schemas of core/v1 containers: Container, ports, env, resources, probes, lifecycle, security context.
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, int32, int64, list, map, object, oneOfStrings, ref, string } from '../schema/schema-dsl.js';
import { coreV1, intOrStringName, quantityName } from './component-names.js';

const strings = (): JsonSchema => list(string(), { listType: 'atomic' });
const quantity = (): JsonSchema => ref(quantityName);
const probe = (): JsonSchema => ref(coreV1('Probe'));

/** Container fields, shared by Container and EphemeralContainer. */
const containerFields: Record<string, JsonSchema> = {
  args: strings(),
  command: strings(),
  env: list(ref(coreV1('EnvVar')), { mergeKey: 'name' }),
  envFrom: list(ref(coreV1('EnvFromSource')), { listType: 'atomic' }),
  image: string(),
  imagePullPolicy: oneOfStrings(['Always', 'IfNotPresent', 'Never']),
  lifecycle: ref(coreV1('Lifecycle')),
  livenessProbe: probe(),
  name: string(),
  ports: list(ref(coreV1('ContainerPort')), { mergeKey: 'containerPort', mapKeys: ['containerPort', 'protocol'] }),
  readinessProbe: probe(),
  resizePolicy: list(ref(coreV1('ContainerResizePolicy')), { listType: 'atomic' }),
  resources: ref(coreV1('ResourceRequirements'), { default: {} }),
  restartPolicy: string(),
  securityContext: ref(coreV1('SecurityContext')),
  startupProbe: probe(),
  stdin: boolean(),
  stdinOnce: boolean(),
  terminationMessagePath: string(),
  terminationMessagePolicy: oneOfStrings(['FallbackToLogsOnError', 'File']),
  tty: boolean(),
  volumeDevices: list(ref(coreV1('VolumeDevice')), { mergeKey: 'devicePath' }),
  volumeMounts: list(ref(coreV1('VolumeMount')), { mergeKey: 'mountPath' }),
  workingDir: string(),
};

const handlerFields: Record<string, JsonSchema> = {
  exec: ref(coreV1('ExecAction')),
  httpGet: ref(coreV1('HTTPGetAction')),
  tcpSocket: ref(coreV1('TCPSocketAction')),
};

const keySelector = (): JsonSchema =>
  object({ key: string(), name: string({ default: '' }), optional: boolean() }, { required: ['key'], 'x-kubernetes-map-type': 'atomic' });

export const containerSchemas: Record<string, JsonSchema> = {
  [coreV1('Container')]: object(containerFields, { required: ['name'], description: 'A single application container that you want to run within a pod.' }),
  [coreV1('EphemeralContainer')]: object({ ...containerFields, targetContainerName: string() }, { required: ['name'] }),
  [coreV1('ContainerPort')]: object(
    { containerPort: int32(), hostIP: string(), hostPort: int32(), name: string(), protocol: oneOfStrings(['SCTP', 'TCP', 'UDP'], { default: 'TCP' }) },
    { required: ['containerPort'] },
  ),
  [coreV1('EnvVar')]: object({ name: string(), value: string(), valueFrom: ref(coreV1('EnvVarSource')) }, { required: ['name'] }),
  [coreV1('EnvVarSource')]: object({
    configMapKeyRef: ref(coreV1('ConfigMapKeySelector')),
    fieldRef: ref(coreV1('ObjectFieldSelector')),
    resourceFieldRef: ref(coreV1('ResourceFieldSelector')),
    secretKeyRef: ref(coreV1('SecretKeySelector')),
  }),
  [coreV1('ConfigMapKeySelector')]: keySelector(),
  [coreV1('SecretKeySelector')]: keySelector(),
  [coreV1('ObjectFieldSelector')]: object({ apiVersion: string(), fieldPath: string() }, { required: ['fieldPath'], 'x-kubernetes-map-type': 'atomic' }),
  [coreV1('ResourceFieldSelector')]: object(
    { containerName: string(), divisor: quantity(), resource: string() },
    { required: ['resource'], 'x-kubernetes-map-type': 'atomic' },
  ),
  [coreV1('EnvFromSource')]: object({
    configMapRef: ref(coreV1('ConfigMapEnvSource')),
    prefix: string(),
    secretRef: ref(coreV1('SecretEnvSource')),
  }),
  [coreV1('ConfigMapEnvSource')]: object({ name: string({ default: '' }), optional: boolean() }),
  [coreV1('SecretEnvSource')]: object({ name: string({ default: '' }), optional: boolean() }),
  [coreV1('ResourceRequirements')]: object({
    claims: list(ref(coreV1('ResourceClaim')), { listType: 'map', mapKeys: ['name'] }),
    limits: map(quantity()),
    requests: map(quantity()),
  }),
  [coreV1('ResourceClaim')]: object({ name: string(), request: string() }, { required: ['name'] }),
  [coreV1('ContainerResizePolicy')]: object({ resourceName: string(), restartPolicy: string() }, { required: ['resourceName', 'restartPolicy'] }),
  [coreV1('VolumeMount')]: object(
    {
      mountPath: string(),
      mountPropagation: oneOfStrings(['Bidirectional', 'HostToContainer', 'None']),
      name: string(),
      readOnly: boolean(),
      recursiveReadOnly: string(),
      subPath: string(),
      subPathExpr: string(),
    },
    { required: ['name', 'mountPath'] },
  ),
  [coreV1('VolumeDevice')]: object({ devicePath: string(), name: string() }, { required: ['name', 'devicePath'] }),
  [coreV1('Probe')]: object({
    ...handlerFields,
    failureThreshold: int32(),
    grpc: ref(coreV1('GRPCAction')),
    initialDelaySeconds: int32(),
    periodSeconds: int32(),
    successThreshold: int32(),
    terminationGracePeriodSeconds: int64(),
    timeoutSeconds: int32(),
  }),
  [coreV1('ExecAction')]: object({ command: strings() }),
  [coreV1('HTTPGetAction')]: object(
    {
      host: string(),
      httpHeaders: list(ref(coreV1('HTTPHeader')), { listType: 'atomic' }),
      path: string(),
      port: ref(intOrStringName),
      scheme: oneOfStrings(['HTTP', 'HTTPS']),
    },
    { required: ['port'] },
  ),
  [coreV1('HTTPHeader')]: object({ name: string(), value: string() }, { required: ['name', 'value'] }),
  [coreV1('TCPSocketAction')]: object({ host: string(), port: ref(intOrStringName) }, { required: ['port'] }),
  [coreV1('GRPCAction')]: object({ port: int32(), service: string({ default: '' }) }, { required: ['port'] }),
  [coreV1('SleepAction')]: object({ seconds: int64() }, { required: ['seconds'] }),
  [coreV1('Lifecycle')]: object({ postStart: ref(coreV1('LifecycleHandler')), preStop: ref(coreV1('LifecycleHandler')), stopSignal: string() }),
  [coreV1('LifecycleHandler')]: object({ ...handlerFields, sleep: ref(coreV1('SleepAction')) }),
  [coreV1('SecurityContext')]: object({
    allowPrivilegeEscalation: boolean(),
    appArmorProfile: ref(coreV1('AppArmorProfile')),
    capabilities: ref(coreV1('Capabilities')),
    privileged: boolean(),
    procMount: string(),
    readOnlyRootFilesystem: boolean(),
    runAsGroup: int64(),
    runAsNonRoot: boolean(),
    runAsUser: int64(),
    seLinuxOptions: ref(coreV1('SELinuxOptions')),
    seccompProfile: ref(coreV1('SeccompProfile')),
    windowsOptions: ref(coreV1('WindowsSecurityContextOptions')),
  }),
  [coreV1('Capabilities')]: object({ add: strings(), drop: strings() }),
  [coreV1('SELinuxOptions')]: object({ level: string(), role: string(), type: string(), user: string() }),
  [coreV1('SeccompProfile')]: object({ localhostProfile: string(), type: string() }, { required: ['type'] }),
  [coreV1('AppArmorProfile')]: object({ localhostProfile: string(), type: string() }, { required: ['type'] }),
  [coreV1('WindowsSecurityContextOptions')]: object({
    gmsaCredentialSpec: string(),
    gmsaCredentialSpecName: string(),
    hostProcess: boolean(),
    runAsUserName: string(),
  }),
};
