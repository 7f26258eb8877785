const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date (`YYYY-MM-DD`) and wall-clock time (`HH:MM`) of an instant in England. */
export function dateAndTimeInEngland(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant a date and time written in England refers to (GMT in winter, BST in summer). A time
 * that does not exist (the hour skipped in March) is read as the same time in GMT.
 */
export function instantInEngland(date: string, time: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = dateAndTimeInEngland(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return new Date(asUtc);
}
