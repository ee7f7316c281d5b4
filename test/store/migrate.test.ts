import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isMigrated, migrateToLatest } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import type { Store } from '../../src/store/openStore.js';
import { freshSchemaName, openTestStore, TEST_DIALECTS, type TestStore } from '../support/testStore.js';

const ALL = Object.keys(MIGRATIONS);

/** Names of the migrations the database records as applied, in order. */
async function appliedMigrations(store: Store): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from outdial_migration order by name`.execute(store.db);
  return r.rows.map((row) => row.name);
}

/**
 * Our tables, their columns (type, nullability, default, key) and indexes, one per line, as the database
 * itself reports them. Kysely's own bookkeeping tables are left out.
 */
async function describeSchema(store: Store): Promise<string> {
  return store.caps.dialect === 'sqlite' ? describeSqlite(store) : describePostgres(store);
}

async function describeSqlite({ db }: Store): Promise<string> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'outdial_migration%' order by name`.execute(db);
  const out: string[] = [];
  for (const { name } of tables.rows) {
    out.push(name);
    const columns = await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`
      select name, type, "notnull", dflt_value, pk from pragma_table_info(${name}) order by cid`.execute(db);
    for (const c of columns.rows) {
      const flags = [c.notnull ? 'not null' : 'null', c.dflt_value === null ? '' : `default ${c.dflt_value}`];
      out.push(`  ${c.name} ${c.type.toLowerCase()} ${flags.filter(Boolean).join(' ')}${c.pk ? ' primary key' : ''}`);
    }
    const indexes = await sql<{ name: string; unique: number; origin: string }>`
      select name, "unique", origin from pragma_index_list(${name}) where origin <> 'pk' order by name`.execute(db);
    for (const ix of indexes.rows) {
      const cols = await sql<{ name: string }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(
        db,
      );
      const label = ix.origin === 'u' ? 'unique constraint' : ix.unique ? 'unique index' : 'index';
      out.push(`  ${label} ${ix.origin === 'u' ? '' : `${ix.name} `}(${cols.rows.map((c) => c.name).join(', ')})`);
    }
    const fks = await sql<{ table: string; from: string; to: string; on_delete: string }>`
      select "table", "from", "to", on_delete from pragma_foreign_key_list(${name}) order by "from"`.execute(db);
    for (const fk of fks.rows) {
      const onDelete = fk.on_delete === 'NO ACTION' ? '' : ` on delete ${fk.on_delete.toLowerCase()}`;
      out.push(`  foreign key (${fk.from}) references ${fk.table}(${fk.to})${onDelete}`);
    }
  }
  return `${out.join('\n')}\n`;
}

async function describePostgres({ db }: Store): Promise<string> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    character_maximum_length: number | null;
    is_nullable: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
    from information_schema.columns
    where table_schema = current_schema() and table_name not like 'outdial_migration%'
    order by table_name, ordinal_position`.execute(db);
  const indexes = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    select tablename, indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename not like 'outdial_migration%'
    order by tablename, indexname`.execute(db);
  // The search path is the test's schema, so pg_get_constraintdef names referenced tables unqualified.
  const fks = await sql<{ table: string; def: string }>`
    select conrelid::regclass::text as table, pg_get_constraintdef(oid) as def from pg_constraint
    where connamespace = current_schema()::regnamespace and contype = 'f'
    order by conrelid::regclass::text, conname`.execute(db);
  const out: string[] = [];
  let table = '';
  const flush = (name: string) => {
    for (const ix of indexes.rows.filter((i) => i.tablename === name)) {
      // The schema name differs per test: keep the kind, the name and the column list only.
      const cols = /\((.*)\)$/.exec(ix.indexdef)?.[1] ?? ix.indexdef;
      const kind = ix.indexdef.startsWith('CREATE UNIQUE') ? 'unique index' : 'index';
      out.push(`  ${kind} ${ix.indexname} (${cols})`);
    }
    for (const fk of fks.rows.filter((f) => f.table === name)) out.push(`  ${fk.def.toLowerCase()}`);
  };
  for (const c of columns.rows) {
    if (c.table_name !== table) {
      if (table) flush(table);
      table = c.table_name;
      out.push(table);
    }
    const type = c.character_maximum_length === null ? c.data_type : `${c.data_type}(${c.character_maximum_length})`;
    const flags = [c.is_nullable === 'NO' ? 'not null' : 'null', c.column_default ? `default ${c.column_default}` : ''];
    out.push(`  ${c.column_name} ${type} ${flags.filter(Boolean).join(' ')}`);
  }
  if (table) flush(table);
  return `${out.join('\n')}\n`;
}

for (const dialect of TEST_DIALECTS) {
  describe(`${dialect}: migrations`, () => {
    const opened: TestStore[] = [];
    const open = async (o: Parameters<typeof openTestStore>[1] = {}) => {
      const store = await openTestStore(dialect, o);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.drop();
    });

    it('brings an empty database to the latest schema, and a second run changes nothing', async () => {
      const t = await open({ migrate: false });
      expect(await isMigrated(t.db, t.schema)).toBe(false);

      const first = await migrateToLatest(t.db, t.schema);
      expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(ALL.map((n) => [n, 'Success']));
      expect(await isMigrated(t.db, t.schema)).toBe(true);
      const schema = await describeSchema(t);

      const second = await migrateToLatest(t.db, t.schema);
      expect(second.results).toEqual([]);
      expect(await isMigrated(t.db, t.schema)).toBe(true);
      expect(await describeSchema(t)).toBe(schema);
      expect(await appliedMigrations(t)).toEqual(ALL);
    });

    it('0007 queues the events not fanned out yet, and its down migration flags them again', async () => {
      const t = await open({ migrate: false });
      const to = (name: string) =>
        new Migrator({
          db: t.db,
          provider: { getMigrations: async () => MIGRATIONS },
          migrationTableName: 'outdial_migration',
          migrationLockTableName: 'outdial_migration_lock',
          ...(t.schema ? { migrationTableSchema: t.schema } : {}),
        }).migrateTo(name);
      expect((await to('0006_policy')).error).toBeUndefined();
      for (const [id, fannedOut] of [
        ['ev-done', 1],
        ['ev-waiting', 0],
      ] as const) {
        await sql`insert into event (id, instance_id, job_group_id, job_id, task_id, type, occurred_at, data, fanned_out)
          values (${id}, 'i1', 'g1', 'j1', null, 'Dialing', 5, '{}', ${fannedOut})`.execute(t.db);
      }
      await migrateToLatest(t.db, t.schema);
      expect(await t.db.selectFrom('fan_out_queue').selectAll().execute()).toEqual([
        {
          event_id: 'ev-waiting',
          occurred_at: 5,
          instance_id: 'i1',
          job_group_id: 'g1',
          job_id: 'j1',
          type: 'Dialing',
        },
      ]);
      expect((await to('0006_policy')).error).toBeUndefined();
      const flags = await sql<{ id: string; fanned_out: number }>`select id, fanned_out from event order by id`.execute(
        t.db,
      );
      expect(flags.rows).toEqual([
        { id: 'ev-done', fanned_out: 1 },
        { id: 'ev-waiting', fanned_out: 0 },
      ]);
    });

    it('opens a store migrated to the schema committed in __snapshots__ (a schema change must update it)', async () => {
      const t = await open();
      expect(await isMigrated(t.db, t.schema)).toBe(true);
      await expect(await describeSchema(t)).toMatchFileSnapshot(`./__snapshots__/schema.${dialect}.txt`);
    });

    // SQLite: a `:memory:` database belongs to one connection, and one engine owns a SQLite file.
    it.runIf(dialect === 'postgres')(
      'two engines opening one fresh schema at once both succeed, and it is migrated once',
      async () => {
        const schema = freshSchemaName();
        const [a, b] = await Promise.all([open({ schema }), open({ schema })]);
        expect(a?.schema).toBe(schema);
        expect(await isMigrated(a.db, schema)).toBe(true);
        expect(await isMigrated(b.db, schema)).toBe(true);
        expect(await appliedMigrations(b)).toEqual(ALL);
        // Both see the same, complete tables.
        expect(await describeSchema(a)).toBe(await describeSchema(b));
        await a.db.insertInto('instance').values({ id: 'i1', name: 'n', created_at: 1 }).execute();
        expect(await b.db.selectFrom('instance').select('id').execute()).toEqual([{ id: 'i1' }]);
      },
    );

    it.runIf(dialect === 'postgres')(
      'of two migrators racing on one fresh schema, exactly one applies each migration',
      async () => {
        const schema = freshSchemaName();
        const [a, b] = await Promise.all([open({ schema, migrate: false }), open({ schema, migrate: false })]);
        const runs = await Promise.all([migrateToLatest(a.db, schema), migrateToLatest(b.db, schema)]);
        const applied = runs.flatMap((r) => r.results ?? []);
        expect(applied.map((r) => [r.migrationName, r.status])).toEqual(ALL.map((n) => [n, 'Success']));
        expect(await appliedMigrations(a)).toEqual(ALL);
      },
    );

    it.runIf(dialect === 'postgres')('migrates a fresh schema beside one that is already migrated', async () => {
      // Kysely's migrator looks for its tables in every schema unless told which one is ours.
      const first = await open();
      const second = await open({ migrate: false });
      expect(await isMigrated(first.db, first.schema)).toBe(true);
      expect(await isMigrated(second.db, second.schema)).toBe(false);
      await migrateToLatest(second.db, second.schema);
      expect(await isMigrated(second.db, second.schema)).toBe(true);
      expect(await describeSchema(second)).toBe(await describeSchema(first));
    });
  });
}
