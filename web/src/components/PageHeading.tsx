import { type ReactNode, useEffect, useRef } from 'react';

let isFirstPage = true;

interface PageHeadingProps {
  title: string;
  children?: ReactNode;
}

/**
 * The page's <h1>. It names the document and, after a client-side navigation, takes the focus
 * so that keyboard and screen-reader users start at the new page instead of the old link.
 */
export function PageHeading({ title, children }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · mentorNET`;
  }, [title]);
  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}
