package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/imhars/imhars"
)

const auditColumns = "a.id, a.school_id, a.framework_id, a.academic_year, a.status, a.created_at, a.completed_at"

func scanAudit(r scanner) (imhars.Audit, error) {
	var a imhars.Audit
	err := r.Scan(&a.ID, &a.SchoolID, &a.FrameworkID, &a.AcademicYear, &a.Status,
		timeColumn{&a.CreatedAt}, nullTimeColumn{&a.CompletedAt})
	return a, err
}

// nullAudit scans the audit columns of an outer join, which are all NULL
// when no audit matched.
type nullAudit struct {
	id, schoolID, frameworkID sql.NullInt64
	year, status              sql.NullString
	created, completed        *time.Time
}

func (n *nullAudit) fields() []any {
	return []any{&n.id, &n.schoolID, &n.frameworkID, &n.year, &n.status,
		nullTimeColumn{&n.created}, nullTimeColumn{&n.completed}}
}

// audit returns the scanned audit, or nil when no audit matched.
func (n *nullAudit) audit() *imhars.Audit {
	if !n.id.Valid || n.created == nil {
		return nil
	}
	return &imhars.Audit{
		ID:           n.id.Int64,
		SchoolID:     n.schoolID.Int64,
		FrameworkID:  n.frameworkID.Int64,
		AcademicYear: n.year.String,
		Status:       imhars.AuditStatus(n.status.String),
		CreatedAt:    *n.created,
		CompletedAt:  n.completed,
	}
}

// CreateAudit stores a, sets a.ID and a.CreatedAt, and sets an empty
// a.Status to in progress. A second audit of the same school for the same
// academic year is a conflict; a missing school or framework is
// imhars.ErrNotFound.
func (s *Store) CreateAudit(ctx context.Context, a *imhars.Audit) error {
	if msg := imhars.ValidateAcademicYear(a.AcademicYear); msg != "" {
		return fmt.Errorf("create audit: %w", imhars.Errorf(imhars.EINVALID, "%s", msg))
	}
	status := a.Status
	if status == "" {
		status = imhars.AuditInProgress
	}
	created := nowUTC()

	var id int64
	err := s.writer().queryRow(ctx, `INSERT INTO audits
			(school_id, framework_id, academic_year, status, created_at, completed_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		a.SchoolID, a.FrameworkID, a.AcademicYear, status, created, a.CompletedAt).Scan(&id)
	switch {
	case isUniqueViolation(err):
		err = imhars.Errorf(imhars.ECONFLICT, "This school already has an audit for %s.", a.AcademicYear)
	case isForeignKeyViolation(err):
		err = imhars.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("create audit of school %d for %s: %w", a.SchoolID, a.AcademicYear, err)
	}
	a.ID, a.Status, a.CreatedAt = id, status, created
	return nil
}

// Audit returns an audit of the given school, or imhars.ErrNotFound when
// the audit does not exist or belongs to another school.
func (s *Store) Audit(ctx context.Context, schoolID, auditID int64) (*imhars.Audit, error) {
	a, err := scanAudit(s.reader().queryRow(ctx,
		"SELECT "+auditColumns+" FROM audits a WHERE a.id = ? AND a.school_id = ?", auditID, schoolID))
	if err != nil {
		return nil, wrapError(err, "get audit %d of school %d", auditID, schoolID)
	}
	return &a, nil
}

// Audits returns a school's audits, latest academic year first.
func (s *Store) Audits(ctx context.Context, schoolID int64) ([]imhars.Audit, error) {
	list, err := queryAll(ctx, s.reader(), scanAudit, "SELECT "+auditColumns+
		" FROM audits a WHERE a.school_id = ? ORDER BY a.academic_year DESC", schoolID)
	if err != nil {
		return nil, fmt.Errorf("list audits of school %d: %w", schoolID, err)
	}
	return list, nil
}

// PreviousAudit returns the complete audit of a's school for the latest
// academic year before a's, or imhars.ErrNotFound. Audits still in progress
// are skipped, because their ratings may yet change.
func (s *Store) PreviousAudit(ctx context.Context, a *imhars.Audit) (*imhars.Audit, error) {
	prev, err := scanAudit(s.reader().queryRow(ctx, "SELECT "+auditColumns+` FROM audits a
		WHERE a.school_id = ? AND a.academic_year < ? AND a.status = ?
		ORDER BY a.academic_year DESC LIMIT 1`, a.SchoolID, a.AcademicYear, imhars.AuditComplete))
	if err != nil {
		return nil, wrapError(err, "get complete audit before %s of school %d", a.AcademicYear, a.SchoolID)
	}
	return &prev, nil
}

// SetAuditStatus marks an audit complete at the given time, or back in
// progress, which clears its completion time.
func (s *Store) SetAuditStatus(ctx context.Context, auditID int64, status imhars.AuditStatus, at time.Time) error {
	var completed *time.Time
	switch status {
	case imhars.AuditComplete:
		completed = &at
	case imhars.AuditInProgress:
	default:
		return fmt.Errorf("set status of audit %d: unknown status %q", auditID, status)
	}
	err := s.writer().execOne(ctx, "UPDATE audits SET status = ?, completed_at = ? WHERE id = ?",
		status, completed, auditID)
	if err != nil {
		return fmt.Errorf("set status of audit %d to %s: %w", auditID, status, err)
	}
	return nil
}

// AuditData returns a with its framework and everything recorded in it,
// read from one consistent snapshot.
func (s *Store) AuditData(ctx context.Context, a *imhars.Audit) (*imhars.AuditData, error) {
	f, err := s.Framework(ctx, a.FrameworkID)
	if err != nil {
		return nil, fmt.Errorf("load audit %d: %w", a.ID, err)
	}
	data := &imhars.AuditData{
		Audit:       *a,
		Framework:   f,
		Assessments: make(map[string]imhars.PracticeAssessment),
		Findings:    make(map[string]imhars.ComponentFindings),
	}
	err = s.inReadTx(ctx, func(c conn) error {
		assessments, err := queryAll(ctx, c, scanAssessment,
			"SELECT "+assessmentColumns+" FROM practice_assessments WHERE audit_id = ?", a.ID)
		if err != nil {
			return fmt.Errorf("list assessments: %w", err)
		}
		for _, p := range assessments {
			data.Assessments[p.PracticeKey] = p
		}
		findings, err := queryAll(ctx, c, scanFindings,
			"SELECT "+findingsColumns+" FROM component_findings WHERE audit_id = ?", a.ID)
		if err != nil {
			return fmt.Errorf("list findings: %w", err)
		}
		for _, f := range findings {
			data.Findings[f.ComponentKey] = f
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load audit %d: %w", a.ID, err)
	}
	return data, nil
}
