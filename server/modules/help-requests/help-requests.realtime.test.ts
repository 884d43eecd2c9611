import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpRequest } from '../../../common/contracts/help-requests.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { sessionCookie, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { connectWs, wsUrl } from '../../test/realtime.ts';

describe.each(DIALECTS)('help requests live on %s', (dialect) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = wsUrl(t.app);
  });
  afterAll(() => t.close());

  it('brings new requests, responses, offers and status changes to the network’s members without reload, ids only', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const other = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/help-requests`;
    const asker = await buildMember(t.ctx, network, { level: 'beginner' });
    const helper = await buildMember(t.ctx, network, { level: 'experienced' });
    const outsider = await buildMember(t.ctx, other, { level: 'experienced' });
    const sockets = {
      asker: await connectWs(url, { cookie: await sessionCookie(t.app, asker) }),
      helper: await connectWs(url, { cookie: await sessionCookie(t.app, helper) }),
      outsider: await connectWs(url, { cookie: await sessionCookie(t.app, outsider) }),
    };
    const askerClient = await signIn(t.app, asker);
    const helperClient = await signIn(t.app, helper);
    const created = (
      await askerClient.post(base, {
        kind: 'question',
        title: 'Where to find a family doctor',
        body: 'Any tips for a family who just arrived?',
        expertise: ['health'],
        languages: [],
        urgency: 'soon',
      })
    ).json() as HelpRequest;
    const ids = { networkId: network.id, networkSlug: network.slug, requestId: created.id };
    const changed = await sockets.helper.waitFor('help.changed');
    expect(changed.data).toEqual({ ...ids, status: 'open' });
    // Ids only: never the title or the text.
    expect(JSON.stringify(changed.data)).not.toContain('doctor');

    await helperClient.post(`${base}/${created.id}/offer`, {});
    expect((await sockets.asker.waitFor('help.activity', (f) => f.data.kind === 'offer')).data).toEqual({
      ...ids,
      kind: 'offer',
    });
    await helperClient.post(`${base}/${created.id}/responses`, { body: 'The health office keeps a list.' });
    expect((await sockets.asker.waitFor('help.activity', (f) => f.data.kind === 'response')).data).toEqual({
      ...ids,
      kind: 'response',
    });
    await sockets.asker.waitFor('help.changed', (f) => f.data.status === 'answered');

    await askerClient.post(`${base}/${created.id}/status`, { status: 'resolved', thank: [helper.id] });
    await sockets.helper.waitFor('help.changed', (f) => f.data.status === 'resolved');

    await sockets.outsider.expectNoFrame(t.ctx, 'help.changed');
    await sockets.outsider.expectNoFrame(t.ctx, 'help.activity');
    for (const socket of Object.values(sockets)) await socket.close();
  });
});
