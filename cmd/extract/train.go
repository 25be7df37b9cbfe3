package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/veille/veille/pkg/gold"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
)

func init() {
	register(&command{
		name:    "train",
		summary: "train the entity tagger on annotated corpora (gold JSONL, CoNLL, HIPE)",
		run:     runTrain,
	})
}

// corpusFlag collects repeated --gold/--conll/--hipe values of one format.
type corpusFlag struct {
	format string
	specs  *[]corpusSpec
}

// corpusSpec is one input: PATH[,weight=W][,sample=F][,docs=A-B/M]
// [,keep=A-B/M][,period][,sents=N][,map=FROM:TO]... docs keeps documents
// and keep sentences whose index i has A <= i%M <= B.
type corpusSpec struct {
	format, path string
	name         string // the flag value, for reports
	weight       float64
	sample       float64 // fraction of documents kept, deterministically
	keep         func(int) bool
	docs         func(int) bool // documents kept, by 0-based index in the file
	period       bool
	sents        int
	labels       gold.LabelMap
}

func (c corpusFlag) String() string { return "" }

func (c corpusFlag) Set(v string) error {
	parts := strings.Split(v, ",")
	s := corpusSpec{format: c.format, name: v, path: parts[0], weight: 1, sample: 1}
	for _, p := range parts[1:] {
		k, val, _ := strings.Cut(p, "=")
		var err error
		switch k {
		case "weight":
			s.weight, err = strconv.ParseFloat(val, 64)
		case "sample":
			s.sample, err = strconv.ParseFloat(val, 64)
		case "period":
			s.period = true
		case "sents":
			s.sents, err = strconv.Atoi(val)
		case "keep":
			s.keep, err = parseKeep(val)
		case "docs":
			s.docs, err = parseKeep(val)
		case "map":
			from, to, ok := strings.Cut(val, ":")
			if !ok {
				return fmt.Errorf("map=%s: want FROM:TO (TO empty drops the label)", val)
			}
			if s.labels == nil {
				s.labels = gold.LabelMap{}
				for k, v := range gold.DefaultLabels {
					s.labels[k] = v
				}
			}
			s.labels[strings.ToLower(from)] = to
		default:
			return fmt.Errorf("unknown option %q in %q", k, v)
		}
		if err != nil {
			return fmt.Errorf("%s in %q: %v", k, v, err)
		}
	}
	*c.specs = append(*c.specs, s)
	return nil
}

// parseKeep reads "A-B/M": keep item i when A <= i%M <= B.
func parseKeep(v string) (func(int) bool, error) {
	rng, mod, ok := strings.Cut(v, "/")
	a, b, ok2 := strings.Cut(rng, "-")
	if !ok || !ok2 {
		return nil, fmt.Errorf("want A-B/M")
	}
	m, err1 := strconv.Atoi(mod)
	lo, err2 := strconv.Atoi(a)
	hi, err3 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || err3 != nil || m <= 0 {
		return nil, fmt.Errorf("want A-B/M with integers")
	}
	return func(i int) bool { r := i % m; return lo <= r && r <= hi }, nil
}

// readCorpus reads one input into documents.
func readCorpus(s corpusSpec) ([]gold.Document, error) {
	f, err := os.Open(s.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []gold.Document
	switch s.format {
	case "gold":
		docs, err = gold.ReadJSONL(f, s.path, s.labels)
	case "conll":
		docs, err = gold.ReadCoNLL(f, s.path, gold.CoNLLOptions{Labels: s.labels, PeriodBreaks: s.period, SentencesPerDoc: s.sents, Keep: s.keep})
	case "hipe":
		docs, err = gold.ReadHIPE(f, s.path, gold.HIPEOptions{Labels: s.labels})
	}
	if err != nil {
		return nil, err
	}
	if s.docs != nil {
		kept := docs[:0]
		for i, d := range docs {
			if s.docs(i) {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	if s.sample < 1 {
		// A fixed seed per file: the same sample on every run.
		rng := rand.New(rand.NewSource(int64(len(docs))))
		kept := docs[:0]
		for _, d := range docs {
			if rng.Float64() < s.sample {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	return docs, nil
}

func runTrain(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var specs []corpusSpec
	fs.Var(corpusFlag{"gold", &specs}, "gold", "train on gold JSONL `FILE[,options]` (repeatable; options below)")
	fs.Var(corpusFlag{"conll", &specs}, "conll", "train on CoNLL `FILE[,options]` (repeatable)")
	fs.Var(corpusFlag{"hipe", &specs}, "hipe", "train on HIPE TSV `FILE[,options]` (repeatable)")
	out := fs.String("out", "", "write the model to `FILE`")
	epochs := fs.Int("epochs", 10, "training epochs")
	seed := fs.Int64("seed", 1, "shuffling seed")
	minCount := fs.Int("min-count", 2, "drop features seen fewer times")
	onePass := fs.Bool("one-pass", false, "no document-consistency second pass")
	noGaz := fs.Bool("no-gazetteer", false, "no gazetteer features")
	noClusters := fs.Bool("no-clusters", false, "no word-cluster features")
	seeds := fs.Int("seeds", 1, "average the models of `N` consecutive seeds")
	upperTitles := fs.Float64("upper-titles", 0, "also train on the first lines of this `FRACTION` of the documents, in capitals")
	folds := fs.Int("folds", 4, "jackknife folds for the second pass")
	var devs []corpusSpec
	fs.Var(corpusFlag{"gold", &devs}, "dev", "after training, score the model on gold JSONL `FILE[,options]` (repeatable; never a training file)")
	fs.Var(corpusFlag{"conll", &devs}, "dev-conll", "after training, score the model on CoNLL `FILE[,options]` (repeatable)")
	scoreOut := fs.String("score-out", "", "write the first --dev file's micro F1 over PER+LOC+ORG to `FILE` (the regression gate's figure)")
	quiet := fs.Bool("q", false, "no progress on stderr")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract train (--gold|--conll|--hipe FILE[,options])... [--out FILE] [--dev FILE[,options]]... [flags]")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, `input options, comma-separated after the file name:
  weight=W      scale of the perceptron updates on this input (default 1)
  sample=F      keep a fixed random fraction F of its documents
  docs=A-B/M    keep document i when A <= i%M <= B
  keep=A-B/M    keep sentence i when A <= i%M <= B (CoNLL)
  period        end sentences at . ! ? tagged O (CoNLL without blank lines)
  sents=N       group N sentences a document (CoNLL)
  map=FROM:TO   map label FROM to TO, or drop it when TO is empty`)
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if len(specs) == 0 || fs.NArg() > 0 || (*out == "" && len(devs) == 0) {
		fs.Usage()
		return exitUsage
	}
	var docs []gold.Document
	var weights []float64
	var info []string
	for _, s := range specs {
		d, err := readCorpus(s)
		if err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return exitFail
		}
		fmt.Fprintf(stderr, "train: %s: %d documents, weight %g\n", s.path, len(d), s.weight)
		docs = append(docs, d...)
		for range d {
			weights = append(weights, s.weight)
		}
		info = append(info, fmt.Sprintf("%s %s docs=%d weight=%g", s.format, filepath.Base(s.path), len(d), s.weight))
	}
	opt := ner.TrainOptions{
		Epochs: *epochs, Seed: *seed, Weights: weights, MinCount: *minCount, OnePass: *onePass, NoGazetteer: *noGaz, NoClusters: *noClusters, UpperTitles: *upperTitles, Seeds: *seeds, Folds: *folds,
		Info: fmt.Sprintf("%s; epochs=%d seed=%d min-count=%d one-pass=%v gazetteer=%v clusters=%v folds=%d upper-titles=%g seeds=%d", strings.Join(info, "; "), *epochs, *seed, *minCount, *onePass, !*noGaz, !*noClusters, *folds, *upperTitles, *seeds),
	}
	if !*quiet {
		opt.Progress = stderr
	}
	var st ner.TrainStats
	opt.Stats = &st
	t, err := ner.Train(ctx, docs, opt)
	if err != nil {
		fmt.Fprintln(stderr, "train:", err)
		return exitFail
	}
	fmt.Fprintf(stderr, "train: %d docs, %d tokens, %d spans, %d misaligned, %d dropped, %d features\n",
		st.Docs, st.Tokens, st.Spans, st.Misaligned, st.Dropped, st.Features)
	if *out != "" {
		f, err := os.Create(*out)
		if err == nil {
			err = t.Save(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return exitFail
		}
	}
	for i, d := range devs {
		devDocs, err := readCorpus(d)
		if err != nil {
			fmt.Fprintln(stderr, "train:", err)
			return exitFail
		}
		r := scoreNER(devDocs, func(text string) ([]gold.Span, error) {
			return mentionSpans(t.Tag(stem.Analyze(text))), nil
		}, nil)
		fmt.Fprintf(stdout, "== %s\n", d.name)
		writeNERReport(stdout, r.report)
		if i == 0 && *scoreOut != "" {
			if err := os.WriteFile(*scoreOut, fmt.Appendf(nil, "%.4f\n", r.report.Core.F1()), 0o644); err != nil {
				fmt.Fprintln(stderr, "train:", err)
				return exitFail
			}
		}
	}
	return exitOK
}
