package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
	"github.com/imhars/imhars/sqlstore"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// benchItems is the number of statements in the benchmark's questionnaire.
const benchItems = 40

// BenchmarkSubmitAnswers measures complete submissions of a 40-statement
// questionnaire per second, over HTTP on loopback to a server on a real
// store, with 16 and 64 clients posting at once. Each submission has a new
// key, so each is stored. The server and the clients share the process,
// so the memory and CPU figures include the clients.
func BenchmarkSubmitAnswers(b *testing.B) {
	stores := []struct {
		name string
		open func(testing.TB) *sqlstore.Store
	}{
		{"sqlite", sqlstoretest.OpenSQLite},
		{"postgres", sqlstoretest.OpenPostgres},
	}
	variants := []struct {
		name    string
		comment string
	}{
		{"answers", ""},
		{"answers and a comment", "Staff wellbeing has improved since the new rota.\nMore time to plan would help."},
	}
	for _, st := range stores {
		for _, v := range variants {
			for _, clients := range []int{16, 64} {
				name := fmt.Sprintf("%s/%s/clients=%d", st.name, v.name, clients)
				b.Run(name, func(b *testing.B) {
					benchmarkSubmit(b, st.open(b), v.comment, clients)
				})
			}
		}
	}
}

func benchmarkSubmit(b *testing.B, store *sqlstore.Store, comment string, clients int) {
	ctx := b.Context()
	if _, err := store.EnsureDefaultFramework(ctx, framework.Default(), framework.DefaultSource()); err != nil {
		b.Fatal(err)
	}
	fx := createQuestionnaire(b, store, imhars.AudienceStaff, benchItems, func(q *imhars.Questionnaire) { q.Comments = true })
	now := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	srv, err := New(Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	form := fx.answers("")
	form.Del("key")
	if comment != "" {
		form.Set("comment-"+fx.items[0].ComponentKey, comment)
	}
	rest := "&" + form.Encode()
	url := ts.URL + fx.action
	httpClient := &http.Client{
		Transport:     &http.Transport{MaxIdleConnsPerHost: clients},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer httpClient.CloseIdleConnections()

	peak := watchMemory()
	cpuBefore := processCPU(b)
	var failures atomic.Int64
	var mu sync.Mutex
	var latencies []time.Duration
	b.SetParallelism(max(1, clients/runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			start := time.Now()
			body := "key=" + newToken() + rest
			res, err := httpClient.Post(url, "application/x-www-form-urlencoded", strings.NewReader(body))
			if err != nil {
				b.Errorf("post answers: %v", err)
				failures.Add(1)
				continue
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther {
				failures.Add(1)
			}
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	cpu := processCPU(b) - cpuBefore
	heapInuse, sys := peak()

	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "submissions/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/submission")
	b.ReportMetric(percentile(latencies, 50).Seconds()*1000, "p50-ms")
	b.ReportMetric(percentile(latencies, 99).Seconds()*1000, "p99-ms")
	b.ReportMetric(float64(heapInuse)/(1<<20), "peak-heap-inuse-MB")
	b.ReportMetric(float64(sys)/(1<<20), "peak-sys-MB")
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d of %d submissions were not redirected to the thank-you page", n, b.N)
	}
	if n := fx.respondents(b, store); n != b.N {
		b.Fatalf("%d responses stored, want %d", n, b.N)
	}
}

// percentile returns the p-th percentile of ds, which it sorts.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[(len(ds)-1)*p/100]
}

// processCPU returns the user and system CPU time this process has used.
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// watchMemory samples the Go runtime's memory every 20 ms until the
// returned function is called, which returns the highest HeapInuse and Sys
// seen, in bytes.
func watchMemory() func() (heapInuse, sys uint64) {
	var mu sync.Mutex
	var maxHeap, maxSys uint64
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		maxHeap, maxSys = max(maxHeap, m.HeapInuse), max(maxSys, m.Sys)
		mu.Unlock()
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		<-stopped
		sample()
		mu.Lock()
		defer mu.Unlock()
		return maxHeap, maxSys
	}
}
