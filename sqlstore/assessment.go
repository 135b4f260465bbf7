package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/imhars/imhars"
)

var errAuditComplete = imhars.Errorf(imhars.ECONFLICT,
	"This audit is marked complete, so it cannot be changed. Ask an audit lead to reopen it.")

const assessmentColumns = "audit_id, practice_key, rating, evidence, kinds, priority, version, updated_by, updated_at"

func scanAssessment(r scanner) (imhars.PracticeAssessment, error) {
	var p imhars.PracticeAssessment
	var kinds string
	err := r.Scan(&p.AuditID, &p.PracticeKey, &p.Rating, &p.Evidence, &kinds, &p.Priority,
		&p.Version, &p.UpdatedBy, timeColumn{&p.UpdatedAt})
	p.Kinds = splitKinds(kinds)
	return p, err
}

// joinKinds stores evidence kinds as one comma-separated text; no kind
// contains a comma.
func joinKinds(kinds []imhars.EvidenceKind) string {
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = string(k)
	}
	return strings.Join(parts, ",")
}

func splitKinds(s string) []imhars.EvidenceKind {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	kinds := make([]imhars.EvidenceKind, len(parts))
	for i, p := range parts {
		kinds[i] = imhars.EvidenceKind(p)
	}
	return kinds
}

// Assessment returns the record for one practice of an audit, or
// imhars.ErrNotFound when the practice was never saved.
func (s *Store) Assessment(ctx context.Context, auditID int64, practiceKey string) (*imhars.PracticeAssessment, error) {
	p, err := scanAssessment(s.reader().queryRow(ctx, "SELECT "+assessmentColumns+
		" FROM practice_assessments WHERE audit_id = ? AND practice_key = ?", auditID, practiceKey))
	if err != nil {
		return nil, wrapError(err, "get assessment of %s in audit %d", practiceKey, auditID)
	}
	return &p, nil
}

// SaveAssessment writes p if the stored version still equals p.Version, a
// version of 0 meaning that nothing is stored yet, and then sets p.Version
// to the new version and p.UpdatedAt to now. Otherwise it changes nothing
// and returns an error that matches imhars.ErrVersionConflict, so of two
// saves from the same version exactly one succeeds. It returns a conflict
// error for a complete audit and imhars.ErrNotFound for a missing one.
func (s *Store) SaveAssessment(ctx context.Context, p *imhars.PracticeAssessment) error {
	if errs := p.Validate(); errs.Any() {
		return fmt.Errorf("save assessment of %s: %w", p.PracticeKey,
			imhars.Errorf(imhars.EINVALID, "%s", errs[0].Message))
	}
	updated := nowUTC()
	next := p.Version + 1
	kinds := joinKinds(p.Kinds)
	err := s.inTx(ctx, func(c conn) error {
		if err := checkAuditEditable(ctx, c, p.AuditID); err != nil {
			return err
		}
		if p.Version == 0 {
			return c.execVersioned(ctx, `INSERT INTO practice_assessments (`+assessmentColumns+`)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (audit_id, practice_key) DO NOTHING`,
				p.AuditID, p.PracticeKey, p.Rating, p.Evidence, kinds, p.Priority, next, p.UpdatedBy, updated)
		}
		return c.execVersioned(ctx, `UPDATE practice_assessments
			SET rating = ?, evidence = ?, kinds = ?, priority = ?, version = ?, updated_by = ?, updated_at = ?
			WHERE audit_id = ? AND practice_key = ? AND version = ?`,
			p.Rating, p.Evidence, kinds, p.Priority, next, p.UpdatedBy, updated,
			p.AuditID, p.PracticeKey, p.Version)
	})
	if err != nil {
		return fmt.Errorf("save assessment of %s in audit %d at version %d: %w",
			p.PracticeKey, p.AuditID, p.Version, err)
	}
	p.Version, p.UpdatedAt = next, updated
	return nil
}

// checkAuditEditable returns imhars.ErrNotFound for a missing audit and
// errAuditComplete for a complete one. On PostgreSQL an audit completed
// after this check and before the save commits leaves the save in place,
// as if it had come just before the completion.
func checkAuditEditable(ctx context.Context, c conn, auditID int64) error {
	var status imhars.AuditStatus
	if err := c.queryRow(ctx, "SELECT status FROM audits WHERE id = ?", auditID).Scan(&status); err != nil {
		return wrapError(err, "get audit %d", auditID)
	}
	if status == imhars.AuditComplete {
		return errAuditComplete
	}
	return nil
}
