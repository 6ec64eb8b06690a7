/** The kinds and statuses of commitments, as lists the router can use without loading zod. */
export const COMMITMENT_KINDS = ['toezegging', 'motie', 'pledge', 'cabinet_response_point'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_STATUSES = ['open', 'partly_done', 'done', 'lapsed', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
