package operation

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold returns the matching key of a word: lower-cased, without French
// accents, with typographic apostrophes made straight and an elided final
// apostrophe dropped ("L’" → "l", "Épervier" → "epervier").
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if !ascii {
		var b strings.Builder
		b.Grow(len(s))
		for _, r := range s {
			if f, ok := foldTable[r]; ok {
				b.WriteString(f)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
		s = b.String()
	}
	return strings.TrimSuffix(s, "'")
}

// foldTable maps the letters of French text to their unaccented lower-case
// form; other letters are only lower-cased.
var foldTable = map[rune]string{}

func init() {
	for from, to := range map[string]string{
		"àáâãäåÀÁÂÃÄÅ": "a", "çÇ": "c", "èéêëÈÉÊË": "e", "ìíîïÌÍÎÏ": "i", "ñÑ": "n",
		"òóôõöÒÓÔÕÖ": "o", "ùúûüÙÚÛÜ": "u", "ýÿÝŸ": "y", "œŒ": "oe", "æÆ": "ae",
		"’‘ʼ`´": "'",
	} {
		for _, r := range from {
			foldTable[r] = to
		}
	}
}

// isUpperFirst reports whether s starts with an upper-case letter.
func isUpperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isAllUpper reports whether s has at least two letters and no lower-case one.
func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}
