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

import (
	"unicode"
	"unicode/utf8"
)

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

// Tokenize splits text into tokens.
func Tokenize(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
					break
				}
				j += s2
			}
			kind := Word
			if unicode.IsDigit(r) {
				kind = Number
			}
			toks = append(toks, Token{Text: text[i:j], Start: i, End: j, Kind: kind})
			i = j
		default:
			kind := Punct
			if unicode.IsSymbol(r) {
				kind = Symbol
			}
			toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size, Kind: kind})
			i += size
		}
	}
	return toks
}

// Segment groups tokens into sentences.
func Segment(text string, toks []Token) []Sentence {
	var sents []Sentence
	first := 0
	for i, t := range toks {
		if t.Text == "." || t.Text == "!" || t.Text == "?" || i == len(toks)-1 {
			sents = append(sents, Sentence{Start: toks[first].Start, End: t.End, First: first, Last: i + 1})
			first = i + 1
		}
	}
	return sents
}
