// Package lang tells French text from English text, cheaply, by counting
// function words.
//
//	toks := tokenize.Tokenize(text)
//	switch lang.Detect(toks) {
//	case lang.French: // extract
//	case lang.English, lang.Undetermined: // skip or route elsewhere
//	}
//
// # How it decides
//
// Every word token is lower-cased and looked up in short lists of function
// words (articles, prepositions, pronouns, auxiliaries) of French, English,
// Spanish, German, Italian and Portuguese; a word shared by several
// languages ("de", "la", "que", "on") counts for each of them. The language
// with the most hits wins when
//
//   - it has at least 2 hits, or 1 hit when the text has at most 6 words
//     (a headline: "Opération « Place nette XXL » à Marseille" is French);
//   - hits are at least 10% of the words: running text has 30–50%
//     function words, a list of names has none (it is Undetermined);
//   - it has at least 1.5 times the hits of the runner-up (a tie, such as
//     "Darmanin livre un bilan" where "un" is also Spanish and Italian, is
//     Undetermined).
//
// Spanish, German, Italian and Portuguese are only there to be told apart:
// a text won by one of them is Undetermined. Detect reads at most the first
// 2,000 word tokens, allocates nothing, and is safe for concurrent use.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/pkg/tokenize"
)

// The results of Detect (BCP 47 tags).
const (
	French       = "fr"
	English      = "en"
	Undetermined = "und"
)

// Decision thresholds; see the package documentation.
const (
	minHits      = 2
	headlineLen  = 6    // at most this many words: 1 hit is enough
	minDensity   = 0.10 // hits per word
	minMargin    = 1.5  // best hits / runner-up hits
	maxWords     = 2000
	maxWordBytes = 16
)

type language uint8

const (
	fr language = iota
	en
	es
	de
	it
	pt
	nLanguages
)

var functionWords = map[string]uint8{}

func init() {
	for l, ws := range [nLanguages][]string{
		fr: strings.Fields(`le la les l' un une des du de d' et est à au aux en dans pour par sur avec ce
			cette ces cet il elle ils elles on nous vous je j' qui que qu' ne n' pas plus mais ou
			où son sa ses leur leurs été sont ont avait était être se s' c' y dont aussi comme
			très sans sous entre après avant depuis selon lors chez contre ma mon mes`),
		en: strings.Fields(`the of and to in is was for that with on as by at it from this be are has
			have had not but or an which he she they we his her their will would been were its
			who also after more said about than there can into out if what when these those`),
		es: strings.Fields(`el los las la de del y en que se un una por con para es lo como más pero sus
			su al está son no fue ha muy también porque este esta ya entre sobre hay`),
		de: strings.Fields(`der die das und ist nicht mit den ein eine von zu auf für sich dem des im
			auch es werden wird sind war hat bei nach aus wie oder aber nur noch einer einen als
			über dass an in`),
		it: strings.Fields(`il la le di che è e per non una un sono della delle degli con del nel alla
			gli lo questo anche più come ma ha stato essere si in su da`),
		pt: strings.Fields(`o os as do da dos das em no na um uma para com não que se é mais foi por ao
			pelo pela são de e entre sobre`),
	} {
		for _, w := range ws {
			functionWords[w] |= 1 << l
		}
	}
}

// Detect returns French, English or Undetermined for the tokens of a text.
func Detect(toks []tokenize.Token) string {
	var hits [nLanguages]int
	var buf [maxWordBytes]byte
	n := 0
	for _, t := range toks {
		if t.Kind != tokenize.Word {
			continue
		}
		if n++; n > maxWords {
			break
		}
		if len(t.Text) > maxWordBytes {
			continue
		}
		mask := functionWords[string(lower(buf[:0], t.Text))]
		for l := range nLanguages {
			if mask&(1<<l) != 0 {
				hits[l]++
			}
		}
	}
	n = min(n, maxWords)
	best, second := fr, en
	if hits[second] > hits[best] {
		best, second = second, best
	}
	for l := es; l < nLanguages; l++ {
		switch {
		case hits[l] > hits[best]:
			best, second = l, best
		case hits[l] > hits[second]:
			second = l
		}
	}
	s := hits[best]
	switch {
	case s < minHits && !(s == 1 && n <= headlineLen),
		float64(s) < minDensity*float64(n),
		float64(s) < minMargin*float64(hits[second]):
		return Undetermined
	case best == fr:
		return French
	case best == en:
		return English
	}
	return Undetermined
}

// DetectText is Detect(tokenize.Tokenize(text)).
func DetectText(text string) string { return Detect(tokenize.Tokenize(text)) }

// lower appends the lower-case form of w to buf, with ’ as '; it returns
// buf unchanged (empty) when w does not fit, which matches no word.
func lower(buf []byte, w string) []byte {
	for _, r := range w {
		switch {
		case r == '’' || r == 'ʼ' || r == '‘' || r == '´':
			r = '\''
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		}
		if len(buf)+utf8.RuneLen(r) > cap(buf) {
			return buf[:0]
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}
