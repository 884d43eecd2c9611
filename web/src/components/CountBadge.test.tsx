import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CountBadge } from './CountBadge.tsx';

describe('CountBadge', () => {
  it('shows nothing at zero, the count up to 99 and "99+" above, with the label for screen readers', () => {
    expect(renderToStaticMarkup(<CountBadge count={0} label="None" />)).toBe('');
    const some = renderToStaticMarkup(<CountBadge count={7} label="7 unread notifications" />);
    expect(some).toContain('<span aria-hidden="true">7</span>');
    expect(some).toContain('<span class="visually-hidden">7 unread notifications</span>');
    const many = renderToStaticMarkup(<CountBadge count={100} label="More than 99 unread notifications" />);
    expect(many).toContain('<span aria-hidden="true">99+</span>');
    expect(many).toContain('More than 99 unread notifications');
  });
});
