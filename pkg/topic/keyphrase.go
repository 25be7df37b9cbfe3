package topic

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/veille/veille/pkg/stem"
)

// Extractor finds keyphrases. Build one with DefaultExtractor; it holds only
// read-only tables, so one Extractor serves any number of goroutines.
type Extractor struct {
	tagger *tagger
	df     *docFreq
}

// Keyphrases returns the n best keyphrases of a with the default extractor,
// best first. It returns nil if the embedded resources are damaged, which
// the package tests rule out.
func Keyphrases(a *stem.Analysis, n int) []Keyphrase {
	x, err := DefaultExtractor()
	if err != nil {
		return nil
	}
	return x.Keyphrases(a, n)
}

// maxPhraseUnits bounds a candidate's length in words.
const maxPhraseUnits = 7

// candidate is every occurrence of one phrase, grouped by its stems.
type candidate struct {
	from, to int // units of the first occurrence
	count    int
	firstSen int // sentence of the first occurrence
	// written forms in order of appearance: the first inline, for the
	// common case of a phrase always written the same way.
	first    variant
	variants []variant
}

type variant struct {
	text  string
	count int
}

// Keyphrases returns the n best keyphrases of a, best first.
//
// Candidates are noun phrases found by part-of-speech patterns (a noun or a
// run of proper nouns with its adjectives, then at most two groups of a
// preposition and a noun; see the package documentation). Occurrences are
// grouped by their stems. A group's score grows with its frequency in the
// document, the rarity of its words in news (IDF over OrangeSum), how early
// it appears, and how often its words recur elsewhere in the document.
// Scores are positive and comparable within one document only.
func (x *Extractor) Keyphrases(a *stem.Analysis, n int) []Keyphrase {
	if a == nil || n <= 0 || len(a.Tokens) == 0 {
		return nil
	}
	units := x.tagger.units(a, make([]unit, 0, len(a.Tokens)))
	cands, wordFreq := x.candidates(a.Text, units)
	// Rank by score, ties in order of first appearance. The ranked values
	// hold no pointers, which keeps sorting cheap.
	type ranked struct {
		score float64
		i     int
	}
	rank := make([]ranked, len(cands))
	for i := range cands {
		rank[i] = ranked{x.score(&cands[i], units, wordFreq), i}
	}
	slices.SortFunc(rank, func(p, q ranked) int {
		switch {
		case p.score > q.score:
			return -1
		case p.score < q.score:
			return 1
		}
		return p.i - q.i
	})
	// Different groups can share a normal form (« l’État », « État »).
	var out []Keyphrase
	for _, r := range rank {
		if len(out) == n || r.score <= 0 {
			break
		}
		text := cands[r.i].surface()
		k := Keyphrase{Text: text, Stem: NormalizeKeyphrase(text), Score: r.score}
		if !slices.ContainsFunc(out, func(o Keyphrase) bool { return o.Stem == k.Stem }) {
			out = append(out, k)
		}
	}
	return out
}

// NormalizeKeyphrase is the normal form keyphrases are compared by:
// lower-cased, apostrophes as ', each space-separated word stemmed with
// Snowball French, words joined by one space.
func NormalizeKeyphrase(s string) string {
	f := strings.Fields(strings.ReplaceAll(s, "’", "'"))
	for i, w := range f {
		f[i] = stem.Stem(w)
	}
	return strings.Join(f, " ")
}

// candidates finds the candidate phrases of units and counts the content
// words (nouns, proper nouns, adjectives) by stem.
func (x *Extractor) candidates(text string, units []unit) ([]candidate, map[string]int) {
	byKey := make(map[string]int, len(units)/2)
	list := make([]candidate, 0, len(units)/2)
	wordFreq := make(map[string]int, len(units)/2)
	var key []byte
	emit := func(from, to int) {
		if to-from > maxPhraseUnits || to <= from {
			return
		}
		key = key[:0]
		for i := from; i < to; i++ {
			if i > from {
				key = append(key, ' ')
			}
			key = append(key, units[i].stem...)
		}
		v := text[units[from].start:units[to-1].end]
		ci, ok := byKey[string(key)] // no allocation for the lookup
		if !ok {
			byKey[string(key)] = len(list)
			list = append(list, candidate{from: from, to: to, count: 1, firstSen: units[from].sentence, first: variant{v, 1}})
			return
		}
		c := &list[ci]
		c.count++
		if c.first.text == v {
			c.first.count++
			return
		}
		for i := range c.variants {
			if c.variants[i].text == v {
				c.variants[i].count++
				return
			}
		}
		c.variants = append(c.variants, variant{v, 1})
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		if isContent(u.tag) {
			wordFreq[u.stem]++
		}
		if u.tag != tagNoun && u.tag != tagPropn {
			continue
		}
		if u.tag == tagPropn && i > 0 && units[i-1].tag == tagPropn && units[i-1].sentence == u.sentence {
			continue // inside a name already emitted whole
		}
		end := nounGroupEnd(units, i)
		if u.tag == tagPropn {
			propnEnd := i + 1
			for propnEnd < len(units) && units[propnEnd].tag == tagPropn && units[propnEnd].sentence == u.sentence {
				propnEnd++
			}
			emit(i, propnEnd)
		} else {
			emit(i, i+1)
		}
		start := i
		// « nouveau gouvernement »; but in « crise financière touche » the
		// adjective belongs to the noun before it.
		if i > 0 && units[i-1].tag == tagAdj && units[i-1].sentence == u.sentence &&
			(i < 2 || units[i-2].tag != tagNoun && units[i-2].tag != tagPropn) {
			start = i - 1
		}
		if end > i+1 || start < i {
			emit(start, end)
		}
		for k, pp := 0, end; k < scoreWeights.maxPP; k++ {
			next := prepGroupEnd(units, pp)
			if next == pp {
				break
			}
			emit(start, next)
			pp = next
		}
	}
	return list, wordFreq
}

func isContent(t tag) bool { return t == tagNoun || t == tagPropn || t == tagAdj }

// nounGroupEnd returns the end of the noun group starting at i: the noun
// (or run of proper nouns) and its following adjectives.
func nounGroupEnd(units []unit, i int) int {
	s := units[i].sentence
	j := i + 1
	for j < len(units) && units[j].sentence == s && units[j].tag == tagPropn && units[i].tag == tagPropn {
		j++
	}
	for j < len(units) && units[j].sentence == s && units[j].tag == tagAdj {
		j++
	}
	return j
}

// prepGroupEnd returns the end of « de/à/sous… (le/la/l’) noun group »
// starting at i, or i when there is none.
func prepGroupEnd(units []unit, i int) int {
	if i >= len(units) || units[i].tag != tagPrep {
		return i
	}
	s := units[i].sentence
	j := i + 1
	if j < len(units) && units[j].tag == tagDet && units[j].sentence == s {
		j++
	}
	if j >= len(units) || units[j].sentence != s || (units[j].tag != tagNoun && units[j].tag != tagPropn) {
		return i
	}
	return nounGroupEnd(units, j)
}

// scoreWeights are the keyphrase score's parameters, chosen by a grid search
// on keyphrases-fr/wikinews-dev (F@10) under the constraint that phrases such
// as « livraison de drogue à domicile » reach the top 10 of news articles.
var scoreWeights = struct {
	cohesion float64 // weight of the words' frequency in the document
	title    float64 // bonus for appearing in the first sentence (the title)
	idfPow   float64 // exponent of the words' mean IDF
	maxPP    int     // prepositional groups a candidate may chain
}{cohesion: 0.25, title: 0.5, idfPow: 0.5, maxPP: 2}

// score rates a candidate c:
//
//	(ln(1+tf) + cohesion·mean ln f(w) + title·[in title]) · mean idf(w)^idfPow / ln(3 + first sentence)
//
// where tf counts c's occurrences, w ranges over its content words, f(w) is
// w's count in the document and idf(w) = ln(N/df) over OrangeSum train.
func (x *Extractor) score(c *candidate, units []unit, wordFreq map[string]int) float64 {
	var idf, cohesion, nw float64
	for _, u := range units[c.from:c.to] {
		if isContent(u.tag) {
			idf += x.df.idf(u.stem)
			cohesion += math.Log(float64(wordFreq[u.stem]))
			nw++
		}
	}
	if nw == 0 {
		return 0
	}
	w := &scoreWeights
	base := math.Log(1+float64(c.count)) + w.cohesion*cohesion/nw
	if c.firstSen == 0 {
		base += w.title
	}
	return base * math.Pow(idf/nw, w.idfPow) / math.Log(3+float64(c.firstSen))
}

// surface is the most frequent written form, the first seen among equals.
func (c *candidate) surface() string {
	best := c.first
	for _, v := range c.variants {
		if v.count > best.count {
			best = v
		}
	}
	return collapseSpace(best.text)
}

// collapseSpace writes every run of white space in s as one space.
func collapseSpace(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
