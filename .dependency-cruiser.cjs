/**
 * DESIGN.md's layer table, checked in `npm run lint`: imports point down only.
 *
 *   src/api      → services, domain (app.ts, the composition root, also opens the store)
 *   src/services → domain, store
 *   src/store    → domain (its types)
 *   src/domain   → itself only: pure, no I/O (tests beside it may read fixtures)
 *   src/cli      → the API model (routes of the calls it signs), the lens domain (validation)
 *                  and the store's backup (plumbline backup/restore work on the SQLite file itself)
 *   web/src      → itself, the model's request builder with Plumbline's model, and the pure
 *                  domain (the console evaluates unsaved answers' risk with the server's own rules)
 */
const layer = (from, allowed, comment) => ({
  name: `${from.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}-imports-down-only`,
  comment,
  severity: 'error',
  from: { path: `^${from}`, pathNot: '\\.test\\.ts$' },
  to: { path: '^(src|web)/', pathNot: allowed.map((p) => `^${p}`) },
});

/** Database drivers and the query builder: the store's alone. */
const DATABASE_PACKAGES = 'better-sqlite3|pg|kysely';
/** Node's I/O modules (bare, `node:`-prefixed, and their submodules such as fs/promises). */
const IO_MODULES = 'fs|net|http|https|child_process|worker_threads';

module.exports = {
  forbidden: [
    layer('src/domain/', ['src/domain/'], 'The domain is pure logic: it imports nothing but itself.'),
    {
      name: 'domain-no-io',
      comment: 'The domain does no I/O: no file system, network, processes or database drivers.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core', 'npm'], path: `^(node:)?(${IO_MODULES})(/|$)|^node_modules/(${DATABASE_PACKAGES})/` },
    },
    {
      name: 'services-no-sql',
      comment: 'Services write no SQL and open no database: queries live in the store (src/store/*.repo.ts).',
      severity: 'error',
      from: { path: '^src/services/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm'], path: `^node_modules/(${DATABASE_PACKAGES})/` },
    },
    layer('src/store/', ['src/store/', 'src/domain/'], 'Repositories hold SQL only; they know the domain types and nothing above.'),
    layer('src/services/', ['src/services/', 'src/domain/', 'src/store/'], 'Services call the domain and the store, never the wire layer.'),
    layer('src/api/(?!app\\.ts$)', ['src/api/', 'src/services/', 'src/domain/', 'src/lenses/'], 'The wire layer calls services; only app.ts opens the store.'),
    layer('src/cli/', ['src/cli/', 'src/api/model/', 'src/domain/lens/', 'src/main.ts', 'src/store/backup.ts'], 'The CLI is a client: it signs calls routed by the model.'),
    layer('web/src/', ['web/src/', 'src/api/model/request-of.ts', 'src/api/model/plumbline-api.json', 'src/domain/'], 'The console is a client of the API.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|web/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
