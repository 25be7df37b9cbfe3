package ner_test

import (
	"fmt"

	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
)

func ExampleTagger_Tag() {
	t, err := ner.Default()
	if err != nil {
		panic(err)
	}
	text := "Le ministre de l'Intérieur, Gérald Darmanin, s'est rendu lundi à Marseille avec le préfet de police des Bouches-du-Rhône et des policiers de la BAC."
	for _, m := range t.Tag(stem.Analyze(text)) {
		fmt.Printf("%s %q [%d:%d]\n", m.Label, m.Text, m.Start, m.End)
	}
	// Output:
	// PER "Gérald Darmanin" [29:45]
	// LOC "Marseille" [68:77]
	// LOC "Bouches-du-Rhône" [108:125]
	// ORG "BAC" [149:152]
}
