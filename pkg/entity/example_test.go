package entity_test

import (
	"fmt"
	"strings"

	"github.com/veille/veille/pkg/entity"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
)

func ExampleGroup() {
	text := "Darmanin impose de nouvelles mesures\n\n" +
		"Le ministre de l'Intérieur Gérald Darmanin a écrit aux préfets. M. Darmanin vise les dealers de Marseille.\n" +
		"NICOLAS TUCAT / AFP"
	var mentions []ner.Mention
	for _, n := range []struct{ text, label string }{
		{"Darmanin", "PER"}, {"Gérald Darmanin", "PER"}, {"M. Darmanin", "PER"},
		{"Marseille", "LOC"}, {"NICOLAS TUCAT", "PER"}, {"AFP", "ORG"},
	} {
		i := strings.Index(text, n.text)
		mentions = append(mentions, ner.Mention{Start: i, End: i + len(n.text), Text: n.text, Label: n.label})
	}
	ents := entity.Group(stem.Analyze(text), mentions)
	for _, e := range ents {
		fmt.Printf("%-15s %-3s n=%d %.2f %v\n", e.Name, e.Label, e.Count, e.Salience, e.Titles)
	}
	fmt.Println(ents[mentions[2].Entity].Name)
	// Output:
	// Gérald Darmanin PER n=3 1.00 [ministre de l'Intérieur]
	// Marseille       LOC n=1 0.35 []
	// NICOLAS TUCAT   PER n=1 0.34 []
	// AFP             ORG n=1 0.33 []
	// Gérald Darmanin
}
