package stem

import "github.com/veille/veille/pkg/tokenize"

// Analysis is tokenized, segmented and stemmed text: what every later stage reads.
type Analysis struct {
	Text      string
	Tokens    []tokenize.Token
	Sentences []tokenize.Sentence
	// Stems[i] is the Snowball stem of Tokens[i], "" for tokens that are not words.
	Stems []string
	// Folded[i] is Fold(Tokens[i].Text), "" for tokens that are not words.
	Folded []string
}

// Analyze tokenizes, segments, stems and folds text. It is safe for
// concurrent use.
func Analyze(text string) *Analysis {
	toks := tokenize.Tokenize(text)
	forms := make([]string, 2*len(toks)) // one allocation for both slices
	a := &Analysis{
		Text: text, Tokens: toks, Sentences: tokenize.Segment(text, toks),
		Stems: forms[:len(toks):len(toks)], Folded: forms[len(toks):],
	}
	for i, t := range toks {
		if t.Kind == tokenize.Word {
			f := lookup(t.Text)
			a.Stems[i], a.Folded[i] = f.stem, f.folded
		}
	}
	return a
}
