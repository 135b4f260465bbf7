package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/imhars/imhars"
)

func scanFlaggedComment(r scanner) (imhars.FlaggedComment, error) {
	var f imhars.FlaggedComment
	err := r.Scan(&f.ID, &f.QuestionnaireID, &f.Audience, &f.Title, &f.ComponentKey, &f.Text, &f.Phrase,
		&f.SubmittedOn, &f.ReviewedBy, nullTimeColumn{&f.ReviewedAt})
	return f, err
}

// FlaggedComments returns the comments flagged for safeguarding in the
// school's questionnaires: newest questionnaire first, and within one,
// comments not yet reviewed first, then newest day first.
func (s *Store) FlaggedComments(ctx context.Context, schoolID int64) ([]imhars.FlaggedComment, error) {
	list, err := queryAll(ctx, s.reader(), scanFlaggedComment, `SELECT c.id, q.id, q.audience, q.title,
			c.component_key, c.text, c.phrase, r.submitted_on, c.reviewed_by, c.reviewed_at
		FROM comments c
		JOIN questionnaires q ON q.id = c.questionnaire_id
		JOIN responses r ON r.id = c.response_id
		WHERE q.school_id = ? AND c.flagged
		ORDER BY q.created_at DESC, q.id DESC, c.reviewed_at IS NOT NULL, r.submitted_on DESC, c.id`,
		schoolID)
	if err != nil {
		return nil, fmt.Errorf("list flagged comments of school %d: %w", schoolID, err)
	}
	return list, nil
}

// MarkFlagReviewed records who reviewed a flagged comment and when. It
// returns imhars.ErrNotFound when the comment is not a flagged comment in
// one of the school's questionnaires.
func (s *Store) MarkFlagReviewed(ctx context.Context, schoolID, flagID int64, by string, at time.Time) error {
	err := s.writer().execOne(ctx, `UPDATE comments SET reviewed_by = ?, reviewed_at = ?
		WHERE id = ? AND flagged
			AND questionnaire_id IN (SELECT id FROM questionnaires WHERE school_id = ?)`,
		by, at, flagID, schoolID)
	if err != nil {
		return fmt.Errorf("mark flagged comment %d of school %d reviewed: %w", flagID, schoolID, err)
	}
	return nil
}

// RiskPhrases returns the school's risk phrases in the order saved, or
// imhars.DefaultRiskPhrases when the school has saved none.
func (s *Store) RiskPhrases(ctx context.Context, schoolID int64) ([]string, error) {
	list, err := queryAll(ctx, s.reader(), func(r scanner) (string, error) {
		var p string
		err := r.Scan(&p)
		return p, err
	}, "SELECT phrase FROM risk_phrases WHERE school_id = ? ORDER BY position", schoolID)
	if err != nil {
		return nil, fmt.Errorf("list risk phrases of school %d: %w", schoolID, err)
	}
	if len(list) == 0 {
		return append([]string(nil), imhars.DefaultRiskPhrases...), nil
	}
	return list, nil
}

var errNoRiskPhrases = imhars.Errorf(imhars.EINVALID,
	"Enter at least one phrase. Without phrases no comment would reach the safeguarding lead.")

// SetRiskPhrases replaces the school's risk phrases. Phrases are trimmed,
// and blank ones and repeats in any letter case are dropped. An empty list
// is an invalid error, because it would stop comments being flagged.
func (s *Store) SetRiskPhrases(ctx context.Context, schoolID int64, phrases []string) error {
	clean := cleanPhrases(phrases)
	if len(clean) == 0 {
		return fmt.Errorf("set risk phrases of school %d: %w", schoolID, errNoRiskPhrases)
	}
	err := s.inTx(ctx, func(c conn) error {
		if _, err := c.exec(ctx, "DELETE FROM risk_phrases WHERE school_id = ?", schoolID); err != nil {
			return err
		}
		for i, p := range clean {
			_, err := c.exec(ctx, "INSERT INTO risk_phrases (school_id, position, phrase) VALUES (?, ?, ?)",
				schoolID, i+1, p)
			if isForeignKeyViolation(err) {
				return imhars.ErrNotFound
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set risk phrases of school %d: %w", schoolID, err)
	}
	return nil
}

func cleanPhrases(phrases []string) []string {
	seen := make(map[string]bool)
	var clean []string
	for _, p := range phrases {
		p = strings.TrimSpace(p)
		key := strings.ToLower(p)
		if p == "" || seen[key] {
			continue
		}
		seen[key] = true
		clean = append(clean, p)
	}
	return clean
}

// SchoolPrivacy returns the school's thresholds for showing results, or
// imhars.ErrNotFound for an unknown school.
func (s *Store) SchoolPrivacy(ctx context.Context, schoolID int64) (imhars.Privacy, error) {
	var p imhars.Privacy
	err := s.reader().queryRow(ctx, "SELECT min_group, min_comments FROM schools WHERE id = ?", schoolID).
		Scan(&p.MinGroup, &p.MinComments)
	if err != nil {
		return imhars.Privacy{}, wrapError(err, "get privacy settings of school %d", schoolID)
	}
	return p, nil
}

// SetSchoolPrivacy saves the school's thresholds. A MinGroup below
// imhars.FloorMinGroup, or a MinComments below MinGroup, is an invalid
// error.
func (s *Store) SetSchoolPrivacy(ctx context.Context, schoolID int64, p imhars.Privacy) error {
	var invalid error
	switch {
	case p.MinGroup < imhars.FloorMinGroup:
		invalid = imhars.Errorf(imhars.EINVALID,
			"The smallest group must be %d or more, so that no one's answers can be singled out.",
			imhars.FloorMinGroup)
	case p.MinComments < p.MinGroup:
		invalid = imhars.Errorf(imhars.EINVALID,
			"The smallest group for comments must be at least the smallest group for results, %d.", p.MinGroup)
	}
	if invalid != nil {
		return fmt.Errorf("set privacy settings of school %d: %w", schoolID, invalid)
	}
	err := s.writer().execOne(ctx, "UPDATE schools SET min_group = ?, min_comments = ? WHERE id = ?",
		p.MinGroup, p.MinComments, schoolID)
	if err != nil {
		return fmt.Errorf("set privacy settings of school %d: %w", schoolID, err)
	}
	return nil
}

// SetSafeguardingLead marks a member of the school as a designated
// safeguarding lead, or unmarks them. It returns imhars.ErrNotFound when
// the user is not a member.
func (s *Store) SetSafeguardingLead(ctx context.Context, schoolID, userID int64, lead bool) error {
	err := s.writer().execOne(ctx, "UPDATE members SET safeguarding_lead = ? WHERE school_id = ? AND user_id = ?",
		lead, schoolID, userID)
	if err != nil {
		return fmt.Errorf("set safeguarding lead %d of school %d: %w", userID, schoolID, err)
	}
	return nil
}

// IsSafeguardingLead reports whether the user is a member of the school
// marked as a designated safeguarding lead. A user who is not a member is
// not one, with no error.
func (s *Store) IsSafeguardingLead(ctx context.Context, schoolID, userID int64) (bool, error) {
	var lead bool
	err := s.reader().queryRow(ctx, `SELECT COUNT(*) > 0 FROM members
		WHERE school_id = ? AND user_id = ? AND safeguarding_lead`, schoolID, userID).Scan(&lead)
	if err != nil {
		return false, fmt.Errorf("check safeguarding lead %d of school %d: %w", userID, schoolID, err)
	}
	return lead, nil
}
