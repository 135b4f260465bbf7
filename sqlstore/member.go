package sqlstore

import (
	"context"
	"fmt"

	"github.com/imhars/imhars"
)

var errLastLead = imhars.Errorf(imhars.ECONFLICT,
	"A school needs at least one audit lead. Make someone else an audit lead first.")

// roleRank orders roles in SQL from most able (0) to least.
const roleRank = "CASE %s WHEN 'lead' THEN 0 WHEN 'member' THEN 1 ELSE 2 END"

// Members returns a school's members, audit leads first, then by name.
// Their User.PasswordHash is left empty.
func (s *Store) Members(ctx context.Context, schoolID int64) ([]imhars.Member, error) {
	scan := func(r scanner) (imhars.Member, error) {
		var m imhars.Member
		u := &m.User
		err := r.Scan(&m.SchoolID, &m.Role, &u.ID, &u.Email, &u.Name, &u.IsAdmin, timeColumn{&u.CreatedAt})
		return m, err
	}
	list, err := queryAll(ctx, s.reader(), scan, `SELECT m.school_id, m.role,
			u.id, u.email, u.name, u.is_admin, u.created_at
		FROM members m JOIN users u ON u.id = m.user_id
		WHERE m.school_id = ?
		ORDER BY `+fmt.Sprintf(roleRank, "m.role")+`, LOWER(u.name), u.id`, schoolID)
	if err != nil {
		return nil, fmt.Errorf("list members of school %d: %w", schoolID, err)
	}
	return list, nil
}

// SetMemberRole changes a member's role. Changing the role of the school's
// only audit lead is a conflict.
func (s *Store) SetMemberRole(ctx context.Context, schoolID, userID int64, role imhars.Role) error {
	if !role.Valid() {
		return fmt.Errorf("set role of user %d in school %d: %w", userID, schoolID,
			imhars.Errorf(imhars.EINVALID, "Select a role from the list."))
	}
	err := s.inSerializableTx(ctx, func(c conn) error {
		if role != imhars.RoleLead {
			if err := checkNotLastLead(ctx, c, schoolID, userID); err != nil {
				return err
			}
		}
		return c.execOne(ctx, "UPDATE members SET role = ? WHERE school_id = ? AND user_id = ?",
			role, schoolID, userID)
	})
	if err != nil {
		return fmt.Errorf("set role of user %d in school %d: %w", userID, schoolID, err)
	}
	return nil
}

// RemoveMember removes a user from a school. Removing the school's only
// audit lead is a conflict.
func (s *Store) RemoveMember(ctx context.Context, schoolID, userID int64) error {
	err := s.inSerializableTx(ctx, func(c conn) error {
		if err := checkNotLastLead(ctx, c, schoolID, userID); err != nil {
			return err
		}
		return c.execOne(ctx, "DELETE FROM members WHERE school_id = ? AND user_id = ?", schoolID, userID)
	})
	if err != nil {
		return fmt.Errorf("remove user %d from school %d: %w", userID, schoolID, err)
	}
	return nil
}

// checkNotLastLead returns errLastLead when userID is the school's only
// audit lead. It runs in a serializable transaction, so two leads cannot
// demote each other at once.
func checkNotLastLead(ctx context.Context, c conn, schoolID, userID int64) error {
	var otherLeads int
	var isLead bool
	err := c.queryRow(ctx, `SELECT
			COUNT(CASE WHEN user_id <> ? THEN 1 END),
			COUNT(CASE WHEN user_id = ? THEN 1 END) > 0
		FROM members WHERE school_id = ? AND role = 'lead'`,
		userID, userID, schoolID).Scan(&otherLeads, &isLead)
	if err != nil {
		return fmt.Errorf("count audit leads: %w", err)
	}
	if isLead && otherLeads == 0 {
		return errLastLead
	}
	return nil
}
