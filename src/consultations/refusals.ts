/**
 * Refused uploads count toward the hourly limit of an address, as saved submissions do: someone who
 * sends file after refused file (zip bombs, disguised programs, oversized parts) makes the server
 * unpack and inspect each one, so that work is limited too. Nothing of a refused upload is stored,
 * so the attempts are kept in memory (by the keyed hash of the address only), for one hour.
 */
import { nowIso } from '../core/dates.ts';

const WINDOW_MS = 3600_000;
/** Beyond this many addresses, the oldest are forgotten first (the memory stays bounded). */
const MAX_ADDRESSES = 10_000;

const refused = new Map<string, number[]>();

const now = () => Date.parse(nowIso());

function recent(hash: string, at: number): number[] {
  const times = (refused.get(hash) ?? []).filter((t) => t > at - WINDOW_MS);
  if (times.length === 0) refused.delete(hash);
  else refused.set(hash, times);
  return times;
}

/** Notes a refused upload of this address. */
export function noteRefusedUpload(hash: string): void {
  const at = now();
  const times = recent(hash, at);
  refused.delete(hash);
  refused.set(hash, [...times, at]);
  while (refused.size > MAX_ADDRESSES) refused.delete(refused.keys().next().value!);
}

/** The refused uploads of this address in the past hour: how many, and when the oldest was. */
export function refusedUploads(hash: string): { n: number; oldest: string | null } {
  const times = recent(hash, now());
  return { n: times.length, oldest: times.length ? new Date(times[0]!).toISOString() : null };
}
