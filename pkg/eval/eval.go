// Package eval measures veille's output against hand-annotated gold data.
//
// Each kind of output has its own file: ner.go scores entity spans with
// exact-match semantics (conlleval on spans): a predicted span counts only
// when its start, end and label all equal a gold span's.
//
//	var r eval.NERReport
//	for _, d := range docs {
//		fp, fn := r.Add(d.Spans, predicted[d.ID])
//		_ = fp; _ = fn // the errors, for listing
//	}
//	fmt.Println(r.Core.F1()) // micro F1 over PER+LOC+ORG
//
// Reports are plain values, JSON-able, and not safe for concurrent Add.
package eval
