-- Answer counts kept up to date as responses arrive, so that results read
-- a few hundred rows per questionnaire instead of counting every answer.
-- They replace the covering index on answers, whose 40 scattered index
-- entries per response made each submission about three times slower
-- (BenchmarkSubmitResponse on SQLite).

CREATE TABLE answer_counts (
	questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	dont_know BOOLEAN NOT NULL,
	value INTEGER NOT NULL, -- 0 when dont_know
	n INTEGER NOT NULL,
	PRIMARY KEY (questionnaire_id, item_id, dont_know, value)
);

DROP INDEX answers_counts;

CREATE INDEX answers_questionnaire_id ON answers (questionnaire_id);
