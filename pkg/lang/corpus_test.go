package lang

import (
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/tokenize"
)

// TestOrangeSum checks that French news articles, and most of their bare
// titles, are detected as French.
func TestOrangeSum(t *testing.T) {
	arts := sharedtest.OrangeSum(t, 1000)
	n := len(arts)
	var articles, titles int
	counts := map[string]int{}
	for _, a := range arts {
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
