import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '../../../../common/audit-events.ts';
import ar from '../../../../common/i18n/ar.json';
import de from '../../../../common/i18n/de.json';
import el from '../../../../common/i18n/el.json';
import en from '../../../../common/i18n/en.json';
import it_ from '../../../../common/i18n/it.json';
import pl from '../../../../common/i18n/pl.json';
import uk from '../../../../common/i18n/uk.json';
import { auditSentence } from './audit-sentence.ts';

const catalogues = { en, de, it: it_, pl, el, ar, uk };

function translator(lng: keyof typeof catalogues): i18n {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { [lng]: { translation: catalogues[lng] } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

const person = (id: string, displayName: string) => ({ id, displayName, avatarUrl: null });
const entry = (
  action: string,
  details: Record<string, unknown> = {},
  actor = 'Mira Meta',
  subject = 'Nadia New',
) => ({
  id: '1',
  action,
  actor: person('a', actor),
  subject: person('s', subject),
  details,
  createdAt: '2026-12-01T09:00:00Z',
});
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

describe('audit sentences', () => {
  it('says who acted and on whom for every code, in every language, never the raw code', () => {
    for (const lng of Object.keys(catalogues) as (keyof typeof catalogues)[]) {
      const t = translator(lng).t;
      for (const code of AUDIT_EVENTS) {
        const sentence = auditSentence(t, entry(code, { role: 'mentor', title: 'Goal', version: 2 }));
        expect(sentence, `${lng} ${code}`).not.toContain(code);
        expect(sentence, `${lng} ${code}`).not.toContain('audit.events');
        expect(sentence, `${lng} ${code}`).toMatch(/Mira Meta|Nadia New/);
      }
    }
  });

  it('names the member who accepted an invitation as the one who joined', () => {
    const t = translator('en').t;
    // Recorded today: the member acted. Older rows named the inviter as actor; both read right.
    const joined = entry('member.joined', { via: 'invitation', role: 'mentor' }, 'Nadia New', 'Nadia New');
    expect(plain(auditSentence(t, joined))).toBe('Nadia New accepted an invitation and joined as Mentor');
    const older = entry('member.joined', { via: 'invitation', role: 'mentor' }, 'Mira Meta', 'Nadia New');
    expect(plain(auditSentence(t, older))).toBe('Nadia New accepted an invitation and joined as Mentor');
    expect(plain(auditSentence(t, entry('member.removed', { reason: 'x' })))).toBe(
      'Mira Meta removed Nadia New from the network',
    );
    expect(plain(auditSentence(t, entry('member.role_changed', { to: { role: 'office' } })))).toContain(
      'changed the role of Nadia New to',
    );
  });

  it('keeps names in their own direction and shows unknown codes as they are', () => {
    const t = translator('ar').t;
    expect(auditSentence(t, entry('goal.created', { title: 'Wohnungssuche' }))).toContain(
      '\u2068Wohnungssuche\u2069',
    );
    expect(auditSentence(t, entry('something.new'))).toBe('something.new');
  });
});
