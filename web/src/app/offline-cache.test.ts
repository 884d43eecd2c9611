import type { PersistedClient } from '@tanstack/react-query-persist-client';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { isKeptKey, mergeSaved, OFFLINE_MAX_AGE_MS } from './offline-cache.ts';
import { shouldRetrySending } from './outbox.ts';

const now = Date.UTC(2026, 11, 6, 14, 2);

function query(key: unknown[], data: unknown, dataUpdatedAt: number) {
  return {
    queryKey: key,
    queryHash: JSON.stringify(key),
    state: { data, dataUpdatedAt, status: 'success' },
  };
}

function client(
  queries: ReturnType<typeof query>[],
  options: { buster?: string; mutations?: unknown[] } = {},
) {
  return {
    timestamp: now,
    buster: options.buster ?? 'offline-1',
    clientState: { queries, mutations: options.mutations ?? [] },
  } as unknown as PersistedClient;
}

const me = (id: string, at = now) => query(['me'], { id }, at);
const keys = (c: PersistedClient) => c.clientState.queries.map((q) => q.queryHash).sort();

describe('mergeSaved', () => {
  it('keeps pages saved by another tab, and of a page both saved, the newer answer', () => {
    const stored = client([
      me('u1'),
      query(['network', 'n', 'topic', 't1'], 'old topic', now - 60_000),
      query(['me', 'conversation', 'c1'], 'chat', now - 30_000),
    ]);
    const next = client([me('u1'), query(['network', 'n', 'topic', 't1'], 'new topic', now - 1_000)]);
    const merged = mergeSaved(stored, next);
    expect(keys(merged)).toEqual(
      [['me'], ['me', 'conversation', 'c1'], ['network', 'n', 'topic', 't1']]
        .map((k) => JSON.stringify(k))
        .sort(),
    );
    const topic = merged.clientState.queries.find((q) => q.queryHash.includes('t1'));
    expect(topic?.state.data).toBe('new topic');
    // And the other way round: an older save does not replace a newer answer.
    const back = mergeSaved(next, stored);
    expect(back.clientState.queries.find((q) => q.queryHash.includes('t1'))?.state.data).toBe('new topic');
  });

  it("keeps only the new save when the person, the format or the age differ, and always the new save's outbox", () => {
    const chat = query(['me', 'conversation', 'c1'], 'chat', now - 1_000);
    expect(keys(mergeSaved(client([me('u1'), chat]), client([me('u2')])))).toEqual(['["me"]']);
    expect(keys(mergeSaved(client([me('u1'), chat], { buster: 'offline-0' }), client([me('u1')])))).toEqual([
      '["me"]',
    ]);
    const expired = query(['me', 'conversation', 'c2'], 'old', now - OFFLINE_MAX_AGE_MS - 1);
    expect(keys(mergeSaved(client([me('u1'), expired]), client([me('u1')])))).toEqual(['["me"]']);
    const outbox = [{ mutationKey: ['outbox', 'reply'] }];
    const merged = mergeSaved(
      client([me('u1')], { mutations: outbox }),
      client([me('u1')], { mutations: [] }),
    );
    expect(merged.clientState.mutations).toEqual([]);
    expect(mergeSaved(undefined, client([me('u1')], { mutations: outbox })).clientState.mutations).toEqual(
      outbox,
    );
  });
});

describe('isKeptKey', () => {
  it('keeps the member, their networks and conversations, and the pages of a network the issue names', () => {
    for (const key of [
      ['me'],
      ['me', 'networks'],
      ['me', 'conversations'],
      ['me', 'conversation', 'c1', 'history'],
      ['network', 'berlin'],
      ['network', 'berlin', 'topic', 't1', 'replies'],
      ['network', 'berlin', 'topics', 'all'],
      ['network', 'berlin', 'resources', 'list', {}],
      ['network', 'berlin', 'events', 'list', 3],
      ['network', 'berlin', 'announcements', 'pinned'],
    ])
      expect(isKeptKey(key), JSON.stringify(key)).toBe(true);
    for (const key of [
      ['me', 'second-factor-gate'],
      ['network', 'berlin', 'members', ''],
      ['network', 'berlin', 'audit'],
      ['networks', 'public'],
      ['admin', 'users'],
    ])
      expect(isKeptKey(key), JSON.stringify(key)).toBe(false);
  });
});

describe('shouldRetrySending', () => {
  it('tries again on network trouble, a busy key or a server error, never on a refusal', () => {
    expect(shouldRetrySending(1, new ApiError(0, 'NETWORK_ERROR', 'offline'))).toBe(true);
    expect(shouldRetrySending(1, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetrySending(1, new ApiError(409, 'IDEMPOTENCY_KEY_IN_USE', 'busy'))).toBe(true);
    expect(shouldRetrySending(1, new ApiError(503, 'INTERNAL', 'down'))).toBe(true);
    expect(shouldRetrySending(1, new ApiError(409, 'TOPIC_LOCKED', 'locked'))).toBe(false);
    expect(shouldRetrySending(1, new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'reused'))).toBe(false);
    expect(shouldRetrySending(20, new ApiError(0, 'NETWORK_ERROR', 'offline'))).toBe(false);
  });
});
