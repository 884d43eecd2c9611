import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_CHECK_MAX_CHARS } from '../../../common/privacy/kinds.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { checkCaseText, hasPersonalData } from './index.ts';

describe('the face of the privacy module', () => {
  it('checks a case text as the help-request module will when a consultation is posted', () => {
    expect(hasPersonalData('Meine Mentee hat Angst vor dem Termin beim Jobcenter.')).toBe(false);
    expect(checkCaseText('Her number is +44 20 7946 0958.').map((f) => f.kind)).toEqual(['phone']);
  });
});

describe.each(DIALECTS)('POST /api/networks/:slug/privacy-check on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers the findings with kind, span and placeholder, in text order', async () => {
    const network = await buildNetwork(t.ctx);
    const mentor = await signIn(t.app, await buildMember(t.ctx, network));
    const text =
      'Frau Yilmaz (geb. 12.03.1985) wohnt in der Goethestraße 14, 04109 Leipzig. Tel. 0176 23456789';
    const res = await mentor.post(`/api/networks/${network.slug}/privacy-check`, { text });
    expect(res.statusCode, res.body).toBe(200);
    const { findings } = res.json();
    expect(findings.map((f: { kind: string }) => f.kind)).toEqual(['name', 'birth_date', 'address', 'phone']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings[0]).toMatchObject({ text: 'Yilmaz', placeholder: '[name]' });
    expect(findings[1]).toMatchObject({ text: '12.03.1985', placeholder: '[date]' });

    const clean = await mentor.post(`/api/networks/${network.slug}/privacy-check`, {
      text: 'Sie sucht eine Wohnung und hat Angst vor dem Termin.',
    });
    expect(clean.json()).toEqual({ findings: [] });
  });

  it('refuses texts over the limit and malformed bodies in the house error shape', async () => {
    const network = await buildNetwork(t.ctx);
    const mentor = await signIn(t.app, await buildMember(t.ctx, network));
    const url = `/api/networks/${network.slug}/privacy-check`;

    // The longest allowed text passes, even in a script of two bytes a character.
    const longest = await mentor.post(url, { text: 'Ω'.repeat(PRIVACY_CHECK_MAX_CHARS) });
    expect(longest.statusCode).toBe(200);

    const tooLong = await mentor.post(url, { text: 'a'.repeat(PRIVACY_CHECK_MAX_CHARS + 1) });
    expect(tooLong.statusCode).toBe(400);
    expect(errorCode(tooLong)).toBe('VALIDATION_FAILED');

    const huge = await mentor.post(url, { text: '𝒜'.repeat(PRIVACY_CHECK_MAX_CHARS * 2) });
    expect(huge.statusCode).toBe(413);
    expect(errorCode(huge)).toBe('PAYLOAD_TOO_LARGE');

    const noText = await mentor.post(url, { content: 'x' });
    expect(errorCode(noText)).toBe('VALIDATION_FAILED');
  });

  it('is for members who take part: not for visitors, outsiders or members held at the agreement', async () => {
    const network = await buildNetwork(t.ctx);
    const url = `/api/networks/${network.slug}/privacy-check`;
    const body = { text: 'Termin am Montag.' };

    const visitor = await freshClient(t.app).post(url, body);
    expect(visitor.statusCode).toBe(401);
    const outsider = await (await signIn(t.app, await buildUser(t.ctx))).post(url, body);
    expect(outsider.statusCode).toBe(403);
    const pending = await (await signIn(t.app, await buildMember(t.ctx, network, { accepted: false }))).post(
      url,
      body,
    );
    expect(errorCode(pending)).toBe('AGREEMENT_REQUIRED');
  });
});
