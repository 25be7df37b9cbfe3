package textio

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Sentinel errors. Errors returned by this package wrap them with the name
// of the file (and line, for a dump) so that errors.Is works and the
// message says where the problem is.
var (
	// ErrBinary: the input looks like binary data, not text.
	ErrBinary = errors.New("textio: binary data, not text")
	// ErrEmpty: the input is empty or holds only white space.
	ErrEmpty = errors.New("textio: empty document")
	// ErrTooLarge: a document (a file, standard input or one dump line)
	// exceeds Options.MaxBytes.
	ErrTooLarge = errors.New("textio: document too large")
	// ErrBadLine: a dump line is not a JSON object with a string text field.
	ErrBadLine = errors.New("textio: bad dump line")
	// ErrDir: a directory was given where a file is expected (ReadFile).
	ErrDir = errors.New("textio: is a directory, not a file")
)

// Encoding names reported in Doc.Encoding.
const (
	UTF8        = "utf-8"
	UTF8BOM     = "utf-8-bom"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
	Latin1      = "iso-8859-1"
)

// sniffLen is how much of the input the binary check looks at.
const sniffLen = 8 << 10

// Decode converts the bytes of one document to normalised UTF-8 text and
// names the encoding it found. See the package documentation for how the
// encoding is chosen and what normalisation is applied. It returns
// ErrBinary or ErrEmpty (unwrapped: Decode does not know a file name).
// Decode is safe for concurrent use.
func Decode(b []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		text, err = decodeUTF16(b, unicode.LittleEndian)
		encoding = UTF16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		text, err = decodeUTF16(b, unicode.BigEndian)
		encoding = UTF16BE
	default:
		text, encoding, err = decode8bit(b)
	}
	if err != nil {
		return "", "", err
	}
	text = normalize(text)
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmpty
	}
	return text, encoding, nil
}

// decodeUTF16 decodes b, which starts with a byte-order mark.
func decodeUTF16(b []byte, order unicode.Endianness) (string, error) {
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	if looksBinary(out) {
		return "", ErrBinary
	}
	return string(out), nil
}

// decode8bit decodes b, which has no UTF-16 byte-order mark: UTF-8 (with
// or without a mark), Windows-1252 or Latin-1.
func decode8bit(b []byte) (text, encoding string, err error) {
	encoding = UTF8
	if rest, ok := bytes.CutPrefix(b, []byte{0xEF, 0xBB, 0xBF}); ok {
		b, encoding = rest, UTF8BOM
	}
	if looksBinary(b) {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), encoding, nil
	}
	// A byte-order mark, or more well-formed multi-byte sequences than
	// invalid bytes, says UTF-8 with a few damaged bytes: keep UTF-8 and
	// replace the damage rather than turn every accent into mojibake.
	if encoding == UTF8BOM || mostlyUTF8(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD"), encoding, nil
	}
	// 0x80–0x9F are C1 control codes in ISO-8859-1, which no real text
	// uses, but € ’ œ … in Windows-1252: their presence decides.
	cm, encoding := charmap.ISO8859_1, Latin1
	for _, c := range b {
		if c >= 0x80 && c <= 0x9F {
			cm, encoding = charmap.Windows1252, Windows1252
			break
		}
	}
	out, err := cm.NewDecoder().Bytes(b) // never fails: every byte maps
	return string(out), encoding, err
}

// mostlyUTF8 reports whether b has more valid multi-byte UTF-8 sequences
// than invalid bytes.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		b = b[n:]
	}
	return valid > invalid
}

// looksBinary reports whether the first sniffLen bytes of b hold a NUL
// byte, or more than 10% control bytes other than tab, line feed, form feed
// and carriage return. Bytes ≥ 0x80 are never counted: they are UTF-8
// continuation bytes or Windows-1252 letters.
func looksBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	control := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\f', c == '\r':
		case c < 0x20, c == 0x7F:
			control++
		}
	}
	return control*10 > len(b)
}

// normalize turns CRLF and lone CR into LF and composes the text to
// Unicode NFC, so that « é » is one code point whatever produced the file.
func normalize(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return norm.NFC.String(s)
}
