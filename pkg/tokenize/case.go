package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Capitalised reports whether s starts with an upper-case letter.
func Capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// AllUpper reports whether s has at least two letters and no lower-case
// one, as in headlines, bylines and acronyms: « GÉRALD DARMANIN », « AFP ».
func AllUpper(s string) bool {
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
