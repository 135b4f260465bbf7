package sqlstore

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRebind(t *testing.T) {
	tests := []struct {
		name    string
		dialect dialect
		query   string
		want    string
	}{
		{"sqlite unchanged", dialectSQLite, "SELECT ? WHERE a = ?", "SELECT ? WHERE a = ?"},
		{"postgres numbered", dialectPostgres, "SELECT ? WHERE a = ? AND b = ?",
			"SELECT $1 WHERE a = $2 AND b = $3"},
		{"postgres quoted", dialectPostgres, "SELECT '?', ? WHERE a = 'x?y' AND b = ?",
			"SELECT '?', $1 WHERE a = 'x?y' AND b = $2"},
		{"postgres none", dialectPostgres, "SELECT 1", "SELECT 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.dialect.rebind(tt.query); got != tt.want {
				t.Errorf("rebind(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestArgs(t *testing.T) {
	paris := time.FixedZone("Paris", 3600)
	at := time.Date(2026, 10, 5, 10, 30, 15, 123456789, paris)
	utc := time.Date(2026, 10, 5, 9, 30, 15, 123456000, time.UTC)
	var nilTime *time.Time
	in := []any{int64(4), "text", at, &at, nilTime, true}

	tests := []struct {
		name    string
		dialect dialect
		want    []any
	}{
		{"sqlite", dialectSQLite, []any{int64(4), "text", "2026-10-05T09:30:15.123456Z",
			"2026-10-05T09:30:15.123456Z", nil, true}},
		{"postgres", dialectPostgres, []any{int64(4), "text", utc, utc, nil, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.dialect.args(in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("args (-want +got):\n%s", diff)
			}
			if in[2] != any(at) {
				t.Error("args changed its input")
			}
		})
	}
}

func TestSQLiteTimeOrder(t *testing.T) {
	times := []time.Time{
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 1000, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 0, 500_000_000, time.UTC),
		time.Date(2026, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(2026, 12, 31, 23, 59, 59, 999_999_000, time.UTC),
	}
	for i := 1; i < len(times); i++ {
		a := dialectSQLite.timeValue(times[i-1]).(string)
		b := dialectSQLite.timeValue(times[i]).(string)
		if a >= b {
			t.Errorf("stored %q sorts after %q", a, b)
		}
	}
}

func TestParseTimeValue(t *testing.T) {
	want := time.Date(2026, 10, 5, 9, 30, 15, 123456000, time.UTC)
	tests := []struct {
		name string
		src  any
	}{
		{"sqlite text", "2026-10-05T09:30:15.123456Z"},
		{"sqlite bytes", []byte("2026-10-05T09:30:15.123456Z")},
		{"postgres time", want.In(time.FixedZone("Paris", 3600))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got time.Time
			if err := (timeColumn{&got}).Scan(tt.src); err != nil {
				t.Fatal(err)
			}
			if !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("Scan(%v) = %v, want %v in UTC", tt.src, got, want)
			}
		})
	}

	var got time.Time
	for _, bad := range []any{nil, "yesterday", 42} {
		if err := (timeColumn{&got}).Scan(bad); err == nil {
			t.Errorf("Scan(%v) succeeded", bad)
		}
	}
	p := &want
	if err := (nullTimeColumn{&p}).Scan(nil); err != nil || p != nil {
		t.Errorf("nullTimeColumn.Scan(nil) = %v, %v, want nil time", p, err)
	}
}
