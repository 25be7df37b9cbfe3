// Package sharedtest finds the read-only corpora in ../shared for tests and
// benchmarks, and skips them with a clear message on a fresh clone without it.
package sharedtest

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the shared folder: $VEILLE_SHARED, or ../shared beside the
// repository root. It returns "" when neither exists.
func Dir() string {
	if d := os.Getenv("VEILLE_SHARED"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <root>/pkg/internal/sharedtest/sharedtest.go.
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return filepath.Clean(d)
}

// Path returns the path of rel inside the shared folder, or skips tb with a
// message naming what is missing.
func Path(tb testing.TB, rel ...string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skip("../shared is absent (a fresh clone): skipping a test that needs the shared corpora")
	}
	p := filepath.Join(append([]string{d}, rel...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent: skipping", p)
	}
	return p
}

// Article is one OrangeSum article's text fields.
type Article struct{ Title, Heading, Article string }

// Text joins the fields as the dump readers do: title, heading and body
// separated by blank lines.
func (a Article) Text() string { return a.Title + "\n\n" + a.Heading + "\n\n" + a.Article }

// OrangeSum returns the first n articles of the shared OrangeSum dump, or
// skips tb when it is absent.
func OrangeSum(tb testing.TB, n int) []Article {
	tb.Helper()
	f, err := os.Open(Path(tb, "corpus", "orangesum", "articles.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Article
	for len(out) < n && sc.Scan() {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("articles.jsonl.gz line %d: %v", len(out)+1, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
