import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { platformSettingsKeys } from './api.ts';
import { SecuritySettingsSection } from './SecuritySettingsSection.tsx';
import { translator } from '../../test-support/render.tsx';

/** The section with the platform's setting already known. */
function render(requireSecondFactor: boolean, lng: 'en' | 'ar' = 'en') {
  const client = new QueryClient();
  client.setQueryData(platformSettingsKeys.security, { requireSecondFactor });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={translator(lng)}>
        <SecuritySettingsSection />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const texts = en.platform_settings.security;

describe('the sign-in security settings of platform admins', () => {
  it('shows the switch in its state, described by the hint, with the confirmation closed', () => {
    const off = render(false);
    const input = off.match(/<input[^>]*>/)?.[0] ?? '';
    expect(input).toContain('type="checkbox"');
    expect(input).toContain('role="switch"');
    expect(input).not.toMatch(/\schecked=/);
    expect(input).toContain('aria-checked="false"');
    const hintId = input.match(/aria-describedby="([^"]+)"/)?.[1];
    expect(off).toContain(`<p id="${hintId}" class="muted">${texts.hint}</p>`);
    expect(off).toContain(texts.require_second_factor);
    // The question is asked only after the switch is flipped.
    expect(off).toMatch(/<dialog(?![^>]*\bopen\b)[^>]*>/);
    const on = render(true).match(/<input[^>]*>/)?.[0];
    expect(on).toMatch(/\schecked=""/);
    expect(on).toContain('aria-checked="true"');
  });

  it('reads in Arabic', () => {
    const html = render(true, 'ar');
    expect(html).toContain(ar.platform_settings.security.title);
    expect(html).toContain(ar.platform_settings.security.require_second_factor);
    expect(html).not.toContain(texts.title);
  });
});
