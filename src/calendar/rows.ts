/** Rows of the calendar tables and queries, as the database returns them (snake_case). */

export interface CalendarFeedRow {
  id: string;
  /** sha256 of the feed's token; the token itself is never stored. */
  token_hash: string;
  user_id: string | null;
  organisation_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** A feed as written to the audit trail: without its token hash. */
export type CalendarFeedRecord = Omit<CalendarFeedRow, 'token_hash'>;

/** The instrument facts the deadline list and the timeline show, with the lead organisation joined. */
export interface InstrumentInfoRow {
  id: string;
  code: string;
  short_name: string;
  name_nl: string;
  name_en: string;
  sort_order: number;
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
  lo_code: string | null;
  lo_name_nl: string | null;
  lo_name_en: string | null;
}

/** A feed looked up by its token, with its user or organisation. */
export interface FeedOwnerRow {
  user_id: string | null;
  organisation_id: string | null;
  user_name: string | null;
  user_org: string | null;
  org_code: string | null;
}
