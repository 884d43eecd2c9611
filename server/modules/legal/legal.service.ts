import { readFileSync } from 'node:fs';
import type {
  AcceptLegalBody,
  CurrentLegal,
  LegalTemplate,
  LegalVersion,
  PendingLegalVersion,
  PublishLegalBody,
} from '../../../common/contracts/legal.ts';
import { LEGAL_KINDS, type LegalKind } from '../../../common/legal.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { projectFile } from '../../lib/project-files.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { presentLegalChanges, presentLegalVersion, renderLegalBody } from './legal.presenter.ts';
import {
  findAcceptances,
  findCurrentLegalVersions,
  findLegalVersion,
  insertAcceptance,
  insertLegalVersion,
  latestLegalVersionNumber,
} from './legal.repository.ts';

/** The current privacy notice and terms of use (null while a kind has no published version). */
export async function currentLegal(ctx: AppContext): Promise<CurrentLegal> {
  const rows = await findCurrentLegalVersions(ctx.database.db);
  const byKind = new Map(rows.map((r) => [r.kind, presentLegalVersion(r)]));
  return { privacy: byKind.get('privacy') ?? null, terms: byKind.get('terms') ?? null };
}

/** A starting text in English or German for the platform admin to adapt before publishing. */
export function legalTemplate(kind: LegalKind, locale: 'en' | 'de'): LegalTemplate {
  return { body: readFileSync(projectFile(`server/modules/legal/templates/${kind}.${locale}.md`), 'utf8') };
}

/** Markdown rendered as a published text would show it (the editor's preview). */
export function previewLegal(body: string): string {
  return renderLegalBody(body);
}

/** Publishes the next version of a text; signed-in people are asked to accept it again. */
export async function publishLegalVersion(
  ctx: AppContext,
  kind: LegalKind,
  body: PublishLegalBody,
  publishedBy: string,
): Promise<LegalVersion> {
  const row = await withTransaction(ctx, async (tx) => {
    const published = await insertLegalVersion(tx.database.db, {
      id: newId(),
      kind,
      version: (await latestLegalVersionNumber(tx.database.db, kind)) + 1,
      body: body.body,
      summary: body.summary,
      publishedBy,
      publishedAt: isoNow(),
    });
    await recordAudit(tx, {
      actorId: publishedBy,
      action: kind === 'privacy' ? 'platform.privacy_published' : 'platform.terms_published',
      details: { version: Number(published.version) },
    });
    return published;
  });
  return presentLegalVersion(row);
}

/** The current versions the user has not accepted yet (and the newest version of each they did accept). */
async function pendingVersions(ctx: AppContext, userId: string) {
  const [rows, accepted] = await Promise.all([
    findCurrentLegalVersions(ctx.database.db),
    findAcceptances(ctx.database.db, userId),
  ]);
  const done = new Set(accepted.map((a) => `${a.kind}:${Number(a.version)}`));
  return LEGAL_KINDS.flatMap((kind) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row || done.has(`${kind}:${Number(row.version)}`)) return [];
    const earlier = accepted.filter((a) => a.kind === kind).map((a) => Number(a.version));
    return [{ row, lastAccepted: earlier.length > 0 ? Math.max(...earlier) : null }];
  });
}

/** The current versions the user has not accepted yet, each with what changed since the one they accepted. */
export async function pendingLegal(ctx: AppContext, userId: string): Promise<PendingLegalVersion[]> {
  const pending = await pendingVersions(ctx, userId);
  return Promise.all(
    pending.map(async ({ row, lastAccepted }) => {
      const before =
        lastAccepted === null ? undefined : await findLegalVersion(ctx.database.db, row.kind, lastAccepted);
      return { ...presentLegalVersion(row), changes: before ? presentLegalChanges(before, row) : null };
    }),
  );
}

/**
 * At sign-up: the versions shown must be the current ones, and every published text must be
 * accepted (409 DOCUMENT_CHANGED otherwise, so the form shows the new version).
 */
export async function assertSignUpAcceptance(
  ctx: AppContext,
  body: AcceptLegalBody | undefined,
): Promise<void> {
  const current = await currentLegal(ctx);
  for (const kind of LEGAL_KINDS) {
    if ((body?.[kind] ?? null) !== (current[kind]?.version ?? null))
      throw new AppError('DOCUMENT_CHANGED', 409);
  }
}

/** Records the versions a new account accepted at sign-up. */
export async function recordSignUpAcceptance(
  ctx: AppContext,
  userId: string,
  body: AcceptLegalBody | undefined,
) {
  const acceptedAt = isoNow();
  for (const kind of LEGAL_KINDS) {
    const version = body?.[kind];
    if (version !== undefined) await insertAcceptance(ctx.database.db, { userId, kind, version, acceptedAt });
  }
}

/**
 * Records that the user accepted the given versions; each must be the current one (409
 * DOCUMENT_CHANGED when a newer version was published meanwhile), and every pending text must be
 * named.
 */
export async function acceptLegal(ctx: AppContext, userId: string, body: AcceptLegalBody): Promise<void> {
  const current = await currentLegal(ctx);
  for (const kind of LEGAL_KINDS) {
    const given = body[kind];
    const version = current[kind];
    if (given !== undefined && given !== version?.version) throw new AppError('DOCUMENT_CHANGED', 409);
  }
  const pending = await pendingVersions(ctx, userId);
  if (pending.some((p) => body[p.row.kind] === undefined)) throw new AppError('DOCUMENT_CHANGED', 409);
  const acceptedAt = isoNow();
  for (const kind of LEGAL_KINDS) {
    const given = body[kind];
    if (given !== undefined)
      await insertAcceptance(ctx.database.db, { userId, kind, version: given, acceptedAt });
  }
}
