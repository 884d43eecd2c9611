import { dehydrate, hydrate, onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outboxKeys, outboxScope, registerOutbox, resumeOutbox } from './outbox.ts';

/** A fetch that answers only when told: the requests it got, in order, and a way to answer each. */
function heldFetch() {
  const calls: { url: string; key: string | null; body: string; answer: () => void }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    return new Promise<Response>((resolve) => {
      const body = String(init.body);
      calls.push({
        url,
        key: headers.get('Idempotency-Key'),
        body,
        answer: () => {
          const sent = JSON.parse(body) as { body: string; clientId: string };
          resolve(
            new Response(JSON.stringify({ id: `m-${sent.clientId}`, ...sent }), {
              status: 201,
              headers: { 'Content-Type': 'application/json' },
            }),
          );
        },
      });
    });
  });
  return { calls, fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the outbox after a reload', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    onlineManager.setOnline(true);
  });

  it.each([
    ['online', false],
    ['offline, then back online', true],
  ])(
    'after a reload %s, sends what waited one after the other, in the order written, each once with its key',
    async (_name, reloadOffline) => {
      // Written offline before the reload: three messages to one conversation, one to another.
      onlineManager.setOnline(false);
      const before = new QueryClient();
      registerOutbox(before);
      const write = (conversationId: string, body: string, clientId: string) =>
        before
          .getMutationCache()
          .build(before, { mutationKey: outboxKeys.message, scope: outboxScope('message', conversationId) })
          .execute({ conversationId, body, clientId } as never)
          .catch(() => {});
      void write('c1', 'first', 'k1');
      void write('c1', 'second', 'k2');
      void write('c2', 'elsewhere', 'k4');
      void write('c1', 'third', 'k3');
      // Two replies to one topic.
      for (const key of ['r1', 'r2'])
        void before
          .getMutationCache()
          .build(before, { mutationKey: outboxKeys.reply, scope: outboxScope('reply', 't1') })
          .execute({ slug: 'circle', topicId: 't1', body: key, attachmentIds: [], key } as never)
          .catch(() => {});
      await settle();
      const saved = JSON.parse(JSON.stringify(dehydrate(before)));
      before.clear();

      // The reload: the saved outbox comes back and is resumed.
      onlineManager.setOnline(!reloadOffline);
      const { calls, fetch } = heldFetch();
      vi.stubGlobal('fetch', fetch);
      const after = new QueryClient();
      after.mount();
      registerOutbox(after);
      hydrate(after, saved);
      resumeOutbox(after);
      // Resuming twice (the app and the query client's own resume when back online) sends nothing twice.
      void after.resumePausedMutations();
      resumeOutbox(after);
      await settle();
      if (reloadOffline) {
        expect(calls).toHaveLength(0);
        onlineManager.setOnline(true);
        await settle();
      }
      const of = (conversation: string) =>
        calls.filter((c) => c.url.includes(`/conversations/${conversation}/`));
      const replies = () => calls.filter((c) => c.url.includes('/topics/t1/'));
      expect(replies().map((c) => c.key)).toEqual(['r1']);
      // One at a time per conversation; the other conversation does not wait.
      expect(of('c1').map((c) => c.key)).toEqual(['k1']);
      expect(of('c2').map((c) => c.key)).toEqual(['k4']);
      of('c1')[0]?.answer();
      await settle();
      expect(of('c1').map((c) => c.key)).toEqual(['k1', 'k2']);
      of('c1')[1]?.answer();
      await settle();
      expect(of('c1').map((c) => c.key)).toEqual(['k1', 'k2', 'k3']);
      of('c1')[2]?.answer();
      of('c2')[0]?.answer();
      replies()[0]?.answer();
      await settle();
      expect(replies().map((c) => c.key)).toEqual(['r1', 'r2']);
      replies()[1]?.answer();
      await settle();
      // Each sent once, and the outbox is empty.
      expect(calls.map((c) => c.key).sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'r1', 'r2']);
      expect(
        after
          .getMutationCache()
          .getAll()
          .every((m) => m.state.status === 'success'),
      ).toBe(true);
    },
  );
});
