import { isMigrationPath } from '../../../src/rules/predicates/is-migration-file.js';

describe('is-migration-file', () => {
  it.each([
    'shop/migrations/0001_initial.py',
    'cinder/db/migrations/versions/921e1a36b076_initial.py',
    'cinder/db/legacy_migrations/versions/135_cinder_init.py',
    'nova/db/main/migrations/versions/8f2f1571d55b_initial_version.py',
    'alembic/versions/abc_add_table.py',
    'glance/db/sqlalchemy/migrate_repo/versions/001_init.py',
    'neutron_vpnaas/db/migration/alembic_migrations/versions/2026.2/expand/842256a43ce2_remove_sha1.py',
    'blazar/db/migration/alembic_migrations/versions/02e2f2186d98_resource_property.py',
    'tacker/db/migration/__init__.py',
  ])('%s is a migration', (path) => {
    expect(isMigrationPath(path)).toBe(true);
  });

  it.each(['shop/views.py', 'nova/db/main/api.py', 'tools/migrations_report.py', 'app/migrations/helpers/sql/builder.py', 'versions/1.py', 'nova/compute/migration.py', 'pkg/alembic_migrations/env/extra/x.py'])('%s is not', (path) => {
    expect(isMigrationPath(path)).toBe(false);
  });
});
