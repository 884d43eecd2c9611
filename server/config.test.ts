import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('requires PUBLIC_URL with DATABASE_URL or several workers: every instance must build the same links', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/mentornet' })).toThrow(/PUBLIC_URL: required/);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/PUBLIC_URL: required/);
    expect(loadConfig({ WORKERS: '2', PUBLIC_URL: 'https://mentors.example.org/' }).publicUrl).toBe(
      'https://mentors.example.org',
    );
    // One process on the laptop keeps its default.
    expect(loadConfig({ PORT: '3001' }).publicUrl).toBe('http://localhost:3001');
  });

  it('names the platform by PLATFORM_NAME, else by the display name of MAIL_FROM, else mentorNET', () => {
    expect(loadConfig({}).platformName).toBe('mentorNET');
    expect(loadConfig({ MAIL_FROM: 'Mentoring Leipzig <no-reply@example.org>' }).platformName).toBe(
      'Mentoring Leipzig',
    );
    expect(loadConfig({ MAIL_FROM: '"Mentori Roma" <info@example.org>' }).platformName).toBe('Mentori Roma');
    expect(loadConfig({ MAIL_FROM: 'no-reply@example.org' }).platformName).toBe('mentorNET');
    expect(
      loadConfig({ MAIL_FROM: 'Mentoring Leipzig <no-reply@example.org>', PLATFORM_NAME: 'Brücken' })
        .platformName,
    ).toBe('Brücken');
  });
});
