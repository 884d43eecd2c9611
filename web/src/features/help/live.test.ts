import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HelpRequest, HelpResponse } from '../../../../common/contracts/help-requests.ts';
import type { ServerEvents, ServerEventType } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { helpKeys } from './api.ts';
import { connectHelp, withResponse } from './live.ts';

/** Hands an event to the subscribers as if the socket had received it. */
function emit<K extends ServerEventType>(type: K, data: ServerEvents[K]): void {
  (realtime as unknown as { emit(type: string, data: unknown): void }).emit(type, data);
}

const response = (over: Partial<HelpResponse> = {}): HelpResponse => ({
  id: 'r1',
  author: { id: 'u2', displayName: 'Bea Helper', formerMember: false, avatarUrl: null },
  bodyHtml: '<p>Call the housing office first.</p>',
  attachments: [],
  createdAt: '2026-01-02T10:00:00Z',
  thanked: false,
  ...over,
});

const request = (over: Partial<HelpRequest> = {}): HelpRequest => ({
  id: 'h1',
  kind: 'question',
  status: 'open',
  title: 'Appointment at the housing office',
  requester: { id: 'u1', displayName: 'Nadia New', formerMember: false, avatarUrl: null },
  expertise: ['housing'],
  languages: ['de'],
  urgency: 'soon',
  deadline: null,
  responseCount: 0,
  offerCount: 0,
  offeredByMe: false,
  createdAt: '2026-01-01T09:00:00Z',
  lastActivityAt: '2026-01-01T09:00:00Z',
  firstResponseAt: null,
  resolvedAt: null,
  escalatedAt: null,
  bodySource: 'How do I prepare?',
  bodyHtml: '<p>How do I prepare?</p>',
  attachments: [],
  responses: [],
  offers: [],
  resolvedBy: null,
  thanksNote: '',
  privacyConfirmedAt: null,
  canEdit: true,
  canRespond: true,
  canOffer: false,
  canResolve: true,
  canReopen: false,
  ...over,
});

const event = { networkId: 'n1', networkSlug: 'berlin', requestId: 'h1' };

describe('a response arriving', () => {
  it('is added once, at the end, with the counts and the activity time', () => {
    const merged = withResponse(
      request({ responses: [response({ id: 'r0' })], responseCount: 1 }),
      response(),
    );
    expect(merged?.responses.map((r) => r.id)).toEqual(['r0', 'r1']);
    expect(merged?.responseCount).toBe(2);
    expect(merged?.lastActivityAt).toBe('2026-01-02T10:00:00Z');
    expect(merged?.bodySource).toBe('How do I prepare?');
  });

  it('is not added twice (the poster’s own answer and the socket’s event)', () => {
    expect(withResponse(request({ responses: [response()] }), response())).toBeNull();
  });
});

describe('help events in the cache', () => {
  let queryClient: QueryClient;
  let off: () => void;
  const invalidated = (key: QueryKey) => queryClient.getQueryState(key)?.isInvalidated ?? false;
  const list = { pages: [{ requests: [], nextCursor: null }], pageParams: [undefined] };

  beforeEach(() => {
    queryClient = new QueryClient();
    queryClient.setQueryData(helpKeys.list('berlin', { status: 'open' }), list);
    queryClient.setQueryData(helpKeys.list('vienna', { status: 'open' }), list);
    queryClient.setQueryData(helpKeys.request('berlin', 'h1'), request());
    queryClient.setQueryData(helpKeys.request('berlin', 'h2'), request({ id: 'h2' }));
    off = connectHelp(queryClient);
  });
  afterEach(() => off());

  it('shows a new response at once and loads the request and the lists again', () => {
    emit('help.activity', { ...event, kind: 'response', response: response() });
    const cached = queryClient.getQueryData<HelpRequest>(helpKeys.request('berlin', 'h1'));
    expect(cached?.responses.map((r) => r.id)).toEqual(['r1']);
    expect(invalidated(helpKeys.request('berlin', 'h1'))).toBe(true);
    expect(invalidated(helpKeys.list('berlin', { status: 'open' }))).toBe(true);
    expect(invalidated(helpKeys.request('berlin', 'h2'))).toBe(false);
    expect(invalidated(helpKeys.list('vienna', { status: 'open' }))).toBe(false);
  });

  it('loads the request again on an offer (who offered is in the answer, not the event)', () => {
    emit('help.activity', { ...event, kind: 'offer' });
    expect(queryClient.getQueryData<HelpRequest>(helpKeys.request('berlin', 'h1'))?.responses).toEqual([]);
    expect(invalidated(helpKeys.request('berlin', 'h1'))).toBe(true);
  });

  it('loads the request and the lists again when the request changed', () => {
    emit('help.changed', { ...event, status: 'resolved' });
    expect(invalidated(helpKeys.request('berlin', 'h1'))).toBe(true);
    expect(invalidated(helpKeys.list('berlin', { status: 'open' }))).toBe(true);
    expect(invalidated(helpKeys.list('vienna', { status: 'open' }))).toBe(false);
  });

  it('stops listening once disconnected', () => {
    off();
    emit('help.changed', { ...event, status: 'resolved' });
    expect(invalidated(helpKeys.request('berlin', 'h1'))).toBe(false);
    off = () => {};
  });
});
