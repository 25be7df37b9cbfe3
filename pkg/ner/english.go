package ner

import (
	prose "github.com/jdkato/prose/v3"
)

// proseLabels maps prose's English entity labels onto ours; others are dropped.
var proseLabels = map[string]string{"PERSON": "PER", "GPE": "LOC", "ORGANIZATION": "ORG"}

// English finds PER, LOC and ORG entities in English text with prose v3's
// English model (PERSON, GPE and ORGANIZATION; its other labels are
// dropped). Offsets are exact byte offsets into text.
func English(text string) ([]Mention, error) {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	var out []Mention
	for _, e := range doc.Entities() {
		l, ok := proseLabels[e.Label]
		if !ok || e.In(text) != e.Text {
			continue
		}
		out = append(out, Mention{Start: e.Start, End: e.End(), Text: e.Text, Label: l, Source: "model", Entity: -1})
	}
	return out, nil
}
