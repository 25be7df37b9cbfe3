package entity

// Entity is one real-world thing a document names, with all its mentions.
type Entity struct {
	Name     string   `json:"name"`
	Label    string   `json:"label"`
	Count    int      `json:"count"`
	Salience float64  `json:"salience"`
	Titles   []string `json:"titles,omitempty"`
	// Mentions holds the indices of the entity's mentions in the document.
	Mentions []int `json:"mentions"`
}
