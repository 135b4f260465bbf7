package demo

import (
	"strings"
	"testing"

	"github.com/imhars/imhars"
)

func TestRemovalString(t *testing.T) {
	tests := []struct {
		name    string
		removed removal
		want    string
	}{
		{"nothing", removal{}, "There was no sample data to remove."},
		{"school and account", removal{schools: 1, accounts: 1}, "Removed the sample school and the demo account."},
		{"two schools", removal{schools: 2, accounts: 1}, "Removed 2 sample schools and the demo account."},
		{"account only", removal{accounts: 1}, "Removed the demo account."},
		{"school only", removal{schools: 1}, "Removed the sample school."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.removed.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEvidenceForRating checks that each rating has its own evidence, so
// that no sentence written for one level appears beside another.
func TestEvidenceForRating(t *testing.T) {
	seen := map[string]imhars.Rating{}
	for _, rating := range append([]imhars.Rating{imhars.NotAssessed}, imhars.Ratings...) {
		t.Run(rating.Label(), func(t *testing.T) {
			for n := range 6 {
				e := evidenceFor(rating, n)
				if strings.TrimSpace(e.text) == "" {
					t.Fatalf("evidenceFor(%s, %d) is empty", rating.Label(), n)
				}
				if other, ok := seen[e.text]; ok && other != rating {
					t.Errorf("evidence %q is used for both %s and %s", e.text, other.Label(), rating.Label())
				}
				seen[e.text] = rating
				for _, k := range e.kinds {
					if !k.Valid() {
						t.Errorf("evidence %q has unknown kind %q", e.text, k)
					}
				}
			}
		})
	}
}
