package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/veille/veille/pkg/eval"
	"github.com/veille/veille/pkg/gold"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/veille"
)

func init() {
	register(&command{
		name:    "eval",
		summary: "score the pipeline's entity mentions against gold JSONL or CoNLL (exact spans)",
		run:     runEval,
	})
}

// nerError is one false positive or false negative, for --errors.
type nerError struct {
	Doc     string `json:"doc"`
	Kind    string `json:"kind"` // "FP" or "FN"
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Label   string `json:"label"`
	Text    string `json:"text"`
	Context string `json:"context"`
}

type nerScore struct {
	report eval.NERReport
	errors []nerError
	failed int
}

// scoreNER predicts each document with predict and scores it. A document
// whose prediction fails is reported on stderr (when given) and skipped.
func scoreNER(docs []gold.Document, predict func(text string) ([]gold.Span, error), stderr io.Writer) nerScore {
	var s nerScore
	for _, d := range docs {
		pred, err := predict(d.Text)
		if err != nil {
			if stderr != nil {
				fmt.Fprintf(stderr, "eval: %s: %v\n", d.ID, err)
			}
			s.failed++
			continue
		}
		fp, fn := s.report.Add(d.Spans, pred)
		for _, e := range fp {
			s.errors = append(s.errors, newNERError(d, "FP", e))
		}
		for _, e := range fn {
			s.errors = append(s.errors, newNERError(d, "FN", e))
		}
	}
	return s
}

func newNERError(d gold.Document, kind string, sp gold.Span) nerError {
	lo, hi := max(0, sp.Start-40), min(len(d.Text), sp.End+40)
	for lo > 0 && d.Text[lo]&0xC0 == 0x80 {
		lo--
	}
	for hi < len(d.Text) && d.Text[hi]&0xC0 == 0x80 {
		hi++
	}
	ctx := d.Text[lo:sp.Start] + "[" + d.Text[sp.Start:sp.End] + "]" + d.Text[sp.End:hi]
	ctx = strings.ReplaceAll(ctx, "\n", " ")
	return nerError{Doc: d.ID, Kind: kind, Start: sp.Start, End: sp.End, Label: sp.Label, Text: d.Text[sp.Start:sp.End], Context: ctx}
}

// mentionSpans converts mentions to scoring spans.
func mentionSpans(ms []ner.Mention) []gold.Span {
	out := make([]gold.Span, len(ms))
	for i, m := range ms {
		out[i] = gold.Span{Start: m.Start, End: m.End, Label: m.Label}
	}
	return out
}

func writeNERReport(w io.Writer, r eval.NERReport) {
	line := func(name string, c eval.Counts) {
		fmt.Fprintf(w, "%-12s P %.4f  R %.4f  F1 %.4f  (tp %d fp %d fn %d)\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "%d documents\n", r.Docs)
	line("PER+LOC+ORG", r.Core)
	line("all", r.Micro)
	labels := make([]string, 0, len(r.Labels))
	for l := range r.Labels {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		line(l, r.Labels[l])
	}
	fmt.Fprintf(w, "%-12s F1 %.4f\n", "macro", r.MacroF1())
}

func runEval(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var specs []corpusSpec
	fs.Var(corpusFlag{"gold", &specs}, "gold", "gold JSONL `FILE[,options]` (news-fr-gold format)")
	fs.Var(corpusFlag{"conll", &specs}, "conll", "gold CoNLL `FILE[,options]` (IOB1/IOB2, 2 or 3 columns; e.g. sents=20, period, keep=9-9/10)")
	fs.Var(corpusFlag{"hipe", &specs}, "hipe", "gold HIPE TSV `FILE[,options]`")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	listErrors := fs.Bool("errors", false, "list each false positive and false negative with its context")
	model := fs.String("model", "default", "entity model `NAME` (default, permissive)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if len(specs) != 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: extract eval (--gold|--conll|--hipe FILE[,options]) [--model NAME] [--json] [--errors]\n(options as for extract train)")
		return exitUsage
	}
	docs, err := readCorpus(specs[0])
	if err != nil {
		fmt.Fprintln(stderr, "eval:", err)
		return exitFail
	}
	p, err := veille.New(veille.WithNERModel(*model))
	if err != nil {
		fmt.Fprintln(stderr, "eval:", err)
		return exitFail
	}
	s := scoreNER(docs, func(text string) ([]gold.Span, error) {
		doc, err := p.Extract(ctx, text)
		if err != nil {
			return nil, err
		}
		return mentionSpans(doc.Mentions), nil
	}, stderr)
	if *asJSON {
		out := struct {
			eval.NERReport
			Macro  float64    `json:"macro_f1"`
			Errors []nerError `json:"errors,omitempty"`
		}{s.report, s.report.MacroF1(), nil}
		if *listErrors {
			out.Errors = s.errors
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, "eval:", err)
			return exitFail
		}
	} else {
		if *listErrors {
			for _, e := range s.errors {
				fmt.Fprintf(stdout, "%s\t%s\t%s\t%q\t%s\n", e.Doc, e.Kind, e.Label, e.Text, e.Context)
			}
		}
		writeNERReport(stdout, s.report)
	}
	if s.failed > 0 {
		return exitFail
	}
	return exitOK
}
