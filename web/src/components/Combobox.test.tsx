import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Combobox, matchOptions } from './Combobox.tsx';

const options = [
  { value: 'de', label: 'Deutsch' },
  { value: 'tr', label: 'Türkisch' },
  { value: 'uk', label: 'Ukrainisch' },
  { value: 'ar', label: 'Arabisch' },
];

describe('matchOptions', () => {
  it('finds names that start with the text first, then names that contain it, ignoring case and accents', () => {
    expect(matchOptions(options, 'turk', 'de').map((o) => o.value)).toEqual(['tr']);
    expect(matchOptions(options, 'isch', 'de').map((o) => o.value)).toEqual(['tr', 'uk', 'ar']);
    expect(matchOptions(options, 'u', 'de').map((o) => o.value)).toEqual(['uk', 'de', 'tr']);
    expect(matchOptions(options, 'AR', 'de').map((o) => o.value)).toEqual(['ar']);
    expect(matchOptions(options, '  ', 'de')).toHaveLength(4);
  });
});

describe('Combobox', () => {
  it('is a labelled ARIA combobox controlling a list box, closed at first, sending the chosen value', () => {
    const html = renderToStaticMarkup(
      <Combobox label="Country" name="country" options={options} value="de" onChange={() => {}} />,
    );
    expect(html).toMatch(/<label for="([^"]+)">Country<\/label><input id="\1"/);
    expect(html).toContain('role="combobox"');
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toMatch(/aria-controls="([^"]+)"[\s\S]*<div id="\1"[^>]*role="listbox"/);
    expect(html).toContain('value="Deutsch"');
    expect(html).toContain('<input type="hidden" name="country" value="de"/>');
    expect(html).not.toContain('role="option"');
  });
});
