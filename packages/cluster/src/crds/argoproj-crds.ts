// The five Argo Rollouts CustomResourceDefinitions (argoproj.io/v1alpha1), with upstream names, columns and subresources.
// Upstream (manifests/crds/*.yaml) gives only rollouts a status and scale subresource; AnalysisRun and
// Experiment status is written with ordinary updates, so they deliberately have `subresources: {}`.
import type { CustomResourceColumnDefinition, CustomResourceDefinition, CustomResourceSubresources, JSONSchemaProps } from '@aviary/kube';
import type { JsonSchema } from '../schema/json-schema.js';
import { analysisRunSchema, analysisTemplateSchema } from './analysis-schema.js';
import { experimentSchema } from './experiment-schema.js';
import { rolloutSchema } from './rollout-schema.js';

export const argoprojGroup = 'argoproj.io';
export const argoprojVersion = 'v1alpha1';

const ageColumn: CustomResourceColumnDefinition = {
  description: 'Time since resource was created',
  jsonPath: '.metadata.creationTimestamp',
  name: 'Age',
  type: 'date',
};

interface CrdOptions {
  readonly kind: string;
  readonly plural: string;
  readonly shortName: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly columns: CustomResourceColumnDefinition[];
  readonly schema: JsonSchema;
  readonly subresources: CustomResourceSubresources;
}

function defineCrd(options: CrdOptions): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${options.plural}.${argoprojGroup}` },
    spec: {
      group: argoprojGroup,
      names: {
        kind: options.kind,
        listKind: `${options.kind}List`,
        plural: options.plural,
        shortNames: [options.shortName],
        singular: options.kind.toLowerCase(),
      },
      scope: options.scope,
      versions: [
        {
          additionalPrinterColumns: [...options.columns, ageColumn],
          name: argoprojVersion,
          schema: { openAPIV3Schema: options.schema as JSONSchemaProps },
          served: true,
          storage: true,
          subresources: options.subresources,
        },
      ],
    },
  };
}

const statusColumn = (description: string): CustomResourceColumnDefinition => ({ description, jsonPath: '.status.phase', name: 'Status', type: 'string' });

/** rollouts, analysistemplates, clusteranalysistemplates, analysisruns, experiments — freshly built on each call. */
export function argoprojCrds(): CustomResourceDefinition[] {
  return [
    defineCrd({
      kind: 'Rollout',
      plural: 'rollouts',
      shortName: 'ro',
      scope: 'Namespaced',
      columns: [
        { description: 'Number of desired pods', jsonPath: '.spec.replicas', name: 'Desired', type: 'integer' },
        { description: 'Total number of non-terminated pods targeted by this rollout', jsonPath: '.status.replicas', name: 'Current', type: 'integer' },
        {
          description: 'Total number of non-terminated pods targeted by this rollout that have the desired template spec',
          jsonPath: '.status.updatedReplicas',
          name: 'Up-to-date',
          type: 'integer',
        },
        {
          description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this rollout',
          jsonPath: '.status.availableReplicas',
          name: 'Available',
          type: 'integer',
        },
      ],
      schema: rolloutSchema(),
      subresources: {
        scale: { labelSelectorPath: '.status.selector', specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.HPAReplicas' },
        status: {},
      },
    }),
    defineCrd({
      kind: 'AnalysisTemplate',
      plural: 'analysistemplates',
      shortName: 'at',
      scope: 'Namespaced',
      columns: [],
      schema: analysisTemplateSchema('AnalysisTemplate holds the template for performing canary analysis'),
      subresources: {},
    }),
    defineCrd({
      kind: 'ClusterAnalysisTemplate',
      plural: 'clusteranalysistemplates',
      shortName: 'cat',
      scope: 'Cluster',
      columns: [],
      schema: analysisTemplateSchema('ClusterAnalysisTemplate holds the template for performing canary analysis'),
      subresources: {},
    }),
    defineCrd({
      kind: 'AnalysisRun',
      plural: 'analysisruns',
      shortName: 'ar',
      scope: 'Namespaced',
      columns: [statusColumn('AnalysisRun status')],
      schema: analysisRunSchema(),
      subresources: {},
    }),
    defineCrd({
      kind: 'Experiment',
      plural: 'experiments',
      shortName: 'exp',
      scope: 'Namespaced',
      columns: [statusColumn('Experiment status')],
      schema: experimentSchema(),
      subresources: {},
    }),
  ];
}
