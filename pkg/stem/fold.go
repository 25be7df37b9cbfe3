package stem

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable holds the folded form of U+00C0–U+017F (Latin-1 letters and
// Latin Extended-A); "" means the rune only needs lower-casing.
var foldTable [0x180 - 0xC0]string

func init() {
	for _, p := range [...]struct{ from, to string }{
		{"ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"}, {"Ææ", "ae"}, {"ÇçĆćĈĉĊċČč", "c"}, {"ĎďĐđÐð", "d"},
		{"ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"}, {"ĜĝĞğĠġĢģ", "g"}, {"ĤĥĦħ", "h"},
		{"ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"}, {"Ĳĳ", "ij"}, {"Ĵĵ", "j"}, {"Ķķĸ", "k"},
		{"ĹĺĻļĽľĿŀŁł", "l"}, {"ÑñŃńŅņŇňŉŊŋ", "n"}, {"ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"},
		{"Œœ", "oe"}, {"ŔŕŖŗŘř", "r"}, {"ŚśŜŝŞşŠšſ", "s"}, {"ß", "ss"}, {"ŢţŤťŦŧ", "t"},
		{"Þþ", "th"}, {"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"}, {"Ŵŵ", "w"}, {"ÝýÿŶŷŸ", "y"},
		{"ŹźŻżŽž", "z"},
	} {
		for _, r := range p.from {
			foldTable[r-0xC0] = p.to
		}
	}
}

// Fold returns the lower-case, accent-free form of s for matching:
// "Élysée" → "elysee", "Œuvre" → "oeuvre", "garçon" → "garcon",
// "l’État" → "l'etat". Letters outside Latin lose their combining marks and
// are lower-cased; typographic apostrophes become '. Fold returns s itself
// when it is already folded ASCII.
func Fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r >= 0xC0 && r < 0x180 && foldTable[r-0xC0] != "":
			b.WriteString(foldTable[r-0xC0])
		case r == '’' || r == '‘' || r == 'ʼ' || r == '´':
			b.WriteByte('\'')
		case unicode.Is(unicode.Mn, r):
			// a combining accent of a decomposed letter
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
