// The Experiment openAPIV3Schema: templates run as ReplicaSets for a duration, plus analyses against them.
// Field set follows upstream argo-rollouts pkg/apis/rollouts/v1alpha1/experiment_types.go.
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, dateTime, int32, list, object, string } from '../schema/schema-dsl.js';
import { templateArgs } from './analysis-schema.js';
import { argoConditions, crdLabelSelector, crdPodTemplate, dryRunList, labelsAndAnnotations, measurementRetentionList } from './crd-schema-kit.js';

function experimentSpec(): JsonSchema {
  return object(
    {
      analyses: list(
        object(
          { args: templateArgs(), clusterScope: boolean(), name: string(), requiredForCompletion: boolean(), templateName: string() },
          { required: ['name', 'templateName'] },
        ),
      ),
      analysisRunMetadata: labelsAndAnnotations(),
      dryRun: dryRunList(),
      duration: string(),
      measurementRetention: measurementRetentionList(),
      progressDeadlineSeconds: int32(),
      scaleDownDelaySeconds: int32(),
      templates: list(
        object(
          {
            minReadySeconds: int32(),
            name: string(),
            replicas: int32(),
            selector: crdLabelSelector(),
            service: object({ name: string() }),
            template: crdPodTemplate(),
          },
          { required: ['name', 'selector', 'template'] },
        ),
      ),
      terminate: boolean(),
    },
    { required: ['templates'] },
  );
}

/** Experiment status; unknown status fields are preserved rather than pruned. */
function experimentStatus(): JsonSchema {
  return object(
    {
      analysisRuns: list(
        object({ analysisRun: string(), message: string(), name: string(), phase: string() }, { required: ['analysisRun', 'name', 'phase'] }),
      ),
      availableAt: dateTime(),
      conditions: argoConditions(),
      message: string(),
      phase: string(),
      templateStatuses: list(
        object(
          {
            availableReplicas: int32(),
            collisionCount: int32(),
            lastTransitionTime: dateTime(),
            message: string(),
            name: string(),
            podTemplateHash: string(),
            readyReplicas: int32(),
            replicas: int32(),
            serviceName: string(),
            status: string(),
            updatedReplicas: int32(),
          },
          { required: ['availableReplicas', 'name', 'readyReplicas', 'replicas', 'updatedReplicas'] },
        ),
      ),
    },
    { 'x-kubernetes-preserve-unknown-fields': true },
  );
}

export function experimentSchema(): JsonSchema {
  return object(
    { apiVersion: string(), kind: string(), metadata: { type: 'object' }, spec: experimentSpec(), status: experimentStatus() },
    { description: 'Experiment is a specification for an Experiment resource', required: ['spec'] },
  );
}
