import { expectTrue, type Predicate } from './predicate.js';

/**
 * Schema migration scripts: Django's `<app>/migrations/`, Alembic's and sqlalchemy-migrate's
 * `versions/` (neutron-style `alembic_migrations/versions/<release>/expand/` too), and a `migration/`
 * package's helpers beside them (tacker's `db/migration/__init__.py` renames enum types).
 */
export const MIGRATION_PATH = /(^|\/)(?:migrations?|legacy_migrations|alembic|alembic_migrations|migrate_repo)\/(?:versions\/(?:[^/]+\/)*)?[^/]+\.py$/;

/** True for a schema migration script, which an operator runs at deploy time with no request input. */
export function isMigrationPath(path: string): boolean {
  return MIGRATION_PATH.test(path);
}

/** The file being scanned is a schema migration script; the capture itself is not inspected. */
export const isMigrationFile: Predicate = {
  name: 'is-migration-file',
  description:
    'The file is a schema migration script (`<app>/migrations/*.py`, `…/migrations/versions/*.py`, `alembic/versions/*.py`, `migrate_repo/versions/*.py`), which runs at deploy time on schema names, not on request input; the capture is not inspected. Use under `not:`.',
  checkArg: expectTrue,
  test: (_node, _arg, ctx) => isMigrationPath(ctx.path),
};
