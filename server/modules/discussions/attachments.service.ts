import { type ContentReader, canSeeDeletedContent, isAuthor } from '../../../common/policies/content.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { createAttachmentStore, type ServedFile, type ServeHeaders } from '../../platform/files/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { cleanFileName, detectAttachmentType } from './attachment-type.ts';
import type { AttachmentRow } from './discussions.table.ts';
import { findAttachment, findPost, insertAttachment } from './posts.repository.ts';
import { findTopic } from './topics.repository.ts';

/** Stores an upload (checked by content) for the uploader to attach to their next post. */
export async function uploadAttachment(
  ctx: AppContext,
  network: NetworkRow,
  uploaderId: string,
  upload: { fileName: string; bytes: Buffer },
): Promise<AttachmentRow> {
  const fileName = cleanFileName(upload.fileName);
  const contentType = detectAttachmentType(upload.bytes, fileName);
  if (!contentType) throw new AppError('UNSUPPORTED_FILE_TYPE', 415);
  const row: AttachmentRow = {
    id: newId(),
    networkId: network.id,
    uploaderId,
    postId: null,
    fileName,
    contentType,
    size: upload.bytes.length,
    storageKey: '',
    createdAt: isoNow(),
  };
  row.storageKey = row.id;
  const store = createAttachmentStore(ctx.files);
  await store.write(row.storageKey, upload.bytes, contentType);
  try {
    await insertAttachment(ctx.database.db, row);
  } catch (error) {
    await store.remove(row.storageKey);
    throw error;
  }
  return row;
}

/**
 * An attachment's bytes for a reader who may read the post it belongs to (deleted posts and
 * topics: moderators only); not yet attached uploads only for their uploader. Anything else is 404.
 */
export async function readAttachment(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  attachmentId: string,
  headersOf: (row: AttachmentRow) => ServeHeaders,
): Promise<{ row: AttachmentRow; file: ServedFile }> {
  const db = ctx.database.db;
  const row = await findAttachment(db, network.id, attachmentId);
  if (!row) throw notFound();
  if (row.helpRequestId !== null || row.helpResponseId !== null) {
    // A help request's or response's: every member who reads the network's discussions sees those.
  } else if (row.postId === null) {
    if (!isAuthor(reader, { authorId: row.uploaderId })) throw notFound();
  } else {
    const post = await findPost(db, network.id, row.postId);
    const topic = post ? await findTopic(db, network.id, post.topicId, reader.userId) : undefined;
    if (!post || !topic) throw notFound();
    if ((post.deletedAt !== null || topic.deletedAt !== null) && !canSeeDeletedContent(reader))
      throw notFound();
  }
  const file = await createAttachmentStore(ctx.files).serve(row.storageKey, headersOf(row));
  if (!file) throw notFound();
  return { row, file };
}
