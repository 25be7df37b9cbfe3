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

// Analyze tokenizes, segments and stems text.
func Analyze(text string) *Analysis {
	toks := tokenize.Tokenize(text)
	a := &Analysis{Text: text, Tokens: toks, Sentences: tokenize.Segment(text, toks), Stems: make([]string, len(toks))}
	for i, t := range toks {
		if t.Kind == tokenize.Word {
			a.Stems[i] = Stem(t.Text)
		}
	}
	return a
}
