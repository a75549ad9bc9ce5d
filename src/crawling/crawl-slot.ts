/** A time slot as used in job ids: no ':' (BullMQ reserves it), minute precision, UTC. */
export function crawlSlot(at: Date, prefix = ''): string {
  const s = at.toISOString().slice(0, 16).replace(/[-:]/g, '');
  return prefix ? `${prefix}-${s}` : s;
}
