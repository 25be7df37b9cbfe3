package tokenize_test

import (
	"fmt"

	"github.com/veille/veille/pkg/tokenize"
)

func ExampleTokenize() {
	text := "M. Dupont, a-t-il dit, paiera 1 000 € d’ici l’été.Consternant"
	for _, t := range tokenize.Tokenize(text) {
		fmt.Printf("%d:%d %s %q\n", t.Start, t.End, t.Kind, t.Text)
	}
	// Output:
	// 0:2 word "M."
	// 3:9 word "Dupont"
	// 9:10 punct ","
	// 11:12 word "a"
	// 12:17 word "-t-il"
	// 18:21 word "dit"
	// 21:22 punct ","
	// 23:29 word "paiera"
	// 30:35 number "1 000"
	// 36:39 symbol "€"
	// 40:44 word "d’"
	// 44:47 word "ici"
	// 48:52 word "l’"
	// 52:57 word "été"
	// 57:58 punct "."
	// 58:69 word "Consternant"
}

func ExampleSegment() {
	text := "Opération « Place nette » à Marseille\n\nM. Darmanin l’a dit : « C’est fini. » Puis il est parti.Le préfet approuve"
	toks := tokenize.Tokenize(text)
	for _, s := range tokenize.Segment(text, toks) {
		fmt.Printf("%d tokens: %s\n", s.Last-s.First, text[s.Start:s.End])
	}
	// Output:
	// 7 tokens: Opération « Place nette » à Marseille
	// 12 tokens: M. Darmanin l’a dit : « C’est fini. »
	// 5 tokens: Puis il est parti.
	// 3 tokens: Le préfet approuve
}
