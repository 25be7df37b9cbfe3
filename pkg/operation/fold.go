package operation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/pkg/stem"
)

// fold returns the matching key of a word: stem.Fold (lower case, no
// accents, straight apostrophes) without an elided final apostrophe
// ("L’" → "l", "Épervier" → "epervier").
func fold(s string) string {
	return strings.TrimSuffix(stem.Fold(s), "'")
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
