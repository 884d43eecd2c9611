/**
 * A calendar day (YYYY-MM-DD) as a Date at noon local time, so that formatting it never shows
 * the day before or after in time zones west or east of UTC.
 */
export function calendarDay(day: string): Date {
  return new Date(`${day}T12:00:00`);
}

/** Today as YYYY-MM-DD in the viewer's time zone (the default of date fields). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
