package tokenize

import (
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
)

// orangesum returns the text of the first n OrangeSum articles, or skips
// when the shared corpus is absent.
func orangesum(tb testing.TB, n int) []string {
	tb.Helper()
	var out []string
	for _, a := range sharedtest.OrangeSum(tb, n) {
		out = append(out, a.Text())
	}
	return out
}

// TestOrangeSum runs Tokenize and Segment over 2,000 real articles, 77% of
// which have sentences glued by a lost paragraph break, and checks the
// offset and coverage invariants, and that glued sentences were split.
func TestOrangeSum(t *testing.T) {
	arts := orangesum(t, 2000)
	var nToks, nSents, glued int
	for _, text := range arts {
		toks := Tokenize(text)
		checkOffsets(t, text, toks)
		sents := Segment(text, toks)
		checkSentences(t, text, toks, sents)
		nToks += len(toks)
		nSents += len(sents)
		for i := 1; i < len(toks); i++ {
			if toks[i-1].End == toks[i].Start && toks[i-1].Text == "." && startsUpper(toks[i].Text) {
				glued++
			}
		}
	}
	t.Logf("%d articles: %d tokens, %d sentences, %d period-glued sentence starts", len(arts), nToks, nSents, glued)
	if perSentence := float64(nToks) / float64(nSents); perSentence < 12 || perSentence > 40 {
		t.Errorf("%.1f tokens per sentence: segmentation is off", perSentence)
	}
	if glued < len(arts) {
		t.Errorf("only %d period-glued sentences split in %d articles", glued, len(arts))
	}
}
