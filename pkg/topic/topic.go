// Package topic holds what a document is about: categories, analyst topics and keyphrases.
package topic

// Topic is a category or an analyst topic assigned to a document.
type Topic struct {
	ID       string     `json:"id"`
	Label    string     `json:"label"`
	Score    float64    `json:"score"`
	Kind     string     `json:"kind"` // "category" or "lexicon"
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is one cue that fired for a topic, and how often.
type Evidence struct {
	Cue   string `json:"cue"`
	Count int    `json:"count"`
}

// Keyphrase is a phrase that says what a document is about.
type Keyphrase struct {
	Text  string  `json:"text"`
	Stem  string  `json:"stem"`
	Score float64 `json:"score"`
}
