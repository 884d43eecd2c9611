import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../../common/contracts/networks.ts';
import type { VolunteerRecord } from '../../../../common/contracts/volunteer-records.ts';
import ar from '../../../../common/i18n/ar.json';
import de from '../../../../common/i18n/de.json';
import en from '../../../../common/i18n/en.json';
import { networkKeys } from '../networks/api.ts';
import {
  CheckForm,
  TrainingForm,
  validateCheck,
  validateCommitment,
  validateTraining,
} from './RecordForms.tsx';
import { RecordDetails, type RecordEditor } from './RecordPage.tsx';
import { RetentionSection } from './RetentionSection.tsx';
import { HandoverFields, StatusSection } from './StatusSection.tsx';

const catalogues = { en, de, ar };

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

const render = (node: ReactNode, lng: keyof typeof catalogues = 'en') =>
  renderToStaticMarkup(<I18nextProvider i18n={translator(lng)}>{node}</I18nextProvider>);

const active: VolunteerRecord = {
  userId: 'u1',
  displayName: 'Lea Leaving',
  status: { state: 'active', leaveUntil: null, leftOn: null, purgeOn: null, handover: null },
  handoverOptions: { menteeCodes: ['M-7'], helpRequests: [{ id: 'h1', title: 'Housing question' }] },
  trainings: [{ id: 't1', title: 'First aid', completedOn: '2026-02-01', source: 'manual' }],
  checks: [{ id: 'c1', kind: 'Good conduct', seenOn: '2025-01-10', validUntil: '2026-01-10', valid: false }],
  commitment: { hoursPerWeek: 3, until: '2027-06-30' },
  canManage: true,
};
const receivers = [{ userId: 'u2', displayName: 'Tarik Taker' }];
const noop = () => undefined;
const saved = () => Promise.resolve();
const section = (record: VolunteerRecord, lng: keyof typeof catalogues = 'en') =>
  render(
    <StatusSection
      record={record}
      receivers={receivers}
      pending={false}
      error={null}
      today="2026-12-06"
      onLeave={saved}
      onReturn={saved}
      onDepart={saved}
    />,
    lng,
  );

describe('volunteer record page', () => {
  it('offers staff the leave date and the departure for an active member, both confirmed in a dialog', () => {
    const html = section(active);
    expect(html).toContain('>Active<');
    expect(html).toContain('type="date"');
    expect(html).toContain('min="2026-12-06"');
    expect(html).toContain('>Put on leave<');
    expect(html).toContain('>Record departure<');
    expect(html).toContain('<dialog');
    expect(html).not.toContain('>Back from leave<');
  });

  it('offers one action to come back while on leave, and none to a member reading their own record', () => {
    const onLeave: VolunteerRecord = {
      ...active,
      status: { ...active.status, state: 'on_leave', leaveUntil: '2027-01-15' },
    };
    const html = section(onLeave);
    expect(html).toContain('On leave until January 15, 2027');
    expect(html).toContain('>Back from leave<');
    expect(html).not.toContain('type="date"');
    const own = section({ ...onLeave, canManage: false, handoverOptions: null });
    expect(own).toContain('On leave until');
    expect(own).not.toContain('<button');
  });

  it('shows who took over what after a departure and when the records go', () => {
    const left: VolunteerRecord = {
      ...active,
      handoverOptions: null,
      status: {
        state: 'left',
        leaveUntil: null,
        leftOn: '2026-12-06',
        purgeOn: '2027-12-06',
        handover: {
          menteeCodes: [{ code: 'M-7', toUserId: 'u2' }],
          helpRequests: [{ id: 'h1', toUserId: 'u2' }],
          note: 'Moved away.',
        },
      },
    };
    const html = section(left);
    expect(html).toContain('Left on December 6, 2026');
    expect(html).toContain('The records will be deleted on December 6, 2027.');
    expect(html).toContain('Mentee code \u2068M-7\u2069 → \u2068Tarik Taker\u2069');
    expect(html).toContain('Help request → \u2068Tarik Taker\u2069');
    expect(html).toContain('Moved away.');
    expect(html).not.toContain('Record departure');
    expect(html).not.toContain('<button');
  });

  it('asks for a receiver of each mentee code and open help request, and the note, in German and Arabic', () => {
    const fields = (lng: keyof typeof catalogues) =>
      render(
        <HandoverFields
          record={active}
          options={[
            { value: '', label: 'x' },
            ...receivers.map((r) => ({ value: r.userId, label: r.displayName })),
          ]}
          handover={{ 'code:M-7': 'u2' }}
          onPick={noop}
          note=""
          onNote={noop}
        />,
        lng,
      );
    const de_ = fields('de');
    expect(de_).toContain('Mentee-Kürzel \u2068M-7\u2069');
    expect(de_).toContain('Hilfeanfrage „\u2068Housing question\u2069“');
    expect(de_).toContain('Notiz für die Buddys');
    expect(de_).toMatch(/<option value="u2" selected="">Tarik Taker<\/option>/);
    const ar_ = fields('ar');
    expect(ar_).toContain('رمز المستفيد \u2068M-7\u2069');
    expect(ar_).toContain('ملاحظة للرفاق');
  });

  it('lists training, checks (an expired one marked) and the commitment', () => {
    const html = render(<RecordDetails record={active} />);
    expect(html).toContain('First aid');
    expect(html).toContain('valid until January 10, 2026');
    expect(html).toContain('>expired<');
    expect(html).toContain('3 hours a week until June 30, 2027');
    const german = render(<RecordDetails record={active} />, 'de');
    expect(german).toContain('3 Stunden pro Woche bis 30. Juni 2027');
    const arabic = render(<RecordDetails record={active} />, 'ar');
    expect(arabic).toContain('منتهية');
  });

  it('shows the retention period in the network settings to staff only, in German', () => {
    const client = new QueryClient();
    const network = { slug: 'net' } as Network;
    client.setQueryData([...networkKeys.detail('net'), 'record-settings'], { retentionMonths: 18 });
    const html = (enabled: boolean) =>
      render(
        <QueryClientProvider client={client}>
          <RetentionSection network={network} enabled={enabled} />
        </QueryClientProvider>,
        'de',
      );
    expect(html(true)).toContain('Monate, die die Akte eines ausgetretenen Mitglieds aufbewahrt wird');
    expect(html(true)).toContain('value="18"');
    expect(html(false)).toBe('');
  });

  const editor: RecordEditor = {
    addTraining: saved,
    addCheck: saved,
    updateTraining: saved,
    updateCheck: saved,
    setCommitment: saved,
    remove: saved,
  };

  it('gives staff the forms for training, checks and commitment, and removal of what staff added', () => {
    const record: VolunteerRecord = {
      ...active,
      trainings: [
        ...active.trainings,
        { id: 'mooc:s1', title: 'Mentoring basics', completedOn: '2026-03-01', source: 'mooc' },
      ],
    };
    const html = render(<RecordDetails record={record} editor={editor} />);
    expect(html).toContain('>Add training<');
    expect(html).toContain('name="completedOn"');
    expect(html).toContain('>Add a check<');
    expect(html).toContain('never upload the document');
    expect(html).toContain('name="validUntil"');
    expect(html).not.toContain('type="file"');
    expect(html).toContain('>Change the commitment<');
    expect(html).toMatch(/name="hoursPerWeek"[^>]*value="3"|value="3"[^>]*name="hoursPerWeek"/);
    expect(html).toMatch(/name="until"[^>]*value="2027-06-30"|value="2027-06-30"[^>]*name="until"/);
    expect(html).toContain('>Clear commitment<');
    // The manual training and the check can be removed, the MOOC session cannot.
    expect(html).toContain('aria-label="Remove the training \u2068First aid\u2069"');
    expect(html).toContain('aria-label="Remove the check \u2068Good conduct\u2069"');
    expect(html).not.toContain('Remove the training \u2068Mentoring basics\u2069');
    expect(html).toContain('aria-label="Edit the training \u2068First aid\u2069"');
    expect(html).toContain('aria-label="Edit the check \u2068Good conduct\u2069"');
    expect(html).not.toContain('Edit the training \u2068Mentoring basics\u2069');
    expect(html).toContain('>MOOC<');
    expect(html).toContain('<dialog');
  });

  it('shows the record without forms to the member, and none after a departure', () => {
    const own = render(<RecordDetails record={{ ...active, canManage: false }} editor={editor} />);
    expect(own).toContain('First aid');
    expect(own).not.toContain('<form');
    expect(own).not.toContain('<button');
    const left: VolunteerRecord = {
      ...active,
      status: { ...active.status, state: 'left', leftOn: '2026-12-01', purgeOn: '2027-12-01' },
    };
    expect(render(<RecordDetails record={left} editor={editor} />)).not.toContain('<form');
  });

  it('says what is missing in each empty section, and offers to agree a commitment, in German and Arabic', () => {
    const empty: VolunteerRecord = { ...active, trainings: [], checks: [], commitment: null };
    const de_ = render(<RecordDetails record={empty} editor={editor} />, 'de');
    expect(de_).toContain('Noch keine Schulung eingetragen.');
    expect(de_).toContain('Noch keine Nachweise eingetragen.');
    expect(de_).toContain('Noch keine Zusage vereinbart.');
    expect(de_).toContain('>Zusage vereinbaren<');
    expect(de_).not.toContain('Zusage löschen');
    const ar_ = render(<RecordDetails record={empty} editor={editor} />, 'ar');
    expect(ar_).toContain('لم يُسجَّل أي تدريب بعد.');
    expect(ar_).toContain('إضافة وثيقة تحقق');
  });

  it('checks the forms as the server does, with messages in every catalogue', () => {
    expect(validateTraining({ title: 'First aid', completedOn: '2026-02-01' })).toEqual({});
    expect(validateTraining({ title: ' x ', completedOn: '' })).toEqual({
      title: { key: 'records.error_length', values: { min: 2, max: 200 } },
      completedOn: { key: 'records.error_date' },
    });
    expect(validateTraining({ title: 'y'.repeat(201), completedOn: '2026-02-01' }).title).toBeDefined();
    expect(validateCheck({ kind: 'Good conduct', seenOn: '2026-01-10', validUntil: '' })).toEqual({});
    expect(validateCheck({ kind: 'Good conduct', seenOn: '2026-01-10', validUntil: '2026-01-10' })).toEqual(
      {},
    );
    expect(validateCheck({ kind: 'Good conduct', seenOn: '2026-01-10', validUntil: '2026-01-09' })).toEqual({
      validUntil: { key: 'records.error_valid_before_seen' },
    });
    expect(validateCheck({ kind: 'G', seenOn: '', validUntil: '' })).toEqual({
      kind: { key: 'records.error_length', values: { min: 2, max: 120 } },
      seenOn: { key: 'records.error_date' },
    });
    expect(validateCommitment({ hours: '2.5' })).toEqual({});
    expect(validateCommitment({ hours: '60' })).toEqual({});
    for (const hours of ['', '0', '0.4', '61', 'abc']) {
      expect(validateCommitment({ hours })).toEqual({ hours: { key: 'records.error_hours' } });
    }
    expect(translator('de').t('records.error_length', { min: 2, max: 200 })).toBe(
      'Geben Sie zwischen 2 und 200 Zeichen ein.',
    );
    expect(translator('ar').t('records.error_hours')).toContain('60');
    for (const key of [
      'records.error_length',
      'records.error_date',
      'records.error_valid_before_seen',
      'records.error_hours',
    ]) {
      for (const lng of ['en', 'de', 'ar'] as const) expect(translator(lng).exists(key)).toBe(true);
    }
  });

  it('opens an entry to correct with its values, to save or cancel, in German', () => {
    const training = render(
      <TrainingForm
        initial={{ title: 'First aid', completedOn: '2026-02-01' }}
        onSave={saved}
        onClose={noop}
      />,
      'de',
    );
    expect(training).toContain('>Schulung korrigieren<');
    expect(training).toContain('value="First aid"');
    expect(training).toContain('value="2026-02-01"');
    expect(training).toContain('>Änderungen speichern<');
    expect(training).toContain('>Abbrechen<');
    const check = render(
      <CheckForm
        initial={{ kind: 'Good conduct', seenOn: '2025-01-10', validUntil: '2026-01-10' }}
        onSave={saved}
        onClose={noop}
      />,
    );
    expect(check).toContain('>Correct the check<');
    expect(check).toContain('value="Good conduct"');
    expect(check).toContain('min="2025-01-10"');
    expect(check).toContain('value="2026-01-10"');
    // Adding: empty fields and no Cancel.
    const adding = render(<CheckForm onSave={saved} />);
    expect(adding).toContain('>Add check<');
    expect(adding).not.toContain('>Cancel<');
  });
});
