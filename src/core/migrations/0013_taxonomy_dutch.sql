-- Where the Dutch label of a taxonomy term comes from, and whether that source confirms it. The
-- English labels of the UN themes and groups are OHCHR's own (verified); no official Dutch exists
-- for them, so their Dutch labels are translations and stay unverified until someone checks them.
alter table taxonomy_terms add column label_nl_source text;
alter table taxonomy_terms add column label_nl_verified boolean not null default false;
