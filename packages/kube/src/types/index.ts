// Object types: meta/v1, core/v1, apps/v1, batch/v1, networking, coordination, apiextensions and argoproj.io/v1alpha1.
export * from './meta.js';
