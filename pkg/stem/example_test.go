package stem_test

import (
	"fmt"
	"strings"

	"github.com/veille/veille/pkg/stem"
)

func ExampleStem() {
	for _, w := range []string{"influence", "Influences", "stupéfiants", "l’", "qu’", "-t-il"} {
		fmt.Printf("%s → %s\n", w, stem.Stem(w))
	}
	// Output:
	// influence → influenc
	// Influences → influenc
	// stupéfiants → stupéfi
	// l’ → le
	// qu’ → que
	// -t-il → il
}

func ExampleFold() {
	fmt.Println(stem.Fold("Élysée"), stem.Fold("ŒUVRE"), stem.Fold("garçon"), stem.Fold("l’État"))
	// Output: elysee oeuvre garcon l'etat
}

func ExampleAnalyze() {
	a := stem.Analyze("Sous l’influence des réseaux. Le préfet agit.")
	for _, s := range a.Sentences {
		var pairs []string
		for i := s.First; i < s.Last; i++ {
			pairs = append(pairs, a.Tokens[i].Text+"/"+a.Stems[i])
		}
		fmt.Println(strings.Join(pairs, " "))
	}
	// Output:
	// Sous/sous l’/le influence/influenc des/de réseaux/réseau ./
	// Le/le préfet/préfet agit/agit ./
}
