package eval

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/topic/category"
)

// CategoryReport scores a category classifier against the labelled
// articles of an OrangeSum dump: accuracy of the best class, per-class
// precision, recall and F1, and the confusion matrix.
type CategoryReport struct {
	Path  string `json:"path"`
	Split string `json:"split"`
	Docs  int    `json:"docs"`
	// BadLines counts lines that could not be read; Errors keeps the first
	// few messages, each naming the file and line.
	BadLines int      `json:"bad_lines"`
	Errors   []string `json:"errors,omitempty"`
	Accuracy float64  `json:"accuracy"`
	// MacroF1 is the unweighted mean F1 over classes with at least one
	// gold document.
	MacroF1 float64         `json:"macro_f1"`
	Classes []CategoryScore `json:"classes"`
	// Confusion[i][j] counts documents of gold class Classes[i] whose best
	// predicted class is Classes[j].
	Confusion  [][]int `json:"confusion"`
	Seconds    float64 `json:"seconds"`
	DocsPerSec float64 `json:"docs_per_second"`
}

// CategoryScore is one class's line of a CategoryReport.
type CategoryScore struct {
	ID        string  `json:"id"`
	Label     string  `json:"label"`
	Support   int     `json:"support"`   // gold documents
	Predicted int     `json:"predicted"` // documents predicted as this class
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// maxCategoryErrors bounds the messages a CategoryReport keeps.
const maxCategoryErrors = 10

// EvalCategories classifies every article of split ("train", "dev", "test";
// "" for all) in the OrangeSum JSON Lines dump at path (gzip when it ends
// in ".gz"), streaming it, and scores the best class against the gold one.
// Bad lines are counted and skipped; an unreadable file or a cancelled ctx
// is an error. It uses GOMAXPROCS goroutines.
func EvalCategories(ctx context.Context, clf *category.Classifier, path string, split string) (*CategoryReport, error) {
	start := time.Now()
	rep := &CategoryReport{Path: path, Split: split}
	index := map[string]int{}
	for _, id := range clf.Classes() {
		index[id] = len(index)
	}
	type pair struct{ gold, pred string }
	jobs := make(chan category.Example)
	results := make(chan pair)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for ex := range jobs {
				results <- pair{ex.Label, clf.Classify(stem.Analyze(ex.Text))[0].ID}
			}
		})
	}
	var readErr error
	go func() {
		defer close(jobs)
		for ex, err := range category.ReadOrangeSumFile(path, split) {
			if ctx.Err() != nil {
				return
			}
			if err == nil {
				jobs <- ex
				continue
			}
			if !errors.Is(err, category.ErrBadLine) {
				readErr = err // the file could not be opened or read
				return
			}
			rep.BadLines++
			if len(rep.Errors) < maxCategoryErrors {
				rep.Errors = append(rep.Errors, err.Error())
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var pairs []pair
	for p := range results {
		pairs = append(pairs, p)
	}
	if readErr != nil {
		return nil, readErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, p := range pairs {
		for _, id := range []string{p.gold, p.pred} {
			if _, ok := index[id]; !ok {
				index[id] = len(index)
			}
		}
	}
	ids := make([]string, len(index))
	for id, i := range index {
		ids[i] = id
	}
	k := len(ids)
	rep.Confusion = make([][]int, k)
	for i := range rep.Confusion {
		rep.Confusion[i] = make([]int, k)
	}
	correct := 0
	for _, p := range pairs {
		rep.Confusion[index[p.gold]][index[p.pred]]++
		if p.gold == p.pred {
			correct++
		}
	}
	rep.Docs = len(pairs)
	if rep.Docs > 0 {
		rep.Accuracy = float64(correct) / float64(rep.Docs)
	}
	var f1sum float64
	var withGold int
	for i, id := range ids {
		s := CategoryScore{ID: id, Label: category.Label(id)}
		for j := range k {
			s.Support += rep.Confusion[i][j]
			s.Predicted += rep.Confusion[j][i]
		}
		tp := rep.Confusion[i][i]
		if s.Predicted > 0 {
			s.Precision = float64(tp) / float64(s.Predicted)
		}
		if s.Support > 0 {
			s.Recall = float64(tp) / float64(s.Support)
			withGold++
		}
		if tp > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		f1sum += s.F1
		rep.Classes = append(rep.Classes, s)
	}
	if withGold > 0 {
		rep.MacroF1 = f1sum / float64(withGold)
	}
	rep.Seconds = time.Since(start).Seconds()
	if rep.Seconds > 0 {
		rep.DocsPerSec = float64(rep.Docs) / rep.Seconds
	}
	return rep, nil
}

// WriteText writes the report for people: the totals, a per-class table,
// the confusion matrix (rows gold, columns predicted, by class number) and
// the largest confusions.
func (r *CategoryReport) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "categories: %s split=%q docs=%d bad_lines=%d accuracy=%.4f macro_f1=%.4f (%.0f docs/s)\n",
		r.Path, r.Split, r.Docs, r.BadLines, r.Accuracy, r.MacroF1, r.DocsPerSec)
	for _, e := range r.Errors {
		fmt.Fprintf(tw, "  error: %s\n", e)
	}
	fmt.Fprintln(tw, "\n#\tclass\tsupport\tpredicted\tprecision\trecall\tF1\t")
	for i, c := range r.Classes {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", i, c.ID, c.Support, c.Predicted, c.Precision, c.Recall, c.F1)
	}
	fmt.Fprint(tw, "\ngold\\pred\t")
	for j := range r.Classes {
		fmt.Fprintf(tw, "%d\t", j)
	}
	fmt.Fprintln(tw)
	for i, row := range r.Confusion {
		fmt.Fprintf(tw, "%d\t", i)
		for _, n := range row {
			fmt.Fprintf(tw, "%d\t", n)
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	type cell struct{ gold, pred, n int }
	var cells []cell
	for i, row := range r.Confusion {
		for j, n := range row {
			if i != j && n > 0 {
				cells = append(cells, cell{i, j, n})
			}
		}
	}
	slices.SortStableFunc(cells, func(a, b cell) int { return cmp.Compare(b.n, a.n) })
	_, err := fmt.Fprintln(w, "\nlargest confusions (gold → predicted):")
	for _, c := range cells[:min(8, len(cells))] {
		if err != nil {
			break
		}
		_, err = fmt.Fprintf(w, "  %-22s → %-22s %d\n", r.Classes[c.gold].ID, r.Classes[c.pred].ID, c.n)
	}
	return err
}

// WriteJSON writes the report as indented JSON.
func (r *CategoryReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
