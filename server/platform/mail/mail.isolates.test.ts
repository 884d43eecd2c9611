import { describe, expect, it } from 'vitest';
import { isolateText, renderMail } from './mail.templates.ts';

const site = { url: 'https://mentornet.test', name: 'mentorNET' };
const FSI = '\u2068';
const PDI = '\u2069';

describe('user text in plain-text mail', () => {
  it('is isolated, so that a German title keeps its direction in an Arabic mail', () => {
    const mail = renderMail(
      'ar',
      {
        name: 'announcement',
        params: {
          name: 'Jonas Müller',
          network: 'Mentoren Leipzig',
          author: 'Olga Koordination',
          title: 'Termin im Jobcenter?',
          text: 'Treffpunkt: Leipzig 04107.\nBitte pünktlich.',
          url: 'https://mentornet.test/networks/leipzig',
        },
      },
      site,
    );
    expect(mail.text).toContain(`${FSI}Jonas Müller${PDI}`);
    expect(mail.text).toContain(`${FSI}Olga Koordination${PDI}`);
    expect(mail.text).toContain(`${FSI}Mentoren Leipzig${PDI}`);
    expect(mail.text).toContain(`${FSI}Termin im Jobcenter?${PDI}`);
    // A line break ends an isolate: each line of a body is isolated on its own.
    expect(mail.text).toContain(`${FSI}Treffpunkt: Leipzig 04107.${PDI}\n${FSI}Bitte pünktlich.${PDI}`);
    // Links stay clickable and the subject stays as written.
    expect(mail.text).toContain('\nhttps://mentornet.test/networks/leipzig');
    expect(mail.subject).not.toMatch(/[\u2068\u2069]/);
    // The HTML mail isolates the same text in <bdi dir="auto">, escaped, with no isolate characters.
    expect(mail.html).not.toMatch(/[\u2068\u2069\uE010\uE011]/);
    expect(mail.html).toContain('<bdi dir="auto">Jonas Müller</bdi>');
    expect(mail.html).toContain('<bdi dir="auto">Termin im Jobcenter?</bdi>');
    expect(mail.html).toContain(
      '<bdi dir="auto">Treffpunkt: Leipzig 04107.</bdi>\n<bdi dir="auto">Bitte pünktlich.</bdi>',
    );
  });

  it('isolates the actors, titles and networks of a notification digest', () => {
    const mail = renderMail(
      'ar',
      {
        name: 'notification_digest',
        params: {
          name: 'Layla',
          items: [
            {
              kind: 'mention',
              actor: 'Jonas Müller',
              network: 'Mentoren Leipzig',
              title: 'Wohnungssuche?',
              count: 1,
            },
            { kind: 'reply', actor: 'Anna', network: 'Mentoren Leipzig', title: 'Kita', count: 2 },
          ],
          url: 'https://mentornet.test/notifications',
          unsubscribeUrl: 'https://mentornet.test/unsubscribe',
        },
      },
      site,
    );
    expect(mail.text).toContain(`${FSI}Wohnungssuche?${PDI}`);
    expect(mail.text).toContain(`${FSI}Jonas Müller${PDI}`);
    expect(mail.text).toContain(`\n\n${FSI}Mentoren Leipzig${PDI}\n• `);
  });

  it('never lets user text open markup in the HTML mail', () => {
    const mail = renderMail(
      'en',
      { name: 'verify', params: { name: '<b>Eve</b>\uE011<i>', url: 'https://mentornet.test/v', hours: 24 } },
      site,
    );
    expect(mail.html).toContain('<bdi dir="auto">&lt;b&gt;Eve&lt;/b&gt;&lt;i&gt;</bdi>');
  });

  it('leaves empty lines alone', () => {
    expect(isolateText('a\n\nb')).toBe(`${FSI}a${PDI}\n\n${FSI}b${PDI}`);
  });
});
