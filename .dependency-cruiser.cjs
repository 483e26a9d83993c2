/** Layer rules as a test (`npm run lint:layers`): the architecture in DESIGN.md, enforced. */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make modules impossible to reason about one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain imports nothing from persistence, Nest, Temporal, the apps or Node itself.',
      from: { path: '^libs/domain/src', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: '^libs/domain/',
      },
    },
    {
      name: 'workflows-import-only-domain-and-workflow-sdk',
      severity: 'error',
      comment: 'Workflow code is deterministic: it imports only libs/domain and the workflow side of the Temporal SDK.',
      from: { path: '^workflows/src', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: ['^workflows/src', '^libs/domain/', '^node_modules/@temporalio/(workflow|common)/'],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-console-imports-no-server-code',
      severity: 'error',
      comment: 'apps/web runs in the browser: it talks to the api over HTTP and may share only the pure domain (labels, lifecycle tables, legal grounds).',
      from: { path: '^apps/web/' },
      to: { path: ['^apps/(api|worker|cli)/', '^libs/(persistence|temporal|vault|logging|tracing)/', '^workflows/', '^node_modules/(@nestjs|@temporalio|typeorm|pg|argon2)/'] },
    },
    {
      name: 'persistence-knows-no-framework-above-it',
      severity: 'error',
      comment: 'Entities and repositories stay usable from api, worker and scripts alike.',
      from: { path: '^libs/persistence/src' },
      to: { path: ['^node_modules/@nestjs/', '^node_modules/@temporalio/', '^workflows/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^\\.tools/', '^\\.data/', '^apps/web/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
