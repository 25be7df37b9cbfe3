package tokenize

import (
	"strings"
	"unicode/utf8"
)

// Segment groups toks, the tokens of text, into sentences. Every token
// belongs to exactly one sentence, in order; a sentence ends
//   - after . ! ? … or ... and the closing quotes or brackets that follow
//     them, when the next token does not start in lower case or with , ; :
//     (« Pourquoi ? » s’interroge-t-il stays one sentence);
//   - at a blank line, always;
//   - at a line break when the line does not end with a comma, colon,
//     opening quote or abbreviation and the next line starts with a capital,
//     a digit or an opening quote (headlines, captions, list items);
//   - between two words glued without a space by a lost paragraph break
//     ("stupéfiantsLe": Tokenize split them at the case change), or after a
//     closing bracket or guillemet glued to a capitalised word ("(74)Plage");
//   - after a photo credit "/ AFP" followed by a capital.
//
// An ellipsis in brackets, "(...)", marks a cut and ends nothing.
// Abbreviations and initials (M., Mme., av. J.-C., J. Dupont) do not end a
// sentence, except "etc." and "J.-C." before a capital.
func Segment(text string, toks []Token) []Sentence {
	if len(toks) == 0 {
		return nil
	}
	g := segmenter{text: text, toks: toks}
	sents := make([]Sentence, 0, len(toks)/16+1)
	first := 0
	for i := 0; i < len(toks); i++ {
		g.see(i)
		last := g.endAt(i)
		if last < 0 {
			continue
		}
		for k := i + 1; k <= last; k++ {
			g.see(k)
		}
		sents = append(sents, Sentence{Start: toks[first].Start, End: toks[last].End, First: first, Last: last + 1})
		first, i = last+1, last
	}
	return sents
}

// maxClosers bounds the closing marks absorbed after a final punctuation
// mark, so that a long run of them costs linear time.
const maxClosers = 8

type segmenter struct {
	text  string
	toks  []Token
	quote bool // inside a "straight-quoted" passage of the current paragraph
}

// see updates the quotation state with token i.
func (g *segmenter) see(i int) {
	if g.toks[i].Text == `"` {
		g.quote = !g.quote
	}
	if i+1 < len(g.toks) && paragraphBreak(g.gap(i)) {
		g.quote = false
	}
}

// gap returns the text between token i and token i+1.
func (g *segmenter) gap(i int) string {
	a, b := g.toks[i].End, g.toks[i+1].Start
	if a < 0 || a > b || b > len(g.text) {
		return ""
	}
	return g.text[a:b]
}

// lineBreaks counts the line breaks in gap: \n, \r\n, a lone \r, U+0085
// and U+2028; a paragraph separator U+2029 counts as two.
func lineBreaks(gap string) int {
	n := 0
	for i, r := range gap {
		switch r {
		case '\n', '\u0085', '\u2028':
			n++
		case '\r':
			if !strings.HasPrefix(gap[i+1:], "\n") {
				n++
			}
		case '\u2029':
			n += 2
		}
	}
	return n
}

// paragraphBreak reports a blank line (or more) in gap.
func paragraphBreak(gap string) bool { return len(gap) > 1 && lineBreaks(gap) >= 2 }

// endAt returns the index of the last token of a sentence that ends at
// token i (or at the closers right after it), or -1.
func (g *segmenter) endAt(i int) int {
	toks := g.toks
	if i == len(toks)-1 {
		return i
	}
	t, next := toks[i], toks[i+1]
	gap := g.gap(i)
	if gap == " " && t.Kind == Word && !strings.HasSuffix(t.Text, ".") && (i == 0 || toks[i-1].Text != "/") {
		return -1 // the common case: a word and a space
	}
	if paragraphBreak(gap) {
		return i
	}
	if t.Kind == Punct && isTerminal(t.Text) {
		if i > 0 && (toks[i-1].Text == "(" || toks[i-1].Text == "[") {
			return -1 // "(...)" marks a cut inside a quotation
		}
		j := i
		quote := g.quote
		for j+1 < len(toks) && j-i < maxClosers && !paragraphBreak(g.gap(j)) {
			c := toks[j+1].Text
			if c == `"` && (quote || g.gap(j) == "" && (j+2 == len(toks) || g.gap(j+1) != "")) {
				quote = false // a closing quote: inside a quotation, or attached before a space
			} else if !isCloser(c) && !(isTerminal(c) && toks[j+1].Kind == Punct) &&
				!((c == "'" || c == "’") && g.gap(j) == "") {
				break
			}
			j++
		}
		if j == len(toks)-1 || startsSentence(toks[j+1]) {
			return j
		}
		return -1
	}
	if t.Kind == Word && strings.HasSuffix(t.Text, ".") && !terminalAbbreviations[t.Text] {
		if isInitial(t.Text) && gap != "" && next.Kind == Word && sentenceOpeners[next.Text] && !particles[next.Text] {
			return i // "la vitamine C. Les"; but "J. Dupont", "J. Le Pen"
		}
		return -1 // "M.", "J." go on, even across a line break
	}
	switch {
	case gap == "":
		if next.Kind == Word && startsUpper(next.Text) &&
			((t.Kind == Word || t.Kind == Number) && endsAlnum(t.Text) || t.Text == ")" || t.Text == "»" || t.Text == "”") {
			return i // glued sentences: "stupéfiantsLe", "(74)Plage"
		}
	case strings.HasSuffix(t.Text, "."):
		if terminalAbbreviations[t.Text] && startsUpper(next.Text) {
			return i
		}
	case lineBreaks(gap) > 0:
		if !continues(t.Text) && startsSentence(next) {
			return i
		}
	case i > 0 && toks[i-1].Text == "/" && agencies[t.Text]:
		if startsUpper(next.Text) {
			return i
		}
	}
	return -1
}

// particles are sentence openers that also begin surnames ("J. Le Pen",
// "A. De Gaulle"), so an initial before them does not end a sentence.
var particles = map[string]bool{"Le": true, "La": true, "Les": true, "De": true, "Du": true, "Des": true}

// isInitial reports a single capital letter and its period: "C.", "J.".
func isInitial(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return isUpper(r) && s[size:] == "."
}

func isTerminal(s string) bool {
	for _, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return s != ""
}

func isCloser(s string) bool {
	switch s {
	case "»", "”", ")", "]", "}", "›":
		return true
	}
	return false
}

// continues reports tokens after which a line break does not end a sentence.
func continues(s string) bool {
	switch s {
	case ",", ";", ":", "(", "[", "«", "“", "‹", "-", "–", "—", "/", "&", "+":
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return isApostrophe(r)
}

// startsSentence reports tokens that may begin a sentence: all but those
// starting in lower case and closing or joining punctuation.
func startsSentence(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if isLower(r) && t.Kind == Word {
		return false
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '»', '”', '›', '%', '.', '!', '?', '…':
		return false
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isUpper(r)
}

func endsAlnum(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isWordRune(r)
}
