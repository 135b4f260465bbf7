package password

import (
	"errors"
	"strings"
	"testing"
)

func TestHashAndCheck(t *testing.T) {
	hash, err := Hash("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q does not carry the expected parameters", hash)
	}
	tests := []struct {
		name     string
		password string
		want     bool
	}{
		{"same password", "correct horse battery staple", true},
		{"different password", "correct horse battery stapler", false},
		{"empty password", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(hash, tt.password)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Check = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHashSaltsDiffer(t *testing.T) {
	a, _ := Hash("same")
	b, _ := Hash("same")
	if a == b {
		t.Error("two hashes of one password are equal; the salt is not random")
	}
}

func TestCheckMalformed(t *testing.T) {
	for _, hash := range []string{"", "plain", "$bcrypt$x$y$z$w", "$argon2id$v=19$m=x$a$b", "$argon2id$v=19$m=1,t=1,p=1$!!$AAAA"} {
		if _, err := Check(hash, "x"); !errors.Is(err, ErrMalformed) {
			t.Errorf("Check(%q) error = %v, want ErrMalformed", hash, err)
		}
	}
}

func TestGenerateRandomPasswords(t *testing.T) {
	a, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate()
	if len(a) != 16 {
		t.Errorf("generated password has %d characters, want 16", len(a))
	}
	if a == b {
		t.Error("two generated passwords are equal")
	}
}
