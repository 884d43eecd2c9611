import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';

/** Creates a help request straight in its table (an open question by default). */
export async function buildHelpRequest(
  ctx: AppContext,
  fields: { networkId: string; requesterId: string; createdAt?: string; kind?: 'question' | 'case' },
): Promise<string> {
  const now = fields.createdAt ?? isoNow();
  const id = newId();
  await ctx.database.db
    .insertInto('helpRequests')
    .values({
      id,
      networkId: fields.networkId,
      requesterId: fields.requesterId,
      kind: fields.kind ?? 'question',
      status: 'open',
      title: 'A fictional question',
      bodySource: 'How do others handle this?',
      bodyHtml: '<p>How do others handle this?</p>',
      expertise: '[]',
      languages: '[]',
      urgency: 'whenever',
      deadline: null,
      privacyConfirmedAt: null,
      responseCount: 0,
      offerCount: 0,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      firstResponseAt: null,
      resolvedAt: null,
      resolvedBy: null,
      thanksNote: '',
      escalatedAt: null,
    })
    .execute();
  return id;
}
