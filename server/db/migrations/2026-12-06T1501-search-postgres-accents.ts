import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL matches words without their accents, as SQLite's FTS5 (`remove_diacritics 2`) already
 * does: "Muller" finds "Müller", "cafe" finds "Café", Greek without its tonos. Built-in functions
 * only (no unaccent extension): decompose (NFD), drop the combining accents U+0300–U+036F, compose
 * again (NFC, so Arabic hamza letters stay whole). The search module folds the query the same way.
 */
const folded = (column: string) =>
  `normalize(regexp_replace(normalize(${column}, NFD), '[\\u0300-\\u036f]', '', 'g'), NFC)`;

async function replaceTsv(db: Kysely<unknown>, title: string, body: string): Promise<void> {
  await sql.raw('DROP INDEX IF EXISTS search_documents_tsv_idx').execute(db);
  await sql.raw('ALTER TABLE search_documents DROP COLUMN tsv').execute(db);
  await sql
    .raw(`ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B')) STORED`)
    .execute(db);
  await sql.raw('CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv)').execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await replaceTsv(db, folded('title'), folded('body'));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await replaceTsv(db, 'title', 'body');
}
