import type { ResourceKind } from '../../common/resources.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';

/** Creates a resource (a wiki page by default) with its first revision straight in its tables. */
export async function buildResource(
  ctx: AppContext,
  fields: {
    networkId: string;
    authorId: string;
    kind?: ResourceKind;
    title?: string;
    body?: string;
    tags?: string[];
    language?: string;
    expertise?: string[];
    updatedAt?: string;
    shareWithPartners?: boolean;
  },
): Promise<string> {
  const now = fields.updatedAt ?? isoNow();
  const id = newId();
  const title = fields.title ?? 'A fictional guide';
  const body = fields.body ?? 'How we welcome new mentors.';
  const kind = fields.kind ?? 'page';
  const url = kind === 'link' ? 'https://example.org/guide' : null;
  await ctx.database.db
    .insertInto('resources')
    .values({
      id,
      networkId: fields.networkId,
      kind,
      title,
      bodySource: body,
      bodyHtml: `<p>${body}</p>`,
      url,
      attachmentId: null,
      tags: JSON.stringify(fields.tags ?? []),
      language: fields.language ?? 'en',
      expertise: JSON.stringify(fields.expertise ?? []),
      region: null,
      revision: 1,
      startHere: null,
      shareWithPartners: fields.shareWithPartners ? 1 : 0,
      createdBy: fields.authorId,
      createdAt: now,
      updatedBy: fields.authorId,
      updatedAt: now,
    })
    .execute();
  await ctx.database.db
    .insertInto('resourceRevisions')
    .values({
      resourceId: id,
      revision: 1,
      networkId: fields.networkId,
      authorId: fields.authorId,
      title,
      bodySource: body,
      url,
      summary: '',
      revertedFrom: null,
      createdAt: now,
    })
    .execute();
  return id;
}
