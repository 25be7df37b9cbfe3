package operation_test

import (
	"fmt"
	"strings"

	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/operation"
	"github.com/veille/veille/pkg/stem"
)

func Example() {
	f, err := operation.Default()
	if err != nil {
		panic(err)
	}
	text := "Opération « Place nette XXL » à Marseille : après les opérations « place nette », " +
		"une grosse opération de police vise les dealers. Les militaires de l'opération Sentinelle " +
		"restent mobilisés, et le plan Vigipirate est maintenu."
	for _, m := range f.Find(stem.Analyze(text), nil) {
		fmt.Printf("%s %q (%s)\n", m.Label, m.Text, m.Source)
	}
	// Output:
	// OPERATION "Place nette XXL" (rule)
	// OPERATION "place nette" (rule)
	// OPERATION "Sentinelle" (rule)
	// OPERATION "Vigipirate" (rule)
}

// The model's mentions are merged: a rule beats an overlapping model span,
// other model spans stand.
func ExampleFinder_Find_merge() {
	f, err := operation.Default()
	if err != nil {
		panic(err)
	}
	text := "Un soldat de l'opération Barkhane est mort au Mali."
	at := func(s, label string) ner.Mention {
		i := strings.Index(text, s)
		return ner.Mention{Start: i, End: i + len(s), Text: s, Label: label, Source: "model"}
	}
	model := []ner.Mention{at("opération Barkhane", "MISC"), at("Mali", "LOC")}
	for _, m := range f.Find(stem.Analyze(text), model) {
		fmt.Printf("%s %q (%s)\n", m.Label, m.Text, m.Source)
	}
	// Output:
	// OPERATION "Barkhane" (rule)
	// LOC "Mali" (model)
}

// A user list adds names. An ambiguous one (marked ?) needs a trigger;
// once triggered, it marks its other mentions in the document.
func ExampleLoadList() {
	list, err := operation.LoadList(strings.NewReader(`
# my operations
Hydre
Orion ?
!déminage
`))
	if err != nil {
		panic(err)
	}
	f := operation.New(list)
	text := "Hydre a visé 40 points de deal. Orion brille. L'opération Orion commence ; l'opération « déminage » aussi."
	for _, m := range f.Find(stem.Analyze(text), nil) {
		fmt.Println(m.Text, m.Source)
	}
	_, err = operation.LoadList(strings.NewReader("Hydre\n« Orion »\n"))
	fmt.Println(err)
	// Output:
	// Hydre list
	// Orion list
	// Orion rule
	// list line 2: operation: name has quotes, brackets or sentence punctuation
}
