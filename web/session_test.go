package web

import "testing"

func TestSafeNext(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"/schools/1", "/schools/1"},
		{"/resume", "/resume"},
		{"/schools/1?tab=2", "/schools/1?tab=2"},
		{"", "/"},
		{"schools/1", "/"},
		{"//evil.example/", "/"},
		{"/\\evil.example/", "/"},
		{"/\t/evil.example/", "/"},
		{"/\n/evil.example/", "/"},
		{"/%09/evil.example/", "/%09/evil.example/"},
		{"https://evil.example/", "/"},
		{"/\x7f/evil.example", "/"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.in); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
