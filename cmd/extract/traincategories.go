package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/veille/veille/pkg/eval"
	"github.com/veille/veille/pkg/topic/category"
)

func init() {
	register(&command{
		name:    "train-categories",
		summary: "train the OrangeSum category classifier (models/category/model.bin)",
		run:     runTrainCategories,
	})
}

func runTrainCategories(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train-categories", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract train-categories --orangesum PATH [--out models/category/model.bin] [flags]")
		fmt.Fprintln(stderr, "Trains on the train split of the OrangeSum dump; progress goes to stderr.")
		fs.PrintDefaults()
	}
	var opt category.TrainOptions
	orangesum := fs.String("orangesum", "", "OrangeSum articles.jsonl.gz (required)")
	out := fs.String("out", "models/category/model.bin", "where to write the model")
	evalSplit := fs.String("eval", "", "after training, score this split (dev; test only for the final report) and print the report")
	fs.IntVar(&opt.HashBits, "bits", 0, "log2 of the hash buckets (0: default)")
	fs.IntVar(&opt.Epochs, "epochs", 0, "SGD epochs (0: default)")
	fs.Float64Var(&opt.L2, "l2", 0, "L2 decay per example (0: default)")
	fs.Float64Var(&opt.LearningRate, "lr", 0, "initial learning rate (0: default)")
	fs.Float64Var(&opt.ClassWeight, "class-weight", 0, "inverse class frequency exponent (0: default; negative: none)")
	fs.Uint64Var(&opt.Seed, "seed", 0, "shuffling seed")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *orangesum == "" || *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	opt.Progress = stderr

	start := time.Now()
	var examples []category.Example
	for ex, err := range category.ReadOrangeSumFile(*orangesum, "train") {
		if err != nil {
			fmt.Fprintln(stderr, "train-categories:", err)
			return exitFail
		}
		examples = append(examples, ex)
	}
	fmt.Fprintf(stderr, "train-categories: read %d train examples from %s\n", len(examples), *orangesum)
	clf, err := category.Train(ctx, examples, opt)
	if err != nil {
		fmt.Fprintln(stderr, "train-categories:", err)
		return exitFail
	}
	if err := writeModel(*out, clf); err != nil {
		fmt.Fprintln(stderr, "train-categories:", err)
		return exitFail
	}
	st, err := os.Stat(*out)
	if err != nil {
		fmt.Fprintln(stderr, "train-categories:", err)
		return exitFail
	}
	fmt.Fprintf(stderr, "train-categories: wrote %s (%d bytes, %d classes) in %s\n",
		*out, st.Size(), len(clf.Classes()), time.Since(start).Round(time.Second))
	if *evalSplit == "" {
		return exitOK
	}
	rep, err := eval.EvalCategories(ctx, clf, *orangesum, *evalSplit)
	if err != nil {
		fmt.Fprintln(stderr, "train-categories:", err)
		return exitFail
	}
	if err := rep.WriteText(stdout); err != nil {
		return exitFail
	}
	return exitOK
}

// writeModel writes the model beside path and renames it into place, so a
// failed run never leaves a truncated model.
func writeModel(path string, clf *category.Classifier) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := clf.Save(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it 0600
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
