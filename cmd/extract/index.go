package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/veille/veille/pkg/index"
	"github.com/veille/veille/pkg/textio"
	"github.com/veille/veille/pkg/veille"
)

func init() {
	register(&command{
		name:    "index",
		summary: "add new and changed documents to a search index (--index DIR), skipping unchanged ones",
		run: func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			return runIngest(ctx, "index", args, stdin, stderr)
		},
	})
}

// ingestStats counts what an ingest did; the counters are shared by the
// reader, the main loop and the progress line.
type ingestStats struct {
	added, replaced, unchanged, failed, removed atomic.Int64
	indexing                                    atomic.Int64 // nanoseconds spent in Index.Add
}

func (s *ingestStats) done() int64 {
	return s.added.Load() + s.replaced.Load() + s.unchanged.Load() + s.failed.Load()
}

// runIngest is `extract index` and, with name "reindex", `extract reindex`:
// read PATHs, skip documents whose content hash is already indexed (index
// only), extract the others in parallel and add them in batches.
func runIngest(ctx context.Context, name string, args []string, stdin io.Reader, stderr io.Writer) int {
	rebuild := name == "reindex"
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("index", "", "index directory (required)")
	batch := fs.Int("batch", 256, "documents per index batch")
	prune := false
	if !rebuild {
		fs.BoolVar(&prune, "prune", false, "remove indexed documents read from under the given PATHs that are no longer there")
	}
	quiet := fs.Bool("quiet", false, "no progress line")
	in := addInputFlags(fs)
	pf := addPipelineFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: extract %s --index DIR [flags] PATH...\n", name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *dir == "" || fs.NArg() == 0 || *batch <= 0 {
		fs.Usage()
		return exitUsage
	}
	paths := fs.Args()
	opt := in.options()
	opt.Stdin = stdin
	start := time.Now()

	pipe, err := pf.pipeline()
	if err != nil {
		fmt.Fprintf(stderr, "extract %s: %v\n", name, err)
		return exitFail
	}
	open := index.OpenOrCreate
	if rebuild {
		open = index.Rebuild
	}
	// The live index's size estimates the total, for the ETA.
	var estimate uint64
	if live, err := index.Open(*dir); err == nil {
		estimate, _ = live.Count()
		live.Close()
	}
	w, err := open(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "extract %s: %v\n", name, err)
		if errors.Is(err, index.ErrVersion) {
			fmt.Fprintf(stderr, "extract %s: rebuild it with: extract reindex --index %s PATH...\n", name, *dir)
		}
		return exitFail
	}

	var st ingestStats
	var mu sync.Mutex
	existed := map[string]bool{} // sources read, and whether the index had them
	docs := textio.Read(ctx, paths, opt)
	if !rebuild {
		docs = skipUnchanged(docs, w, &st, &mu, existed)
	}
	stopProgress := startProgress(stderr, *quiet, &st, estimate, start)

	// Indexing runs beside extraction: one batch is indexed while the next
	// is filled.
	batches := make(chan []*veille.Document, 1)
	indexErr := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			if err != nil {
				continue
			}
			t := time.Now()
			err = w.Add(ctx, b...)
			st.indexing.Add(int64(time.Since(t)))
		}
		indexErr <- err
	}()
	var cur []*veille.Document
	for d, err := range pipe.Stream(ctx, docs, in.workers) {
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			st.failed.Add(1)
			stopProgress(false)
			fmt.Fprintf(stderr, "extract %s: %v\n", name, err)
			continue
		}
		mu.Lock()
		had := existed[d.Source]
		mu.Unlock()
		if had {
			st.replaced.Add(1)
		} else {
			st.added.Add(1)
		}
		if cur = append(cur, slim(d)); len(cur) == *batch {
			batches <- cur
			cur = nil
		}
	}
	if len(cur) > 0 {
		batches <- cur
	}
	close(batches)
	err = <-indexErr
	interrupted := ctx.Err() != nil
	if interrupted && errors.Is(err, ctx.Err()) {
		err = nil // not a write error: the batches after the interrupt were dropped
	}
	if err == nil && prune && !interrupted {
		err = pruneMissing(ctx, w, paths, existed, &st)
	}
	stopProgress(true)

	status := exitOK
	switch {
	case err != nil:
		w.Abort()
		fmt.Fprintf(stderr, "extract %s: %v; %s is unchanged\n", name, err, *dir)
		return exitFail
	case interrupted && rebuild:
		w.Abort()
		fmt.Fprintf(stderr, "extract %s: interrupted; %s is unchanged\n", name, *dir)
		return exitFail
	case interrupted:
		// Every document added so far is complete: keep them.
		fmt.Fprintf(stderr, "extract %s: interrupted; keeping the documents indexed so far\n", name)
		status = exitFail
	}
	t := time.Now()
	if err := w.Close(); err != nil {
		fmt.Fprintf(stderr, "extract %s: %v; %s is unchanged\n", name, err, *dir)
		return exitFail
	}
	st.indexing.Add(int64(time.Since(t)))
	summary(stderr, name, *dir, &st, time.Since(start))
	if st.failed.Load() > 0 {
		status = exitFail
	}
	return status
}

// slim drops what the index does not read (tokens, sentences, mentions
// once grouped into entities), so queued batches stay small.
func slim(d *veille.Document) *veille.Document {
	s := &veille.Document{Source: d.Source, Date: d.Date, Title: d.Title, Text: d.Text,
		Entities: d.Entities, Topics: d.Topics, Keyphrases: d.Keyphrases}
	if len(d.Entities) == 0 {
		s.Mentions = d.Mentions
	}
	return s
}

// skipUnchanged passes on the documents that are new or whose content hash
// differs from the indexed one, counting the others as unchanged; this
// costs decoding and hashing only, no extraction. Read errors pass through.
func skipUnchanged(docs iter.Seq[textio.Doc], x *index.Index, st *ingestStats, mu *sync.Mutex, existed map[string]bool) iter.Seq[textio.Doc] {
	return func(yield func(textio.Doc) bool) {
		for d := range docs {
			// A source that fails to read is recorded too: --prune must not
			// take it for a deleted one.
			var old string
			had := false
			if d.Err == nil {
				old, had = x.Hash(d.Source)
			}
			mu.Lock()
			existed[d.Source] = had
			mu.Unlock()
			if had && old == index.ContentHash(d.Title, d.Date, d.Text) {
				st.unchanged.Add(1)
				continue
			}
			if !yield(d) {
				return
			}
		}
	}
}

// pruneMissing removes the indexed documents read from under paths that
// this run did not read.
func pruneMissing(ctx context.Context, w *index.Index, paths []string, seen map[string]bool, st *ingestStats) error {
	var gone []string
	for _, p := range paths {
		if p == "-" {
			continue
		}
		ids, err := w.IDsUnder(ctx, p)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, ok := seen[id]; !ok {
				gone = append(gone, id)
			}
		}
	}
	st.removed.Add(int64(len(gone)))
	return w.Remove(ctx, gone...)
}

// startProgress prints a progress line on stderr twice a second when
// stderr is a terminal. The returned func erases it; with final it also
// stops it.
func startProgress(stderr io.Writer, quiet bool, st *ingestStats, estimate uint64, start time.Time) func(final bool) {
	if quiet || !isTerminal(stderr) {
		return func(bool) {}
	}
	var mu sync.Mutex
	stop := make(chan struct{})
	var once sync.Once
	go func() {
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			n := st.done()
			el := time.Since(start)
			rate := float64(n) / el.Seconds()
			line := fmt.Sprintf("%d documents, %.0f docs/s", n, rate)
			if estimate > uint64(n) && rate > 0 {
				eta := time.Duration(float64(estimate-uint64(n)) / rate * float64(time.Second))
				line += fmt.Sprintf(", ETA ~%s (of ~%d)", eta.Round(time.Second), estimate)
			}
			mu.Lock()
			fmt.Fprintf(stderr, "\r\033[K%s", line)
			mu.Unlock()
		}
	}()
	return func(final bool) {
		if final {
			once.Do(func() { close(stop) })
		}
		mu.Lock()
		fmt.Fprint(stderr, "\r\033[K")
		mu.Unlock()
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func summary(w io.Writer, name, dir string, st *ingestStats, elapsed time.Duration) {
	n := st.added.Load() + st.replaced.Load() + st.unchanged.Load()
	fmt.Fprintf(w, "extract %s: %d added, %d replaced, %d unchanged, %d failed", name,
		st.added.Load(), st.replaced.Load(), st.unchanged.Load(), st.failed.Load())
	if r := st.removed.Load(); r > 0 {
		fmt.Fprintf(w, ", %d removed", r)
	}
	fmt.Fprintf(w, " in %s (%.0f docs/s; indexing busy %s)",
		elapsed.Round(10*time.Millisecond), float64(n)/elapsed.Seconds(), time.Duration(st.indexing.Load()).Round(10*time.Millisecond))
	if x, err := index.Open(dir); err == nil {
		count, _ := x.Count()
		x.Close()
		fmt.Fprintf(w, "; %s: %d documents, %s on disk", dir, count, humanBytes(dirSize(dir)))
	}
	fmt.Fprintln(w)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
}
