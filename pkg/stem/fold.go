package stem

import (
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
// are lower-cased; typographic apostrophes become ' and Unicode hyphens -.
// Fold returns s itself when it is already folded ASCII.
func Fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+2)
	copy(b, s[:i])
	return string(AppendFold(b, s[i:]))
}

// AppendFold appends Fold(s) to dst. It allocates only when dst lacks
// room, so lookups can reuse one buffer.
func AppendFold(dst []byte, s string) []byte { return appendKey(dst, s, true) }

// AppendLower appends s lower-cased, with typographic apostrophes written
// as ' and Unicode hyphens as -, but accents kept: the key of lookups that
// tell « placé » from « place ».
func AppendLower(dst []byte, s string) []byte { return appendKey(dst, s, false) }

func appendKey(dst []byte, s string, fold bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == '‘' || r == 'ʼ' || r == '´':
			dst = append(dst, '\'')
		case r == '\u2010' || r == '\u2011':
			dst = append(dst, '-')
		case !fold:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		case r >= 0xC0 && r < 0x180 && foldTable[r-0xC0] != "":
			dst = append(dst, foldTable[r-0xC0]...)
		case unicode.Is(unicode.Mn, r):
			// a combining accent of a decomposed letter
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}
