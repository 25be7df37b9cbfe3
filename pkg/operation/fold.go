package operation

import (
	"strings"

	"github.com/veille/veille/pkg/stem"
)

// fold returns the matching key of a word: stem.Fold (lower case, no
// accents, straight apostrophes) without an elided final apostrophe
// ("L’" → "l", "Épervier" → "epervier").
func fold(s string) string {
	return strings.TrimSuffix(stem.Fold(s), "'")
}
