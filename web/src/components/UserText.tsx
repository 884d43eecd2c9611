import type { ElementType, ReactNode } from 'react';

/**
 * Text a person wrote (a title, a name, an address, a body, a snippet): it keeps its own direction
 * inside a page of the other one — a German "Jobcenter?" stays "Jobcenter?" in Arabic, not
 * "?Jobcenter". Inline by default (<bdi>, isolated from the words around it); `as` names a block
 * element (a heading, a paragraph) that gets dir="auto" instead.
 */
export function UserText({
  children,
  as,
  className,
  id,
}: {
  children: ReactNode;
  as?: ElementType;
  className?: string;
  id?: string;
}) {
  const Tag = as ?? 'bdi';
  return (
    <Tag dir="auto" className={className} id={id}>
      {children}
    </Tag>
  );
}
