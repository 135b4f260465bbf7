package web

import (
	"net/http/httptest"
	"testing"
)

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

func TestAttachmentKeepsAccentedNames(t *testing.T) {
	rec := httptest.NewRecorder()
	setAttachment(rec, "imhars-audit-"+slug("Zoë's Café School")+"-2026-27.pdf")
	got := rec.Header().Get("Content-Disposition")
	want := "attachment; filename*=utf-8''imhars-audit-zo%C3%AB-s-caf%C3%A9-school-2026-27.pdf"
	if got != want {
		t.Errorf("Content-Disposition = %q, want %q", got, want)
	}
}
