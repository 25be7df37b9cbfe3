package textio

import (
	"context"
	"os"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
)

const orangesumDocs = 33_889

// TestOrangeSum streams the whole OrangeSum dump (88 MB of JSON once
// decompressed): every line must make a document with a date and a title.
func TestOrangeSum(t *testing.T) {
	if testing.Short() {
		t.Skip("reads an 88 MB dump: skipped with -short")
	}
	path := sharedtest.Path(t, "corpus", "orangesum", "articles.jsonl.gz")
	n := 0
	for d := range Read(context.Background(), []string{path}, Options{}) {
		if d.Err != nil {
			t.Fatal(d.Err)
		}
		if d.Date == "" || d.Title == "" {
			t.Fatalf("%s: date %q, title %q", d.Source, d.Date, d.Title)
		}
		n++
	}
	if n != orangesumDocs {
		t.Errorf("read %d articles, want %d", n, orangesumDocs)
	}
}

// BenchmarkReadDump reads the OrangeSum dump: docs/s and MB/s of decoded text.
func BenchmarkReadDump(b *testing.B) {
	path := sharedtest.Path(b, "corpus", "orangesum", "articles.jsonl.gz")
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size()) // compressed bytes per op
	docs, text := 0, 0
	for b.Loop() {
		for d := range Read(context.Background(), []string{path}, Options{}) {
			docs++
			text += len(d.Text)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(docs)/sec, "docs/s")
	b.ReportMetric(float64(text)/sec/1e6, "textMB/s")
}
