package sqlstore

// sqliteWithoutRowid rebuilds the tables of anonymous responses as
// WITHOUT ROWID tables. It follows SQLite's procedure for other kinds of
// table schema change (https://www.sqlite.org/lang_altertable.html). Each
// new table is created and filled, the old ones are dropped, the new ones
// renamed, and their indexes and triggers created again.
//
// Migrations run in a transaction with foreign keys on, where PRAGMA
// foreign_keys cannot be changed, and dropping a table that other tables
// reference deletes their rows through ON DELETE CASCADE. So the new
// answers and comments first reference responses_new. The old tables are
// dropped children first, when nothing references them any more, and
// renaming responses_new to responses rewrites those references (SQLite
// 3.26 and later). Rows are copied in the order of their random keys.
//
// secure_delete overwrites the pages freed by the drops with zeros, so
// that the file no longer holds the old rows in rowid order. It is then
// set back to OFF, SQLite's default.
const sqliteWithoutRowid = `
PRAGMA secure_delete = ON;

CREATE TABLE responses_new (
	id TEXT PRIMARY KEY,
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	submitted_on TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO responses_new (id, questionnaire_id, submitted_on)
SELECT id, questionnaire_id, submitted_on FROM responses ORDER BY id;

CREATE TABLE answers_new (
	response_id TEXT NOT NULL REFERENCES responses_new (id) ON DELETE CASCADE,
	questionnaire_id BIGINT NOT NULL,
	item_id TEXT NOT NULL,
	value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 5), -- 0 when dont_know
	dont_know BOOLEAN NOT NULL,
	PRIMARY KEY (response_id, item_id),
	FOREIGN KEY (questionnaire_id, item_id) REFERENCES questionnaire_items (questionnaire_id, item_id)
		ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO answers_new (response_id, questionnaire_id, item_id, value, dont_know)
SELECT response_id, questionnaire_id, item_id, value, dont_know FROM answers
ORDER BY response_id, item_id;

CREATE TABLE comments_new (
	id BIGINT PRIMARY KEY,
	response_id TEXT NOT NULL REFERENCES responses_new (id) ON DELETE CASCADE,
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	component_key TEXT NOT NULL,
	text TEXT NOT NULL,
	flagged BOOLEAN NOT NULL DEFAULT FALSE,
	phrase TEXT NOT NULL DEFAULT '', -- the risk phrase that matched
	reviewed_by TEXT NOT NULL DEFAULT '', -- the safeguarding lead's name
	reviewed_at TEXT
) WITHOUT ROWID;

INSERT INTO comments_new (id, response_id, questionnaire_id, component_key, text, flagged, phrase,
	reviewed_by, reviewed_at)
SELECT id, response_id, questionnaire_id, component_key, text, flagged, phrase, reviewed_by, reviewed_at
FROM comments ORDER BY id;

CREATE TABLE submission_keys_new (
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	key_hash TEXT NOT NULL,
	PRIMARY KEY (questionnaire_id, key_hash)
) WITHOUT ROWID;

INSERT INTO submission_keys_new (questionnaire_id, key_hash)
SELECT questionnaire_id, key_hash FROM submission_keys ORDER BY questionnaire_id, key_hash;

-- Dropping answers drops its triggers too. No table references answers,
-- comments or submission_keys, so dropping them deletes nothing else.
DROP TABLE answers;
DROP TABLE comments;
DROP TABLE submission_keys;
DROP TABLE responses;

ALTER TABLE responses_new RENAME TO responses;
ALTER TABLE answers_new RENAME TO answers;
ALTER TABLE comments_new RENAME TO comments;
ALTER TABLE submission_keys_new RENAME TO submission_keys;

CREATE INDEX responses_questionnaire_id ON responses (questionnaire_id);
CREATE INDEX answers_questionnaire_id ON answers (questionnaire_id);
CREATE INDEX comments_questionnaire_id ON comments (questionnaire_id, flagged);
CREATE INDEX comments_response_id ON comments (response_id);
` + sqliteAnswerCountTriggers + `
PRAGMA secure_delete = OFF;
`
