package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner is the single left-to-right pass behind Tokenize. Every method
// that starts a token advances by at least one rune, so the scan ends.
type scanner struct {
	text string
	toks []Token
	at   int // position of the next '@' at or after the scan, len(text)+1 if none
	// noDomain is the end of the last run of host characters found not to
	// be a domain name, so that "a.b.c.d…" is scanned once, not once a word.
	noDomain int
}

func (s *scanner) emit(start, end int, k Kind) {
	s.toks = append(s.toks, Token{Text: s.text[start:end], Start: start, End: end, Kind: k})
}

// runeAt decodes the rune at i; it returns -1 past the end.
func runeAt(t string, i int) (rune, int) {
	if i >= len(t) {
		return -1, 0
	}
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t[i:])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isWordRune reports runes that continue a word: letters, digits and
// combining marks (decomposed accents).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// isApostrophe reports the apostrophes of real text: ' ’ ʼ, and ‘ ´ typed
// for them ("l‘homme", "l´homme"). Between two letters, they are never quotes.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '´'
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isElision reports whether w (without its apostrophe) is an elided word.
func isElision(w string) bool {
	if len(w) > 6 {
		return false
	}
	switch len(w) {
	case 1:
		c := w[0] | 0x20
		return c == 'l' || c == 'd' || c == 'j' || c == 'm' || c == 't' || c == 's' || c == 'n' || c == 'c'
	case 2:
		return strings.EqualFold(w, "qu")
	}
	return strings.EqualFold(w, "jusqu") || strings.EqualFold(w, "lorsqu") ||
		strings.EqualFold(w, "puisqu") || strings.EqualFold(w, "quoiqu")
}

func (s *scanner) run() {
	t := s.text
	for i := 0; i < len(t); {
		r, size := runeAt(t, i)
		switch {
		case r < utf8.RuneSelf && asciiSpace[r]:
			i++
		case isWordRune(r):
			i = s.word(i)
		case r == '.' || r == '!' || r == '?' || r == '-':
			// "...", "?!", "--" are one token each.
			j := i + 1
			for j < len(t) && (t[j] == byte(r) || r != '.' && r != '-' && (t[j] == '!' || t[j] == '?')) {
				j++
			}
			s.emit(i, j, Punct)
			i = j
		case r == '@' || r == '#':
			i = s.tag(i, r)
		case r == utf8.RuneError && size == 1, unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.IsControl(r):
			// Invalid bytes, non-breaking and zero-width spaces are separators.
			i += size
		default:
			k := Punct
			if unicode.IsSymbol(r) {
				k = Symbol
			}
			s.emit(i, i+size, k)
			i += size
		}
	}
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// ASCII letter and digit classes, for the fast path of letters.
const (
	lowerASCII = 1 + iota
	upperASCII
	digitASCII
)

var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b] = lowerASCII
		c[b-'a'+'A'] = upperASCII
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = digitASCII
	}
	return c
}()

// tag scans "@handle" or "#hashtag"; a lone '@' or '#' is punctuation.
func (s *scanner) tag(i int, r rune) int {
	t := s.text
	j := i + 1
	for j < len(t) {
		c, size := runeAt(t, j)
		if !isWordRune(c) && c != '_' {
			break
		}
		j += size
	}
	first, _ := runeAt(t, i+1)
	switch {
	case r == '@' && j > i+1:
		s.emit(i, j, Handle)
	case r == '#' && j > i+1 && (isLetter(first) || first == '_'):
		s.emit(i, j, Hashtag)
	default:
		s.emit(i, i+1, Punct)
		return i + 1
	}
	return j
}

// word scans the token starting with a letter or digit at start.
func (s *scanner) word(start int) int {
	t := s.text
	if end := urlEnd(t, start); end > start {
		s.emit(start, end, URL)
		return end
	}
	if end := s.emailEnd(start); end > start {
		s.emit(start, end, Email)
		return end
	}
	if isDigit(rune(t[start])) {
		return s.number(start)
	}
	return s.letters(start, start)
}

// number scans "1 000", "1 000 000", "2,5", "600.000", "1.5", and goes on as
// a word when letters follow ("1er", "15h30", "4G"), except before a glued
// sentence opener ("2019Le").
func (s *scanner) number(start int) int {
	t := s.text
	i := digitsEnd(t, start)
	grouping := i-start <= 3 // thousands groups with spaces only after 1–3 digits
	for i < len(t) {
		if c := t[i]; (c == ',' || c == '.') && i+1 < len(t) && isDigit(rune(t[i+1])) {
			i = digitsEnd(t, i+1)
			grouping = false
			continue
		}
		if grouping {
			if sp := groupSpace(t, i); sp > 0 {
				j := i + sp
				if digitsEnd(t, j) == j+3 {
					i = j + 3
					continue
				}
			}
		}
		break
	}
	r, _ := runeAt(t, i)
	if !isWordRune(r) || isUpper(r) && s.opensSentence(i) {
		s.emit(start, i, Number)
		return i
	}
	return s.letters(start, i)
}

func digitsEnd(t string, i int) int {
	for i < len(t) && '0' <= t[i] && t[i] <= '9' {
		i++
	}
	return i
}

// groupSpace returns the width of a thousands separator at i: a space, a
// no-break space U+00A0, a narrow no-break space U+202F or a thin space U+2009.
func groupSpace(t string, i int) int {
	switch {
	case strings.HasPrefix(t[i:], " "):
		return 1
	case strings.HasPrefix(t[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(t[i:], "\u202f"), strings.HasPrefix(t[i:], "\u2009"):
		return 3
	}
	return 0
}

// opensSentence reports whether the capitalised word at i is a sentence
// opener glued to the previous word: "Le", "Dans", "L’"…
func (s *scanner) opensSentence(i int) bool {
	t := s.text
	_, size := runeAt(t, i)
	k := i + size
	for k < len(t) {
		r, sz := runeAt(t, k)
		if !isLower(r) {
			break
		}
		k += sz
	}
	r, sz := runeAt(t, k)
	if isApostrophe(r) {
		next, _ := runeAt(t, k+sz)
		return isLetter(next) && isElision(t[i:k])
	}
	return k > i+size && !isWordRune(r) && sentenceOpeners[t[i:k]]
}

// letters scans a word from start; the runes in [start, i) are already
// known to belong to it. It splits elisions ("l’"), verb–pronoun inversions
// ("dit" "-elle") and glued sentences ("stupéfiants" "Le"), and keeps
// hyphenated names, initials and abbreviations whole.
func (s *scanner) letters(start, i int) int {
	t := s.text
	var (
		prev      rune = -1
		nLetters  int
		lowerOnly = true // all letters so far are lower-case
		upperOnly = true // all letters so far are upper-case
		hyphen    bool
	)
	if i > start {
		prev = rune(t[i-1]) // a digit: number hands over after ASCII digits
		lowerOnly, upperOnly = false, false
	}
	for i < len(t) {
		var r rune
		var size int
		if c := t[i]; c < utf8.RuneSelf {
			// ASCII fast path.
			cl := asciiClass[c]
			if cl != 0 {
				if cl == upperASCII && prev >= 0 && s.glued(i, prev, nLetters, lowerOnly, upperOnly) {
					s.emit(start, i, Word)
					return i
				}
				if cl != digitASCII {
					nLetters++
					lowerOnly = lowerOnly && cl == lowerASCII
					upperOnly = upperOnly && cl == upperASCII
				}
				prev = rune(c)
				i++
				continue
			}
			r, size = rune(c), 1
		} else if r, size = utf8.DecodeRuneInString(t[i:]); isWordRune(r) {
			if isUpper(r) && prev >= 0 && s.glued(i, prev, nLetters, lowerOnly, upperOnly) {
				s.emit(start, i, Word)
				return i
			}
			if unicode.IsLetter(r) {
				nLetters++
				lowerOnly = lowerOnly && unicode.IsLower(r)
				upperOnly = upperOnly && unicode.IsUpper(r)
			}
			prev = r
			i += size
			continue
		}
		next, _ := runeAt(t, i+size)
		switch {
		case isApostrophe(r) && isLetter(next):
			if !hyphen && isElision(t[start:i]) {
				s.emit(start, i+size, Word)
				return i + size
			}
		case isHyphen(r) && isWordRune(next):
			if !hyphen && isLetter(prev) {
				if end := s.inversion(start, i); end > 0 {
					return end
				}
			}
			hyphen = true
		case r == '.':
			if end := s.period(start, i); end > 0 {
				return end
			}
			s.emit(start, i, Word)
			return i
		case r == '\u00ad' && isLetter(next): // soft hyphen
		default:
			s.emit(start, i, Word)
			return i
		}
		prev = r
		i += size
	}
	s.emit(start, i, Word)
	return i
}

// glued reports whether a capital at i, after prev, starts a new sentence
// glued to the word before it (a lost paragraph break).
func (s *scanner) glued(i int, prev rune, nLetters int, lowerOnly, upperOnly bool) bool {
	switch {
	case isLower(prev):
		if nLetters >= 2 && s.opensSentence(i) {
			return true // "stupéfiantsLe", "CastexDans", "BarkhaneSon"
		}
		if !lowerOnly || nLetters < 3 {
			return false // McDonald, iPhone, LaFerrari, StopCovid, WhatsApp
		}
		// "dividendesEmmanuel": a lower-case word then a capitalised one.
		_, size := runeAt(s.text, i)
		next, _ := runeAt(s.text, i+size)
		return isLower(next)
	case isUpper(prev):
		return upperOnly && nLetters >= 2 && s.opensSentence(i) // "BFMTVLe", not "LaREM"
	case isDigit(prev):
		return s.opensSentence(i) // "2019Le"
	}
	return false
}

// inversion splits a verb from the pronouns hyphenated after it:
// "dit-elle" → "dit" "-elle", "a-t-il" → "a" "-t-il", "dis-le-moi" →
// "dis" "-le" "-moi". h is the first hyphen; it returns 0 when the rest of
// the word is not only pronouns (Aix-en-Provence, cessez-le-feu).
func (s *scanner) inversion(start, h int) int {
	t := s.text
	var hyphens, words [4]int // each part's hyphen and word offsets
	n, p, end := 0, h, 0
	for end == 0 {
		_, hs := runeAt(t, p)
		e := p + hs
		for e < len(t) {
			r, sz := runeAt(t, e)
			if !isLetter(r) {
				break
			}
			e += sz
		}
		if n == len(hyphens) || !clitics[t[p+hs:e]] {
			return 0
		}
		hyphens[n], words[n] = p, p+hs
		n++
		r, sz := runeAt(t, e)
		next, _ := runeAt(t, e+sz)
		switch {
		case isHyphen(r) && isWordRune(next):
			p = e
		case isWordRune(r) || isApostrophe(r) && isLetter(next):
			return 0
		default:
			end = e
		}
	}
	if t[words[n-1]:end] == "t" { // the euphonic t must precede a pronoun
		return 0
	}
	if n == 1 && strings.EqualFold(t[start:h], "rendez") {
		return 0 // rendez-vous is a noun
	}
	s.emit(start, h, Word)
	for k := 0; k < n; k++ {
		from := hyphens[k]
		if k+1 < n && t[words[k]:hyphens[k+1]] == "t" { // "-t-il" is one token; k+1 < n here
			k++
		}
		to := end
		if k+1 < n {
			to = hyphens[k+1]
		}
		s.emit(from, to, Word)
	}
	return end
}

// period decides what a '.' at i after the word t[start:i] is: part of
// initials ("J.", "J.-C.", "U.S.A."), of an abbreviation ("M.", "av.",
// "etc.") or of a domain name ("franceinfo.fr"). It returns the end of the
// token it emitted, or 0 when the period is punctuation.
func (s *scanner) period(start, i int) int {
	t := s.text
	w := t[start:i]
	if r0, size := runeAt(w, 0); size == len(w) && (isUpper(r0) || dottedLetterAt(t, i+1)) {
		end := i + 1
		for {
			p := end
			r, sz := runeAt(t, p)
			if isHyphen(r) {
				p += sz
				r, sz = runeAt(t, p)
			}
			if !isLetter(r) || p+sz >= len(t) || t[p+sz] != '.' {
				break
			}
			end = p + sz + 1
		}
		s.emit(start, end, Word)
		return end
	}
	if abbreviations[w] {
		s.emit(start, i+1, Word)
		return i + 1
	}
	if next, _ := runeAt(t, i+1); 'a' <= next && next <= 'z' {
		if end := s.domainEnd(start); end > 0 {
			s.emit(start, end, URL)
			return end
		}
	}
	return 0
}

// dottedLetterAt reports a single letter followed by a period at i ("e." in "i.e.").
func dottedLetterAt(t string, i int) bool {
	r, sz := runeAt(t, i)
	return isLetter(r) && i+sz < len(t) && t[i+sz] == '.'
}

// domainEnd returns the end of a bare domain name starting at start
// ("lemonde.fr", "legifrance.gouv.fr/eli"), or 0.
func (s *scanner) domainEnd(start int) int {
	if start < s.noDomain {
		return 0 // a later start in a run of host characters that is no domain
	}
	t := s.text
	end := hostEnd(t, start)
	if end == 0 {
		return 0
	}
	lastDot := strings.LastIndexByte(t[start:end], '.') + start
	if lastDot <= start || !tlds[t[lastDot+1:end]] {
		s.noDomain = end
		return 0
	}
	if end < len(t) && t[end] == '/' {
		return pathEnd(t, end)
	}
	return end
}

// hostEnd returns the end of the run of host characters (ASCII letters,
// digits, '-' and single dots) from start, without a final dot, or 0 when
// the run goes on into a non-ASCII letter ("jeudi.fréquemment").
func hostEnd(t string, start int) int {
	i := start
	for i < len(t) {
		c := t[i]
		if c == '.' {
			if i == start || t[i-1] == '.' {
				break
			}
		} else if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			break
		}
		i++
	}
	if i < len(t) && t[i] >= utf8.RuneSelf {
		if r, _ := runeAt(t, i); isWordRune(r) {
			return 0
		}
	}
	if i > start && t[i-1] == '.' {
		i--
	}
	return i
}

// urlEnd returns the end of a URL starting at start ("https://…",
// "www.…"), or 0.
func urlEnd(t string, start int) int {
	switch t[start] | 0x20 {
	case 'h', 'w', 'f':
	default:
		return 0
	}
	rest := t[start:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") ||
		hasPrefixFold(rest, "ftp://") || hasPrefixFold(rest, "www.") && len(rest) > 4 && isWordRune(rune(rest[4]))) {
		return 0
	}
	end := pathEnd(t, start)
	if i := strings.Index(t[start:end], "://"); i >= 0 && start+i+3 == end {
		return 0 // "http://" alone
	}
	return end
}

// pathEnd scans URL characters from i and trims the punctuation that ends
// the sentence around it ("(voir https://x.fr/a).").
func pathEnd(t string, i int) int {
	start, open := i, 0
	for i < len(t) {
		r, sz := runeAt(t, i)
		if r <= ' ' || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' ||
			r == '’' || r == utf8.RuneError || unicode.IsSpace(r) {
			break
		}
		switch r {
		case '(':
			open++
		case ')':
			open--
		}
		i += sz
	}
	for i > start {
		c := t[i-1]
		if c == ')' && open < 0 {
			open++
		} else if !strings.ContainsRune(".,;:!?'", rune(c)) {
			break
		}
		i--
	}
	return i
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// emailEnd returns the end of an e-mail address starting at start, or 0.
func (s *scanner) emailEnd(start int) int {
	t := s.text
	if s.at < start {
		if k := strings.IndexByte(t[start:], '@'); k >= 0 {
			s.at = start + k
		} else {
			s.at = len(t) + 1
		}
	}
	if s.at >= len(t) || s.at-start > 64 {
		return 0
	}
	for i := start; i < s.at; i++ {
		c := t[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("._%+-", c) >= 0) {
			return 0
		}
	}
	i := s.at + 1
	for i < len(t) {
		c := t[i]
		if c == '.' {
			if t[i-1] == '.' || t[i-1] == '@' {
				break
			}
		} else if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			break
		}
		i++
	}
	for t[i-1] == '.' || t[i-1] == '-' {
		i--
	}
	lastDot := strings.LastIndexByte(t[s.at:i], '.')
	if lastDot < 2 || i-(s.at+lastDot+1) < 2 {
		return 0 // "x@y", "x@.fr", "x@y.z"
	}
	return i
}
