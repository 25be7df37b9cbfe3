package gold

import (
	"strings"
)

// docBuilder turns a stream of tagged tokens into Documents, rebuilding the
// text and closing entity spans as the tags say.
type docBuilder struct {
	file   string
	labels LabelMap
	prefix string // document ID prefix
	docs   []Document

	text  strings.Builder
	spans []Span
	sep   string // written before the next token

	// The open entity: its corpus label and byte range.
	open       bool
	openLabel  string
	openStart  int
	openEnd    int
	nextID     string
	sentTokens int // tokens in the current sentence
}

// splitTag splits an IOB/BIOES/BILOU tag into its prefix letter and label.
// "O" and "_" are outside tags, returned as prefix 'O'.
func splitTag(tag string) (byte, string, bool) {
	if tag == "O" || tag == "_" {
		return 'O', "", true
	}
	if len(tag) < 3 || (tag[1] != '-' && tag[1] != '_') {
		return 0, "", false
	}
	switch p := tag[0]; p {
	case 'B', 'I', 'E', 'S', 'L', 'U':
		return p, tag[2:], true
	}
	return 0, "", false
}

// token adds a token and its tag. Any prefix decodes leniently, so IOB1 (I-
// after another type starts an entity) and IOB2 both read right.
func (b *docBuilder) token(tok, tag string, line int) error {
	p, label, ok := splitTag(tag)
	if !ok {
		return posError(b.file, line, ErrTag, "%q", tag)
	}
	if p != 'O' {
		if _, ok := b.labels.Map(label); !ok {
			return posError(b.file, line, ErrLabel, "%q in tag %q", label, tag)
		}
	}
	starts := p == 'B' || p == 'S' || p == 'U' || (p != 'O' && (!b.open || b.openLabel != label))
	if p == 'O' || starts {
		b.close()
	}
	if b.text.Len() > 0 {
		b.text.WriteString(b.sep)
	}
	start := b.text.Len()
	b.text.WriteString(tok)
	b.sep = " "
	b.sentTokens++
	if p == 'O' {
		return nil
	}
	if starts {
		b.open, b.openLabel, b.openStart = true, label, start
	}
	b.openEnd = b.text.Len()
	if p == 'E' || p == 'L' || p == 'S' || p == 'U' {
		b.close()
	}
	return nil
}

// close ends the open entity, if any, keeping it when its label maps.
func (b *docBuilder) close() {
	if !b.open {
		return
	}
	b.open = false
	if l, _ := b.labels.Map(b.openLabel); l != "" {
		b.spans = append(b.spans, Span{Start: b.openStart, End: b.openEnd, Label: l})
	}
}

// sentence ends a sentence: the next token goes on a new line.
func (b *docBuilder) sentence() {
	b.close()
	if b.sentTokens > 0 {
		b.sep = "\n"
	}
	b.sentTokens = 0
}

// document ends the current document, if it has any text.
func (b *docBuilder) document() {
	b.sentence()
	if b.text.Len() > 0 {
		id := b.nextID
		if id == "" {
			id = b.prefix + "#" + itoa(len(b.docs))
		}
		b.docs = append(b.docs, Document{ID: id, Text: b.text.String(), Spans: b.spans})
	}
	b.text.Reset()
	b.spans = nil
	b.sep = ""
	b.nextID = ""
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var buf [20]byte
	n := len(buf)
	for i > 0 {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[n:])
}
