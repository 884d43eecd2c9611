import i18next from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { NetworkOffice } from '../../../../common/contracts/office.ts';
import en from '../../../../common/i18n/en.json';
import { OfficeDetails } from './OfficeDetails.tsx';

const office: NetworkOffice = {
  contactEmail: 'office@network.example.org',
  contactPhone: null,
  address: null,
  onlineOnly: true,
  officeHours: 'Tue and Thu 10–13',
  updatedAt: '2026-12-01T10:00:00Z',
  staff: [
    { id: 'u1', displayName: 'Hanna Beispiel', role: 'office' },
    { id: 'u2', displayName: 'Omar Muster', role: 'meta_mentor' },
  ],
};

describe('OfficeDetails', () => {
  it('names who staffs the office with their roles and when they answer', () => {
    const instance = i18next.createInstance();
    instance.use(ICU).init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={instance}>
        <OfficeDetails office={office} />
      </I18nextProvider>,
    );
    expect(html).toContain('<bdi>Hanna Beispiel</bdi> <span class="muted small">(Network office)</span>');
    expect(html).toContain('<bdi>Omar Muster</bdi> <span class="muted small">(Meta-mentor)</span>');
    expect(html).toContain('They answer during the office hours: Tue and Thu 10–13');
  });
});
