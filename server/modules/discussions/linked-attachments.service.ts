import type { Attachment } from '../../../common/contracts/discussions.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { presentAttachment } from './discussions.presenter.ts';

/**
 * Uploads attached to something other than a post: a help request or a response to one. They are
 * uploaded as post attachments are (POST …/attachments), then linked here, and read through the
 * same download route by the network's members.
 */
export interface AttachmentOwner {
  networkId: string;
  uploaderId: string;
  helpRequestId?: string;
  helpResponseId?: string;
}

/**
 * Links uploads to their owner inside the transaction that writes it: ATTACHMENT_INVALID (which
 * rolls the write back) unless every one is the uploader's own and not attached to anything yet.
 */
export async function linkUploads(tx: AppContext, owner: AttachmentOwner, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const result = await tx.database.db
    .updateTable('attachments')
    .set({ helpRequestId: owner.helpRequestId ?? null, helpResponseId: owner.helpResponseId ?? null })
    .where('id', 'in', ids)
    .where('networkId', '=', owner.networkId)
    .where('uploaderId', '=', owner.uploaderId)
    .where('postId', 'is', null)
    .where('helpRequestId', 'is', null)
    .where('helpResponseId', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== new Set(ids).size) throw new AppError('ATTACHMENT_INVALID', 400);
}

/** The attachments of help requests and responses, by owner id, in upload order. */
export async function listLinkedAttachments(
  ctx: AppContext,
  networkSlug: string,
  owners: { helpRequestIds: string[]; helpResponseIds: string[] },
): Promise<Map<string, Attachment[]>> {
  const { helpRequestIds, helpResponseIds } = owners;
  const byOwner = new Map<string, Attachment[]>();
  if (helpRequestIds.length === 0 && helpResponseIds.length === 0) return byOwner;
  const rows = await ctx.database.db
    .selectFrom('attachments')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(helpRequestIds.length ? [eb('helpRequestId', 'in', helpRequestIds)] : []),
        ...(helpResponseIds.length ? [eb('helpResponseId', 'in', helpResponseIds)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const owner = row.helpResponseId ?? row.helpRequestId;
    if (!owner) continue;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), presentAttachment(networkSlug, row)]);
  }
  return byOwner;
}
