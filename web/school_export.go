package web

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/imhars/imhars"
)

// schoolExport is everything a school's data export contains, one field
// per JSON file. The types below fix the files' field names, so that the
// format does not change when a domain type gains a field. They also
// leave out what the export must never contain: password hashes,
// sessions, invitation and recipient token hashes, comments flagged for
// safeguarding, and the responses or comments that the school's privacy
// thresholds withhold, which Withheld lists.
//
// NOTE: the files are read by several queries, not from one snapshot, so
// a change saved during an export may show in one file and not another.
type schoolExport struct {
	School         exportSchool
	Members        []exportMember
	Audits         []exportAudit
	Questionnaires []exportQuestionnaire
	Responses      []exportResponse
	Withheld       []exportWithheld
	Recipients     []exportRecipient
	Events         []exportEvent
}

type exportSchool struct {
	ID             int64     `json:"id"`
	Name           string    `json:"name"`
	Phase          string    `json:"phase"`
	URN            string    `json:"urn"`
	LocalAuthority string    `json:"local_authority"`
	TimeZone       string    `json:"time_zone"`
	IsSample       bool      `json:"is_sample"`
	CreatedAt      time.Time `json:"created_at"`
	MinGroup       int       `json:"min_group"`
	MinComments    int       `json:"min_comments"`
	RiskPhrases    []string  `json:"risk_phrases"`
}

type exportMember struct {
	UserID           int64  `json:"user_id"`
	Name             string `json:"name"`
	Email            string `json:"email"`
	Role             string `json:"role"`
	SafeguardingLead bool   `json:"safeguarding_lead"`
}

type exportEvent struct {
	At       time.Time `json:"at"`
	UserName string    `json:"user_name"`
	Action   string    `json:"action"`
	Detail   string    `json:"detail"`
}

// loadSchoolExport reads all of a school's data through the store.
func (s *Server) loadSchoolExport(ctx context.Context, school *imhars.School) (*schoolExport, error) {
	e := &schoolExport{Questionnaires: []exportQuestionnaire{}, Responses: []exportResponse{},
		Withheld: []exportWithheld{}, Recipients: []exportRecipient{}}
	var err error
	if e.School, err = s.exportSchoolSettings(ctx, school); err != nil {
		return nil, err
	}
	privacy, err := s.schoolPrivacy(ctx, school.ID)
	if err != nil {
		return nil, err
	}
	if e.Members, err = s.exportMembers(ctx, school.ID); err != nil {
		return nil, err
	}
	if e.Audits, err = s.exportAudits(ctx, school.ID); err != nil {
		return nil, err
	}
	for _, a := range e.Audits {
		if err := s.exportQuestionnaires(ctx, a.ID, privacy, e); err != nil {
			return nil, err
		}
	}
	if e.Events, err = s.exportEvents(ctx, school.ID); err != nil {
		return nil, err
	}
	return e, nil
}

func (s *Server) exportSchoolSettings(ctx context.Context, school *imhars.School) (exportSchool, error) {
	privacy, err := s.store.SchoolPrivacy(ctx, school.ID)
	if err != nil {
		return exportSchool{}, fmt.Errorf("load privacy settings of school %d: %w", school.ID, err)
	}
	phrases, err := s.store.RiskPhrases(ctx, school.ID)
	if err != nil {
		return exportSchool{}, fmt.Errorf("load risk phrases of school %d: %w", school.ID, err)
	}
	return exportSchool{
		ID: school.ID, Name: school.Name, Phase: string(school.Phase), URN: school.URN,
		LocalAuthority: school.LocalAuthority, TimeZone: school.TimeZone, IsSample: school.IsSample,
		CreatedAt: school.CreatedAt, MinGroup: privacy.MinGroup, MinComments: privacy.MinComments,
		RiskPhrases: phrases,
	}, nil
}

func (s *Server) exportMembers(ctx context.Context, schoolID int64) ([]exportMember, error) {
	members, err := s.store.Members(ctx, schoolID)
	if err != nil {
		return nil, fmt.Errorf("list members of school %d: %w", schoolID, err)
	}
	out := make([]exportMember, 0, len(members))
	for _, m := range members {
		lead, err := s.store.IsSafeguardingLead(ctx, schoolID, m.User.ID)
		if err != nil {
			return nil, fmt.Errorf("check safeguarding lead %d of school %d: %w", m.User.ID, schoolID, err)
		}
		out = append(out, exportMember{UserID: m.User.ID, Name: m.User.Name, Email: m.User.Email,
			Role: string(m.Role), SafeguardingLead: lead})
	}
	return out, nil
}

func (s *Server) exportEvents(ctx context.Context, schoolID int64) ([]exportEvent, error) {
	events, err := s.store.Events(ctx, schoolID)
	if err != nil {
		return nil, fmt.Errorf("list events of school %d: %w", schoolID, err)
	}
	out := make([]exportEvent, 0, len(events))
	for _, ev := range events {
		out = append(out, exportEvent{At: ev.At, UserName: ev.UserName, Action: ev.Action, Detail: ev.Detail})
	}
	return out, nil
}

// orderedKeys returns the keys of m in the order of want, then any other
// keys of m sorted, so that nothing stored is left out.
func orderedKeys[V any](m map[string]V, want []string) []string {
	var keys []string
	for _, k := range want {
		if _, ok := m[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(want, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(keys, rest...)
}
