import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';

const RULES_V2 = [
  '# Communication rules',
  '',
  'We answer within two days.',
  'Be kind.',
  '',
  '7. Leipzig',
  '8. Halle',
  '',
  '<script>alert(1)</script>',
].join('\n');

interface Doc {
  kind: string;
  version: number;
  bodyHtml: string;
  summary: string | null;
  changes: { sinceVersion: number; parts: { change: string; text: string }[] } | null;
}

describe.each(DIALECTS)('agreement and rules on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows a returning member what changed since the version they accepted, with the summary', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const member = await signIn(t.app, await buildMember(t.ctx, network, { role: 'mentor' }));
    const newcomer = await signIn(
      t.app,
      await buildMember(t.ctx, network, { role: 'mentor', accepted: false }),
    );
    const url = `/api/networks/${network.slug}/documents`;
    const before = ((await member.get(url)).json().documents as Doc[]).find((d) => d.kind === 'rules');
    expect(before?.changes).toBeNull();

    const tooLong = await meta.post(`${url}/rules`, {
      title: 'Rules',
      body: RULES_V2,
      summary: 'x'.repeat(2001),
    });
    expect(errorCode(tooLong)).toBe('VALIDATION_FAILED');
    const published = await meta.post(`${url}/rules`, {
      title: 'Communication rules',
      body: RULES_V2,
      summary: 'Two days to answer, and where we meet.',
    });
    expect(published.json()).toEqual({ version: 2 });

    const docs = (await member.get(url)).json();
    expect(docs.acceptedCurrent).toBe(false);
    const [agreement, rules] = docs.documents as Doc[];
    expect(agreement?.changes).toBeNull();
    expect(rules).toMatchObject({ version: 2, summary: 'Two days to answer, and where we meet.' });
    expect(rules?.changes?.sinceVersion).toBe(1);
    const added = rules?.changes?.parts
      .filter((p) => p.change === 'added')
      .map((p) => p.text)
      .join('');
    const removed = rules?.changes?.parts
      .filter((p) => p.change === 'removed')
      .map((p) => p.text)
      .join('');
    expect(added).toContain('We answer within two days.');
    expect(added).toContain('7. Leipzig');
    expect(removed?.length).toBeGreaterThan(0);
    // One renderer for all Markdown: the list keeps its numbers, raw HTML stays text, the title
    // heading (shown by the card) is left out, and headings sit under the card's.
    expect(rules?.bodyHtml).toContain('<ol start="7">');
    expect(rules?.bodyHtml).toContain('&lt;script&gt;');
    expect(rules?.bodyHtml).not.toContain('<script');
    expect(rules?.bodyHtml).not.toContain('Communication rules</h');

    // A newcomer who never accepted is welcomed, not shown changes; the publisher has nothing to accept.
    const fresh = (await newcomer.get(url)).json().documents as Doc[];
    expect(fresh.map((d) => d.changes)).toEqual([null, null]);
    expect((await meta.get(url)).json().acceptedCurrent).toBe(true);

    const versions = (await member.get(`${url}/rules/versions`)).json().versions as Doc[];
    expect(versions.map((v) => [v.version, v.summary])).toEqual([
      [2, 'Two days to answer, and where we meet.'],
      [1, null],
    ]);
    expect(versions[0]?.bodyHtml).toContain('<ol start="7">');

    // Accepted again: nothing left to show.
    await member.post(`${url}/accept`, { agreementVersion: 1, rulesVersion: 2 });
    expect(((await member.get(url)).json().documents as Doc[]).map((d) => d.changes)).toEqual([null, null]);
  });

  it('previews Markdown for the editor with the same renderer, for those who may publish', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const mentor = await signIn(t.app, await buildMember(t.ctx, network, { role: 'mentor' }));
    const url = `/api/networks/${network.slug}/documents/preview`;
    const res = await meta.post(url, {
      body: '## Where\n\n7. Leipzig\n8. Halle\n\n[x](javascript:alert(1))',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { html } = res.json() as { html: string };
    expect(html).toContain('<h4>Where</h4>');
    expect(html).toContain('<ol start="7">\n<li>Leipzig</li>\n<li>Halle</li>\n</ol>');
    expect(html).not.toContain('href="javascript');
    expect((await mentor.post(url, { body: 'Hello' })).statusCode).toBe(403);
    expect(errorCode(await meta.post(url, { body: 'x'.repeat(50_001) }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await meta.post(url, {}))).toBe('VALIDATION_FAILED');
  });
});
