-- Triggers keep answer_counts equal to the counts of the rows in answers,
-- whichever code inserts or deletes them. The counts are first rebuilt
-- from answers. The triggers differ between the dialects; see
-- migrate_triggers.go.

DELETE FROM answer_counts;

INSERT INTO answer_counts (questionnaire_id, item_id, dont_know, value, n)
SELECT questionnaire_id, item_id, dont_know, value, COUNT(*)
FROM answers
GROUP BY questionnaire_id, item_id, dont_know, value;

{{answer_count_triggers}}
