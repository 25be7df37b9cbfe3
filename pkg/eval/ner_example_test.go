package eval_test

import (
	"fmt"

	"github.com/veille/veille/pkg/eval"
)

func ExampleNERReport() {
	var r eval.NERReport
	gold := []eval.Span{{Start: 0, End: 15, Label: "PER"}, {Start: 28, End: 37, Label: "LOC"}}
	pred := []eval.Span{{Start: 0, End: 15, Label: "PER"}, {Start: 28, End: 37, Label: "ORG"}}
	fp, fn := r.Add(gold, pred)
	fmt.Println("false positives:", fp)
	fmt.Println("false negatives:", fn)
	fmt.Printf("PER+LOC+ORG P %.2f R %.2f F1 %.2f\n", r.Core.Precision(), r.Core.Recall(), r.Core.F1())
	// Output:
	// false positives: [{28 37 ORG}]
	// false negatives: [{28 37 LOC}]
	// PER+LOC+ORG P 0.50 R 0.50 F1 0.50
}
