package gold

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
)

// jsonlEntity is one entity of a JSON Lines document.
type jsonlEntity struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Label string  `json:"label"`
	Text  *string `json:"text"`
}

type jsonlDoc struct {
	ID       string        `json:"id"`
	Text     string        `json:"text"`
	Entities []jsonlEntity `json:"entities"`
}

// ReadJSONL reads the news-fr-gold format: one JSON object a line,
// {"id","text","entities":[{"start","end","label","text"}]}, byte offsets.
// Blank lines are skipped. file names the input in errors. Offsets out of
// range, not on UTF-8 boundaries, disagreeing with an entity's "text", or
// overlapping are ErrSpan errors.
func ReadJSONL(r io.Reader, file string, labels LabelMap) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<28)
	var docs []Document
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(trimSpaceBytes(b)) == 0 {
			continue
		}
		var jd jsonlDoc
		if err := json.Unmarshal(b, &jd); err != nil {
			return nil, posError(file, line, ErrSyntax, "%v", err)
		}
		doc := Document{ID: jd.ID, Text: jd.Text}
		for _, e := range jd.Entities {
			if e.Start < 0 || e.End <= e.Start || e.End > len(jd.Text) {
				return nil, posError(file, line, ErrSpan, "[%d,%d) outside a %d-byte text", e.Start, e.End, len(jd.Text))
			}
			if !boundary(jd.Text, e.Start) || !boundary(jd.Text, e.End) {
				return nil, posError(file, line, ErrSpan, "[%d,%d) splits a UTF-8 character", e.Start, e.End)
			}
			if e.Text != nil && *e.Text != jd.Text[e.Start:e.End] {
				return nil, posError(file, line, ErrSpan, "[%d,%d) is %q, entity text says %q", e.Start, e.End, jd.Text[e.Start:e.End], *e.Text)
			}
			l, ok := labels.Map(e.Label)
			if !ok {
				return nil, posError(file, line, ErrLabel, "%q", e.Label)
			}
			if l != "" {
				doc.Spans = append(doc.Spans, Span{Start: e.Start, End: e.End, Label: l})
			}
		}
		sort.SliceStable(doc.Spans, func(i, j int) bool { return doc.Spans[i].Start < doc.Spans[j].Start })
		for i := 1; i < len(doc.Spans); i++ {
			if doc.Spans[i].Start < doc.Spans[i-1].End {
				return nil, posError(file, line, ErrSpan, "[%d,%d) overlaps [%d,%d)", doc.Spans[i].Start, doc.Spans[i].End, doc.Spans[i-1].Start, doc.Spans[i-1].End)
			}
		}
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		return nil, posError(file, line+1, ErrSyntax, "%v", err)
	}
	return docs, nil
}

// boundary reports whether byte offset i of s starts a UTF-8 character (or is len(s)).
func boundary(s string, i int) bool {
	return i == len(s) || s[i]&0xC0 != 0x80
}

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
