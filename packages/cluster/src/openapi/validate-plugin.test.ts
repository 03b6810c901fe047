// The validate hook: whole objects for ordinary writes, only `status` (named `status.…`) for /status updates.
import type { KubeObject } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { argoprojCrds, resourceInfosFromCrd } from '../crds/index.js';
import { builtinResources } from '../registry/builtin-resources.js';
import { int32, object, string } from '../schema/schema-dsl.js';
import type { ResourceInfo, StructuralSchema } from '../registry/resource-info.js';
import { FieldValidation } from '../server/plugins.js';
import { validateWithSchemas } from './validate-plugin.js';

const rollouts = argoprojCrds()
  .flatMap((crd) => resourceInfosFromCrd(crd as never))
  .find((info) => info.resource === 'rollouts') as ResourceInfo;
const pods = builtinResources.find((info) => info.resource === 'pods') as ResourceInfo;

/** A Rollout whose spec the schema rejects (replicas must be an integer). */
const rollout = (status: unknown): KubeObject =>
  ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r', namespace: 'default' }, spec: { replicas: 'three', selector: {} }, status }) as KubeObject;

const validate = (info: ResourceInfo, object: KubeObject, subresource?: string) =>
  validateWithSchemas({ info, operation: 'update', object, oldObject: object, fieldValidation: FieldValidation.Warn, ...(subresource ? { subresource } : {}) });

describe('validateWithSchemas', () => {
  it('checks the whole object of an ordinary update', () => {
    const result = validate(rollouts, rollout({ currentStepIndex: 1 }));
    expect(result.errors?.map((error) => error.path)).toEqual(['spec.replicas']);
  });

  it('checks only the status of a /status update, and hands back the very object when nothing changes', () => {
    const object = rollout({ currentStepIndex: 1, phase: 'Paused' });
    const result = validate(rollouts, object, 'status');
    expect(result.errors).toEqual([]);
    expect(result.object).toBe(object);
  });

  it('names status findings by their full path', () => {
    const result = validate(rollouts, rollout({ currentStepIndex: 'two', phase: 'Paused' }), 'status');
    expect(result.errors?.map((error) => error.path)).toEqual(['status.currentStepIndex']);
  });

  it('drops a null status the schema does not allow, and passes an object without status through', () => {
    const dropped = validate(rollouts, rollout(null), 'status').object as { status?: unknown };
    expect('status' in dropped).toBe(false);
    const without = rollout(undefined);
    delete (without as { status?: unknown }).status;
    expect(validate(rollouts, without, 'status').object).toBe(without);
  });

  it('checks a built-in kind\'s status against its status schema', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: 'not a list' }, status: { phase: 'Running', hostIP: 7 } } as unknown as KubeObject;
    expect(validate(pods, pod, 'status').errors?.map((error) => error.path)).toEqual(['status.hostIP']);
  });

  it('prunes unknown status fields and defaults the status from its schema', () => {
    const strict: ResourceInfo = { ...rollouts, schema: object({ spec: object({ replicas: int32() }), status: object({ phase: string({ default: 'Pending' }), replicas: int32() }) }) as StructuralSchema };
    const result = validate(strict, rollout({ replicas: 2, surprise: true }), 'status');
    expect(result.errors).toEqual([]);
    expect(result.unknownFields).toEqual(['status.surprise']);
    expect((result.object as { status?: unknown }).status).toEqual({ replicas: 2, phase: 'Pending' });
  });
});
