import type { Query, QueryClient } from '@tanstack/react-query';
import { realtime } from '../../lib/realtime.ts';

/** Query keys are ['network', slug, part, …]; events name topics by id, not slug. */
const under =
  (part: string, id?: string) =>
  (query: Query): boolean =>
    query.queryKey[0] === 'network' &&
    query.queryKey[2] === part &&
    (id === undefined || query.queryKey[3] === id);

/** Keeps topic lists, open topics and pinned announcements current; returns the unsubscribe. */
export function connectDiscussions(queryClient: QueryClient): () => void {
  const refresh = (predicate: (q: Query) => boolean) => void queryClient.invalidateQueries({ predicate });
  const offs = [
    realtime.on('topic.created', () => refresh(under('topics'))),
    realtime.on('topic.updated', ({ topic }) => {
      refresh(under('topics'));
      refresh(under('topic', topic.id));
    }),
    realtime.on('reply.created', ({ topicId }) => {
      refresh(under('topics'));
      refresh((q) => under('topic', topicId)(q) && q.queryKey[4] === 'replies');
    }),
    realtime.on('reply.updated', ({ topicId }) => refresh(under('topic', topicId))),
    realtime.on('reply.deleted', ({ topicId }) => refresh(under('topic', topicId))),
    // Counts come with the event; whether the reader reacted is theirs, so a refetch tells it.
    realtime.on('reaction.changed', ({ topicId }) => refresh(under('topic', topicId))),
    realtime.on('announcement.created', () => refresh(under('announcements'))),
  ];
  return () => {
    for (const off of offs) off();
  };
}
