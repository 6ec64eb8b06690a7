/** The URL search params of the state reports page (/statenrapporten?cycleId=…): the cycle to make a report for. */
export interface StateReportsSearch {
  cycleId?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateStateReportsSearch(s: Record<string, unknown>): StateReportsSearch {
  return { cycleId: typeof s.cycleId === 'string' && UUID.test(s.cycleId) ? s.cycleId : undefined };
}
