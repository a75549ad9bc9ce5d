export type Role = 'reader' | 'admin';

/** Who is asking: a role from their API key, or null for an anonymous (public) caller. */
export interface Caller {
  role: Role | null;
}

/** May this caller see personal data (defendants' names)? Any valid key may. */
export function canSeeNames(caller: Caller): boolean {
  return caller.role !== null;
}
