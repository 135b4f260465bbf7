package imhars

import (
	"strings"
	"unicode"
)

// DefaultRiskPhrases is the starting list of phrases that may disclose a
// risk of harm. Schools edit their own copy. It errs towards flagging too
// much, because a flagged comment only goes to the safeguarding lead, while
// a missed one is read by the whole team.
var DefaultRiskPhrases = []string{
	// Harm to self.
	"hurt myself", "hurting myself", "harm myself", "harming myself", "self harm", "self harming",
	"cut myself", "cutting myself", "been cutting", "starving myself", "overdose",
	"kill myself", "killing myself", "kms", "want to die", "wanna die", "wish i was dead",
	"wish i were dead", "better off dead", "end it all", "want to end it", "end my life",
	"take my own life", "dont want to be alive", "do not want to be alive", "dont want to live",
	"suicide", "suicidal", "no reason to live", "nobody would miss me", "no one would miss me",
	// Harm from others.
	"not safe at home", "scared to go home", "afraid to go home", "scared of my dad",
	"scared of my mum", "hit me", "hits me", "hitting me", "beats me", "beat me",
	"hurts me", "hurting me", "hurt me", "kicks me", "kicked me", "punches me", "punched me",
	"touched me", "touches me", "abuse", "abused", "abusing", "groomed", "being groomed",
	"rape", "raped", "kill yourself", "kys",
}

// MatchRisk returns the first phrase that text contains, or "" when none
// does. Both are normalised first: case, punctuation, apostrophes, repeated
// spaces and letters that only look Latin (such as Cyrillic "ѕ") are
// ignored. A phrase must match whole words. A phrase of several words that
// is at least minSquashed letters long also matches with every space left
// out, so "self harm" finds "selfharm" and "hurt myself" finds "hurt my
// self". Shorter phrases, such as "hit me", would then match inside other
// words ("white mess"), so they do not.
func MatchRisk(text string, phrases []string) string {
	norm := normalisePhrase(text)
	spaced := " " + norm + " "
	squashed := strings.ReplaceAll(norm, " ", "")
	for _, p := range phrases {
		np := normalisePhrase(p)
		if np == "" {
			continue
		}
		if strings.Contains(spaced, " "+np+" ") {
			return p
		}
		compact := strings.ReplaceAll(np, " ", "")
		if compact != np && len(compact) >= minSquashed && strings.Contains(squashed, compact) {
			return p
		}
	}
	return ""
}

// minSquashed is the shortest phrase, in bytes without spaces, that is also
// matched with spaces left out.
const minSquashed = 8

// lookalikes maps Cyrillic and Greek letters that look like Latin ones to
// those Latin letters, so that a disclosure typed with them still matches.
var lookalikes = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j', 'ԁ': 'd',
	'ο': 'o', 'α': 'a', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'υ': 'u',
}

// normalisePhrase lower-cases s, maps lookalike letters to Latin, turns
// every run of characters other than letters and digits into one space, and
// drops apostrophes, so that "don't" and "dont" match.
func normalisePhrase(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if l, ok := lookalikes[r]; ok {
			r = l
		}
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
