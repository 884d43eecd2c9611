import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

interface PageHeadingProps {
  title: string;
  children?: ReactNode;
  /** The title is user-written (a topic, a person, a network): it keeps its own direction. */
  userText?: boolean;
}

/**
 * The page's <h1>. It names the document and, after a client-side navigation, takes the focus
 * so that keyboard and screen-reader users start at the new page instead of the old link.
 */
export function PageHeading({ title, children, userText = false }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  // The first location of a visit has the key "default"; later ones come from client-side navigation.
  const isNavigation = useLocation().key !== 'default';
  useEffect(() => {
    document.title = `${title} · mentorNET`;
  }, [title]);
  useEffect(() => {
    if (isNavigation) ref.current?.focus();
  }, [isNavigation]);
  return (
    <h1 ref={ref} tabIndex={-1} dir={userText ? 'auto' : undefined}>
      {children ?? title}
    </h1>
  );
}
