package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/veille/veille/pkg/eval"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/topic"
	"github.com/veille/veille/pkg/topic/category"
)

func init() {
	register(&command{
		name:    "eval-topics",
		summary: "score keyphrases (F@5, F@10) against a gold.tsv folder, and categories on OrangeSum",
		run:     runEvalTopics,
	})
}

// runEvalTopics scores keyphrases on a keyphrase set laid out as
// DIR/gold.tsv and DIR/docs/<id>.txt (shared/corpus/keyphrases-fr), and
// categories on a split of the OrangeSum dump.
func runEvalTopics(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval-topics", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("keyphrases", "", "keyphrase set `DIR` holding gold.tsv and docs/<id>.txt")
	dump := fs.String("categories", "", "OrangeSum `FILE` (articles.jsonl.gz) to score the category classifier on")
	split := fs.String("split", "test", "OrangeSum split scored with --categories: dev or test")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	verbose := fs.Bool("v", false, "list each document's keyphrase predictions and matches")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if (*dir == "" && *dump == "") || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: extract eval-topics [--keyphrases DIR] [--categories FILE [--split dev|test]] [--json] [-v]")
		return exitUsage
	}
	status := exitOK
	var keys *eval.KeyphraseReport
	var cats *eval.CategoryReport
	if *dir != "" {
		var err error
		if keys, err = evalKeyphrases(ctx, *dir, *verbose, stderr); err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			return exitFail
		}
		if keys.Missing > 0 {
			status = exitFail
		}
	}
	if *dump != "" {
		clf, err := category.Default()
		if err == nil {
			cats, err = eval.EvalCategories(ctx, clf, *dump, *split)
		}
		if err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			return exitFail
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Set        string                `json:"set,omitempty"`
			Keyphrases *eval.KeyphraseReport `json:"keyphrases,omitempty"`
			Categories *eval.CategoryReport  `json:"categories,omitempty"`
		}{*dir, keys, cats}); err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			return exitFail
		}
		return status
	}
	if keys != nil {
		fmt.Fprintf(stdout, "keyphrases %s (%d documents)\n", *dir, keys.Docs)
		for _, s := range keys.At {
			fmt.Fprintf(stdout, "  @%-3d P %5.1f  R %5.1f  F %5.1f\n", s.K, s.P, s.R, s.F)
		}
	}
	if cats != nil {
		fmt.Fprintf(stdout, "categories %s (split %s)\n", *dump, *split)
		if err := cats.WriteText(stdout); err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			return exitFail
		}
	}
	return status
}

// evalKeyphrases scores the default keyphrase extractor on the set in dir.
// A document whose text cannot be read is reported on stderr, counted in
// Missing and scored as no prediction.
func evalKeyphrases(ctx context.Context, dir string, verbose bool, stderr io.Writer) (*eval.KeyphraseReport, error) {
	x, err := topic.DefaultExtractor()
	if err != nil {
		return nil, err
	}
	goldPath := filepath.Join(dir, "gold.tsv")
	f, err := os.Open(goldPath)
	if err != nil {
		return nil, err
	}
	gold, err := eval.ReadKeyphraseGold(f, goldPath)
	f.Close()
	if err != nil {
		return nil, err
	}
	report := eval.NewKeyphraseReport(5, 10)
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var pred []string
		b, err := os.ReadFile(filepath.Join(dir, "docs", g.ID+".txt"))
		if err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			report.Missing++
		} else {
			for _, k := range x.Keyphrases(stem.Analyze(string(b)), 10) {
				pred = append(pred, k.Text)
			}
		}
		matched := report.Add(g.Keyphrases, pred)
		if verbose {
			fmt.Fprintf(stderr, "%s\tpred: %s\n\tgold: %s\n\tmatched: %d\n", g.ID, strings.Join(pred, "; "), strings.Join(g.Keyphrases, "; "), len(matched))
		}
	}
	return report, nil
}
