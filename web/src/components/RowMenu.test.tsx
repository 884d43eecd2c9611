import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nextMenuIndex, RowMenu } from './RowMenu.tsx';

const items = [
  { label: 'Mark: the mail came back', onSelect: () => {} },
  { label: 'Remove', onSelect: () => {} },
];

describe('RowMenu', () => {
  it('is a labelled menu button, closed at first, with no status-like label in the row', () => {
    const html = renderToStaticMarkup(<RowMenu label="Actions for Mira Sample" items={items} />);
    expect(html).toContain('aria-haspopup="menu"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-label="Actions for Mira Sample"');
    expect(html).not.toContain('role="menu"');
    expect(html).not.toContain('Mark: the mail came back');
    expect(html).not.toContain('badge');
  });

  it('lists the actions as menu items when open, only the active one in the tab order', () => {
    const html = renderToStaticMarkup(<RowMenu label="Actions for Mira Sample" items={items} defaultOpen />);
    expect(html).toContain('aria-expanded="true"');
    expect(html).toMatch(/role="menu" aria-label="Actions for Mira Sample"/);
    expect(html.match(/role="menuitem"/g)).toHaveLength(2);
    expect(html).toMatch(/role="menuitem" tabindex="0"[^>]*>Mark: the mail came back/);
    expect(html).toMatch(/role="menuitem" tabindex="-1"[^>]*>Remove/);
  });

  it('moves through the items with the arrow keys, wrapping, and Home/End', () => {
    expect(nextMenuIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextMenuIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextMenuIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextMenuIndex('Home', 2, 3)).toBe(0);
    expect(nextMenuIndex('End', 0, 3)).toBe(2);
    expect(nextMenuIndex('a', 0, 3)).toBeNull();
  });
});
