import { describe, expect, it } from 'vitest';
import { growth } from './scenarios.ts';

describe('growth (scenario 11)', () => {
  it('compares the scales as shares of the baseline measured beside each', () => {
    // The machine was a third slower during the large run: raw req/s would say 1.5, the shares 1.0.
    const [list, replies] = growth([
      { scenario: 'topic-list (small)', requestsPerSecond: 6000, baselineRps: 48000 },
      { scenario: 'topic-list (large)', requestsPerSecond: 4000, baselineRps: 32000 },
      { scenario: 'topic-replies (small)', requestsPerSecond: 6000, baselineRps: 40000 },
      { scenario: 'topic-replies (large)', requestsPerSecond: 3000, baselineRps: 40000 },
    ]);
    expect(list).toMatchObject({ scenario: 'growth topic-list', met: true });
    expect(list?.note).toBe('small/large, as shares of the baseline beside each = 1.00 (raw req/s 1.50)');
    expect(replies).toMatchObject({ scenario: 'growth topic-replies', met: false });
    expect(replies?.note).toMatch(/= 2\.00 /);
  });

  it('falls back to raw req/s without baselines and skips a scale that did not run', () => {
    const out = growth([
      { scenario: 'message-history (small)', requestsPerSecond: 5000 },
      { scenario: 'message-history (large)', requestsPerSecond: 4000 },
      { scenario: 'topic-list (small)', requestsPerSecond: 5000 },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ scenario: 'growth message-history', met: true });
    expect(out[0]?.note).toMatch(/= 1\.25 /);
  });
});
