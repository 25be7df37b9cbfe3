package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// appendKey appends the lookup key of s to dst: s lower-cased, with the
// typographic apostrophes (’ ‘ ʼ) written as ' and the Unicode hyphens
// (U+2010, U+2011) as -. With fold set it also strips diacritics (é → e,
// ç → c, combining marks dropped) and expands the ligatures œ and æ, so
// « ETATS-UNIS » and « États-Unis » share a key.
//
// It allocates only when dst lacks room, so callers pass a reused buffer.
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
		r = unicode.ToLower(r)
		switch r {
		case '’', '‘', 'ʼ':
			dst = append(dst, '\'')
			continue
		case '\u2010', '\u2011':
			dst = append(dst, '-')
			continue
		}
		if fold {
			if 0x300 <= r && r <= 0x36f { // combining diacritical marks
				continue
			}
			if s, ok := foldRune(r); ok {
				dst = append(dst, s...)
				continue
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// foldRune maps a lower-case Latin letter with a diacritic to its base
// letter(s).
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a", true
	case 'ç', 'ć', 'č', 'ĉ', 'ċ':
		return "c", true
	case 'ď', 'đ':
		return "d", true
	case 'è', 'é', 'ê', 'ë', 'ē', 'ĕ', 'ė', 'ę', 'ě':
		return "e", true
	case 'ğ', 'ĝ', 'ġ', 'ģ':
		return "g", true
	case 'ì', 'í', 'î', 'ï', 'ĩ', 'ī', 'ĭ', 'į', 'ı':
		return "i", true
	case 'ł', 'ľ', 'ĺ', 'ļ':
		return "l", true
	case 'ñ', 'ń', 'ň', 'ņ':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ŏ', 'ő':
		return "o", true
	case 'ř', 'ŕ':
		return "r", true
	case 'ś', 'š', 'ş', 'ș', 'ŝ':
		return "s", true
	case 'ť', 'ţ', 'ț':
		return "t", true
	case 'ù', 'ú', 'û', 'ü', 'ũ', 'ū', 'ŭ', 'ů', 'ű', 'ų':
		return "u", true
	case 'ý', 'ÿ', 'ŷ':
		return "y", true
	case 'ź', 'ż', 'ž':
		return "z", true
	case 'œ':
		return "oe", true
	case 'æ':
		return "ae", true
	case 'ß':
		return "ss", true
	}
	return "", false
}
