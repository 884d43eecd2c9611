import { describe, expect, it } from 'vitest';
import type { NetworkHealth } from '../../../../common/contracts/network-health.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { renderPage } from '../../test-support/render.tsx';
import { DriftingList } from './HealthPage.tsx';

const health = (driftingNextCursor: string | null): NetworkHealth => ({
  full: true,
  from: '2026-09-14',
  to: '2026-12-05',
  rolledAt: null,
  goals: [],
  upcomingEvents: [],
  current: null,
  weeks: [],
  warnings: [],
  drifting: [
    { id: 'u1', displayName: 'Dana Drift (fictional)', lastActiveOn: '2026-10-20' },
    { id: 'u2', displayName: 'دانة (fictional)', lastActiveOn: '2026-10-19' },
  ],
  driftingNextCursor,
  settings: null,
});

describe('the drifting members on the dashboard', () => {
  it('lists the first ones and offers more only when the dashboard says more follow', () => {
    const withMore = renderPage(<DriftingList health={health('next')} slug="demo" />);
    expect(withMore).toContain('Dana Drift (fictional)');
    expect(withMore.match(/<li/g)).toHaveLength(2);
    expect(withMore).toContain(`>${en.common.load_more}</`);
    const more = renderPage(<DriftingList health={health('next')} slug="demo" />, 'ar');
    expect(more).toContain(`>${ar.common.load_more}</`);
    const all = renderPage(<DriftingList health={health(null)} slug="demo" />, 'ar');
    expect(all).toContain('دانة (fictional)');
    expect(all).not.toContain(ar.common.load_more);
  });
});
