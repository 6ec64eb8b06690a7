-- A point of a cabinet response registered as a commitment (src/commitments/from-response.ts): the
-- workspace document (an advisory or concluding response) it was taken from, the key of its section
-- and, when one bullet, item or paragraph was taken, the index of that part within the section.
alter table commitments
  add column source_outgoing_id uuid references outgoing_documents(id) on delete set null,
  add column source_section_key text check (source_section_key is null or length(source_section_key) between 1 and 200),
  add column source_part integer check (source_part is null or source_part >= 0),
  add constraint commitments_source_part_needs_section check (source_part is null or source_section_key is not null);
-- A part of a section is registered once.
create unique index commitments_source_point_idx
  on commitments (source_outgoing_id, source_section_key, coalesce(source_part, -1))
  where source_outgoing_id is not null;

-- Human Rights Council reference data (src/hrc/seed.ts) names its source; the facts of a term the
-- source does not state are listed as unverified (as the taxonomy and the results framework mark
-- their Dutch labels) until someone saves them. A priority from the source names it too.
alter table hrc_terms
  add column source text,
  add column unverified_fields text[] not null default '{}';
alter table hrc_priorities add column source text;
