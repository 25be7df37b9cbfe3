// Package tokenize splits French text into tokens and sentences that know
// where they came from.
//
// # Positions
//
// Every token and sentence carries byte offsets into the UTF-8 input, and
//
//	text[tok.Start:tok.End] == tok.Text
//
// holds for all of them. The input is never rewritten before tokenizing.
package tokenize

// Kind says what a token is.
type Kind uint8

// Token kinds.
const (
	Word Kind = iota
	Number
	Punct
	Symbol
	URL
	Email
	Handle
	Hashtag
)

var kindNames = [...]string{"word", "number", "punct", "symbol", "url", "email", "handle", "hashtag"}

// MarshalText writes the kind's name, so JSON shows "word", not 0.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is a piece of text with its byte position in the source.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  Kind   `json:"kind"`
}

// Sentence is a span of text and the tokens it holds: tokens[First:Last].
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
	First int `json:"-"`
	Last  int `json:"-"`
}

// Tokenize splits text into tokens in one pass. Tokens are substrings of
// text: the only allocation is the returned slice.
func Tokenize(text string) []Token {
	s := scanner{text: text, toks: make([]Token, 0, len(text)/4+8), at: -1}
	s.run()
	return s.toks
}
