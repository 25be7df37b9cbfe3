package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr" // registers the "stop_fr" token filter
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// Names of the analysis components this package registers in bleve.
const (
	// TokenizerName splits text with pkg/tokenize: « l’ubérisation » gives
	// « l » and « ubérisation »; punctuation and symbols are dropped.
	TokenizerName = "veille_tokenize"
	// StemFilterName replaces each term with its French Snowball stem (pkg/stem).
	StemFilterName = "veille_snowball_fr"
	// StemFoldFilterName replaces each term with its stem and, when it
	// differs, adds the stem of its folded form at the same position:
	// « stupéfiants » gives « stupéfi » and « stupefi ».
	StemFoldFilterName = "veille_snowball_fold_fr"
	// FoldFilterName folds terms with stem.Fold: no accents, œ as oe.
	FoldFilterName = "veille_fold"
	// NameGramsFilterName replaces the words of a name with every run of
	// up to MaxNameWords consecutive words, joined by a space: « gerald
	// darmanin » gives « gerald », « darmanin » and « gerald darmanin ».
	NameGramsFilterName = "veille_name_grams"

	// AnalyzerIndex analyzes the text field when indexing: tokenize,
	// lower-case, drop French stop words, stem with and without accents.
	AnalyzerIndex = "veille_fr_index"
	// AnalyzerFrench analyzes text queries as typed: tokenize, lower-case,
	// drop stop words, stem. It finds the forms with the same accents.
	AnalyzerFrench = "veille_fr"
	// AnalyzerFrenchFolded analyzes text queries ignoring accents: as
	// AnalyzerFrench with the terms folded before stemming, so that
	// « stupefiants » and « stupéfiants » both find « stupéfiants ».
	AnalyzerFrenchFolded = "veille_fr_folded"
	// AnalyzerName: tokenize, fold, name grams. A name filter is then one
	// term lookup: « darmanin » or « gérald darmanin » finds « Gérald
	// Darmanin », « place nette » finds « Place nette XXL ».
	AnalyzerName = "veille_name"
)

// MaxNameWords is the longest run of words a name filter can match.
const MaxNameWords = 8

func init() {
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{}, nil
	}))
	must(registry.RegisterTokenFilter(StemFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(stem.Stem), nil
	}))
	must(registry.RegisterTokenFilter(StemFoldFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFoldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(NameGramsFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return nameGrams{}, nil
	}))
	must(registry.RegisterTokenFilter(FoldFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return termFilter(stem.Fold), nil
	}))
	chains := map[string][]string{
		AnalyzerIndex:        {lowercase.Name, "stop_fr", StemFoldFilterName},
		AnalyzerFrench:       {lowercase.Name, "stop_fr", StemFilterName},
		AnalyzerFrenchFolded: {lowercase.Name, "stop_fr", FoldFilterName, StemFilterName},
		AnalyzerName:         {FoldFilterName, NameGramsFilterName},
	}
	for name, filters := range chains {
		must(registry.RegisterAnalyzer(name, func(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
			tok, err := cache.TokenizerNamed(TokenizerName)
			if err != nil {
				return nil, err
			}
			a := &analysis.DefaultAnalyzer{Tokenizer: tok}
			for _, f := range filters {
				tf, err := cache.TokenFilterNamed(f)
				if err != nil {
					return nil, err
				}
				a.TokenFilters = append(a.TokenFilters, tf)
			}
			return a, nil
		}))
	}
}

// must panics on a registration error, which only a duplicate name (a
// programming error caught by any test) can cause.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// tokenizer adapts pkg/tokenize to bleve. Offsets are the byte offsets of
// pkg/tokenize, so highlights land on the original text.
type tokenizer struct{}

func (tokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := tokenize.Tokenize(string(input))
	// Filters such as to_lower rewrite terms in place: give them a copy, not
	// the field's bytes, which bleve may also store.
	buf := append([]byte(nil), input...)
	out := make(analysis.TokenStream, 0, len(toks))
	for _, t := range toks {
		typ := analysis.AlphaNumeric
		switch t.Kind {
		case tokenize.Punct, tokenize.Symbol:
			continue
		case tokenize.Number:
			typ = analysis.Numeric
		}
		out = append(out, &analysis.Token{
			Start: t.Start, End: t.End, Term: buf[t.Start:t.End:t.End],
			Position: len(out) + 1, Type: typ,
		})
	}
	return out
}

// termFilter rewrites every term with f.
type termFilter func(string) string

func (f termFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if s := f(string(t.Term)); s != string(t.Term) {
			t.Term = []byte(s)
		}
	}
	return in
}

// stemFoldFilter indexes both the stem and the folded stem of each term, so
// one field answers queries typed with or without accents.
type stemFoldFilter struct{}

func (stemFoldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)+len(in)/4)
	for _, t := range in {
		word := string(t.Term)
		s := stem.Stem(word)
		t.Term = []byte(s)
		out = append(out, t)
		if f := stem.Fold(word); f != word {
			if fs := stem.Stem(f); fs != s {
				dup := *t
				dup.Term = []byte(fs)
				out = append(out, &dup)
			}
		}
	}
	return out
}

// nameGrams turns the words of a name into its runs of consecutive words.
type nameGrams struct{}

func (nameGrams) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)*min(len(in), MaxNameWords))
	for i, first := range in {
		gram := string(first.Term)
		for j := i; j < len(in) && j < i+MaxNameWords; j++ {
			if j > i {
				gram += " " + string(in[j].Term)
			}
			out = append(out, &analysis.Token{Start: first.Start, End: in[j].End, Term: []byte(gram), Position: i + 1, Type: first.Type})
		}
	}
	return out
}

// nameKey is the term AnalyzerName indexes for the whole of name.
func nameKey(name string) string {
	toks := tokenizer{}.Tokenize([]byte(name))
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = stem.Fold(string(t.Term))
	}
	return strings.Join(words, " ")
}
