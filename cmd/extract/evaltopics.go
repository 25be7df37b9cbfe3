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
)

func init() {
	register(&command{
		name:    "eval-topics",
		summary: "score keyphrases (F@5, F@10) against a gold.tsv folder",
		run:     runEvalTopics,
	})
}

// runEvalTopics scores topic.Keyphrases on a keyphrase set laid out as
// DIR/gold.tsv and DIR/docs/<id>.txt (shared/corpus/keyphrases-fr).
func runEvalTopics(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval-topics", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("keyphrases", "", "keyphrase set `DIR` holding gold.tsv and docs/<id>.txt")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	verbose := fs.Bool("v", false, "list each document's predictions and matches")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *dir == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: extract eval-topics --keyphrases DIR [--json] [-v]")
		return exitUsage
	}
	x, err := topic.DefaultExtractor()
	if err != nil {
		fmt.Fprintln(stderr, "eval-topics:", err)
		return exitFail
	}
	goldPath := filepath.Join(*dir, "gold.tsv")
	f, err := os.Open(goldPath)
	if err != nil {
		fmt.Fprintln(stderr, "eval-topics:", err)
		return exitFail
	}
	gold, err := eval.ReadKeyphraseGold(f, goldPath)
	f.Close()
	if err != nil {
		fmt.Fprintln(stderr, "eval-topics:", err)
		return exitFail
	}
	status := exitOK
	report := eval.NewKeyphraseReport(5, 10)
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			return exitFail
		}
		var pred []string
		b, err := os.ReadFile(filepath.Join(*dir, "docs", g.ID+".txt"))
		if err != nil {
			// Scored as no prediction: the document still counts.
			fmt.Fprintln(stderr, "eval-topics:", err)
			status = exitFail
		} else {
			for _, k := range x.Keyphrases(stem.Analyze(string(b)), 10) {
				pred = append(pred, k.Text)
			}
		}
		matched := report.Add(g.Keyphrases, pred)
		if *verbose {
			fmt.Fprintf(stderr, "%s\tpred: %s\n\tgold: %s\n\tmatched: %d\n", g.ID, strings.Join(pred, "; "), strings.Join(g.Keyphrases, "; "), len(matched))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Set        string                `json:"set"`
			Keyphrases *eval.KeyphraseReport `json:"keyphrases"`
		}{*dir, report}); err != nil {
			fmt.Fprintln(stderr, "eval-topics:", err)
			return exitFail
		}
		return status
	}
	fmt.Fprintf(stdout, "keyphrases %s (%d documents)\n", *dir, report.Docs)
	for _, s := range report.At {
		fmt.Fprintf(stdout, "  @%-3d P %5.1f  R %5.1f  F %5.1f\n", s.K, s.P, s.R, s.F)
	}
	return status
}
