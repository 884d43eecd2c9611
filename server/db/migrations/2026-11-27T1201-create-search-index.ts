import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Full-text search over topics (title + opening post), replies and members (name, region, bio).
 * `search_documents` holds one row per searchable thing and is kept in sync by triggers on the
 * source tables, so no write path has to remember it. SQLite indexes it with an FTS5 table
 * (external content, unicode61 without diacritics); PostgreSQL with a generated tsvector in the
 * `simple` configuration (no stemming: works the same for every language) and a GIN index.
 * Existing rows are indexed at the end (backfill).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_documents')
    .addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) =>
      isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('network_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_ref_uq', ['kind', 'ref_id'])
    .execute();
  await db.schema
    .createIndex('search_documents_network_idx')
    .on('search_documents')
    .columns(['network_id', 'kind'])
    .execute();
  if (isPostgres) await upPostgres(db);
  else await upSqlite(db);
  await backfill(db);
}

// The statements that refresh one document; each dialect wraps them in its trigger syntax.
const refreshReply = (id: string) => [
  `DELETE FROM search_documents WHERE kind = 'reply' AND ref_id = ${id}`,
  `INSERT INTO search_documents (kind, ref_id, network_id, title, body)
     SELECT 'reply', p.id, p.network_id, '', p.body_source FROM posts p
     WHERE p.id = ${id} AND p.is_opening = 0 AND p.deleted_at IS NULL`,
];
const refreshTopic = (id: string, when = 'TRUE') => [
  `DELETE FROM search_documents WHERE ${when} AND kind = 'topic' AND ref_id = ${id}`,
  `INSERT INTO search_documents (kind, ref_id, network_id, title, body)
     SELECT 'topic', t.id, t.network_id, t.title, p.body_source FROM topics t
     JOIN posts p ON p.topic_id = t.id AND p.is_opening = 1 AND p.deleted_at IS NULL
     WHERE ${when} AND t.id = ${id} AND t.deleted_at IS NULL`,
];
const refreshMember = (id: string) => [
  `DELETE FROM search_documents WHERE kind = 'member' AND ref_id = ${id}`,
  `INSERT INTO search_documents (kind, ref_id, network_id, title, body)
     SELECT 'member', u.id, NULL, u.display_name, COALESCE(pr.region, '') || ' ' || COALESCE(pr.bio, '')
     FROM users u LEFT JOIN profiles pr ON pr.user_id = u.id WHERE u.id = ${id}`,
];

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents',
    content_rowid='id', tokenize='unicode61 remove_diacritics 2')`);
  await run(`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END`);
  await run(`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END`);
  await run(`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END`);
  const trigger = async (name: string, event: string, statements: string[]) =>
    run(`CREATE TRIGGER ${name} AFTER ${event} BEGIN ${statements.map((s) => `${s};`).join('\n')} END`);
  const postChange = (row: 'new' | 'old') => [
    ...refreshReply(`${row}.id`),
    ...refreshTopic(`${row}.topic_id`, `${row}.is_opening = 1`),
  ];
  await trigger('search_posts_ai', 'INSERT ON posts', postChange('new'));
  await trigger('search_posts_au', 'UPDATE OF body_source, deleted_at ON posts', postChange('new'));
  await trigger('search_posts_ad', 'DELETE ON posts', [
    `DELETE FROM search_documents WHERE kind = 'reply' AND ref_id = old.id`,
    `DELETE FROM search_documents WHERE kind = 'topic' AND ref_id = old.topic_id AND old.is_opening = 1`,
  ]);
  await trigger('search_topics_au', 'UPDATE OF title, deleted_at ON topics', refreshTopic('new.id'));
  await trigger('search_topics_ad', 'DELETE ON topics', [
    `DELETE FROM search_documents WHERE kind = 'topic' AND ref_id = old.id`,
  ]);
  await trigger('search_users_ai', 'INSERT ON users', refreshMember('new.id'));
  await trigger('search_users_au', 'UPDATE OF display_name ON users', refreshMember('new.id'));
  await trigger('search_users_ad', 'DELETE ON users', [
    `DELETE FROM search_documents WHERE kind = 'member' AND ref_id = old.id`,
  ]);
  await trigger('search_profiles_ai', 'INSERT ON profiles', refreshMember('new.user_id'));
  await trigger('search_profiles_au', 'UPDATE ON profiles', refreshMember('new.user_id'));
  await trigger('search_profiles_ad', 'DELETE ON profiles', refreshMember('old.user_id'));
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED`);
  await run('CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv)');
  const fn = async (name: string, body: string[]) =>
    run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      ${body.map((s) => `${s};`).join('\n')}
      RETURN NULL; END $$`);
  const trigger = (name: string, event: string, fnName: string) =>
    run(`CREATE TRIGGER ${name} AFTER ${event} FOR EACH ROW EXECUTE FUNCTION ${fnName}()`);
  await fn('search_posts_sync', [
    `IF TG_OP = 'DELETE' THEN
       DELETE FROM search_documents WHERE kind = 'reply' AND ref_id = OLD.id;
       IF OLD.is_opening = 1 THEN DELETE FROM search_documents WHERE kind = 'topic' AND ref_id = OLD.topic_id; END IF;
       RETURN NULL;
     END IF`,
    ...refreshReply('NEW.id'),
    `IF NEW.is_opening = 1 THEN ${refreshTopic('NEW.topic_id').join('; ')}; END IF`,
  ]);
  await trigger(
    'search_posts_sync',
    'INSERT OR UPDATE OF body_source, deleted_at OR DELETE ON posts',
    'search_posts_sync',
  );
  await fn('search_topics_sync', [
    `IF TG_OP = 'DELETE' THEN DELETE FROM search_documents WHERE kind = 'topic' AND ref_id = OLD.id; RETURN NULL; END IF`,
    ...refreshTopic('NEW.id'),
  ]);
  await trigger(
    'search_topics_sync',
    'UPDATE OF title, deleted_at OR DELETE ON topics',
    'search_topics_sync',
  );
  await fn('search_users_sync', [
    `IF TG_OP = 'DELETE' THEN DELETE FROM search_documents WHERE kind = 'member' AND ref_id = OLD.id; RETURN NULL; END IF`,
    ...refreshMember('NEW.id'),
  ]);
  await trigger(
    'search_users_sync',
    'INSERT OR UPDATE OF display_name OR DELETE ON users',
    'search_users_sync',
  );
  await fn('search_profiles_sync', [
    `IF TG_OP = 'DELETE' THEN ${refreshMember('OLD.user_id').join('; ')}; RETURN NULL; END IF`,
    ...refreshMember('NEW.user_id'),
  ]);
  await trigger('search_profiles_sync', 'INSERT OR UPDATE OR DELETE ON profiles', 'search_profiles_sync');
}

async function backfill(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`INSERT INTO search_documents (kind, ref_id, network_id, title, body)
    SELECT 'topic', t.id, t.network_id, t.title, p.body_source FROM topics t
    JOIN posts p ON p.topic_id = t.id AND p.is_opening = 1 AND p.deleted_at IS NULL
    WHERE t.deleted_at IS NULL`);
  await run(`INSERT INTO search_documents (kind, ref_id, network_id, title, body)
    SELECT 'reply', p.id, p.network_id, '', p.body_source FROM posts p
    WHERE p.is_opening = 0 AND p.deleted_at IS NULL`);
  await run(`INSERT INTO search_documents (kind, ref_id, network_id, title, body)
    SELECT 'member', u.id, NULL, u.display_name, COALESCE(pr.region, '') || ' ' || COALESCE(pr.bio, '')
    FROM users u LEFT JOIN profiles pr ON pr.user_id = u.id`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const run = (statement: string) => sql.raw(statement).execute(db);
  if (isPostgres) {
    for (const [table, name] of [
      ['posts', 'search_posts_sync'],
      ['topics', 'search_topics_sync'],
      ['users', 'search_users_sync'],
      ['profiles', 'search_profiles_sync'],
    ]) {
      await run(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
      await run(`DROP FUNCTION IF EXISTS ${name}()`);
    }
  } else {
    for (const name of [
      'search_posts_ai',
      'search_posts_au',
      'search_posts_ad',
      'search_topics_au',
      'search_topics_ad',
      'search_users_ai',
      'search_users_au',
      'search_users_ad',
      'search_profiles_ai',
      'search_profiles_au',
      'search_profiles_ad',
    ]) {
      await run(`DROP TRIGGER IF EXISTS ${name}`);
    }
    await run('DROP TABLE IF EXISTS search_fts');
  }
  await db.schema.dropTable('search_documents').execute();
}
