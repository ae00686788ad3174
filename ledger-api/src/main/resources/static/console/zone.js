// Dates and times in the ledger's zone (LEDGER_ZONE), whatever zone the browser is in.

/** The offset of `zone` from UTC at `instantMs`, in milliseconds. */
function offsetAt(zone, instantMs) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const value = (type) => Number(parts.find((part) => part.type === type).value);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'),
    value('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant (ISO-8601, UTC) at which the wall clock in `zone` shows `date` (YYYY-MM-DD) and `time` (HH:MM or
 * HH:MM:SS); null when either does not parse.
 */
export function instantIn(zone, date, time) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec((time || '').trim());
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3] || 0) > 59) {
    return null;
  }
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] || 0));
  // Two rounds settle the offset also next to a change of offset (daylight saving, where the zone has it).
  let guess = wall - offsetAt(zone, wall);
  guess = wall - offsetAt(zone, guess);
  return new Date(guess).toISOString().replace('.000Z', 'Z');
}

/** An instant (ISO-8601) shown as the wall-clock date and time in `zone`: 2018-05-01 16:00:00. */
export function wallClock(zone, instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return String(instant);
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date);
  const value = (type) => parts.find((part) => part.type === type).value;
  return `${value('year')}-${value('month')}-${value('day')} ${value('hour')}:${value('minute')}:${value('second')}`;
}
