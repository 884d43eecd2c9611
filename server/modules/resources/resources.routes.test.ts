import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Resource,
  ResourceConflict,
  ResourceList,
  RevisionDetail,
  RevisionList,
  StartHereList,
} from '../../../common/contracts/resources.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { multipartBody } from '../../test/profiles.ts';
import { buildResource } from '../../test/resources.ts';
import type { NetworkRow } from '../networks/index.ts';

describe.each(DIALECTS)('shared resources on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function person(
    network: NetworkRow,
    options: Parameters<typeof buildMember>[2] & { name?: string } = {},
  ): Promise<{ id: string; client: TestClient }> {
    const user = await buildUser(t.ctx, { displayName: options.name ?? 'Someone' });
    const member = await buildMember(t.ctx, network, { ...options, user });
    return { id: user.id, client: await signIn(t.app, member) };
  }

  async function library() {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/resources`;
    const meta = await person(network, { role: 'meta_mentor', name: 'Olga Meta' });
    const office = await person(network, { role: 'office', name: 'Otto Office' });
    const anna = await person(network, { name: 'Anna Mentor' });
    const ben = await person(network, { name: 'Ben Mentor' });
    return { network, base, meta, office, anna, ben };
  }

  const page = {
    kind: 'page',
    title: 'Welcome guide',
    body: '# Hello\n\nFirst **steps** for new mentors.\n\n<script>alert(1)</script>',
    language: 'en',
    tags: ['Onboarding', 'onboarding'],
    expertise: ['education'],
    summary: 'First version',
  };

  it('creates a page with safe HTML, lists it with filters and shows it', async () => {
    const { base, anna, ben } = await library();
    const created = await anna.client.post(base, page);
    expect(created.statusCode, created.body).toBe(201);
    const res = created.json() as Resource;
    expect(res).toMatchObject({
      kind: 'page',
      revision: 1,
      tags: ['onboarding'],
      canEdit: true,
      canManage: false,
    });
    expect(res.bodyHtml).toContain('<strong>steps</strong>');
    expect(res.bodyHtml).not.toContain('<script');
    expect(res.updatedBy?.displayName).toBe('Anna Mentor');

    const link = await ben.client.post(base, {
      kind: 'link',
      title: 'City housing office',
      url: 'https://city.example.org/housing',
      body: 'Where to ask about flats',
      language: 'de',
      tags: ['housing'],
    });
    expect(link.statusCode, link.body).toBe(201);

    const all = (await ben.client.get(base)).json() as ResourceList;
    expect(all.resources.map((r) => r.title)).toEqual(['City housing office', 'Welcome guide']);
    expect(all.canCreate).toBe(true);
    const q = async (query: string) =>
      ((await ben.client.get(`${base}?${query}`)).json() as ResourceList).resources.map((r) => r.title);
    expect(await q('kind=link')).toEqual(['City housing office']);
    expect(await q('tag=onboarding')).toEqual(['Welcome guide']);
    expect(await q('language=de')).toEqual(['City housing office']);
    expect(await q('expertise=education')).toEqual(['Welcome guide']);
    expect(await q('text=STEPS')).toEqual(['Welcome guide']);
    expect(await q('text=100%25')).toEqual([]);
    const pageOne = (await ben.client.get(`${base}?limit=1`)).json() as ResourceList;
    expect(pageOne.resources).toHaveLength(1);
    const pageTwo = (
      await ben.client.get(`${base}?limit=1&cursor=${pageOne.nextCursor}`)
    ).json() as ResourceList;
    expect(pageTwo.resources.map((r) => r.title)).toEqual(['Welcome guide']);

    const shown = await ben.client.get(`${base}/${res.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id: res.id, createdBy: { displayName: 'Anna Mentor' } });
  });

  it('keeps every edit as a revision with a diff, and answers a stale save with 409 and both texts', async () => {
    const { base, meta, anna, ben } = await library();
    const id = ((await anna.client.post(base, page)).json() as Resource).id;
    // Both open revision 1; Ben saves first.
    const first = await ben.client.patch(`${base}/${id}`, {
      baseRevision: 1,
      body: '# Hello\n\nFirst **steps** for new mentors.\n\nAsk the office.',
      summary: 'Office tip',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as Resource).revision).toBe(2);
    // Anna's save on top of revision 1 is a conflict: nothing is lost, both texts come back.
    const stale = await anna.client.patch(`${base}/${id}`, { baseRevision: 1, body: 'My own rewrite.' });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale)).toBe('RESOURCE_EDIT_CONFLICT');
    const details = stale.json().error.details as ResourceConflict;
    expect(details.current).toMatchObject({ revision: 2, author: { displayName: 'Ben Mentor' } });
    expect(details.current.body).toContain('Ask the office.');
    expect(details.yours).toEqual({ baseRevision: 1, title: 'Welcome guide', body: 'My own rewrite.' });
    expect(details.diff.some((p) => p.op === 'add' && p.text.includes('My own rewrite.'))).toBe(true);
    // Merged on top of revision 2, it saves.
    const merged = await anna.client.patch(`${base}/${id}`, {
      baseRevision: 2,
      title: 'Welcome guide (merged)',
    });
    expect(merged.statusCode, merged.body).toBe(200);

    const list = (await ben.client.get(`${base}/${id}/revisions`)).json() as RevisionList;
    expect(list.revisions.map((r) => [r.revision, r.author?.displayName, r.summary])).toEqual([
      [3, 'Anna Mentor', ''],
      [2, 'Ben Mentor', 'Office tip'],
      [1, 'Anna Mentor', 'First version'],
    ]);
    const two = (await ben.client.get(`${base}/${id}/revisions/2`)).json() as RevisionDetail;
    expect(two.diff).toContainEqual({ op: 'add', text: 'Ask the office.' });
    expect(two.bodyHtml).toContain('<p>Ask the office.</p>');
    expect((await ben.client.get(`${base}/${id}/revisions/9`)).statusCode).toBe(404);

    // Members may not revert; the meta-mentor brings revision 1 back as revision 4.
    const denied = await anna.client.post(`${base}/${id}/revert`, { revision: 1 });
    expect(denied.statusCode).toBe(403);
    const reverted = await meta.client.post(`${base}/${id}/revert`, { revision: 1, summary: 'Back' });
    expect(reverted.statusCode, reverted.body).toBe(200);
    expect(reverted.json()).toMatchObject({ revision: 4, title: 'Welcome guide', canManage: true });
    const latest = (await ben.client.get(`${base}/${id}/revisions`)).json() as RevisionList;
    expect(latest.revisions[0]).toMatchObject({ revision: 4, revertedFrom: 1, summary: 'Back' });
  });

  it('lets staff delete, curate "start here" and keep editing to themselves', async () => {
    const { network, base, meta, office, anna } = await library();
    const a = await buildResource(t.ctx, { networkId: network.id, authorId: meta.id, title: 'Alpha' });
    const b = await buildResource(t.ctx, { networkId: network.id, authorId: meta.id, title: 'Beta' });
    expect((await anna.client.request('PUT', `${base}/start-here`, { resourceIds: [b, a] })).statusCode).toBe(
      403,
    );
    const set = await office.client.request('PUT', `${base}/start-here`, { resourceIds: [b, a] });
    expect(set.statusCode, set.body).toBe(200);
    const here = (await anna.client.get(`${base}/start-here`)).json() as StartHereList;
    expect(here.resources.map((r) => [r.title, r.startHere])).toEqual([
      ['Beta', 0],
      ['Alpha', 1],
    ]);
    const unknown = await office.client.request('PUT', `${base}/start-here`, { resourceIds: ['nope'] });
    expect(unknown.statusCode).toBe(404);

    // Staff-only editing: members read but neither create nor edit.
    const settings = `/api/networks/${network.slug}/resource-settings`;
    expect((await anna.client.request('PUT', settings, { staffOnlyEditing: true })).statusCode).toBe(403);
    expect((await meta.client.request('PUT', settings, { staffOnlyEditing: true })).json()).toEqual({
      staffOnlyEditing: true,
    });
    expect((await anna.client.post(base, page)).statusCode).toBe(403);
    expect(((await anna.client.get(base)).json() as ResourceList).canCreate).toBe(false);
    expect((await anna.client.patch(`${base}/${a}`, { baseRevision: 1, title: 'Mine now' })).statusCode).toBe(
      403,
    );
    expect(((await anna.client.get(`${base}/${a}`)).json() as Resource).canEdit).toBe(false);
    expect(
      (await office.client.patch(`${base}/${a}`, { baseRevision: 1, title: 'Alpha 2' })).statusCode,
    ).toBe(200);

    expect((await anna.client.delete(`${base}/${a}`)).statusCode).toBe(403);
    expect((await meta.client.delete(`${base}/${a}`)).statusCode).toBe(204);
    expect((await anna.client.get(`${base}/${a}`)).statusCode).toBe(404);
  });

  it('keeps files in the attachment storage and serves them to members', async () => {
    const { base, network, anna, ben } = await library();
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'checklist.txt', contentType: 'text/plain', data: 'Bring your ID.' },
    ]);
    const upload = await anna.client.request(
      'POST',
      `/api/networks/${network.slug}/attachments`,
      payload,
      headers,
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const attachmentId = upload.json().id as string;
    // Someone else's upload is not theirs to use.
    const stolen = await ben.client.post(base, {
      kind: 'file',
      title: 'Checklist',
      attachmentId,
      language: 'en',
    });
    expect(errorCode(stolen)).toBe('ATTACHMENT_INVALID');
    const created = await anna.client.post(base, {
      kind: 'file',
      title: 'Checklist',
      attachmentId,
      language: 'en',
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = created.json() as Resource;
    expect(res.file).toMatchObject({ fileName: 'checklist.txt', url: `${base}/${res.id}/file` });
    const again = await anna.client.post(base, {
      kind: 'file',
      title: 'Twice',
      attachmentId,
      language: 'en',
    });
    expect(errorCode(again)).toBe('ATTACHMENT_INVALID');
    const file = await ben.client.get(`${base}/${res.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('Bring your ID.');
    expect(
      ((await ben.client.get(`${base}?text=checklist.txt`)).json() as ResourceList).resources,
    ).toHaveLength(1);
  });

  it('answers bad input with 4xx, never a 500', async () => {
    const { base, anna } = await library();
    const bad = async (body: unknown) => {
      const res = await anna.client.post(base, body);
      return [res.statusCode, errorCode(res)];
    };
    expect(await bad({ ...page, kind: 'link', url: 'javascript:alert(1)' })).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(await bad({ ...page, kind: 'link', url: 'data:text/html,hi' })).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    expect(await bad({ ...page, kind: 'link', url: undefined })).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bad({ ...page, kind: 'file' })).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bad({ ...page, kind: 'video' })).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bad({ ...page, body: '' })).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bad({ ...page, tags: ['a"b'] })).toEqual([400, 'VALIDATION_FAILED']);
    expect(await bad({ ...page, language: 'xx-nope' })).toEqual([400, 'VALIDATION_FAILED']);
    const id = ((await anna.client.post(base, page)).json() as Resource).id;
    expect((await anna.client.patch(`${base}/${id}`, { title: 'No base' })).statusCode).toBe(400);
    expect(
      (await anna.client.patch(`${base}/${id}`, { baseRevision: 1, url: 'https://x.org' })).statusCode,
    ).toBe(400);
    expect((await anna.client.patch(`${base}/missing`, { baseRevision: 1 })).statusCode).toBe(404);
    expect((await anna.client.get(`${base}?cursor=broken`)).statusCode).toBe(400);
    expect((await anna.client.get(`${base}/${id}/revisions/abc`)).statusCode).toBe(400);
    expect((await anna.client.get(`${base}/${id}/file`)).statusCode).toBe(404);
    const preview = await anna.client.post(`${base}/preview`, { body: '*hi* <img src=x onerror=alert(1)>' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().html).toContain('<em>hi</em>');
    expect(preview.json().html).not.toContain('<img');
  });
});
