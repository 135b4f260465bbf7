package sqlstore

import (
	"cmp"
	"context"
	"fmt"

	"github.com/imhars/imhars"
)

const schoolColumns = "s.id, s.name, s.phase, s.urn, s.local_authority, s.is_sample, s.time_zone, s.created_at"

func schoolFields(sc *imhars.School) []any {
	return []any{&sc.ID, &sc.Name, &sc.Phase, &sc.URN, &sc.LocalAuthority, &sc.IsSample,
		&sc.TimeZone, timeColumn{&sc.CreatedAt}}
}

// defaultTimeZone is the time zone of a school that has not chosen one.
const defaultTimeZone = "Europe/London"

// CreateSchool stores sc, sets sc.ID and sc.CreatedAt, and makes creatorID
// the school's audit lead. An empty sc.TimeZone becomes Europe/London.
func (s *Store) CreateSchool(ctx context.Context, sc *imhars.School, creatorID int64) error {
	created := nowUTC()
	zone := cmp.Or(sc.TimeZone, defaultTimeZone)
	var id int64
	err := s.inTx(ctx, func(c conn) error {
		err := c.queryRow(ctx, `INSERT INTO schools
				(name, phase, urn, local_authority, is_sample, time_zone, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			sc.Name, sc.Phase, sc.URN, sc.LocalAuthority, sc.IsSample, zone, created).Scan(&id)
		if err != nil {
			return err
		}
		_, err = c.exec(ctx, "INSERT INTO members (school_id, user_id, role) VALUES (?, ?, ?)",
			id, creatorID, imhars.RoleLead)
		return err
	})
	if err != nil {
		return fmt.Errorf("create school: %w", err)
	}
	sc.ID, sc.TimeZone, sc.CreatedAt = id, zone, created
	return nil
}

// UpdateSchool changes a school's name, phase, URN, local authority and,
// unless sc.TimeZone is empty, time zone. IsSample is set only when a
// school is created.
func (s *Store) UpdateSchool(ctx context.Context, sc *imhars.School) error {
	err := s.writer().execOne(ctx, `UPDATE schools SET name = ?, phase = ?, urn = ?, local_authority = ?,
			time_zone = CASE WHEN ? = '' THEN time_zone ELSE ? END
		WHERE id = ?`, sc.Name, sc.Phase, sc.URN, sc.LocalAuthority, sc.TimeZone, sc.TimeZone, sc.ID)
	if err != nil {
		return fmt.Errorf("update school %d: %w", sc.ID, err)
	}
	return nil
}

// DeleteSchool removes a school with its members, invitations and audits.
// Its events stay, with no school.
func (s *Store) DeleteSchool(ctx context.Context, schoolID int64) error {
	if err := s.writer().execOne(ctx, "DELETE FROM schools WHERE id = ?", schoolID); err != nil {
		return fmt.Errorf("delete school %d: %w", schoolID, err)
	}
	return nil
}

// School returns a school and the user's role in it, or imhars.ErrNotFound
// when the school does not exist or the user is not a member.
// Administrators see every school with imhars.RoleLead.
func (s *Store) School(ctx context.Context, schoolID int64, user *imhars.User) (*imhars.School, imhars.Role, error) {
	if user == nil {
		return nil, "", fmt.Errorf("get school %d: no user: %w", schoolID, imhars.ErrNotFound)
	}
	var sc imhars.School
	var role imhars.Role
	err := s.reader().queryRow(ctx, `SELECT `+schoolColumns+`, COALESCE(m.role, '')
		FROM schools s
		LEFT JOIN members m ON m.school_id = s.id AND m.user_id = ?
		WHERE s.id = ? AND (m.user_id IS NOT NULL OR ?)`,
		user.ID, schoolID, user.IsAdmin).Scan(append(schoolFields(&sc), &role)...)
	if err != nil {
		return nil, "", wrapError(err, "get school %d for user %d", schoolID, user.ID)
	}
	if user.IsAdmin {
		role = imhars.RoleLead
	}
	return &sc, role, nil
}

// SchoolsForUser returns the schools the user is a member of, or every
// school for an administrator, ordered by name, each with its audit for the
// latest academic year.
func (s *Store) SchoolsForUser(ctx context.Context, user *imhars.User) ([]imhars.SchoolSummary, error) {
	if user == nil {
		return nil, nil
	}
	scan := func(r scanner) (imhars.SchoolSummary, error) {
		var sum imhars.SchoolSummary
		var a nullAudit
		err := r.Scan(append(append(schoolFields(&sum.School), &sum.Role), a.fields()...)...)
		if err != nil {
			return sum, err
		}
		if user.IsAdmin {
			sum.Role = imhars.RoleLead
		}
		sum.LatestAudit = a.audit()
		return sum, nil
	}
	list, err := queryAll(ctx, s.reader(), scan, `SELECT `+schoolColumns+`, COALESCE(m.role, ''),
			`+auditColumns+`
		FROM schools s
		LEFT JOIN members m ON m.school_id = s.id AND m.user_id = ?
		LEFT JOIN audits a ON a.id = (
			SELECT latest.id FROM audits latest WHERE latest.school_id = s.id
			ORDER BY latest.academic_year DESC LIMIT 1)
		WHERE m.user_id IS NOT NULL OR ?
		ORDER BY LOWER(s.name), s.id`, user.ID, user.IsAdmin)
	if err != nil {
		return nil, fmt.Errorf("list schools for user %d: %w", user.ID, err)
	}
	return list, nil
}
