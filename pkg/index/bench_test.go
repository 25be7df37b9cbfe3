package index

import (
	"context"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/textio"
	"github.com/veille/veille/pkg/veille"
)

// orangeSum yields the first n articles of the OrangeSum dump, decoded but
// not extracted: text, title and date only.
func orangeSum(b *testing.B, n int) []*veille.Document {
	path := sharedtest.Path(b, "corpus", "orangesum", "articles.jsonl.gz")
	var docs []*veille.Document
	next, stop := iter.Pull(textio.Read(context.Background(), []string{path}, textio.Options{}))
	defer stop()
	for len(docs) < n {
		d, ok := next()
		if !ok {
			break
		}
		if d.Err == nil {
			docs = append(docs, &veille.Document{Source: d.Source, Title: d.Title, Date: d.Date, Text: d.Text})
		}
	}
	return docs
}

// BenchmarkIndexOrangeSum measures indexing alone (no extraction, so no
// entity or topic fields) of the first $VEILLE_BENCH_DOCS (default 2,000)
// OrangeSum articles, in batches of 256.
func BenchmarkIndexOrangeSum(b *testing.B) {
	n, err := strconv.Atoi(os.Getenv("VEILLE_BENCH_DOCS"))
	if err != nil {
		n = 2000
	}
	docs := orangeSum(b, n)
	b.ResetTimer()
	for range b.N {
		dir := filepath.Join(b.TempDir(), "idx")
		w, err := Create(dir)
		if err != nil {
			b.Fatal(err)
		}
		for c := range slices.Chunk(docs, 256) {
			if err := w.Add(context.Background(), c...); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkHash measures the unchanged-document check of `extract index`.
func BenchmarkHash(b *testing.B) {
	docs := orangeSum(b, 2000)
	dir := filepath.Join(b.TempDir(), "idx")
	w, err := Create(dir)
	if err != nil {
		b.Fatal(err)
	}
	if err := w.Add(context.Background(), docs...); err != nil {
		b.Fatal(err)
	}
	w.Close()
	x, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	b.ResetTimer()
	for i := range b.N {
		d := docs[i%len(docs)]
		if h, ok := x.Hash(d.Source); !ok || h != ContentHash(d.Title, d.Date, d.Text) {
			b.Fatal("hash mismatch")
		}
	}
}

// BenchmarkQueries runs realistic queries (each with an entity or topic
// filter, and facets) on the index named by $VEILLE_INDEX, built for
// instance by
//
//	extract reindex --index /tmp/orangesum.idx ../shared/corpus/orangesum/articles.jsonl.gz
//
// and reports the latency percentiles over all of them. The filters are the
// most frequent values of the index's own facets.
func BenchmarkQueries(b *testing.B) {
	dir := os.Getenv("VEILLE_INDEX")
	if dir == "" {
		b.Skip("set VEILLE_INDEX to an index built by extract reindex")
	}
	x, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	all, err := x.Search(ctx, Query{Facets: true, Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	top := func(facet string, i int) string {
		if v := all.Facets[facet]; i < len(v) {
			return v[i].Name
		}
		return ""
	}
	march := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	var queries []Query
	for i := range 3 {
		queries = append(queries,
			Query{Topics: []string{top(FacetTopic, i)}, Facets: true},
			Query{Persons: []string{top(FacetPerson, i)}, Facets: true},
			Query{Places: []string{top(FacetPlace, i)}, Since: march, Facets: true},
			Query{Orgs: []string{top(FacetOrg, i)}, Facets: true},
			Query{Text: "trafic de stupéfiants", Places: []string{top(FacetPlace, i)}, Facets: true, Highlight: true},
			Query{Text: "manifestation", Topics: []string{top(FacetTopic, i)}, Persons: []string{top(FacetPerson, i)}, Facets: true},
		)
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		q := queries[i%len(queries)]
		t := time.Now()
		if _, err := x.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
