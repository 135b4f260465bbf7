package imhars

import (
	"context"
	"time"
)

// Store is the persistence the application needs. The sqlstore package
// implements it on SQLite and PostgreSQL. Methods that take a school or
// audit id together with a user id return ErrNotFound when that user is
// not a member of the school, so that other schools' ids reveal nothing.
type Store interface {
	UserStore
	SessionStore
	SchoolStore
	FrameworkStore
	AuditStore
	QuestionnaireStore
	Close() error
}

// UserStore keeps accounts.
type UserStore interface {
	// CreateFirstAdmin creates u as an administrator only while no
	// administrator exists, and returns a conflict error otherwise.
	CreateFirstAdmin(ctx context.Context, u *User) error
	CreateUser(ctx context.Context, u *User) error
	UserByEmail(ctx context.Context, email string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	CountUsers(ctx context.Context) (int, error)
	CountAdmins(ctx context.Context) (int, error)
}

// Session is a signed-in browser. Only a hash of its token is stored.
type Session struct {
	TokenHash string
	UserID    int64
	CSRFToken string
	ExpiresAt time.Time
}

// SessionStore keeps server-side sessions and forms saved while signed out.
type SessionStore interface {
	CreateSession(ctx context.Context, s *Session) error
	SessionByTokenHash(ctx context.Context, hash string, now time.Time) (*Session, error)
	DeleteSession(ctx context.Context, hash string) error
	// SavePendingForm keeps a form posted after its session expired, so that
	// nothing typed is lost, and returns its id.
	SavePendingForm(ctx context.Context, id, path, values string, expiresAt time.Time) error
	// TakePendingForm returns and deletes a saved form.
	TakePendingForm(ctx context.Context, id string, now time.Time) (path, values string, err error)
}

// SchoolStore keeps schools, their members and invitations.
type SchoolStore interface {
	// CreateSchool creates s and makes creatorID its audit lead.
	CreateSchool(ctx context.Context, s *School, creatorID int64) error
	UpdateSchool(ctx context.Context, s *School) error
	// School returns a school and the user's role in it. Administrators
	// see every school with RoleLead.
	School(ctx context.Context, schoolID int64, user *User) (*School, Role, error)
	SchoolsForUser(ctx context.Context, user *User) ([]SchoolSummary, error)
	Members(ctx context.Context, schoolID int64) ([]Member, error)
	SetMemberRole(ctx context.Context, schoolID, userID int64, role Role) error
	RemoveMember(ctx context.Context, schoolID, userID int64) error
	CreateInvitation(ctx context.Context, inv *Invitation) error
	Invitations(ctx context.Context, schoolID int64, now time.Time) ([]Invitation, error)
	InvitationByTokenHash(ctx context.Context, hash string) (*Invitation, error)
	// AcceptInvitation marks the invitation used and adds the user, once.
	AcceptInvitation(ctx context.Context, hash string, userID int64, now time.Time) (*Invitation, error)
	RevokeInvitation(ctx context.Context, schoolID, invitationID int64) error
}

// SchoolSummary is a row in the list of a user's schools.
type SchoolSummary struct {
	School      School
	Role        Role
	LatestAudit *Audit
}

// Invitation lets someone join a school with a role. Only a hash of its
// token is stored; the link is shown once, to the person who made it.
type Invitation struct {
	ID        int64
	SchoolID  int64
	TokenHash string
	Role      Role
	Note      string // who it is for, in the inviter's words
	CreatedBy int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// InvitationLifetime is how long an invitation link works.
const InvitationLifetime = 7 * 24 * time.Hour

// Usable reports whether the invitation can still be accepted at now.
func (i *Invitation) Usable(now time.Time) bool {
	return i.UsedAt == nil && now.Before(i.ExpiresAt)
}

// FrameworkStore keeps framework versions. Definitions are stored whole so
// that an audit always shows the wording it started with.
type FrameworkStore interface {
	// SaveFramework stores f with its source text; a slug and version that
	// already exist are a conflict.
	SaveFramework(ctx context.Context, f *Framework, source []byte, importedBy *int64) error
	Framework(ctx context.Context, id int64) (*Framework, error)
	Frameworks(ctx context.Context) ([]Framework, error)
	FrameworkSource(ctx context.Context, id int64) ([]byte, error)
}

// AuditStore keeps audits and what is recorded in them.
type AuditStore interface {
	CreateAudit(ctx context.Context, a *Audit) error
	Audit(ctx context.Context, schoolID, auditID int64) (*Audit, error)
	Audits(ctx context.Context, schoolID int64) ([]Audit, error)
	// PreviousAudit returns the latest complete audit of the same school
	// for an earlier academic year, or ErrNotFound. Audits in progress are
	// skipped.
	PreviousAudit(ctx context.Context, a *Audit) (*Audit, error)
	SetAuditStatus(ctx context.Context, auditID int64, status AuditStatus, at time.Time) error
	AuditData(ctx context.Context, a *Audit) (*AuditData, error)
	Assessment(ctx context.Context, auditID int64, practiceKey string) (*PracticeAssessment, error)
	// SaveAssessment writes p only if the stored version equals p.Version,
	// then increments it; otherwise it returns a conflict error and
	// changes nothing.
	SaveAssessment(ctx context.Context, p *PracticeAssessment) error
	Findings(ctx context.Context, auditID int64, componentKey string) (*ComponentFindings, error)
	// SaveFindings follows the same version rule as SaveAssessment.
	SaveFindings(ctx context.Context, f *ComponentFindings) error
	// LogEvent records who exported or deleted what, for accountability.
	LogEvent(ctx context.Context, e *Event) error
	Events(ctx context.Context, schoolID int64) ([]Event, error)
}

// Event is an entry in a school's activity log.
type Event struct {
	At       time.Time
	UserID   int64
	UserName string
	SchoolID int64
	Action   string // such as "export.pdf"
	Detail   string
}

// ErrVersionConflict is returned when a save would overwrite a newer change.
var ErrVersionConflict = &Error{Code: ECONFLICT, Message: "Someone else saved a newer version of this while you were editing."}
