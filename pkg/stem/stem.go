// Package stem reduces French words to Snowball stems and accent-folded forms.
package stem

import (
	"strings"

	"github.com/kljensen/snowball/french"
)

// Stem returns the Snowball French stem of word, lower-cased.
func Stem(word string) string {
	return french.Stem(strings.ToLower(word), true)
}
