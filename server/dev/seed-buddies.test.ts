import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { seedDemo } from './seed-demo.ts';

describe.each(DIALECTS)('demo buddy pairings on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('seeds an active pair with a conversation, a request and a proposal, once', async () => {
    const pairs = () =>
      t.ctx.database.db
        .selectFrom('buddyPairs')
        .select(['status', 'conversationId'])
        .orderBy('status')
        .execute();
    await seedDemo(t.ctx);
    const first = await pairs();
    expect(first.map((p) => p.status)).toEqual(['active', 'proposed', 'requested']);
    const conversationId = first[0]?.conversationId ?? '';
    const messages = await t.ctx.database.db
      .selectFrom('messages')
      .select('id')
      .where('conversationId', '=', conversationId)
      .execute();
    expect(messages).toHaveLength(2);
    await seedDemo(t.ctx);
    expect(await pairs()).toEqual(first);
  });
});
