// Command wordcluster learns the word clusters of models/wordcluster from
// the training split of OrangeSum:
//
//	nice -n 10 go run ./models/gen/wordcluster \
//	    -orangesum ../shared/corpus/orangesum/articles.jsonl.gz \
//	    -exclude ../shared/corpus/news-fr-gold/dev.jsonl \
//	    -out models/wordcluster/clusters.txt
//
// Only articles with "split": "train" are read, minus those whose id is in
// the -exclude file (the NER dev set, which must not be learned from; the
// command fails if the file is missing). Title, heading and body are
// tokenized with package tokenize, each token put in wordcluster.Key form
// (numbers become "0", URLs and e-mail addresses are dropped), and
// wordcluster.Learn clusters the words, with its default options unless
// flags say otherwise. The
// command prints the vocabulary size, the time of each phase and a few
// sample clusters (words sharing a level-3 path, most frequent first).
package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/veille/veille/models/gen/internal/exclude"
	"github.com/veille/veille/pkg/tokenize"
	"github.com/veille/veille/pkg/wordcluster"
)

func main() {
	in := flag.String("orangesum", "../shared/corpus/orangesum/articles.jsonl.gz", "OrangeSum articles.jsonl.gz")
	excl := exclude.Flag()
	out := flag.String("out", "models/wordcluster/clusters.txt", "clusters file to write")
	samples := flag.String("samples", "paris,marseille,lundi,janvier,ministre,macron,policiers,covid,voiture,allemagne,twitter,euros,gendarmerie,bfmtv", "comma-separated words whose clusters are printed")
	var opt wordcluster.Options
	flag.IntVar(&opt.MinCount, "min-count", 0, "Options.MinCount (0: default)")
	flag.IntVar(&opt.MaxWords, "max-words", 0, "Options.MaxWords (0: default)")
	flag.IntVar(&opt.Contexts, "contexts", 0, "Options.Contexts (0: default)")
	flag.IntVar(&opt.Window, "window", 0, "Options.Window (0: default)")
	flag.IntVar(&opt.Dims, "dims", 0, "Options.Dims (0: default)")
	flag.Uint64Var(&opt.Seed, "seed", 0, "Options.Seed (0: default)")
	flag.Parse()
	if err := run(*in, *excl, *out, strings.Split(*samples, ","), opt); err != nil {
		fmt.Fprintln(os.Stderr, "wordcluster:", err)
		os.Exit(1)
	}
}

func run(in, excludeFile, out string, samples []string, opt wordcluster.Options) error {
	start := time.Now()
	skip, err := exclude.Load(excludeFile)
	if err != nil {
		return err
	}
	lines, err := readLines(in)
	if err != nil {
		return err
	}
	seqs, skipped, err := sequences(lines, skip)
	if err != nil {
		return err
	}
	ntok := 0
	for _, s := range seqs {
		ntok += len(s)
	}
	fmt.Fprintf(os.Stderr, "read %d articles; excluded %d train articles listed in %s (%d ids); tokenized the other train ones: %d sequences, %d tokens in %v\n",
		len(lines), skipped, excludeFile, len(skip), len(seqs), ntok, time.Since(start).Round(time.Millisecond))

	t := time.Now()
	c, err := wordcluster.Learn(context.Background(), seqs, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "learned %d word paths in %v\n", c.Len(), time.Since(t).Round(time.Millisecond))

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	printSamples(seqs, c, samples)
	fmt.Fprintf(os.Stderr, "total %v (GOMAXPROCS %d)\n", time.Since(start).Round(time.Millisecond), runtime.GOMAXPROCS(0))
	return nil
}

// readLines returns the JSON lines of all articles; sequences keeps the
// train ones.
func readLines(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var lines [][]byte
	for sc.Scan() {
		lines = append(lines, slices.Clone(sc.Bytes()))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lines, nil
}

// sequences decodes and tokenizes the train articles not in skip on every
// core, keeping their order, and counts the train articles skipped.
func sequences(lines [][]byte, skip exclude.IDs) ([][]string, int, error) {
	workers := runtime.GOMAXPROCS(0)
	perLine := make([][][]string, len(lines))
	skipped := make([]int, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(lines); i += workers {
				var a struct{ ID, Title, Heading, Article, Split string }
				if err := json.Unmarshal(lines[i], &a); err != nil {
					errs[w] = fmt.Errorf("train line %d: %w", i+1, err)
					return
				}
				if a.Split != "train" {
					continue
				}
				if skip[a.ID] {
					skipped[w]++
					continue
				}
				for _, text := range []string{a.Title, a.Heading, a.Article} {
					if s := keys(text); len(s) > 0 {
						perLine[i] = append(perLine[i], s)
					}
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	var seqs [][]string
	for _, s := range perLine {
		seqs = append(seqs, s...)
	}
	n := 0
	for _, k := range skipped {
		n += k
	}
	return seqs, n, nil
}

func keys(text string) []string {
	toks := tokenize.Tokenize(text)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		switch t.Kind {
		case tokenize.Number:
			out = append(out, "0")
		case tokenize.URL, tokenize.Email:
		default:
			out = append(out, wordcluster.Key(t.Text))
		}
	}
	return out
}

// printSamples prints, for each sample word, the most frequent words of its
// level-3 cluster and of its level-2 cluster.
func printSamples(seqs [][]string, c *wordcluster.Clusters, samples []string) {
	counts := make(map[string]int)
	for _, s := range seqs {
		for _, t := range s {
			counts[t]++
		}
	}
	byPath := make(map[uint32][]string)
	for w := range counts {
		if p, ok := c.Path(w); ok && wordcluster.Key(w) == w {
			if _, known := counts[w]; known {
				byPath[p] = append(byPath[p], w)
			}
		}
	}
	top := func(level int, p uint32, n int) []string {
		var ws []string
		for q, list := range byPath {
			if wordcluster.Prefix(q, level) == wordcluster.Prefix(p, level) {
				ws = append(ws, list...)
			}
		}
		slices.SortFunc(ws, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
		return ws[:min(n, len(ws))]
	}
	for _, w := range samples {
		p, ok := c.Path(w)
		if !ok {
			fmt.Fprintf(os.Stderr, "sample %q: not in the vocabulary\n", w)
			continue
		}
		l3 := top(3, p, 12)
		l2 := top(2, p, 12)
		fmt.Fprintf(os.Stderr, "sample %s %03x | level 3 (%d shown): %s | level 2: %s\n",
			w, p, len(l3), strings.Join(l3, " "), strings.Join(l2, " "))
	}
}
