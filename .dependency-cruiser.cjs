// The boundaries of mentorNET's code, checked by `npm run check:deps` (part of `npm test`).
// A feature module (server/modules/<feature>/) and a platform part (server/platform/<part>/) are used
// from outside only through their face, index.ts; their repository, tables and other files are
// private. No import loops anywhere. See "Architecture" in README.md for the layers.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      comment:
        'An import loop ties files together for good; break it by moving the shared part down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-through-face',
      comment:
        'Another feature module is used only through its face (index.ts); its other files are private.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'feature-through-face',
      comment: 'Outside server/modules, a feature module is used only through its face (index.ts).',
      severity: 'error',
      from: { pathNot: ['^server/modules/', '^server/db/schema\\.ts$'] },
      to: { path: '^server/modules/[^/]+/', pathNot: '^server/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-through-face',
      comment: 'A platform part (jobs, mail, realtime, …) is used only through its face (index.ts).',
      severity: 'error',
      from: { path: '^server/platform/([^/]+)/' },
      to: {
        path: '^server/platform/[^/]+/',
        pathNot: ['^server/platform/$1/', '^server/platform/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'platform-through-face-outside',
      severity: 'error',
      from: { pathNot: ['^server/platform/', '^server/db/schema\\.ts$'] },
      to: { path: '^server/platform/[^/]+/', pathNot: '^server/platform/[^/]+/index\\.ts$' },
    },
    {
      name: 'schema-takes-tables-only',
      comment: 'The database schema assembles the table interfaces and nothing else of a module.',
      severity: 'error',
      from: { path: '^server/db/schema\\.ts$' },
      to: { path: '^server/(modules|platform)/', pathNot: '\\.table\\.ts$' },
    },
    {
      name: 'platform-knows-no-feature',
      comment:
        'Infrastructure serves features and never reaches into them (features register with it instead).',
      severity: 'error',
      from: { path: '^server/(platform|db|lib)/', pathNot: ['^server/db/schema\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^server/(modules|plugins|dev)/' },
    },
    {
      name: 'features-know-no-wiring',
      comment:
        'Plugins wire features into the Fastify app (app.ts registers them); features never import them.',
      severity: 'error',
      from: { path: '^server/(modules|dev)/' },
      to: { path: '^server/plugins/' },
    },
    {
      name: 'face-hides-storage',
      comment: 'A face exposes services, types and events, never the repository; tables only as row types.',
      severity: 'error',
      from: { path: '^server/(modules|platform)/[^/]+/index\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'face-exposes-row-types-only',
      severity: 'error',
      from: { path: '^server/(modules|platform)/[^/]+/index\\.ts$' },
      to: { path: '\\.table\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-stay-thin',
      comment: 'Routes call services; SQL lives in repositories.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '(\\.repository\\.ts$|^server/db/)' },
    },
    {
      name: 'presenters-are-pure',
      comment: 'Presenters shape rows into answers: no database, no context.',
      severity: 'error',
      from: { path: '\\.presenter\\.ts$' },
      to: {
        path: '(\\.repository\\.ts$|^server/db/|^server/context\\.ts$|^server/platform/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'services-know-no-http',
      comment: 'Services hold the rules and know nothing of Fastify.',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: '(^node_modules/fastify|^server/plugins/)' },
    },
    {
      name: 'dev-stays-out-of-the-server',
      comment: 'Demo seeding and data generation are used by the CLI, benchmarks and tests only.',
      severity: 'error',
      from: {
        path: '^server/',
        pathNot: ['^server/dev/', '^server/cli\\.ts$', '\\.test\\.ts$', '^server/test/'],
      },
      to: { path: '^server/dev/' },
    },
    {
      name: 'common-stands-alone',
      comment: 'common/ is shared by server and web and depends on neither.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|web|bench|e2e|scripts)/' },
    },
    {
      name: 'web-talks-http',
      comment: 'The web app reaches the server over HTTP and WebSocket only.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|bench|e2e|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
