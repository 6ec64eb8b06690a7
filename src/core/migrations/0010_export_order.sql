-- The export order of recommendations (src/recommendations/export.ts): newest year first, then
-- symbol, paragraph and id, the unknown ones last, as values that are never null. An export reads
-- its batches one after the other along this index, each starting after the last row of the one
-- before, without sorting the matching rows again for every batch.
create index recommendations_export_order_idx on recommendations (
  (coalesce(-year, 0)),
  (symbol is null),
  (coalesce(symbol, '')),
  (paragraph is null),
  (coalesce(paragraph, '')),
  id
);
