-- Questionnaires, their anonymous responses, and the school settings that
-- govern them. {{id}} and {{time}} are replaced as in 0001. Dates are
-- TEXT 'YYYY-MM-DD' in the questionnaire's time zone.

ALTER TABLE schools ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/London';
ALTER TABLE schools ADD COLUMN min_group INTEGER NOT NULL DEFAULT 5 CHECK (min_group >= 3);
ALTER TABLE schools ADD COLUMN min_comments INTEGER NOT NULL DEFAULT 10;

ALTER TABLE members ADD COLUMN safeguarding_lead BOOLEAN NOT NULL DEFAULT FALSE;

-- A school with no rows here uses imhars.DefaultRiskPhrases.
CREATE TABLE risk_phrases (
	school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	phrase TEXT NOT NULL,
	PRIMARY KEY (school_id, position)
);

CREATE TABLE questionnaires (
	id {{id}},
	audit_id BIGINT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
	audience TEXT NOT NULL,
	title TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
	opens_on TEXT,
	closes_on TEXT,
	time_zone TEXT NOT NULL,
	link_id TEXT NOT NULL UNIQUE,
	short_code TEXT NOT NULL UNIQUE,
	comments BOOLEAN NOT NULL DEFAULT FALSE,
	help_text TEXT NOT NULL DEFAULT '',
	last_item_number INTEGER NOT NULL DEFAULT 0, -- item ids are "i" and a number, never reused
	created_at {{time}} NOT NULL
);

CREATE INDEX questionnaires_audit_id ON questionnaires (audit_id);
CREATE INDEX questionnaires_school_id ON questionnaires (school_id);

CREATE TABLE questionnaire_items (
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	practice_key TEXT NOT NULL,
	component_key TEXT NOT NULL,
	text TEXT NOT NULL,
	position INTEGER NOT NULL,
	retired BOOLEAN NOT NULL DEFAULT FALSE,
	PRIMARY KEY (questionnaire_id, item_id)
);

-- A response holds nothing that identifies the respondent: no user,
-- email, address, browser, token, class or time finer than the day. Its
-- id is random, so it does not reveal the order of submission.
CREATE TABLE responses (
	id TEXT PRIMARY KEY,
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	submitted_on TEXT NOT NULL
);

CREATE INDEX responses_questionnaire_id ON responses (questionnaire_id);

-- answers repeats questionnaire_id so that results are counted from one
-- covering index without reading responses.
CREATE TABLE answers (
	response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
	questionnaire_id BIGINT NOT NULL,
	item_id TEXT NOT NULL,
	value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 5), -- 0 when dont_know
	dont_know BOOLEAN NOT NULL,
	PRIMARY KEY (response_id, item_id),
	FOREIGN KEY (questionnaire_id, item_id) REFERENCES questionnaire_items (questionnaire_id, item_id)
		ON DELETE CASCADE
);

CREATE INDEX answers_counts ON answers (questionnaire_id, item_id, dont_know, value);

-- Comment ids are random, like response ids, so that they do not reveal
-- the order of submission either.
CREATE TABLE comments (
	id BIGINT PRIMARY KEY,
	response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	component_key TEXT NOT NULL,
	text TEXT NOT NULL,
	flagged BOOLEAN NOT NULL DEFAULT FALSE,
	phrase TEXT NOT NULL DEFAULT '', -- the risk phrase that matched
	reviewed_by TEXT NOT NULL DEFAULT '', -- the safeguarding lead's name
	reviewed_at {{time}}
);

CREATE INDEX comments_questionnaire_id ON comments (questionnaire_id, flagged);
CREATE INDEX comments_response_id ON comments (response_id);

-- Hashes of the keys of submitted forms, so that a repeated submission is
-- stored once. Nothing links a key to the response it created.
CREATE TABLE submission_keys (
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	key_hash TEXT NOT NULL,
	PRIMARY KEY (questionnaire_id, key_hash)
);

-- People sent a personal link. Whether they responded is stored, never
-- when, and nothing links them to their response.
CREATE TABLE recipients (
	id {{id}},
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	email TEXT NOT NULL, -- lower case
	name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL DEFAULT '',
	token_hash TEXT NOT NULL UNIQUE,
	responded BOOLEAN NOT NULL DEFAULT FALSE,
	UNIQUE (questionnaire_id, email)
);
