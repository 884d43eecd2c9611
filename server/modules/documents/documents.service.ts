import { readFileSync } from 'node:fs';
import type {
  AcceptanceReport,
  AcceptDocumentsBody,
  NetworkDocuments,
  PublishDocumentBody,
} from '../../../common/contracts/documents.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { projectFile } from '../../lib/project-files.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { listActiveMembers, type NetworkRow, publishMembershipChanged } from '../networks/index.ts';
import { presentChanges, presentVersion, renderDocumentBody } from './documents.presenter.ts';
import {
  findCurrentDocuments,
  insertAcceptances,
  insertDocument,
  listAcceptances,
  listDocumentVersions,
} from './documents.repository.ts';
import type { DocumentKind, NetworkDocumentRow } from './documents.table.ts';

const TEMPLATE_LOCALES = ['en', 'de'] as const;

/** The default agreement or rules in the network's first language (English when there is no template). */
export function defaultDocument(kind: DocumentKind, network: Pick<NetworkRow, 'name' | 'languages'>) {
  const first = (JSON.parse(network.languages) as string[])[0];
  const locale = TEMPLATE_LOCALES.find((l) => l === first) ?? 'en';
  const source = readFileSync(projectFile(`server/modules/documents/templates/${kind}.${locale}.md`), 'utf8');
  const body = source.replaceAll('{{network}}', network.name);
  const title = body.split('\n')[0]?.replace(/^#\s*/, '') ?? kind;
  return { title, body };
}

/** Publishes version 1 of the agreement and the rules from the templates when a network is founded. */
export async function publishDefaultDocuments(ctx: AppContext, network: NetworkRow, actorId: string | null) {
  await withTransaction(ctx, async (tx) => {
    for (const kind of ['agreement', 'rules'] as const) {
      const { title, body } = defaultDocument(kind, network);
      await insertDocument(tx.database.db, {
        id: newId(),
        networkId: network.id,
        kind,
        version: 1,
        title,
        body,
        summary: null,
        publishedBy: actorId,
        publishedAt: isoNow(),
      });
    }
  });
}

/**
 * The current agreement and rules, with the viewer's acceptance of each; for a member who accepted
 * an earlier version, what changed since that one.
 */
export async function getCurrentDocuments(
  ctx: AppContext,
  network: NetworkRow,
  userId: string | null,
): Promise<NetworkDocuments> {
  const db = ctx.database.db;
  const current = await findCurrentDocuments(db, network.id);
  const acceptances = userId ? await listAcceptances(db, network.id, [userId]) : [];
  const documents = await Promise.all(
    current
      .sort((a, b) => a.kind.localeCompare(b.kind))
      .map(async (d) => {
        const acceptedAt =
          acceptances.find((a) => a.kind === d.kind && a.version === d.version)?.acceptedAt ?? null;
        const lastAccepted = acceptedAt
          ? undefined
          : acceptances
              .filter((a) => a.kind === d.kind && a.version < d.version)
              .sort((a, b) => b.version - a.version)[0];
        let changes = null;
        if (lastAccepted) {
          const versions = await listDocumentVersions(db, network.id, d.kind);
          const before = versions.find((v: NetworkDocumentRow) => v.version === lastAccepted.version);
          if (before) changes = presentChanges(before, d);
        }
        return { ...presentVersion(d), acceptedAt, changes };
      }),
  );
  return { documents, acceptedCurrent: documents.every((d) => d.acceptedAt !== null) };
}

/** Every version of one document, newest first. */
export async function getDocumentVersions(ctx: AppContext, network: NetworkRow, kind: DocumentKind) {
  const rows = await listDocumentVersions(ctx.database.db, network.id, kind);
  return rows.map(presentVersion);
}

/** Markdown rendered as a published document would be, for the editor's preview. */
export function previewDocument(body: string): string {
  return renderDocumentBody(body);
}

/**
 * Publishes a new version; every member must accept it again before taking part. The publisher
 * accepts it with publishing (they wrote it) if they are a member.
 */
export async function publishDocument(
  ctx: AppContext,
  network: NetworkRow,
  kind: DocumentKind,
  actor: { id: string; isMember: boolean },
  body: PublishDocumentBody,
): Promise<number> {
  const version = await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const [latest] = await listDocumentVersions(db, network.id, kind);
    const next = (latest?.version ?? 0) + 1;
    const id = newId();
    const now = isoNow();
    await insertDocument(db, {
      id,
      networkId: network.id,
      kind,
      version: next,
      title: body.title,
      body: body.body,
      summary: body.summary || null,
      publishedBy: actor.id,
      publishedAt: now,
    });
    if (actor.isMember)
      await insertAcceptances(db, [
        { documentId: id, userId: actor.id, networkId: network.id, acceptedAt: now },
      ]);
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'document.published',
      details: { kind, version: next },
    });
    return next;
  });
  await publishMembershipChanged(ctx, network.id, null);
  return version;
}

/** Accepts the current versions the member read; DOCUMENT_CHANGED when a newer one appeared meanwhile. */
export async function acceptDocuments(
  ctx: AppContext,
  network: NetworkRow,
  userId: string,
  body: AcceptDocumentsBody,
): Promise<void> {
  const current = await findCurrentDocuments(ctx.database.db, network.id);
  const expected = { agreement: body.agreementVersion, rules: body.rulesVersion };
  if (current.some((d) => d.version !== expected[d.kind])) throw new AppError('DOCUMENT_CHANGED', 409);
  await acceptCurrentDocuments(ctx, network, userId);
}

/** Records acceptance of whatever is current (used by acceptDocuments and by test factories). */
export async function acceptCurrentDocuments(
  ctx: AppContext,
  network: NetworkRow,
  userId: string,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const current = await findCurrentDocuments(db, network.id);
    const now = isoNow();
    await insertAcceptances(
      db,
      current.map((d) => ({ documentId: d.id, userId, networkId: network.id, acceptedAt: now })),
    );
    await recordAudit(tx, {
      networkId: network.id,
      actorId: userId,
      subjectUserId: userId,
      action: 'documents.accepted',
      details: Object.fromEntries(current.map((d) => [d.kind, d.version])),
    });
  });
  await publishMembershipChanged(ctx, network.id, userId);
}

/** Who accepted which version when, for meta-mentors. */
export async function getAcceptanceReport(ctx: AppContext, network: NetworkRow): Promise<AcceptanceReport> {
  const db = ctx.database.db;
  const current = await findCurrentDocuments(db, network.id);
  const members = await listActiveMembers(ctx, network.id, { limit: 10_000 });
  const acceptances = await listAcceptances(db, network.id);
  const versionOf = (kind: DocumentKind) => current.find((d) => d.kind === kind)?.version ?? 0;
  return {
    current: { agreement: versionOf('agreement'), rules: versionOf('rules') },
    members: members.map((m) => {
      const mine = acceptances
        .filter((a) => a.userId === m.userId)
        .sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt))
        .map((a) => ({ kind: a.kind, version: a.version, acceptedAt: a.acceptedAt }));
      return {
        userId: m.userId,
        displayName: m.displayName,
        role: m.role,
        acceptances: mine,
        acceptedCurrent: current.every((d) => mine.some((a) => a.kind === d.kind && a.version === d.version)),
      };
    }),
  };
}
