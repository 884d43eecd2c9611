import { SUPPRESSION_THRESHOLD } from '../../../common/activities.ts';
import type { ReportCell } from '../../../common/contracts/reports.ts';

/**
 * Small-count suppression of impact reports, so that no mentee or mentor can be singled out:
 *
 * - Primary: a count from 1 to 2 is shown as "< 3" (a zero singles nobody out and stays 0). A row
 *   of activities (a month, a kind, a topic) with fewer than 3 mentors or 3 mentees behind it is
 *   withheld whole, hours included: its hours would be one or two people's hours.
 * - Secondary: when the rows of a group sum up to a total that is shown, the withheld rows
 *   together must still stand for at least 3 mentors, 3 mentees and 3 activities, else the total
 *   minus the shown rows would give a small row away. Further rows, smallest first, are withheld
 *   ("withheld") until that holds.
 */

export const BELOW_THRESHOLD = '< 3';
export const WITHHELD = 'withheld';

/** A single count as shown: 0, "< 3" or the count. */
export function countCell(count: number): ReportCell {
  return count > 0 && count < SUPPRESSION_THRESHOLD ? BELOW_THRESHOLD : count;
}

/** The activities behind one row of a report (or behind its totals). */
export interface ActivityGroupFacts {
  activities: number;
  minutes: number;
  /** Ids of the mentors who logged them. */
  mentors: Set<string>;
  /** Mentees, each as mentor id + the mentor's own code. */
  mentees: Set<string>;
}

export interface ActivityCells {
  activities: ReportCell;
  hours: ReportCell;
  mentees: ReportCell;
  mentors: ReportCell;
}

export function emptyFacts(): ActivityGroupFacts {
  return { activities: 0, minutes: 0, mentors: new Set(), mentees: new Set() };
}

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

function isSmall(facts: ActivityGroupFacts): boolean {
  if (facts.activities === 0) return false;
  return (
    facts.activities < SUPPRESSION_THRESHOLD ||
    facts.mentors.size < SUPPRESSION_THRESHOLD ||
    facts.mentees.size < SUPPRESSION_THRESHOLD
  );
}

function shown(facts: ActivityGroupFacts): ActivityCells {
  return {
    activities: facts.activities,
    hours: hoursOf(facts.minutes),
    mentees: facts.mentees.size,
    mentors: facts.mentors.size,
  };
}

function hidden(marker: typeof BELOW_THRESHOLD | typeof WITHHELD): ActivityCells {
  return { activities: marker, hours: marker, mentees: marker, mentors: marker };
}

/** The totals row: withheld whole when small. */
export function totalCells(facts: ActivityGroupFacts): ActivityCells {
  return isSmall(facts) ? hidden(BELOW_THRESHOLD) : shown(facts);
}

function union(rows: readonly ActivityGroupFacts[]): ActivityGroupFacts {
  const all = emptyFacts();
  for (const row of rows) {
    all.activities += row.activities;
    all.minutes += row.minutes;
    for (const m of row.mentors) all.mentors.add(m);
    for (const m of row.mentees) all.mentees.add(m);
  }
  return all;
}

/**
 * The cells of a group of rows whose total is shown: primary suppression of small rows, then
 * secondary suppression until the withheld rows together are not small.
 */
export function groupCells(rows: readonly ActivityGroupFacts[]): ActivityCells[] {
  const primary = rows.map(isSmall);
  const secondary = rows.map(() => false);
  const withheld = () => rows.filter((_, i) => primary[i] || secondary[i]);
  while (withheld().length > 0 && isSmall(union(withheld()))) {
    // The smallest row still shown (by activities) joins the withheld ones.
    let next = -1;
    rows.forEach((row, i) => {
      if (primary[i] || secondary[i] || row.activities === 0) return;
      if (next === -1 || row.activities < (rows[next] as ActivityGroupFacts).activities) next = i;
    });
    if (next === -1) break; // Nothing left to withhold: the total is small too, and withheld.
    secondary[next] = true;
  }
  return rows.map((row, i) =>
    primary[i] ? hidden(BELOW_THRESHOLD) : secondary[i] ? hidden(WITHHELD) : shown(row),
  );
}
