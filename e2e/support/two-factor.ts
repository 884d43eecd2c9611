import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';

/** The code an authenticator app shows for the secret, `steps` 30-second steps from now. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A six-digit code that is none of the codes the app shows around now. */
export function wrongCodeFor(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((s) => totpCode(secret, s)));
  for (let n = 1; ; n++) {
    const code = String((Number(totpCode(secret)) + n * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

/** Opens the sign-in page and sends the form with the e-mail address and the password. */
export async function submitPassword(
  page: Page,
  t: (key: string) => string,
  person: { email: string; password: string },
): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel(t('auth.email')).fill(person.email);
  await page.getByLabel(t('auth.password'), { exact: true }).fill(person.password);
  await page.getByRole('button', { name: t('auth.sign_in.submit'), exact: true }).click();
}
