import type { UseQueryResult } from '@tanstack/react-query';
import { Loading } from './Loading.tsx';
import { QueryError } from './QueryError.tsx';
import { ServerHtml } from './ServerHtml.tsx';

/** The server's rendering of a text being edited, under its own heading, busy while it refreshes. */
export function ServerPreview({
  id,
  heading,
  preview,
}: {
  id: string;
  heading: string;
  preview: UseQueryResult<{ html: string }>;
}) {
  return (
    <section className="card stack" aria-labelledby={id} aria-busy={preview.isFetching || undefined}>
      <h2 id={id}>{heading}</h2>
      {preview.isPending && <Loading />}
      {preview.isError && <QueryError error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && <ServerHtml html={preview.data.html} />}
    </section>
  );
}
