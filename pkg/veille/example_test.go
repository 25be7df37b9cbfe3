package veille_test

import (
	"context"
	"fmt"
	"log"

	"github.com/veille/veille/pkg/veille"
)

func Example() {
	p, err := veille.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Le ministre de l'Intérieur Gérald Darmanin s'est rendu à Marseille. " +
		"Darmanin a salué le travail de la police judiciaire."
	doc, err := p.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range doc.Entities {
		fmt.Printf("%s %s ×%d %v\n", e.Label, e.Name, e.Count, e.Titles)
	}
	// Output:
	// PER Gérald Darmanin ×2 [ministre de l'Intérieur]
	// LOC Marseille ×1 []
	// ORG police judiciaire ×1 []
}

func ExamplePipeline_Extract_offsets() {
	p, err := veille.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Opération « Place nette XXL » à Marseille."
	doc, err := p.Extract(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range doc.Mentions {
		fmt.Printf("%d:%d %s %q %v\n", m.Start, m.End, m.Label, m.Text, text[m.Start:m.End] == m.Text)
	}
	// Output:
	// 14:29 OPERATION "Place nette XXL" true
	// 36:45 LOC "Marseille" true
}
