package sqlstore

import (
	"context"
	"fmt"

	"github.com/imhars/imhars"
)

const findingsColumns = "audit_id, component_key, " +
	"universal_text, universal_coverage, targeted_text, targeted_coverage, " +
	"specialist_text, specialist_coverage, works_well, improve, next_steps, " +
	"version, updated_by, updated_at"

// scanFindings reads a findings row. Its Tiers map always has an entry
// for each of the three tiers.
func scanFindings(r scanner) (imhars.ComponentFindings, error) {
	var f imhars.ComponentFindings
	var u, t, sp imhars.TierNote
	err := r.Scan(&f.AuditID, &f.ComponentKey,
		&u.Text, &u.Coverage, &t.Text, &t.Coverage, &sp.Text, &sp.Coverage,
		&f.WorksWell, &f.Improve, &f.NextSteps, &f.Version, &f.UpdatedBy, timeColumn{&f.UpdatedAt})
	f.Tiers = map[imhars.Tier]imhars.TierNote{
		imhars.TierUniversal:  u,
		imhars.TierTargeted:   t,
		imhars.TierSpecialist: sp,
	}
	return f, err
}

// Findings returns the findings for one component of an audit, or
// imhars.ErrNotFound when none were saved.
func (s *Store) Findings(ctx context.Context, auditID int64, componentKey string) (*imhars.ComponentFindings, error) {
	f, err := scanFindings(s.reader().queryRow(ctx, "SELECT "+findingsColumns+
		" FROM component_findings WHERE audit_id = ? AND component_key = ?", auditID, componentKey))
	if err != nil {
		return nil, wrapError(err, "get findings for %s in audit %d", componentKey, auditID)
	}
	return &f, nil
}

// SaveFindings writes f under the same version rule as SaveAssessment and
// returns the same errors.
func (s *Store) SaveFindings(ctx context.Context, f *imhars.ComponentFindings) error {
	if errs := f.Validate(); errs.Any() {
		return fmt.Errorf("save findings for %s: %w", f.ComponentKey,
			imhars.Errorf(imhars.EINVALID, "%s", errs[0].Message))
	}
	updated := nowUTC()
	next := f.Version + 1
	u, t, sp := f.Tier(imhars.TierUniversal), f.Tier(imhars.TierTargeted), f.Tier(imhars.TierSpecialist)
	values := []any{u.Text, u.Coverage, t.Text, t.Coverage, sp.Text, sp.Coverage,
		f.WorksWell, f.Improve, f.NextSteps, next, f.UpdatedBy, updated}

	err := s.inTx(ctx, func(c conn) error {
		if err := checkAuditEditable(ctx, c, f.AuditID); err != nil {
			return err
		}
		if f.Version == 0 {
			return c.execVersioned(ctx, `INSERT INTO component_findings (`+findingsColumns+`)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (audit_id, component_key) DO NOTHING`,
				append([]any{f.AuditID, f.ComponentKey}, values...)...)
		}
		return c.execVersioned(ctx, `UPDATE component_findings SET
				universal_text = ?, universal_coverage = ?, targeted_text = ?, targeted_coverage = ?,
				specialist_text = ?, specialist_coverage = ?, works_well = ?, improve = ?, next_steps = ?,
				version = ?, updated_by = ?, updated_at = ?
			WHERE audit_id = ? AND component_key = ? AND version = ?`,
			append(values, f.AuditID, f.ComponentKey, f.Version)...)
	})
	if err != nil {
		return fmt.Errorf("save findings for %s in audit %d at version %d: %w",
			f.ComponentKey, f.AuditID, f.Version, err)
	}
	f.Version, f.UpdatedAt = next, updated
	return nil
}
