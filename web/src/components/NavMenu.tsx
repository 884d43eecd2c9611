import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { nextMenuIndex } from './RowMenu.tsx';

export interface NavMenuItem {
  label: string;
  /** A page to open; without it the item is an action (onSelect). */
  to?: string;
  end?: boolean;
  onSelect?: () => void;
  /** Extra class: e.g. hidden at widths where the entry is a tab of its own. */
  className?: string;
}

/** Whether a menu entry's page is the one shown (as NavLink decides it). */
export function isCurrentEntry(item: NavMenuItem, pathname: string): boolean {
  if (!item.to) return false;
  if (pathname === item.to) return true;
  return !item.end && pathname.startsWith(`${item.to}/`);
}

/** Splits navigation entries into the primary ones shown as tabs and the rest behind "More". */
export function splitEntries<T>(entries: readonly T[], primary: number): { tabs: T[]; more: T[] } {
  return { tabs: entries.slice(0, primary), more: entries.slice(primary) };
}

/**
 * The "More" entries of a navigation behind a menu button (WAI-ARIA menu button): Enter, Space or
 * ArrowDown open it on the first entry, arrows and Home/End move, Escape closes and gives focus
 * back, a click elsewhere closes. Entries hidden at this width (shown as tabs) are skipped.
 */
export function NavMenu({
  label,
  items,
  defaultOpen = false,
  className,
}: {
  label: string;
  items: NavMenuItem[];
  defaultOpen?: boolean;
  className?: string;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const current = items.find((item) => isCurrentEntry(item, pathname));

  // A new page closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not a value read.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const visibleItems = (): HTMLElement[] =>
    Array.from(rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []).filter(
      (node) => node.offsetParent !== null,
    );
  const focusAt = (index: 'first' | 'last') => {
    // After the render that shows the menu.
    requestAnimationFrame(() => {
      const nodes = visibleItems();
      (index === 'first' ? nodes[0] : nodes.at(-1))?.focus();
    });
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      focusAt(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    const nodes = visibleItems();
    const at = nodes.indexOf(document.activeElement as HTMLElement);
    const next = nextMenuIndex(event.key, at, nodes.length);
    if (next !== null) {
      event.preventDefault();
      nodes[next]?.focus();
    } else if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      event.preventDefault();
      document.activeElement.click();
    }
  };

  return (
    <div className={className ? `nav-menu ${className}` : 'nav-menu'} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="nav-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // "narrow": the current entry is a tab of its own on wide screens, so the button marks it only on narrow ones.
        data-current={
          current ? (current.className?.includes('nav-narrow-only') ? 'narrow' : 'all') : undefined
        }
        onClick={() => {
          setOpen(!open);
          if (!open) focusAt('first');
        }}
        onKeyDown={onButtonKey}
      >
        {current ? (
          <>
            {label}
            <span className={`nav-menu-current ${current.className ?? ''}`}>: {current.label}</span>
          </>
        ) : (
          label
        )}
        <span aria-hidden="true" className="nav-menu-caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          className="nav-menu-list"
          onKeyDown={onMenuKey}
          tabIndex={-1}
        >
          {items.map((item) => (
            <div key={item.label} role="none" className={item.className}>
              {item.to ? (
                <Link
                  to={item.to}
                  role="menuitem"
                  tabIndex={-1}
                  className="nav-menu-item"
                  aria-current={isCurrentEntry(item, pathname) ? 'page' : undefined}
                  onClick={() => setOpen(false)}
                >
                  {item.label}
                </Link>
              ) : (
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="nav-menu-item"
                  onClick={() => {
                    setOpen(false);
                    item.onSelect?.();
                  }}
                >
                  {item.label}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
