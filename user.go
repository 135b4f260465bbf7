package imhars

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// User is a person with an account. Site administrators manage schools and
// frameworks; everyone else reaches a school only through a Member record.
type User struct {
	ID           int64
	Email        string // stored in lower case
	Name         string
	PasswordHash string
	IsAdmin      bool
	CreatedAt    time.Time
}

// Role is what a member may do in a school.
type Role string

// Roles of a school member, from most to least able.
const (
	RoleLead   Role = "lead"   // runs audits, invites members, completes and reopens audits
	RoleMember Role = "member" // edits audits
	RoleViewer Role = "viewer" // reads audits and reports
)

// Roles lists every role in display order.
var Roles = []Role{RoleLead, RoleMember, RoleViewer}

// Label returns the role in plain English.
func (r Role) Label() string {
	switch r {
	case RoleLead:
		return "Audit lead"
	case RoleMember:
		return "Team member"
	case RoleViewer:
		return "Viewer"
	}
	return string(r)
}

// Description returns one sentence on what the role may do.
func (r Role) Description() string {
	switch r {
	case RoleLead:
		return "Edits audits, invites people, and marks audits complete or reopens them."
	case RoleMember:
		return "Edits audits and reads reports."
	case RoleViewer:
		return "Reads audits and reports but cannot change them."
	}
	return ""
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	return r == RoleLead || r == RoleMember || r == RoleViewer
}

// CanEdit reports whether the role may change an audit.
func (r Role) CanEdit() bool { return r == RoleLead || r == RoleMember }

// CanLead reports whether the role may manage the team and audit status.
func (r Role) CanLead() bool { return r == RoleLead }

// Member links a user to a school with a role.
type Member struct {
	SchoolID int64
	User     User
	Role     Role
}

// Password length limits, in characters. The lower bound follows NCSC
// guidance to prefer length over composition rules.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 128
	MaxNameLen     = 100
	MaxEmailLen    = 254
)

// NewUserInput is the form for creating an account.
type NewUserInput struct {
	Name     string
	Email    string
	Password string
}

// Validate normalises the input and returns field errors.
func (in *NewUserInput) Validate() FieldErrors {
	var errs FieldErrors
	in.Name = strings.TrimSpace(in.Name)
	in.Email = NormaliseEmail(in.Email)
	switch {
	case in.Name == "":
		errs.Add("name", "Enter your name.")
	case utf8.RuneCountInString(in.Name) > MaxNameLen:
		errs.Add("name", "Name must be %d characters or fewer.", MaxNameLen)
	}
	if msg := ValidateEmail(in.Email); msg != "" {
		errs.Add("email", "%s", msg)
	}
	n := utf8.RuneCountInString(in.Password)
	switch {
	case n < MinPasswordLen:
		errs.Add("password", "Password must be at least %d characters. A few words together work well.", MinPasswordLen)
	case n > MaxPasswordLen:
		errs.Add("password", "Password must be %d characters or fewer.", MaxPasswordLen)
	}
	return errs
}

// NormaliseEmail trims spaces and lower-cases an email address.
func NormaliseEmail(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// ValidateEmail returns a message when s is not a usable address, or "".
func ValidateEmail(s string) string {
	if s == "" {
		return "Enter an email address."
	}
	if len(s) > MaxEmailLen {
		return "Email address must be 254 characters or fewer."
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return "Enter an email address in the correct format, like name@school.org.uk."
	}
	return ""
}
