import { AppError } from '../errors.ts';

/** Opaque cursors for keyset pagination: base64url JSON of the last row's sort key. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; a forged or broken one is a 400, never a 500. */
export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/** The answer to a cursor that was not made here (400, as for any invalid field). */
export function invalidCursor(): AppError {
  return new AppError('VALIDATION_FAILED', 400, [
    { path: ['cursor'], code: 'invalid', message: 'invalid cursor' },
  ]);
}

/** Splits a page fetched with limit + 1 rows into the page and the next cursor. */
export function paginate<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * A page of the rows under a parent (a topic's replies, a conversation's messages) read in one
 * statement that also checks the parent: an empty page then does not say whether the parent is
 * missing, so only then (or for a cursor that is not ours) is `hidden` asked. It throws the 404 of a
 * missing parent, and says true when the reader may not see the parent's rows (an empty page, even
 * for a broken cursor); a visible parent with a broken cursor is the cursor's 400.
 */
export async function pageUnderParent<R>(options: {
  cursor: string | undefined;
  arity: number;
  read: (after: (string | number)[] | undefined) => Promise<R[]>;
  hidden: () => Promise<boolean>;
}): Promise<R[]> {
  let after: (string | number)[] | undefined;
  try {
    after = decodeCursor(options.cursor, options.arity);
  } catch (error) {
    if (await options.hidden()) return [];
    throw error;
  }
  const rows = await options.read(after);
  if (rows.length === 0) await options.hidden();
  return rows;
}
