import { isHttpUrl } from './urls.ts';

/** Shared resources (PRODUCT C5): the kinds and the limits of a network's resource library. */
export const RESOURCE_KINDS = ['page', 'link', 'file'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_TITLE_MAX = 160;
export const RESOURCE_BODY_MAX = 100_000;
export const RESOURCE_SUMMARY_MAX = 200;
export const RESOURCE_URL_MAX = 2000;
export const RESOURCE_TAG_MAX = 40;
export const RESOURCE_TAGS_MAX = 12;
export const RESOURCE_REGION_MAX = 120;
/** At most this many resources are pinned in a network's "start here" list. */
export const START_HERE_MAX = 12;
/** Whether a link is absolute and uses a safe scheme (the shared web address rule). */
export function isSafeResourceUrl(value: string): boolean {
  return isHttpUrl(value);
}
