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

	"github.com/blevesearch/bleve/v2"

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
// and reports the latency percentiles over all of them. The filter values
// are taken from the index's own facets at frequency ranks 1, 3, 10, 30 and
// 100 (or the last, for topics): from the most cited person or topic (half
// the corpus for the top category) to ones a few dozen articles mention.
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
	all, err := x.bi.Search(allFacets(200))
	if err != nil {
		b.Fatal(err)
	}
	value := func(facet string, rank int) string { // the last value when there are fewer
		terms := all.Facets[facet].Terms.Terms()
		if len(terms) == 0 {
			b.Fatalf("no %s values in %s", facet, dir)
		}
		return terms[min(rank, len(terms)-1)].Term
	}
	march := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	var queries []Query
	for _, rank := range []int{0, 2, 9, 29, 99} {
		queries = append(queries,
			Query{Topics: []string{value(FacetTopic, rank)}, Facets: true},
			Query{Persons: []string{value(FacetPerson, rank)}, Facets: true},
			Query{Places: []string{value(FacetPlace, rank)}, Since: march, Facets: true},
			Query{Orgs: []string{value(FacetOrg, rank)}, Facets: true},
			Query{Text: "trafic de stupéfiants", Places: []string{value(FacetPlace, rank)}, Facets: true, Highlight: true},
			Query{Text: "manifestation", Topics: []string{value(FacetTopic, rank)}, Persons: []string{value(FacetPerson, rank)}, Facets: true},
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

// allFacets asks bleve for the n most frequent values of every facet.
func allFacets(n int) *bleve.SearchRequest {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	for _, f := range facetFields {
		req.AddFacet(f.facet, bleve.NewFacetRequest(f.field, n))
	}
	return req
}
