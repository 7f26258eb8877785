const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in England as `YYYY-MM-DD`: statutory dates are English dates, whatever the server's zone. */
export function todayInEngland(now: Date = new Date()): string {
  return londonDate.format(now);
}
