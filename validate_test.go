package imhars

import (
	"strings"
	"testing"
	"time"
)

func TestValidateAcademicYear(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for valid, otherwise part of the message
	}{
		{"2026/27", ""},
		{"1999/00", "between 2000/01"},
		{"2099/00", ""},
		{"2026/28", "like 2026/27"},
		{"2026-27", "like 2026/27"},
		{"26/27", "like 2026/27"},
		{"", "like 2026/27"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ValidateAcademicYear(tt.in)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("ValidateAcademicYear(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCurrentAcademicYear(t *testing.T) {
	tests := []struct {
		date time.Time
		want string
	}{
		{time.Date(2026, 8, 31, 23, 0, 0, 0, time.UTC), "2025/26"},
		{time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), "2026/27"},
		{time.Date(2099, 12, 1, 0, 0, 0, 0, time.UTC), "2099/00"},
	}
	for _, tt := range tests {
		if got := CurrentAcademicYear(tt.date); got != tt.want {
			t.Errorf("CurrentAcademicYear(%s) = %q, want %q", tt.date.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestSchoolValidate(t *testing.T) {
	tests := []struct {
		name   string
		school School
		fields []string
	}{
		{"valid", School{Name: "A", Phase: PhasePrimary, URN: "100432"}, nil},
		{"blank name after trim", School{Name: "  ", Phase: PhasePrimary}, []string{"name"}},
		{"long name", School{Name: strings.Repeat("é", MaxSchoolNameLen+1), Phase: PhaseSpecial}, []string{"name"}},
		{"unknown phase", School{Name: "A", Phase: "nursery"}, []string{"phase"}},
		{"letters in urn", School{Name: "A", Phase: PhasePrimary, URN: "10043a"}, []string{"urn"}},
		{"short urn", School{Name: "A", Phase: PhasePrimary, URN: "12345"}, []string{"urn"}},
		{"dublin time", School{Name: "A", Phase: PhasePrimary, TimeZone: "Europe/Dublin"}, nil},
		{"unknown time zone", School{Name: "A", Phase: PhasePrimary, TimeZone: "Europe/Narnia"}, []string{"time_zone"}},
		{"server clock", School{Name: "A", Phase: PhasePrimary, TimeZone: "UTC"}, []string{"time_zone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := tt.school.Validate()
			if len(errs) != len(tt.fields) {
				t.Fatalf("errors = %v, want fields %v", errs, tt.fields)
			}
			for i, f := range tt.fields {
				if errs[i].Field != f {
					t.Errorf("error %d on %q, want %q", i, errs[i].Field, f)
				}
			}
		})
	}
}

func TestNewUserValidate(t *testing.T) {
	tests := []struct {
		name   string
		in     NewUserInput
		fields []string
	}{
		{"valid", NewUserInput{Name: "Ada", Email: " Ada@Example.org ", Password: "long enough pass"}, nil},
		{"missing everything", NewUserInput{}, []string{"name", "email", "password"}},
		{"email without domain dot", NewUserInput{Name: "A", Email: "a@b", Password: "long enough pass"}, []string{"email"}},
		{"email with display name", NewUserInput{Name: "A", Email: "Ada <a@b.org>", Password: "long enough pass"}, []string{"email"}},
		{"short password", NewUserInput{Name: "A", Email: "a@b.org", Password: "short"}, []string{"password"}},
		{"long password", NewUserInput{Name: "A", Email: "a@b.org", Password: strings.Repeat("x", MaxPasswordLen+1)}, []string{"password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := tt.in.Validate()
			if len(errs) != len(tt.fields) {
				t.Fatalf("errors = %v, want fields %v", errs, tt.fields)
			}
			for i, f := range tt.fields {
				if errs[i].Field != f {
					t.Errorf("error %d on %q, want %q", i, errs[i].Field, f)
				}
			}
		})
	}
	in := NewUserInput{Name: "Ada", Email: " Ada@Example.org ", Password: "long enough pass"}
	in.Validate()
	if in.Email != "ada@example.org" {
		t.Errorf("email normalised to %q", in.Email)
	}
}

func TestAssessmentValidate(t *testing.T) {
	ok := PracticeAssessment{Rating: Established, Kinds: []EvidenceKind{EvidenceDocuments}, Priority: PriorityLow}
	if errs := ok.Validate(); errs.Any() {
		t.Errorf("valid assessment has errors %v", errs)
	}
	bad := PracticeAssessment{Rating: 7, Kinds: []EvidenceKind{"rumour"}, Priority: "urgent", Evidence: strings.Repeat("x", MaxEvidenceLen+1)}
	got := bad.Validate()
	for _, field := range []string{"rating", "evidence", "kinds", "priority"} {
		if got.Get(field) == "" {
			t.Errorf("no error for %s", field)
		}
	}
}
