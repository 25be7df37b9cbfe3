package eval

import (
	"encoding/json"
	"sort"

	"github.com/veille/veille/pkg/gold"
)

// Span is an entity span with byte offsets and a label.
type Span = gold.Span

// CoreLabels are the labels of the headline score: PER, LOC and ORG.
var CoreLabels = []string{"PER", "LOC", "ORG"}

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// MarshalJSON writes the counts with precision, recall and F1.
func (c Counts) MarshalJSON() ([]byte, error) {
	type plain Counts
	return json.Marshal(struct {
		plain
		P  float64 `json:"precision"`
		R  float64 `json:"recall"`
		F1 float64 `json:"f1"`
	}{plain(c), c.Precision(), c.Recall(), c.F1()})
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NERReport accumulates exact-span scores over documents.
type NERReport struct {
	Docs   int               `json:"docs"`
	Labels map[string]Counts `json:"labels"` // per label
	Micro  Counts            `json:"micro"`  // over all labels
	Core   Counts            `json:"core"`   // over CoreLabels
}

// Add scores one document's predicted spans against its gold spans and
// returns the false positives and false negatives, sorted by start.
func (r *NERReport) Add(goldSpans, pred []Span) (fp, fn []Span) {
	if r.Labels == nil {
		r.Labels = map[string]Counts{}
	}
	r.Docs++
	inGold := make(map[Span]bool, len(goldSpans))
	for _, s := range goldSpans {
		inGold[s] = true
	}
	inPred := make(map[Span]bool, len(pred))
	for _, s := range pred {
		if inPred[s] {
			continue // a duplicate prediction counts once
		}
		inPred[s] = true
		if inGold[s] {
			r.count(s.Label, Counts{TP: 1})
		} else {
			r.count(s.Label, Counts{FP: 1})
			fp = append(fp, s)
		}
	}
	for s := range inGold {
		if !inPred[s] {
			r.count(s.Label, Counts{FN: 1})
			fn = append(fn, s)
		}
	}
	sortSpans(fp)
	sortSpans(fn)
	return fp, fn
}

func (r *NERReport) count(label string, c Counts) {
	lc := r.Labels[label]
	lc.add(c)
	r.Labels[label] = lc
	r.Micro.add(c)
	for _, l := range CoreLabels {
		if l == label {
			r.Core.add(c)
		}
	}
}

// MacroF1 is the mean F1 over the labels seen in gold or predictions.
func (r *NERReport) MacroF1() float64 {
	if len(r.Labels) == 0 {
		return 0
	}
	sum := 0.0
	for _, c := range r.Labels {
		sum += c.F1()
	}
	return sum / float64(len(r.Labels))
}

func sortSpans(s []Span) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Start != s[j].Start {
			return s[i].Start < s[j].Start
		}
		return s[i].End < s[j].End
	})
}
