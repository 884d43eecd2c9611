import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Attendees,
  CalendarFeed,
  Event,
  EventList,
  RsvpResult,
} from '../../../common/contracts/events.ts';
import { notificationsOf } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { recordEvents } from '../../test/discussions.ts';
import { buildEvent, utcLocal, WEEKLY } from '../../test/events.ts';
import { buildMember, buildNetwork, buildUser, mailsTo } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';
import { runReminders } from './reminders.service.ts';

/** Parses a feed with ical.js and returns its VEVENTs. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

const cafe = {
  title: 'Mentor café',
  description: 'We meet **monthly**. [link](javascript:alert(1))',
  language: 'de',
  format: 'online',
  onlineUrl: 'https://meet.example.org/cafe',
  timeZone: 'Europe/Berlin',
  // The first Tuesday of February 2030, 18:00 Berlin time, every month.
  startsLocal: '2030-02-05T18:00',
  endsLocal: '2030-02-05T20:00',
  recurrence: { freq: 'monthly', monthly: 'nth_weekday' },
};

describe.each(DIALECTS)('events on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function person(network: NetworkRow, role: 'meta_mentor' | 'office' | 'mentor', name: string) {
    const user = await buildUser(t.ctx, { displayName: name });
    const member = await buildMember(t.ctx, network, { role, user });
    return { id: user.id, user, client: await signIn(t.app, member) };
  }

  async function eventsNetwork() {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/events`;
    const meta = await person(network, 'meta_mentor', 'Olga Meta');
    const mentor = await person(network, 'mentor', 'Milan Mentor');
    const other = await person(network, 'mentor', 'Nadia New');
    return { network, base, meta, mentor, other };
  }

  const rsvp = (client: TestClient, url: string, response: string) =>
    client.request('PUT', `${url}/rsvp`, { response });

  it('creates a recurring event in Berlin time and lists each occurrence across the DST change', async () => {
    const { base, meta, mentor } = await eventsNetwork();
    const created = await meta.client.post(base, cafe);
    expect(created.statusCode).toBe(201);
    const event = created.json() as Event;
    expect(event.rrule).toBe('FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU');
    expect(event.descriptionHtml).toContain('<strong>monthly</strong>');
    expect(event.descriptionHtml).not.toContain('href="javascript');
    expect(event.organisers.map((o) => o.displayName)).toEqual(['Olga Meta']);
    const list = await mentor.client.get(`${base}?from=2030-02-01T00:00:00Z&to=2030-05-01T00:00:00Z`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as EventList).items.map((i) => i.occurrence.startsAt)).toEqual([
      '2030-02-05T17:00:00.000Z',
      '2030-03-05T17:00:00.000Z',
      '2030-04-02T16:00:00.000Z',
    ]);
  });

  it('pages through the occurrences with a cursor, series and one-offs merged in time order', async () => {
    const { base, meta, mentor } = await eventsNetwork();
    expect((await meta.client.post(base, cafe)).statusCode).toBe(201);
    const once = { ...cafe, title: 'Kick-off', recurrence: null };
    expect(
      (
        await meta.client.post(base, {
          ...once,
          startsLocal: '2030-02-10T10:00',
          endsLocal: '2030-02-10T11:00',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await meta.client.post(base, {
          ...once,
          startsLocal: '2030-03-20T10:00',
          endsLocal: '2030-03-20T11:00',
        })
      ).statusCode,
    ).toBe(201);
    const range = 'from=2030-02-01T00:00:00Z&to=2030-05-01T00:00:00Z&limit=2';
    const seen: string[] = [];
    let url = `${base}?${range}`;
    for (let page = 0; page < 5; page++) {
      const answer = await mentor.client.get(url);
      expect(answer.statusCode).toBe(200);
      const list = answer.json() as EventList;
      seen.push(...list.items.map((i) => `${i.title} ${i.occurrence.startsLocal}`));
      if (!list.nextCursor) break;
      url = `${base}?${range}&cursor=${encodeURIComponent(list.nextCursor)}`;
    }
    expect(seen).toEqual([
      'Mentor café 2030-02-05T18:00',
      'Kick-off 2030-02-10T10:00',
      'Mentor café 2030-03-05T18:00',
      'Kick-off 2030-03-20T10:00',
      'Mentor café 2030-04-02T18:00',
    ]);
    expect(errorCode(await mentor.client.get(`${base}?cursor=nonsense`))).toBe('VALIDATION_FAILED');
  });

  it('shows every change at the next read of the upcoming list, which the server keeps worked out', async () => {
    const { base, meta, mentor } = await eventsNetwork();
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const weekly = {
      ...cafe,
      title: 'Weekly',
      timeZone: 'UTC',
      startsLocal: `${day(1)}T10:00`,
      endsLocal: `${day(1)}T11:00`,
      recurrence: { freq: 'weekly' },
    };
    const upcoming = async () => {
      const answer = await mentor.client.get(`${base}?limit=3`);
      expect(answer.statusCode).toBe(200);
      return (answer.json() as EventList).items.map((i) => `${i.title} ${i.occurrence.startsLocal}`);
    };
    expect(await upcoming()).toEqual([]);
    const created = await meta.client.post(base, weekly);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(await upcoming()).toEqual([
      `Weekly ${day(1)}T10:00`,
      `Weekly ${day(8)}T10:00`,
      `Weekly ${day(15)}T10:00`,
    ]);
    const once = { ...weekly, title: 'Once', recurrence: null };
    const onceAnswer = await meta.client.post(base, {
      ...once,
      startsLocal: `${day(2)}T09:00`,
      endsLocal: `${day(2)}T10:00`,
    });
    expect(onceAnswer.statusCode).toBe(201);
    expect(await upcoming()).toEqual([
      `Weekly ${day(1)}T10:00`,
      `Once ${day(2)}T09:00`,
      `Weekly ${day(8)}T10:00`,
    ]);
    const removed = await meta.client.request('PUT', `${base}/${id}/occurrences/${day(1)}T10:00`, {
      state: 'removed',
    });
    expect(removed.statusCode).toBe(200);
    expect(await upcoming()).toEqual([
      `Once ${day(2)}T09:00`,
      `Weekly ${day(8)}T10:00`,
      `Weekly ${day(15)}T10:00`,
    ]);
    const moved = await meta.client.patch(`${base}/${onceAnswer.json().id}`, {
      startsLocal: `${day(20)}T09:00`,
      endsLocal: `${day(20)}T10:00`,
    });
    expect(moved.statusCode).toBe(200);
    expect(await upcoming()).toEqual([
      `Weekly ${day(8)}T10:00`,
      `Weekly ${day(15)}T10:00`,
      `Once ${day(20)}T09:00`,
    ]);
    // What a list item shows of an event (kept with the worked-out list) changes at the next read too.
    const renamed = await meta.client.patch(`${base}/${id}`, { title: 'Weekly café', capacity: 12 });
    expect(renamed.statusCode).toBe(200);
    const cancelled = await meta.client.post(`${base}/${id}/cancel`, { reason: 'Room closed' });
    expect(cancelled.statusCode).toBe(200);
    const [first] = ((await mentor.client.get(`${base}?limit=1`)).json() as EventList).items;
    expect(first).toMatchObject({ title: 'Weekly café', capacity: 12, status: 'cancelled', recurring: true });
    expect((await meta.client.request('DELETE', `${base}/${id}`)).statusCode).toBeLessThan(300);
    expect(await upcoming()).toEqual([`Once ${day(20)}T09:00`]);
  });

  it('refuses bad time zones, unsafe links and a missing address', async () => {
    const { base, meta } = await eventsNetwork();
    expect(errorCode(await meta.client.post(base, { ...cafe, timeZone: 'Mars/Olympus' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await meta.client.post(base, { ...cafe, onlineUrl: 'javascript:alert(1)' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await meta.client.post(base, { ...cafe, format: 'on_site' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await meta.client.post(base, { ...cafe, endsLocal: '2030-02-05T17:00' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('lets mentors create events only where the network allows it', async () => {
    const { network, base, meta, mentor } = await eventsNetwork();
    expect(errorCode(await mentor.client.post(base, cafe))).toBe('FORBIDDEN');
    const setting = await meta.client.patch(`/api/networks/${network.slug}`, { membersCreateEvents: true });
    expect(setting.statusCode).toBe(200);
    expect(setting.json().membersCreateEvents).toBe(true);
    const created = await mentor.client.post(base, cafe);
    expect(created.statusCode).toBe(201);
    const id = (created.json() as Event).id;
    // The organiser edits their own; another mentor may not.
    const other = await person(network, 'mentor', 'Petra Other');
    expect(errorCode(await other.client.patch(`${base}/${id}`, { title: 'Mine now' }))).toBe('FORBIDDEN');
    const renamed = await mentor.client.patch(`${base}/${id}`, { title: 'Café renamed' });
    expect(renamed.json()).toMatchObject({ title: 'Café renamed', sequence: 1 });
  });

  it('lets co-organisers, found by name among the members, edit the event', async () => {
    const { network, base, meta, mentor, other } = await eventsNetwork();
    // The picker searches the members by part of the name, any case ("%" and "_" taken literally).
    const found = await meta.client.get(`/api/networks/${network.slug}/members?q=ILAN&limit=20`);
    expect(found.statusCode).toBe(200);
    expect(found.json().members.map((m: { displayName: string }) => m.displayName)).toEqual(['Milan Mentor']);
    const none = await meta.client.get(`/api/networks/${network.slug}/members?q=%25`);
    expect(none.json().members).toEqual([]);

    const created = await meta.client.post(base, { ...cafe, organiserIds: [meta.id, mentor.id] });
    expect(created.statusCode).toBe(201);
    const event = created.json() as Event;
    expect(event.organisers.map((o) => o.displayName)).toEqual(['Milan Mentor', 'Olga Meta']);
    // The co-organiser sees they may edit it, and does; a member who is not one may not.
    expect((await mentor.client.get(`${base}/${event.id}`)).json().canEdit).toBe(true);
    expect((await other.client.get(`${base}/${event.id}`)).json().canEdit).toBe(false);
    const renamed = await mentor.client.patch(`${base}/${event.id}`, { title: 'Café together' });
    expect(renamed.json()).toMatchObject({ title: 'Café together' });
    expect(errorCode(await other.client.patch(`${base}/${event.id}`, { title: 'Mine' }))).toBe('FORBIDDEN');
    // Organisers are changed on the form too; someone outside the network cannot be one.
    const outsider = await buildUser(t.ctx, { displayName: 'Oscar Outside' });
    const refused = await meta.client.patch(`${base}/${event.id}`, { organiserIds: [outsider.id] });
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    const handed = await meta.client.patch(`${base}/${event.id}`, { organiserIds: [meta.id, other.id] });
    expect(handed.json().organisers.map((o: { displayName: string }) => o.displayName)).toEqual([
      'Nadia New',
      'Olga Meta',
    ]);
    expect(errorCode(await mentor.client.patch(`${base}/${event.id}`, { title: 'Again' }))).toBe('FORBIDDEN');
  });

  it('keeps a waiting list when full and moves the first waiting up when a place frees', async () => {
    const { network, base, meta, mentor, other } = await eventsNetwork();
    const id = (await meta.client.post(base, { ...cafe, capacity: 1 })).json().id as string;
    const url = `${base}/${id}`;
    expect((await rsvp(mentor.client, url, 'yes')).json()).toMatchObject({
      counts: { yes: 1, waiting: 0 },
      myRsvp: { response: 'yes', waiting: false, position: null },
    });
    const third = await person(network, 'mentor', 'Tara Third');
    expect(((await rsvp(other.client, url, 'yes')).json() as RsvpResult).myRsvp).toEqual({
      response: 'yes',
      waiting: true,
      position: 1,
    });
    expect(((await rsvp(third.client, url, 'yes')).json() as RsvpResult).myRsvp?.position).toBe(2);
    expect(((await third.client.get(url)).json() as Event).myRsvp).toEqual({
      response: 'yes',
      waiting: true,
      position: 2,
    });
    const freed = (await rsvp(mentor.client, url, 'no')).json() as RsvpResult;
    expect(freed.counts).toEqual({ yes: 1, maybe: 0, no: 1, waiting: 1 });
    const attendees = (await meta.client.get(`${url}/attendees`)).json() as Attendees;
    expect(attendees.attendees.map((a) => [a.user.displayName, a.response, a.waiting])).toEqual([
      ['Nadia New', 'yes', false],
      ['Tara Third', 'yes', true],
      ['Milan Mentor', 'no', false],
    ]);
    expect((await notificationsOf(t.ctx, other.id, 'event_place')).length).toBe(1);
    expect(errorCode(await mentor.client.get(`${url}/attendees`))).toBe('FORBIDDEN');
  });

  it('publishes the new RSVP counts to the network room', async () => {
    const { network, base, meta, mentor } = await eventsNetwork();
    const event = await buildEvent(t.ctx, network, meta.id);
    const recorder = recordEvents(t.ctx);
    try {
      await rsvp(mentor.client, `${base}/${event.id}`, 'maybe');
      expect(recorder.of('event.rsvp_changed')).toEqual([
        {
          room: `network:${network.id}`,
          event: expect.objectContaining({
            data: {
              networkId: network.id,
              networkSlug: network.slug,
              eventId: event.id,
              counts: { yes: 0, maybe: 1, no: 0, waiting: 0 },
            },
          }),
        },
      ]);
    } finally {
      recorder.stop();
    }
  });

  it('records attendance after the start only, and refuses answers to a cancelled event', async () => {
    const { network, base, meta, mentor } = await eventsNetwork();
    const past = await buildEvent(t.ctx, network, meta.id, {
      startsLocal: utcLocal(Date.now() - 86_400_000),
    });
    const future = await buildEvent(t.ctx, network, meta.id);
    const recorded = await meta.client.post(`${base}/${past.id}/attendance`, { attendedIds: [mentor.id] });
    expect(recorded.statusCode).toBe(200);
    expect((recorded.json() as Attendees).attendance[0]?.userIds).toEqual([mentor.id]);
    expect(errorCode(await meta.client.post(`${base}/${future.id}/attendance`, { attendedIds: [] }))).toBe(
      'EVENT_NOT_STARTED',
    );
    await rsvp(mentor.client, `${base}/${future.id}`, 'yes');
    const cancelled = await meta.client.post(`${base}/${future.id}/cancel`, { reason: 'Room closed' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect((await notificationsOf(t.ctx, mentor.id, 'event_cancelled')).length).toBe(1);
    expect(errorCode(await rsvp(mentor.client, `${base}/${future.id}`, 'yes'))).toBe('EVENT_CLOSED');
  });

  it('ticks the roadmap meeting steps from meetings with recorded attendance', async () => {
    const { network, base, meta, mentor } = await eventsNetwork();
    const start = Date.now() - 21 * 86_400_000;
    const series = await buildEvent(t.ctx, network, meta.id, {
      startsLocal: utcLocal(start),
      recurrence: WEEKLY,
    });
    const steps = async () => {
      const roadmap = (await meta.client.get(`/api/networks/${network.slug}/roadmap`)).json() as {
        phases: { steps: { id: string; done: boolean; doneOn: string | null }[] }[];
      };
      const all = roadmap.phases.flatMap((p) => p.steps);
      return Object.fromEntries(
        ['kickoff_meeting_held', 'exchange_meeting_held'].map((id) => [
          id,
          all.find((s) => s.id === id)?.doneOn ?? null,
        ]),
      );
    };
    expect(await steps()).toEqual({ kickoff_meeting_held: null, exchange_meeting_held: null });
    for (const week of [0, 1, 2]) {
      const occurrence = utcLocal(start + week * 7 * 86_400_000);
      const res = await meta.client.post(`${base}/${series.id}/attendance`, {
        occurrence,
        attendedIds: [mentor.id],
      });
      expect(res.statusCode).toBe(200);
      if (week === 0) expect((await steps()).kickoff_meeting_held).toBe(occurrence.slice(0, 10));
    }
    expect(await steps()).toEqual({
      kickoff_meeting_held: utcLocal(start).slice(0, 10),
      exchange_meeting_held: utcLocal(start + 14 * 86_400_000).slice(0, 10),
    });
  });

  it('gives valid iCalendar: stable UID, SEQUENCE on change, VTIMEZONE, RRULE, EXDATE, cancelled occurrences', async () => {
    const { base, meta, mentor } = await eventsNetwork();
    const id = (await meta.client.post(base, cafe)).json().id as string;
    const first = parseFeed((await mentor.client.get(`${base}/${id}.ics`)).body);
    const [master] = first.events;
    expect(master?.getFirstPropertyValue('uid')).toBe(`${id}@mentornet`);
    expect(master?.getFirstPropertyValue('sequence')).toBe(0);
    expect(first.calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Berlin',
    );
    expect(String(master?.getFirstPropertyValue('rrule'))).toContain('FREQ=MONTHLY');

    // March is removed (EXDATE), April cancelled (STATUS:CANCELLED), the title changes.
    await meta.client.request('PUT', `${base}/${id}/occurrences/2030-03-05T18:00`, { state: 'removed' });
    await meta.client.request('PUT', `${base}/${id}/occurrences/2030-04-02T18:00`, { state: 'cancelled' });
    // June moves to the Wednesday, an hour later (RECURRENCE-ID names the date it replaces).
    await meta.client.request('PUT', `${base}/${id}/occurrences/2030-06-04T18:00`, {
      state: 'scheduled',
      startsLocal: '2030-06-05T19:00',
      endsLocal: '2030-06-05T21:00',
    });
    await meta.client.patch(`${base}/${id}`, { title: 'Mentor café (new name)' });
    // The event page offers its next dates to choose from: March removed, April cancelled.
    const page = (await meta.client.get(`${base}/${id}`)).json() as Event;
    expect(page.upcoming).toHaveLength(12);
    expect(page.upcoming.slice(0, 3).map((o) => `${o.startsLocal} ${o.state}`)).toEqual([
      '2030-02-05T18:00 scheduled',
      '2030-04-02T18:00 cancelled',
      '2030-05-07T18:00 scheduled',
    ]);
    const res = await mentor.client.get(`${base}/${id}.ics`);
    expect(res.headers['content-type']).toContain('text/calendar');
    const second = parseFeed(res.body);
    const again = second.events.find((e) => !e.hasProperty('recurrence-id'));
    expect(again?.getFirstPropertyValue('uid')).toBe(`${id}@mentornet`);
    expect(again?.getFirstPropertyValue('sequence')).toBe(4);
    expect(again?.getFirstPropertyValue('summary')).toBe('Mentor café (new name)');
    expect(String(again?.getFirstPropertyValue('exdate'))).toContain('2030-03-05T18:00:00');
    const overrides = second.events.filter((e) => e.hasProperty('recurrence-id'));
    const byDate = (date: string) =>
      overrides.find((e) => String(e.getFirstPropertyValue('recurrence-id')).startsWith(date));
    expect(overrides).toHaveLength(2);
    expect(byDate('2030-04-02')?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byDate('2030-04-02')?.getFirstPropertyValue('uid')).toBe(`${id}@mentornet`);
    const moved = byDate('2030-06-04');
    expect(moved?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(moved?.getFirstPropertyValue('recurrence-id'))).toBe('2030-06-04T18:00:00');
    // Berlin summer time: 19:00 there is 17:00 UTC.
    expect(new ICAL.Event(moved as ICAL.Component).startDate.toJSDate().toISOString()).toBe(
      '2030-06-05T17:00:00.000Z',
    );
    // ical.js expands the series: February, then (March removed) April, May (after the March DST change).
    const expanded = new ICAL.Event(again as ICAL.Component);
    const iterator = expanded.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 3; next = iterator.next()) {
      if (again?.getAllProperties('exdate').some((p) => String(p.getFirstValue()) === next?.toString()))
        continue;
      starts.push(next.toJSDate().toISOString());
    }
    expect(starts[0]).toBe('2030-02-05T17:00:00.000Z');
    expect(starts).toContain('2030-04-02T16:00:00.000Z');
    expect(starts).not.toContain('2030-03-05T17:00:00.000Z');
  });

  it('serves a personal feed of all my networks at a secret address that can be renewed', async () => {
    const { base, meta, mentor } = await eventsNetwork();
    const second = await buildNetwork(t.ctx);
    await buildMember(t.ctx, second, { role: 'mentor', user: mentor.user });
    const secondMeta = await buildMember(t.ctx, second, { role: 'meta_mentor' });
    await meta.client.post(base, cafe);
    await buildEvent(t.ctx, second, secondMeta.id, { title: 'Weekly walk', recurrence: WEEKLY });
    // Not a network of mine: not in my feed.
    await buildEvent(t.ctx, await buildNetwork(t.ctx), secondMeta.id, { title: 'Elsewhere' });
    const feed = (await mentor.client.get('/api/me/calendar-feed')).json() as CalendarFeed;
    expect((await mentor.client.get('/api/me/calendar-feed')).json()).toEqual(feed);
    const path = new URL(feed.url).pathname;
    const anonymous = freshClient(t.app);
    const res = await anonymous.get(path);
    expect(res.statusCode).toBe(200);
    const parsed = parseFeed(res.body);
    expect(parsed.events.map((e) => e.getFirstPropertyValue('summary')).sort()).toEqual([
      'Mentor café',
      'Weekly walk',
    ]);
    const renewed = (await mentor.client.post('/api/me/calendar-feed')).json() as CalendarFeed;
    expect(renewed.url).not.toBe(feed.url);
    expect((await anonymous.get(path)).statusCode).toBe(404);
    expect((await anonymous.get(new URL(renewed.url).pathname)).statusCode).toBe(200);
  });

  it('reminds those who said yes or maybe 24 h and 1 h before, once each', async () => {
    const { network, base, meta, mentor, other } = await eventsNetwork();
    const startsAt = Date.now() + 30 * 3_600_000;
    const event = await buildEvent(t.ctx, network, meta.id, { startsLocal: utcLocal(startsAt) });
    await rsvp(mentor.client, `${base}/${event.id}`, 'yes');
    await rsvp(other.client, `${base}/${event.id}`, 'no');
    const start = Date.parse(`${utcLocal(startsAt)}:00Z`);
    expect(await runReminders(t.ctx, start - 25 * 3_600_000)).toBe(0);
    expect(await runReminders(t.ctx, start - 23 * 3_600_000)).toBe(1);
    expect(await runReminders(t.ctx, start - 22 * 3_600_000)).toBe(0);
    expect(await runReminders(t.ctx, start - 30 * 60_000)).toBe(1);
    expect((await notificationsOf(t.ctx, mentor.id, 'event_reminder')).length).toBe(2);
    expect((await notificationsOf(t.ctx, other.id, 'event_reminder')).length).toBe(0);
  });

  it('puts the reminders of several events due together into one mail', async () => {
    const { network, base, meta, mentor } = await eventsNetwork();
    await mentor.client.request('PUT', '/api/me/notification-preferences', {
      email: { events: 'immediate' },
    });
    const startsLocal = utcLocal(Date.now() + 30 * 3_600_000);
    const ids: string[] = [];
    for (const title of ['Fictional walk', 'Fictional reading circle']) {
      const event = await buildEvent(t.ctx, network, meta.id, { startsLocal, title });
      await rsvp(mentor.client, `${base}/${event.id}`, 'yes');
      ids.push(event.id);
    }
    await t.ctx.jobs.drain();
    const before = (await mailsTo(t.ctx, mentor.user.email)).length;
    const start = Date.parse(`${startsLocal}:00Z`);
    expect(await runReminders(t.ctx, start - 23 * 3_600_000)).toBe(2);
    // One mail job for the person, queued once both reminders are written.
    const jobs = await t.ctx.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'notifications.mail')
      .where('status', '=', 'pending')
      .execute();
    expect(jobs.filter((j) => j.payload.includes(mentor.id))).toHaveLength(1);
    await t.ctx.jobs.drain();
    const mails = (await mailsTo(t.ctx, mentor.user.email)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Fictional walk');
    expect(mails[0]?.text).toContain('Fictional reading circle');
  });

  it('sends reminders when due with the daily digest chosen, never held for the digest', async () => {
    const { network, base, meta, mentor, other } = await eventsNetwork();
    // The mentor keeps the default (daily digest) for events; the other turned event e-mail off.
    expect((await mentor.client.get('/api/me/notification-preferences')).json().email.events).toBe('daily');
    await other.client.request('PUT', '/api/me/notification-preferences', { email: { events: 'off' } });
    const startsLocal = utcLocal(Date.now() + 30 * 3_600_000);
    for (const title of ['Fictional harbour walk', 'Fictional poetry evening']) {
      const event = await buildEvent(t.ctx, network, meta.id, { startsLocal, title });
      await rsvp(mentor.client, `${base}/${event.id}`, 'yes');
      await rsvp(other.client, `${base}/${event.id}`, 'maybe');
    }
    await t.ctx.jobs.drain();
    const before = (await mailsTo(t.ctx, mentor.user.email)).length;
    const otherBefore = (await mailsTo(t.ctx, other.user.email)).length;
    const start = Date.parse(`${startsLocal}:00Z`);

    // 23 hours before: both reminders due in one run, one mail at once (not in the next digest).
    // (Reminders of other tests' events may be due in the same run.)
    expect(await runReminders(t.ctx, start - 23 * 3_600_000)).toBeGreaterThanOrEqual(4);
    const reminders = await notificationsOf(t.ctx, mentor.id, 'event_reminder');
    expect(reminders.map((n: { email: string }) => n.email)).toEqual(['immediate', 'immediate']);
    expect(
      (await notificationsOf(t.ctx, other.id, 'event_reminder')).map((n: { email: string }) => n.email),
    ).toEqual(['off', 'off']);
    await t.ctx.jobs.drain();
    let mails = (await mailsTo(t.ctx, mentor.user.email)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Fictional harbour walk');
    expect(mails[0]?.text).toContain('Fictional poetry evening');
    expect(await mailsTo(t.ctx, other.user.email)).toHaveLength(otherBefore);

    // The digest that follows does not send them again.
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .where('kind', '=', 'notifications.digest')
      .where('status', '=', 'pending')
      .execute();
    await t.ctx.jobs.drain();
    expect((await mailsTo(t.ctx, mentor.user.email)).slice(before)).toHaveLength(1);

    // Half an hour before: the 1-hour reminders, again one mail when due.
    expect(await runReminders(t.ctx, start - 30 * 60_000)).toBeGreaterThanOrEqual(4);
    expect(await notificationsOf(t.ctx, mentor.id, 'event_reminder')).toHaveLength(4);
    await t.ctx.jobs.drain();
    mails = (await mailsTo(t.ctx, mentor.user.email)).slice(before);
    expect(mails).toHaveLength(2);
    expect(await mailsTo(t.ctx, other.user.email)).toHaveLength(otherBefore);
  });
});
