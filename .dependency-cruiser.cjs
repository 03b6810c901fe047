// Import rules: no cycles, and the package arrows of docs/architecture.md.
// A test (scripts/lint-imports.test.ts) proves each rule fires on a deliberate violation.
/** Packages and what each may import, as ARCHITECTURE.md draws the arrows. */
const allowed = {
  kube: [],
  expr: [],
  cluster: ['kube'],
  rollouts: ['kube', 'expr'],
  workflows: ['kube', 'expr'],
  dashboard: ['kube', 'rollouts'],
  aviary: ['kube', 'expr', 'cluster', 'rollouts', 'workflows', 'dashboard'],
};
const all = Object.keys(allowed);

const arrowRules = Object.entries(allowed).map(([pkg, ok]) => {
  const forbidden = all.filter((p) => p !== pkg && !ok.includes(p));
  return {
    name: `arrows-${pkg}`,
    severity: 'error',
    comment: `packages/${pkg} may import only: ${ok.join(', ') || 'nothing in-repo'}`,
    from: { path: `^packages/${pkg}/` },
    to: { path: `^packages/(${forbidden.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile; break the cycle by moving the shared piece down.',
      from: {},
      to: { circular: true },
    },
    ...arrowRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
