import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { TestApp } from './build-app.ts';
import { signIn } from './client.ts';
import { spaceId, startTopic } from './discussions.ts';
import { buildMember, buildNetwork, buildUser } from './factories.ts';
import { buildHelpRequest } from './help-requests.ts';
import { makeImage, multipartBody, uploadAvatar } from './profiles.ts';

/** Texts only this person typed: the export must hold them, an erasure must leave none behind. */
export const TYPED = {
  bio: 'Retired teacher from Thessaloniki who loves sourdough and chess puzzles',
  region: 'Lindenhof-Quartier',
  availability: 'Tuesday evenings after the choir rehearsal',
  topicTitle: 'Where do you find evening language courses',
  post: 'I found a course at the Volkshochschule near the river bend',
  message: 'See you at the bakery on Marktstrasse tomorrow',
  note: 'We practised the bus route to the job centre; next time forms for the language course.',
};

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * A mentor with something of everything: a profile with typed texts and an avatar, a topic, a
 * direct message to a fellow member, a mentoring-log entry with a note, a help request and an
 * uploaded attachment. `ben` is the fellow member.
 */
export async function buildPersonWithData(t: TestApp, displayName = 'Zofia Wiśniewska-Okonkwo') {
  const network = await buildNetwork(t.ctx, { visibility: 'private' });
  const anna = await buildMember(t.ctx, network, {
    role: 'mentor',
    user: await buildUser(t.ctx, { displayName }),
  });
  const ben = await buildMember(t.ctx, network, { role: 'mentor' });
  const client = await signIn(t.app, anna);
  const benClient = await signIn(t.app, ben);
  const expect2xx = async (
    label: string,
    res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  ) => {
    const answer = await res;
    if (answer.statusCode >= 300) throw new Error(`${label}: ${answer.statusCode} ${answer.body}`);
    return answer.json() as Record<string, unknown>;
  };
  await expect2xx(
    'profile',
    client.request('PUT', '/api/me/profile', {
      languages: ['de', 'el'],
      expertise: [],
      region: TYPED.region,
      availability: TYPED.availability,
      experienceLevel: null,
      bio: TYPED.bio,
      visibility: 'network',
    }),
  );
  await expect2xx('avatar', uploadAvatar(client, await makeImage('png', 64, 64)));
  const { payload, headers } = multipartBody([
    { name: 'file', filename: 'Lebenslauf.pdf', contentType: 'application/pdf', data: PDF },
  ]);
  const attachment = await expect2xx(
    'attachment',
    client.request('POST', `/api/networks/${network.slug}/attachments`, payload, headers),
  );
  const topic = (await startTopic(client, network.slug, {
    spaceId: await spaceId(client, network.slug),
    title: TYPED.topicTitle,
    body: TYPED.post,
    attachmentIds: [attachment.id as string],
  })) as { id: string };
  const conversation = await expect2xx(
    'conversation',
    client.post('/api/conversations/direct', { userId: ben.id }),
  );
  await expect2xx(
    'message',
    client.post(`/api/conversations/${conversation.id}/messages`, {
      body: TYPED.message,
      clientId: randomUUID(),
    }),
  );
  await expect2xx(
    'activity',
    client.post(`/api/networks/${network.slug}/activities`, {
      date: '2026-11-03',
      durationMinutes: 90,
      kind: 'accompaniment',
      topics: ['work'],
      menteeCode: 'K-12',
      note: TYPED.note,
    }),
  );
  const helpRequestId = await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: anna.id });
  return {
    network,
    anna,
    ben,
    client,
    benClient,
    topicId: topic.id,
    conversationId: conversation.id as string,
    attachmentId: attachment.id as string,
    helpRequestId,
  };
}

/** Runs every job that is due now, again until none is left (jobs enqueue mails). */
export async function runJobs(ctx: AppContext): Promise<void> {
  while ((await ctx.jobs.drain()) > 0);
}
