package stem

import "github.com/veille/veille/pkg/tokenize"

// Analysis is tokenized, segmented and stemmed text: what every later stage reads.
type Analysis struct {
	Text      string
	Tokens    []tokenize.Token
	Sentences []tokenize.Sentence
	// Stems[i] is the Snowball stem of Tokens[i], "" for tokens that are not words.
	Stems []string
}

// Analyze tokenizes, segments and stems text. It is safe for concurrent use.
func Analyze(text string) *Analysis {
	toks := tokenize.Tokenize(text)
	a := &Analysis{
		Text: text, Tokens: toks, Sentences: tokenize.Segment(text, toks),
		Stems: make([]string, len(toks)),
	}
	for i, t := range toks {
		if t.Kind == tokenize.Word {
			a.Stems[i] = lookup(t.Text).stem
		}
	}
	return a
}

// Folded returns Fold(a.Tokens[i].Text). For words it comes from the stem
// cache, filled by Analyze, and allocates nothing. (A Folded slice filled by
// Analyze measured 10–18% more CPU time per call, so it is computed on demand.)
func (a *Analysis) Folded(i int) string {
	if t := a.Tokens[i]; t.Kind == tokenize.Word {
		return lookup(t.Text).folded
	}
	return Fold(a.Tokens[i].Text)
}
