package lang

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/tokenize"
)

// TestOrangeSum checks that French news articles, and most of their bare
// titles, are detected as French.
func TestOrangeSum(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "corpus", "orangesum", "articles.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var n, articles, titles int
	counts := map[string]int{}
	for n < 1000 && sc.Scan() {
		var a struct{ Title, Article string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
		if Detect(tokenize.Tokenize(a.Article)) == French {
			articles++
		}
		got := Detect(tokenize.Tokenize(a.Title))
		counts[got]++
		if got == French {
			titles++
		}
	}
	t.Logf("%d articles: %d French; titles alone: %v", n, articles, counts)
	if articles < n*995/1000 {
		t.Errorf("%d of %d articles detected as French, want ≥ 99.5%%", articles, n)
	}
	if titles < n*80/100 {
		t.Errorf("%d of %d titles detected as French, want ≥ 80%%", titles, n)
	}
}
