package sqlstore

// sqliteAnswerCountTriggers update answer_counts row by row, since
// SQLite has no statement-level triggers.
const sqliteAnswerCountTriggers = `
CREATE TRIGGER answers_count AFTER INSERT ON answers
BEGIN
	INSERT INTO answer_counts (questionnaire_id, item_id, dont_know, value, n)
	VALUES (NEW.questionnaire_id, NEW.item_id, NEW.dont_know, NEW.value, 1)
	ON CONFLICT (questionnaire_id, item_id, dont_know, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER answers_uncount AFTER DELETE ON answers
BEGIN
	UPDATE answer_counts SET n = n - 1
	WHERE questionnaire_id = OLD.questionnaire_id AND item_id = OLD.item_id
		AND dont_know = OLD.dont_know AND value = OLD.value;
END;
`

// postgresAnswerCountTriggers update answer_counts once per statement from
// its transition table. The rows are upserted in key order, so that
// concurrent submissions lock them in the same order and wait for each
// other instead of deadlocking.
const postgresAnswerCountTriggers = `
CREATE FUNCTION answers_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO answer_counts (questionnaire_id, item_id, dont_know, value, n)
	SELECT questionnaire_id, item_id, dont_know, value, COUNT(*) FROM new_answers
	GROUP BY questionnaire_id, item_id, dont_know, value
	ORDER BY questionnaire_id, item_id, dont_know, value
	ON CONFLICT (questionnaire_id, item_id, dont_know, value)
		DO UPDATE SET n = answer_counts.n + EXCLUDED.n;
	RETURN NULL;
END
$$;

CREATE TRIGGER answers_count AFTER INSERT ON answers
	REFERENCING NEW TABLE AS new_answers
	FOR EACH STATEMENT EXECUTE FUNCTION answers_count();

CREATE FUNCTION answers_uncount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE answer_counts c SET n = c.n - d.n
	FROM (
		SELECT questionnaire_id, item_id, dont_know, value, COUNT(*) AS n FROM old_answers
		GROUP BY questionnaire_id, item_id, dont_know, value
	) d
	WHERE c.questionnaire_id = d.questionnaire_id AND c.item_id = d.item_id
		AND c.dont_know = d.dont_know AND c.value = d.value;
	RETURN NULL;
END
$$;

CREATE TRIGGER answers_uncount AFTER DELETE ON answers
	REFERENCING OLD TABLE AS old_answers
	FOR EACH STATEMENT EXECUTE FUNCTION answers_uncount();
`
