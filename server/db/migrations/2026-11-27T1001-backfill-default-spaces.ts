import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Frozen copies (migrations never import app code): the default spaces and a UUIDv7.
const DEFAULT_SPACE_KEYS = ['ideas', 'experiences', 'questions'];

function uuidv7(now: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Gives every network founded before discussions existed its default spaces. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    select n.id from networks n where not exists (select 1 from spaces s where s.network_id = n.id)
  `.execute(db);
  const now = new Date().toISOString();
  for (const network of rows) {
    for (const [position, key] of DEFAULT_SPACE_KEYS.entries()) {
      await sql`
        insert into spaces (id, network_id, key, name, position, archived_at, created_by, created_at, updated_at)
        values (${uuidv7(Date.now())}, ${network.id}, ${key}, ${null}, ${position}, ${null}, ${null}, ${now}, ${now})
      `.execute(db);
    }
  }
}

export async function down(): Promise<void> {
  // The spaces table goes with the previous migration.
}
