package imhars

import (
	"strings"
	"unicode"
)

// DefaultRiskPhrases is the starting list of phrases that may disclose a
// risk of harm. Schools edit their own copy. Matching ignores case,
// punctuation and repeated spaces, so "self harm" also matches "Self-harm!".
var DefaultRiskPhrases = []string{
	"hurt myself", "hurting myself", "harm myself", "self harm", "cut myself", "cutting myself",
	"kill myself", "killing myself", "want to die", "wish i was dead", "end it all",
	"suicide", "suicidal", "no reason to live", "nobody would miss me",
	"not safe at home", "scared to go home", "afraid to go home", "hits me", "beats me",
	"touched me", "touches me", "abuse", "abused", "starving myself", "being groomed",
}

// MatchRisk returns the first phrase that text contains, matched on whole
// words after normalising both, or "" when none does.
func MatchRisk(text string, phrases []string) string {
	norm := " " + normalisePhrase(text) + " "
	for _, p := range phrases {
		np := normalisePhrase(p)
		if np != "" && strings.Contains(norm, " "+np+" ") {
			return p
		}
	}
	return ""
}

// normalisePhrase lower-cases s, turns every run of characters other than
// letters, digits and apostrophes into one space, and drops apostrophes, so
// that "don't" and "dont" match.
func normalisePhrase(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}
