package veille

import (
	"context"
	"iter"
	"runtime"

	"github.com/veille/veille/pkg/textio"
)

// Stream extracts every document of in with workers goroutines (0 means one
// per CPU) and yields the results in input order. A document that could not be
// read or extracted comes out with its error, which names its source; the
// others go on. Stopping the iteration, or cancelling ctx, stops the workers.
func (p *Pipeline) Stream(ctx context.Context, in iter.Seq[textio.Doc], workers int) iter.Seq2[*Document, error] {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		doc *Document
		err error
	}
	return func(yield func(*Document, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		// Each job carries its own result channel; the jobs queue keeps input
		// order, so reading the channels in queue order restores it.
		type job struct {
			in  textio.Doc
			out chan result
		}
		jobs := make(chan job, workers)
		order := make(chan chan result, 2*workers)
		for range workers {
			go func() {
				for j := range jobs {
					if j.in.Err != nil {
						j.out <- result{nil, j.in.Err}
						continue
					}
					d, err := p.ExtractDoc(ctx, j.in)
					j.out <- result{d, err}
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for d := range in {
				j := job{in: d, out: make(chan result, 1)}
				select {
				case order <- j.out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
		for out := range order {
			var r result
			select {
			case r = <-out:
			case <-ctx.Done():
				return
			}
			if !yield(r.doc, r.err) {
				return
			}
		}
	}
}
