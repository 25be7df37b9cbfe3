package textio

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		file, encoding, text string
	}{
		{"latin1.txt", Latin1, latin1Text},
		{"cp1252.txt", Windows1252, cp1252Text},
		{"utf16le.txt", UTF16LE, utf16Text},
		{"utf16be.txt", UTF16BE, utf16Text},
		{"utf8bom.txt", UTF8BOM, utf8BOMText},
		{"crlf.txt", UTF8, crlfText},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := ReadFile(filepath.Join(fixtureDir, tt.file), Options{})
			if d.Err != nil {
				t.Fatal(d.Err)
			}
			if d.Encoding != tt.encoding || d.Text != tt.text {
				t.Errorf("got %s %q, want %s %q", d.Encoding, d.Text, tt.encoding, tt.text)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, text, encoding string
		err                      error
	}{
		{"ascii", "Bonjour.", "Bonjour.", UTF8, nil},
		{"CRLF and lone CR", "a\r\nb\rc\r\r\nd", "a\nb\nc\n\nd", UTF8, nil},
		{"NFD composed", "e\u0301te\u0301", "été", UTF8, nil},
		{"UTF-8 with a damaged byte", "réunion à Nîmes \xff ce matin", "réunion à Nîmes \uFFFD ce matin", UTF8, nil},
		{"Latin-1 without 0x80-0x9F", "caf\xe9 cr\xe8me", "café crème", Latin1, nil},
		{"Windows-1252 quote", "l\x92\xe9t\xe9", "l’été", Windows1252, nil},
		{"BOM only", "\xef\xbb\xbf", "", "", ErrEmpty},
		{"empty", "", "", "", ErrEmpty},
		{"white space", " \t\r\n\u00a0", "", "", ErrEmpty},
		{"NUL byte", "texte\x00suite", "", "", ErrBinary},
		{"many control bytes", strings.Repeat("ab\x01\x02\x03", 20), "", "", ErrBinary},
		{"few control bytes", "escape \x1b[1m gras\x1b[0m et suite du texte ordinaire", "escape \x1b[1m gras\x1b[0m et suite du texte ordinaire", UTF8, nil},
		{"UTF-16 without BOM", "L\x00e\x00 \x00", "", "", ErrBinary},
		{"UTF-16LE holding NUL", "\xff\xfea\x00\x00\x00b\x00", "", "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode([]byte(tt.in))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if text != tt.text || enc != tt.encoding {
				t.Errorf("got %s %q, want %s %q", enc, text, tt.encoding, tt.text)
			}
		})
	}
}

// The binary check looks at the first 8 KiB only.
func TestDecodeSniffsPrefix(t *testing.T) {
	b := append(bytes.Repeat([]byte("texte "), sniffLen/6+1), 0)
	if _, _, err := Decode(b); err != nil {
		t.Errorf("NUL after 8 KiB: %v", err)
	}
}
