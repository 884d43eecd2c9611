/** Someone shown as an author (see AuthorSummary in common/contracts/networks.ts). */
interface Shown {
  displayName: string;
  formerMember?: boolean;
}

/**
 * The name to show for an author: the translated "Former member" when their account was erased
 * (the flag from the server decides, not an empty name), else their name.
 */
export function shownName(t: (key: string) => string, person: Shown): string {
  return person.formerMember ? t('discussions.former_member') : person.displayName;
}
