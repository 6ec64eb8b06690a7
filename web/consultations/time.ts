/** Date-times of consultations are shown and entered in Dutch time (Europe/Amsterdam), wherever the browser is. */
export const TIME_ZONE = 'Europe/Amsterdam';

const partsFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(ms: number) {
  const p: Record<string, number> = {};
  for (const part of partsFmt.formatToParts(new Date(ms)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return p as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Minutes Amsterdam is ahead of UTC at that moment (60 in winter, 120 in summer). */
function offsetMinutes(ms: number): number {
  const w = wallClock(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** '2027-03-01T09:00' read as Amsterdam time → ISO timestamp (UTC); null when not a valid value. */
export function amsterdamToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let ms = guess - offsetMinutes(guess) * 60_000;
  ms = guess - offsetMinutes(ms) * 60_000;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** ISO timestamp → '2027-03-01T09:00' in Amsterdam time (for a datetime-local input). */
export function isoToAmsterdam(iso: string): string {
  const w = wallClock(new Date(iso).getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** A date-time for people, in Amsterdam time, in the UI's locale. */
export function formatAmsterdam(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}
