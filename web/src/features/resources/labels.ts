import type { TFunction } from 'i18next';
import type { ResourceKind } from '../../../../common/resources.ts';

export function resourceKindLabel(t: TFunction, kind: ResourceKind | string): string {
  const labels: Record<ResourceKind, string> = {
    page: t('resources.kind.page'),
    link: t('resources.kind.link'),
    file: t('resources.kind.file'),
  };
  return labels[kind as ResourceKind] ?? kind;
}
