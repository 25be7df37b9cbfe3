package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/veille/veille/pkg/textio"
	"github.com/veille/veille/pkg/veille"
)

func init() {
	register(&command{
		name:    "extract",
		summary: "extract entities and topics from files, folders, dumps or - (stdin); the default",
		run:     runExtract,
	})
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json (JSON Lines, one object per document) or text")
	in := addInputFlags(fs)
	pf := addPipelineFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract [flags] PATH...   (PATH: file, folder, dump.jsonl[.gz], or - for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(stderr, "extract: unknown --format %q (want json or text)\n", *format)
		return exitUsage
	}
	p, err := pf.pipeline()
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return exitUsage
	}
	opt := in.options()
	opt.Stdin = stdin

	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	for doc, err := range p.Stream(ctx, textio.Read(ctx, fs.Args(), opt), in.workers) {
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "extract: %v\n", err)
			continue
		}
		if *format == "text" {
			writeSummary(w, doc)
		} else if err := enc.Encode(doc); err != nil {
			fmt.Fprintf(stderr, "extract: writing output: %v\n", err)
			return exitFail
		}
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintf(stderr, "extract: interrupted: %v\n", err)
		return exitFail
	}
	if failed > 0 {
		return exitFail
	}
	return exitOK
}

// writeSummary prints a document for a person: entities by label, most
// salient first, then topics and keyphrases.
func writeSummary(w io.Writer, d *veille.Document) {
	fmt.Fprintf(w, "== %s  (%s, lang %s, %d sentences, %d tokens)\n", d.Source, d.Encoding, d.Lang, len(d.Sentences), d.TokenCount)
	if d.Title != "" {
		fmt.Fprintf(w, "   %s\n", d.Title)
	}
	for _, label := range []string{"PER", "LOC", "ORG", "OPERATION", "MISC"} {
		var names []string
		for _, e := range d.Entities {
			if e.Label != label {
				continue
			}
			s := fmt.Sprintf("%s ×%d", e.Name, e.Count)
			if len(e.Titles) > 0 {
				s += " [" + strings.Join(e.Titles, "; ") + "]"
			}
			names = append(names, s)
		}
		if len(names) > 0 {
			fmt.Fprintf(w, "%-10s %s\n", label, strings.Join(names, ", "))
		}
	}
	if len(d.Topics) > 0 {
		var ts []string
		for _, t := range d.Topics {
			ts = append(ts, fmt.Sprintf("%s %.2f", t.Label, t.Score))
		}
		fmt.Fprintf(w, "%-10s %s\n", "topics", strings.Join(ts, ", "))
	}
	if len(d.Keyphrases) > 0 {
		var ks []string
		for _, k := range d.Keyphrases {
			ks = append(ks, k.Text)
		}
		fmt.Fprintf(w, "%-10s %s\n", "keyphrases", strings.Join(ks, " · "))
	}
	fmt.Fprintln(w)
}
