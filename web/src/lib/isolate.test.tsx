import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UserText } from '../components/UserText.tsx';
import { isolate, tIsolated } from './isolate.tsx';

// A stand-in translator: an Arabic sentence with two places, and a plural count.
const t = (key: string, values?: Record<string, unknown>) =>
  key === 'welcome'
    ? `مرحبًا، ${String(values?.name)}! ${String(values?.count)} رسائل في ${String(values?.network)}`
    : key;

describe('tIsolated', () => {
  it('puts each interpolated user text in its own <bdi dir="auto">, numbers stay plain', () => {
    const html = renderToStaticMarkup(
      <p>{tIsolated(t, 'welcome', { name: 'Jonas Müller', count: 3, network: 'Mentoren Leipzig?' })}</p>,
    );
    expect(html).toBe(
      '<p>مرحبًا، <bdi dir="auto">Jonas Müller</bdi>! 3 رسائل في <bdi dir="auto">Mentoren Leipzig?</bdi></p>',
    );
  });

  it('wraps strings that cannot hold markup in Unicode isolates', () => {
    expect(isolate('Leipzig 04107')).toBe('\u2068Leipzig 04107\u2069');
  });
});

describe('UserText', () => {
  it('isolates inline text in a <bdi dir="auto">, and gives a block element dir="auto"', () => {
    expect(renderToStaticMarkup(<UserText>Wohnungssuche?</UserText>)).toBe(
      '<bdi dir="auto">Wohnungssuche?</bdi>',
    );
    expect(renderToStaticMarkup(<UserText as="h1">Jobcenter?</UserText>)).toBe(
      '<h1 dir="auto">Jobcenter?</h1>',
    );
  });
});
