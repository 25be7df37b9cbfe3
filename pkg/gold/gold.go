// Package gold reads hand-annotated named-entity corpora into one
// representation, so training and scoring never care where a corpus came from.
//
// Every reader returns []Document. A Document holds a text and its entity
// spans as byte offsets:
//
//	doc.Text[s.Start:s.End] // is the entity's surface text
//
// Spans are sorted by Start and never overlap. Labels are the five of the
// project's guidelines (PER, LOC, ORG, OPERATION, MISC) once a LabelMap has
// been applied; readers drop spans whose label maps to "".
//
// Three formats are read:
//
//   - JSON Lines (ReadJSONL): {"id","text","entities":[{"start","end","label"}]}
//     with byte offsets, the news-fr-gold format.
//   - CoNLL-style columns (ReadCoNLL): one token a line with its tag last;
//     IOB1, IOB2, BIOES/BILOU tags; -DOCSTART- lines; blank lines between
//     sentences (optional); # comments.
//   - HIPE TSV (ReadHIPE): the CLEF-HIPE 2020/2022 format, read from its
//     NE-COARSE-LIT column, with NoSpaceAfter in the MISC column.
//
// Token formats have no original text, so Text is rebuilt: tokens joined by
// one space (none after a NoSpaceAfter token), sentences by a newline.
//
// Errors name FILE:LINE and wrap one of the sentinel errors, so callers can
// test them with errors.Is. Readers hold no state and are safe for
// concurrent use.
package gold

import (
	"errors"
	"fmt"
	"strings"
)

// Span is an entity in a Document: Text[Start:End], with its label.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

// Document is an annotated text.
type Document struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Spans []Span `json:"spans"`
}

// Sentinel errors; reader errors wrap them with the file and line.
var (
	ErrSyntax = errors.New("gold: malformed line")
	ErrTag    = errors.New("gold: bad tag")
	ErrLabel  = errors.New("gold: unknown label")
	ErrSpan   = errors.New("gold: bad span")
)

// Labels are the five labels of the guidelines.
var Labels = []string{"PER", "LOC", "ORG", "OPERATION", "MISC"}

// LabelMap maps a corpus label onto one of Labels, or onto "" to drop it.
// Keys are matched case-insensitively. A label missing from the map is an
// ErrLabel error.
type LabelMap map[string]string

// DefaultLabels maps the labels of news-fr-gold, Europeana, WikiNEuRal and
// HIPE 2020/2022 onto the guidelines' five: pers→PER, loc→LOC, org→ORG,
// prod and HumanProd→MISC, time dropped. "comp" (a HIPE name-component tag,
// found once in HIPE-2020 train's coarse column) is dropped too.
var DefaultLabels = LabelMap{
	"per": "PER", "pers": "PER", "person": "PER",
	"loc": "LOC", "location": "LOC",
	"org": "ORG", "organization": "ORG", "organisation": "ORG",
	"operation": "OPERATION",
	"misc":      "MISC", "prod": "MISC", "humanprod": "MISC",
	"time": "", "date": "", "comp": "",
}

// Map returns the label that corpus label l maps to, "" when it is dropped,
// and false when l is unknown. A nil map is DefaultLabels.
func (m LabelMap) Map(l string) (string, bool) {
	if m == nil {
		m = DefaultLabels
	}
	if v, ok := m[l]; ok {
		return v, true
	}
	v, ok := m[strings.ToLower(l)]
	return v, ok
}

// posError is an error at FILE:LINE wrapping a sentinel.
func posError(file string, line int, sentinel error, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %w: %s", file, line, sentinel, fmt.Sprintf(format, args...))
}
