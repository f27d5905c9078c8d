-- Ingest speed (issue #3). A finding row is 2 to 4 KB (advisory text, CVSS, references): just over the
-- ~2 KB from which PostgreSQL compresses a row's largest values and moves them to the TOAST table, so
-- every insert paid for compression and a second heap and index write. Rows up to a page now stay inline
-- and uncompressed: inserting 50,000 Trivy findings took half the time, for about the same disk space
-- (the text compressed poorly in pieces this small). Larger rows are still toasted.
alter table findings set (toast_tuple_target = 8160);
