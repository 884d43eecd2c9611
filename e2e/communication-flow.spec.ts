import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { checkBothWidths, launchBrowser, VIEWPORTS, type Viewport } from './support/browser.ts';
import { NetworkSeed } from './support/seed.ts';
import { buildWebIfNeeded, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const violations: string[] = [];
const [phone, laptop] = VIEWPORTS as [Viewport, Viewport];
const slug = 'talk-net';

const olga = { email: 'olga@example.org', password: 'a lighthouse on the hill', displayName: 'Olga Meta' };
const milan = {
  email: 'milan@example.org',
  password: 'the blue kettle whistles',
  displayName: 'Milan Mentor',
};
const nadia = { email: 'nadia@example.org', password: 'rain on the old bridge', displayName: 'Nadia New' };
let seed: NetworkSeed;

/**
 * A network with three members who accepted the agreement, made through the API: Olga founds it
 * and names herself meta-mentor; Milan and Nadia join by an invitation link.
 */
beforeAll(async () => {
  buildWebIfNeeded();
  server = await startServer();
  seed = new NetworkSeed(server, slug);
  await seed.setUpPlatform();
  await seed.foundNetwork('olga', olga, {
    name: 'Talk Network',
    languages: ['en'],
    orgLanguages: ['en', 'de'],
  });
  await seed.join('olga', 'milan', milan, { level: 'beginner' });
  await seed.join('olga', 'nadia', nadia, { level: 'beginner' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in browser for one of the two people; every page records whether injected code ran. */
async function signedIn(
  who: 'olga' | 'milan',
  viewport: Viewport,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await seed.signedInContext(browser, who, viewport);
  await context.addInitScript(() => {
    // Every socket of the page, so that the test can cut them.
    const sockets: WebSocket[] = [];
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
    Object.assign(window, { __sockets: sockets });
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    Object.assign(dialogs, { count: dialogs.count + 1 });
    void dialog.dismiss();
  });
  pages.push(page);
  return { context, page };
}
const dialogs = { count: 0 };

/** Screenshot and axe scan at both widths (see support/browser.ts). */
const check = (page: Page, name: string) => checkBothWidths(page, name, violations);

const pages: Page[] = [];
function photographFailures(): void {
  onTestFailed(async () => {
    for (const [i, page] of pages.entries()) {
      await page
        .screenshot({ path: `e2e/screenshots/failure-comm-${i}.png`, fullPage: true })
        .catch(() => {});
    }
  });
}

/** The number on the bell (0 when it shows none). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByRole('link', { name: /^Notifications/ }).locator('.count-badge > [aria-hidden]');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();
const bubbles = (page: Page, text: string) => page.locator('.chat-log .bubble', { hasText: text });
const xssRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

const XSS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  "[click me](javascript:window.__xss='link')",
  '<svg onload="window.__xss = \'svg\'"><circle r="5"/></svg>',
  '<a href="javascript:alert(1)">plain link</a> <iframe src="javascript:alert(2)"></iframe>',
].join('\n\n');

describe('communication', () => {
  it('two members chat live, survive a cut socket, mention, announce, and nothing injected runs', async () => {
    photographFailures();
    const a = await signedIn('olga', laptop);
    const b = await signedIn('milan', phone);
    const olgaPage = a.page;
    const milanPage = b.page;

    // --- Milan waits on his conversation list; Olga starts a chat from the member list.
    await milanPage.goto('/messages');
    await heading(milanPage, 'Messages');
    await milanPage.getByText('No conversations yet.').waitFor();
    await check(milanPage, '60-messages-empty');

    await olgaPage.goto(`/networks/${slug}/members`);
    await olgaPage.getByRole('button', { name: `Send a message to ${milan.displayName}` }).click();
    await heading(olgaPage, milan.displayName);
    const olgaInput = olgaPage.getByLabel('Your message');
    await olgaInput.fill('Hello Milan, welcome to the network!');
    await olgaInput.press('Enter');
    await bubbles(olgaPage, 'welcome to the network').waitFor();

    // Milan's list shows the conversation with one unread message, without a reload.
    const row = milanPage.locator('.conversation-row', { hasText: olga.displayName });
    await row.getByTestId('conversation-unread').filter({ hasText: '1' }).waitFor();
    await milanPage.getByRole('link', { name: /Messages.*1 unread message/ }).waitFor();
    await check(milanPage, '61-messages-list');

    // He opens it; Olga sees it read; he types and she sees it; his answer reaches her live.
    await row.getByRole('link').click();
    await heading(milanPage, olga.displayName);
    await bubbles(milanPage, 'welcome to the network').waitFor();
    await olgaPage.getByText('Seen').waitFor();
    await milanPage.getByLabel('Your message').pressSequentially('Thank you');
    await olgaPage.getByText(`${milan.displayName} is typing…`).waitFor();
    await milanPage.getByRole('button', { name: 'Send' }).click();
    await bubbles(olgaPage, 'Thank you').waitFor();
    await expect.poll(() => milanPage.getByRole('link', { name: /unread message/ }).count()).toBe(0);
    await check(milanPage, '62-chat');

    // --- The socket drops on Milan's phone while Olga writes three messages.
    await b.context.setOffline(true);
    await milanPage.evaluate(() => {
      for (const s of (window as unknown as { __sockets: WebSocket[] }).__sockets) s.close();
    });
    const synced = milanPage.waitForRequest((r) => r.url().includes('/api/messages/sync?since='), {
      timeout: 30_000,
    });
    for (const n of [1, 2, 3]) {
      await olgaInput.fill(`while you were away ${n}`);
      await olgaInput.press('Enter');
      await bubbles(olgaPage, `while you were away ${n}`).locator('time').waitFor();
    }
    await expect.poll(() => olgaPage.getByText('sending…').count()).toBe(0);
    await b.context.setOffline(false);
    await synced;
    for (const n of [1, 2, 3]) await bubbles(milanPage, `while you were away ${n}`).waitFor();
    // Live again after the reconnect, and every message exactly once.
    await olgaInput.fill('and now live again');
    await olgaInput.press('Enter');
    await bubbles(milanPage, 'and now live again').waitFor();
    for (const n of [1, 2, 3]) expect(await bubbles(milanPage, `while you were away ${n}`).count()).toBe(1);
    expect(await bubbles(milanPage, 'welcome to the network').count()).toBe(1);

    // --- Olga corrects one message in place and deletes another; Milan sees both change live.
    const isFocused = (locator: ReturnType<Page['locator']>) =>
      locator.evaluate((el) => el === document.activeElement);
    const editField = olgaPage.getByLabel('Edit your message');
    await bubbles(olgaPage, 'while you were away 2').getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => isFocused(editField)).toBe(true);
    await editField.fill('while you were away, second try');
    await check(olgaPage, '62a-chat-edit');
    await editField.press('Enter');
    await bubbles(olgaPage, 'second try').getByText('edited').waitFor();
    await expect
      .poll(() => isFocused(bubbles(olgaPage, 'second try').getByRole('button', { name: 'Edit' })))
      .toBe(true);
    await bubbles(milanPage, 'second try').getByText('edited').waitFor();
    expect(await bubbles(milanPage, 'while you were away 2').count()).toBe(0);
    // Escape leaves a message as it was.
    await bubbles(olgaPage, 'while you were away 3').getByRole('button', { name: 'Edit' }).click();
    await editField.fill('never saved');
    await editField.press('Escape');
    await expect.poll(() => editField.count()).toBe(0);
    expect(await bubbles(olgaPage, 'while you were away 3').getByText('edited').count()).toBe(0);
    // Deleting asks first; cancelling keeps the message.
    const deleteFirst = () =>
      bubbles(olgaPage, 'while you were away 1').getByRole('button', { name: 'Delete' }).click();
    const confirm = olgaPage.getByRole('dialog', { name: /Delete this message\?/ });
    await deleteFirst();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await deleteFirst();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => bubbles(olgaPage, 'while you were away 1').count()).toBe(0);
    await expect.poll(() => bubbles(milanPage, 'while you were away 1').count()).toBe(0);
    await bubbles(milanPage, 'Message deleted').waitFor();
    await bubbles(olgaPage, 'Message deleted').waitFor();
    expect(await bubbles(milanPage, 'Message deleted').getByRole('button').count()).toBe(0);

    // --- A group: Olga starts it with Milan and adds Nadia; Milan sees her arrive, then leaves.
    const people = (page: Page) => page.locator('.chat .group-people');
    await olgaPage.goto('/messages');
    await olgaPage.getByLabel('Name of the group').fill('Friday planning');
    await olgaPage.getByLabel('Network').selectOption({ label: 'Talk Network' });
    await olgaPage.getByRole('group', { name: 'Who takes part' }).getByLabel(milan.displayName).check();
    await olgaPage.getByRole('button', { name: 'Start group' }).click();
    await heading(olgaPage, 'Friday planning');
    await milanPage.goto('/messages');
    await milanPage.locator('.conversation-row', { hasText: 'Friday planning' }).getByRole('link').click();
    await heading(milanPage, 'Friday planning');
    await people(milanPage).getByText(olga.displayName).waitFor();

    await olgaPage.getByRole('button', { name: 'Add people' }).click();
    const addForm = olgaPage.getByRole('region', { name: 'Add people to this group' });
    await addForm.getByLabel('Network').selectOption({ label: 'Talk Network' });
    // Those already in the group are not offered again.
    await addForm.getByLabel(nadia.displayName).check();
    expect(await addForm.getByLabel(milan.displayName).count()).toBe(0);
    await check(olgaPage, '62b-group-add');
    await addForm.getByRole('button', { name: 'Add to group' }).click();
    await olgaPage.getByText(`${nadia.displayName} has been added to the group.`).waitFor();
    await people(olgaPage).getByText(nadia.displayName).waitFor();
    await people(milanPage).getByText(nadia.displayName).waitFor();

    // Leaving asks first; Milan lands on his list without the group, and Olga sees him gone.
    await milanPage.getByRole('button', { name: 'Leave group' }).click();
    const leaveDialog = milanPage.getByRole('dialog', { name: /Leave “Friday planning”\?/ });
    await check(milanPage, '62c-group-leave');
    await leaveDialog.getByRole('button', { name: 'Leave group' }).click();
    await heading(milanPage, 'Messages');
    await milanPage.getByText('You have left “Friday planning”.').waitFor();
    await milanPage.locator('.conversation-row', { hasText: olga.displayName }).waitFor();
    await expect
      .poll(() => milanPage.locator('.conversation-row', { hasText: 'Friday planning' }).count())
      .toBe(0);
    await expect.poll(() => people(olgaPage).textContent()).not.toContain(milan.displayName);
    await olgaPage.locator('.language-picker select').selectOption('ar');
    await olgaPage.locator('html[dir="rtl"]').waitFor();
    await check(olgaPage, '62d-group-ar');
    await olgaPage.locator('.language-picker select').selectOption('en');
    await olgaPage.getByRole('button', { name: 'Add people' }).waitFor();

    // --- Discussions: Olga starts a topic; Milan replies mentioning her; her bell rings live.
    await olgaPage.goto(`/networks/${slug}/discussions`);
    await heading(olgaPage, 'Discussions');
    await olgaPage.getByText('No topics yet. Start the first one!').waitFor();
    await olgaPage.getByRole('link', { name: 'Start a topic' }).click();
    await heading(olgaPage, 'Start a topic');
    await olgaPage.getByLabel('Space').selectOption({ label: 'Questions' });
    await olgaPage.getByLabel('Title').fill('Finding a flat in Leipzig');
    await olgaPage.getByLabel('Text (Markdown)').fill('Who knows **landlords** that rent to newcomers?');
    await check(olgaPage, '63-topic-new');
    await olgaPage.getByRole('button', { name: 'Publish topic' }).click();
    await heading(olgaPage, 'Finding a flat in Leipzig');
    await olgaPage.goto('/home');
    await olgaPage.waitForLoadState('networkidle');
    const olgaBefore = await bellCount(olgaPage);

    await milanPage.goto(`/networks/${slug}/discussions`);
    await milanPage.getByRole('link', { name: 'Finding a flat in Leipzig' }).waitFor();
    await milanPage.locator('.topic-row', { hasText: 'Finding a flat' }).getByText('New').waitFor();
    await check(milanPage, '64-discussions');
    // On the phone the header's entries and "More" stay on one row in English.
    expect((await milanPage.locator('.site-nav').boundingBox())?.height ?? 999).toBeLessThan(60);
    await milanPage.getByRole('link', { name: 'Finding a flat in Leipzig' }).click();
    await heading(milanPage, 'Finding a flat in Leipzig');
    const reply = milanPage.getByLabel('Reply (Markdown)');
    await reply.pressSequentially('Ask @Olg');
    await milanPage.getByRole('option', { name: olga.displayName }).waitFor();
    await reply.press('Enter');
    // Type on only once the chosen mention is in the field (the composer replaces the text).
    await expect.poll(() => reply.inputValue()).toMatch(/^Ask @\[Olga Meta\]\([0-9a-f-]{36}\) $/);
    await reply.pressSequentially('she knows the housing office.');
    expect(await reply.inputValue()).toMatch(/^Ask @\[Olga Meta\]\([0-9a-f-]{36}\) she knows/);
    await milanPage.getByRole('button', { name: 'Send reply' }).click();
    await milanPage.locator('.post-list .post', { hasText: 'she knows the housing office' }).waitFor();
    // React, edit (marked edited).
    const myReply = milanPage.locator('.post-list .post', { hasText: 'she knows the housing office' });
    await myReply.getByRole('button', { name: /^Thanks/ }).click();
    await myReply.getByRole('button', { name: 'Thanks: 1 person' }).waitFor();
    await myReply.getByRole('button', { name: 'Edit' }).click();
    await myReply.getByLabel('Your post (Markdown)').fill('Ask Olga, she knows the housing office well.');
    await myReply.getByRole('button', { name: 'Save' }).click();
    await milanPage
      .locator('.post-list .post', { hasText: 'housing office well' })
      .getByText('edited')
      .waitFor();
    await check(milanPage, '65-topic');

    // Olga's bell counts the mention without a reload.
    await expect.poll(() => bellCount(olgaPage), { timeout: 10_000 }).toBeGreaterThan(olgaBefore);
    await olgaPage.getByRole('link', { name: /^Notifications/ }).click();
    await heading(olgaPage, 'Notifications');
    await olgaPage
      .getByRole('link', { name: /Milan Mentor mentioned you in “Finding a flat in Leipzig”/ })
      .waitFor();
    await check(olgaPage, '66-notifications');

    // She pins and locks the topic; Milan sees the locked state.
    await olgaPage.goto(`/networks/${slug}/discussions`);
    await olgaPage.getByRole('link', { name: 'Finding a flat in Leipzig' }).click();
    await olgaPage.locator('.post-list').getByText('she knows the housing office well').waitFor();
    await olgaPage.getByRole('button', { name: 'Pin' }).click();
    await olgaPage.getByRole('button', { name: 'Unpin' }).waitFor();
    await olgaPage.getByRole('button', { name: 'Lock' }).click();
    await olgaPage.getByText('This topic is locked: no new replies can be written.').waitFor();
    await milanPage.reload();
    await milanPage.getByText('This topic is locked: no new replies can be written.').waitFor();
    expect(await milanPage.getByLabel('Reply (Markdown)').count()).toBe(0);

    // --- An announcement from Olga reaches Milan's network home live, and his bell.
    await milanPage.goto(`/networks/${slug}`);
    await heading(milanPage, 'Talk Network');
    await olgaPage.goto(`/networks/${slug}`);
    await olgaPage.getByRole('button', { name: 'New announcement' }).click();
    const announcementForm = olgaPage.getByRole('form', { name: 'New announcement' });
    await announcementForm.getByLabel('Title', { exact: true }).fill('Meeting on Friday');
    await announcementForm.getByLabel('Text (Markdown)').fill('We meet at the **library** at 6 pm.');
    await olgaPage.getByRole('button', { name: 'Post announcement' }).click();
    await olgaPage.getByRole('heading', { level: 3, name: 'Meeting on Friday' }).waitFor();
    await milanPage.getByRole('heading', { level: 3, name: 'Meeting on Friday' }).waitFor();
    // (No bell check here: the server notifies only members with a confirmed e-mail address of
    // announcements, and Milan's address is unconfirmed.)
    await check(milanPage, '67-network-home-announcement');

    // --- Injected code: topic, reply and message bodies full of payloads; nothing runs anywhere.
    await milanPage.goto(`/networks/${slug}/discussions/new`);
    await milanPage.getByLabel('Title').fill('<img src=x onerror="window.__xss=\'title\'"> test');
    await milanPage.getByLabel('Text (Markdown)').fill(XSS);
    await milanPage.getByRole('button', { name: 'Publish topic' }).click();
    await heading(milanPage, /test/);
    await milanPage.getByLabel('Reply (Markdown)').fill(XSS);
    await milanPage.getByRole('button', { name: 'Send reply' }).click();
    await milanPage.locator('.post-list .post').first().waitFor();
    await milanPage.goto('/messages');
    await milanPage.waitForLoadState('networkidle');
    await milanPage.locator('.conversation-row').first().getByRole('link').click();
    await milanPage.getByLabel('Your message').fill(XSS);
    await milanPage.getByRole('button', { name: 'Send' }).click();
    await bubbles(milanPage, 'plain link').locator('time').waitFor();

    await olgaPage.goto(`/networks/${slug}/discussions`);
    await olgaPage.getByRole('link', { name: /test$/ }).click();
    await olgaPage.locator('.post-list .post').first().waitFor();
    await olgaPage.waitForTimeout(300);
    expect(await xssRan(olgaPage)).toBeUndefined();
    expect(
      await olgaPage
        .locator('.markdown script, .markdown svg, .markdown iframe, [onerror], [onload]')
        .count(),
    ).toBe(0);
    expect(await olgaPage.locator('a[href^="javascript"]').count()).toBe(0);
    await olgaPage.goto('/messages');
    // The list saved for offline reading shows at once and is reordered when the fresh one arrives.
    await olgaPage.waitForLoadState('networkidle');
    await olgaPage.locator('.conversation-row').first().getByRole('link').click();
    await bubbles(olgaPage, 'plain link').waitFor();
    await olgaPage.waitForTimeout(300);
    expect(await xssRan(olgaPage)).toBeUndefined();
    expect(await olgaPage.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await xssRan(milanPage)).toBeUndefined();
    expect(dialogs.count).toBe(0);

    // --- Search, notification settings, the unsubscribe page (signed out), and the chat in Arabic.
    await olgaPage.goto('/home');
    await olgaPage.getByRole('searchbox', { name: 'Search topics, people, events and more' }).fill('fla');
    await olgaPage.keyboard.press('Enter');
    await heading(olgaPage, 'Search');
    await olgaPage.getByRole('heading', { level: 2, name: /Topics \(1\)/ }).waitFor();
    // "fla" finds "flat" (prefix matching); the match is marked in plain text, never Markdown or HTML.
    expect(await olgaPage.locator('.search-result mark').first().textContent()).toMatch(/^flat$/i);
    expect(await olgaPage.locator('.search-result').first().textContent()).not.toMatch(/@\[|\]\(|\*\*/);
    await check(olgaPage, '68-search');

    await milanPage.goto('/account');
    await milanPage.getByRole('group', { name: 'Mentions of you' }).getByLabel('At once').check();
    await milanPage.getByText('Saved.').waitFor();
    await check(milanPage, '69-account-notifications');

    const guest = await browser.newContext({
      baseURL: server.url,
      viewport: phone,
      colorScheme: 'dark',
      locale: 'en-US',
    });
    const guestPage = await guest.newPage();
    pages.push(guestPage);
    await guestPage.goto('/unsubscribe?token=not-a-real-token');
    await heading(guestPage, 'E-mail notifications');
    await guestPage.getByText('This unsubscribe link is not valid.', { exact: false }).waitFor();
    await check(guestPage, '70-unsubscribe-invalid');
    await guest.close();

    await milanPage.goto('/messages');
    await milanPage.waitForLoadState('networkidle');
    await milanPage.locator('.conversation-row').first().getByRole('link').click();
    await bubbles(milanPage, 'and now live again').waitFor();
    await milanPage.locator('.language-picker select').selectOption('ar');
    await milanPage.locator('html[dir="rtl"]').waitFor();
    await check(milanPage, '71-chat-ar');
    await milanPage.locator('.language-picker select').selectOption('en');

    expect(violations).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
