import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResourceSummary } from '../../../../common/contracts/resources.ts';
import { formatMoment } from '../../lib/format.ts';
import { shownName } from '../../lib/people.ts';
import { resourceKindLabel } from './labels.ts';
import { OriginNote } from '../partners/ShareWithPartnersField.tsx';

/** One resource in a list: its title as the link, kind, excerpt, who changed it when, its tags. */
export function ResourceRow({ slug, resource }: { slug: string; resource: ResourceSummary }) {
  const { t, i18n } = useTranslation();
  const when = formatMoment(resource.updatedAt, i18n.language);
  return (
    <li className="row resource-row">
      <div className="row-main stack-tight">
        <p className="strong">
          <span className="badge">{resourceKindLabel(t, resource.kind)}</span>{' '}
          <Link to={`/networks/${slug}/resources/${resource.id}`} dir="auto">
            {resource.title}
          </Link>
        </p>
        {resource.excerpt && (
          <p className="small" dir="auto">
            {resource.excerpt}
          </p>
        )}
        <OriginNote origin={resource.origin} />
        <p className="muted small">
          {resource.updatedBy
            ? t('resources.updated_by', { name: `\u2068${shownName(t, resource.updatedBy)}\u2069`, when })
            : t('resources.updated_at', { when })}
        </p>
        {resource.tags.length > 0 && (
          <ul className="tags" aria-label={t('resources.tags')}>
            {resource.tags.map((tag) => (
              <li key={tag}>
                <Link to={`/networks/${slug}/resources?tag=${encodeURIComponent(tag)}`} dir="auto">
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
