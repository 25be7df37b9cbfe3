package ner

// Mention is a named-entity span in a text: text[Start:End] == Text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Label string `json:"label"` // PER, LOC, ORG, OPERATION or MISC
	// Source says which component proposed the span: "model", "rule", "list".
	Source string `json:"source,omitempty"`
	// Entity is the index of the mention's entity in Document.Entities, -1 until grouped.
	Entity int `json:"entity"`
}
