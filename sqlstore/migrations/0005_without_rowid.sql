-- Tables of anonymous responses keep no record of the order in which
-- responses arrived. Their primary keys are random, but an ordinary
-- SQLite table also has a hidden rowid, numbered in insertion order, so
-- "SELECT rowid, id FROM responses ORDER BY rowid" listed responses in
-- the order they were sent. On SQLite the placeholder below rebuilds
-- responses, answers, comments and submission_keys as WITHOUT ROWID
-- tables, stored in the order of their primary keys; see
-- migrate_without_rowid.go.
--
-- NOTE: PostgreSQL has no rowid, so nothing changes there. A PostgreSQL
-- heap still tends to keep rows in insertion order, which ctid and
-- unordered scans can reveal. Only someone with direct access to the
-- database, such as its operators, can see that order: every list the
-- application shows or exports is sorted by the random keys.

{{without_rowid}}
