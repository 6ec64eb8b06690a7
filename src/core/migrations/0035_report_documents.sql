-- The annual human rights report in the document workspace (src/letters/generators/human-rights-report*.ts,
-- report-nota.ts, report-letter.ts): the report itself, the nota that asks the minister's decision on it
-- and the Kamerbrief that sends it to the Tweede Kamer are documents of three new kinds.
alter table outgoing_documents drop constraint outgoing_documents_kind_check;
alter table outgoing_documents add constraint outgoing_documents_kind_check check (kind in ('annual_letter',
  'memo', 'cover_letter', 'advisory_response', 'concluding_response', 'upr_addendum', 'human_rights_report',
  'human_rights_report_nota', 'human_rights_report_letter'));
