package sqlstore

import (
	"regexp"
	"testing"

	"github.com/imhars/imhars"
)

func TestShortCodeAlphabetSize(t *testing.T) {
	// newShortCode takes each random byte modulo the alphabet's length,
	// which is unbiased only when the length divides 256.
	if n := len(imhars.ShortCodeAlphabet); 256%n != 0 {
		t.Errorf("ShortCodeAlphabet has %d characters, want a divisor of 256", n)
	}
}

func TestRandomIdentifiers(t *testing.T) {
	tests := []struct {
		name    string
		newID   func() string
		pattern string
	}{
		{"link id", newLinkID, `^[A-Za-z0-9_-]{22}$`},
		{"short code", newShortCode, `^[` + imhars.ShortCodeAlphabet + `]{6}$`},
		{"response id", newResponseID, `^[0-9a-f]{32}$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re := regexp.MustCompile(tt.pattern)
			seen := make(map[string]bool)
			for range 100 {
				id := tt.newID()
				if !re.MatchString(id) {
					t.Fatalf("%q does not match %s", id, tt.pattern)
				}
				if seen[id] {
					t.Fatalf("%q drawn twice in 100 draws", id)
				}
				seen[id] = true
			}
		})
	}
}

func TestCommentIDPositive(t *testing.T) {
	for range 100 {
		if id := newCommentID(); id < 0 {
			t.Fatalf("newCommentID() = %d, want not negative", id)
		}
	}
}
