package index_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/veille/veille/pkg/entity"
	"github.com/veille/veille/pkg/index"
	"github.com/veille/veille/pkg/topic"
	"github.com/veille/veille/pkg/veille"
)

func Example() {
	tmp, err := os.MkdirTemp("", "veille-index")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "archive.idx")
	ctx := context.Background()

	// Documents come from veille.Pipeline; these are written by hand.
	docs := []*veille.Document{{
		Source: "depeches.jsonl#17", Date: "2024-03-19", Title: "Place nette à Marseille",
		Text:     "Place nette à Marseille\n\nLes policiers ont saisi des stupéfiants dans les quartiers nord.",
		Entities: []entity.Entity{{Name: "Marseille", Label: "LOC"}, {Name: "Place nette", Label: "OPERATION"}},
		Topics:   []topic.Topic{{ID: "narcotrafic"}},
	}, {
		Source: "depeches.jsonl#18", Date: "2024-02-02", Title: "Un stupéfiant retard",
		Text:     "Un stupéfiant retard\n\nLe tramway de Lyon est resté bloqué deux heures.",
		Entities: []entity.Entity{{Name: "Lyon", Label: "LOC"}},
		Topics:   []topic.Topic{{ID: "transports"}},
	}}
	w, err := index.Create(dir)
	if err != nil {
		log.Fatal(err)
	}
	if err := w.Add(ctx, docs...); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	x, err := index.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	res, err := x.Search(ctx, index.Query{Text: "stupefiant", Places: []string{"marseille"}, Facets: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range res.Hits {
		fmt.Println(h.ID, h.Date, h.Title, h.Topics, h.Entities["OPERATION"])
	}
	fmt.Println(res.Facets[index.FacetTopic])
	// Output:
	// depeches.jsonl#17 2024-03-19 Place nette à Marseille [narcotrafic] [Place nette]
	// [{narcotrafic 1}]
}
