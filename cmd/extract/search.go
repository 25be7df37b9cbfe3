package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/veille/veille/pkg/index"
)

func init() {
	register(&command{
		name:    "search",
		summary: "query a search index by text, topic, entity and date (--index DIR)",
		run:     runSearch,
	})
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func runSearch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("index", "", "index directory (required)")
	var q index.Query
	for _, f := range []struct {
		list       *[]string
		name, what string
	}{
		{&q.Topics, "topic", "topic id"},
		{&q.Persons, "person", "person name, or part of it"},
		{&q.Places, "place", "place name, or part of it"},
		{&q.Orgs, "org", "organisation name, or part of it"},
		{&q.Operations, "operation", "operation name, or part of it"},
		{&q.Keyphrases, "keyphrase", "keyphrase, exactly"},
	} {
		fs.Var((*listFlag)(f.list), f.name, "only documents with this "+f.what+" (repeatable; all must match)")
	}
	since := fs.String("since", "", "only documents dated on or after `YYYY-MM-DD`")
	until := fs.String("until", "", "only documents dated on or before `YYYY-MM-DD`")
	fs.IntVar(&q.Limit, "limit", 10, "number of hits shown")
	fs.BoolVar(&q.Facets, "facets", false, "show the most frequent persons, places, organisations, operations and topics among all hits")
	asJSON := fs.Bool("json", false, "print one JSON object")
	snippets := fs.Bool("snippets", false, "with --json, add highlighted snippets to each hit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: extract search --index DIR [flags] [QUERY...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *dir == "" || q.Limit < 0 {
		fs.Usage()
		return exitUsage
	}
	q.Text = strings.Join(fs.Args(), " ")
	for _, d := range []struct {
		flag string
		s    string
		t    *time.Time
	}{{"since", *since, &q.Since}, {"until", *until, &q.Until}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.s)
		if err != nil {
			fmt.Fprintf(stderr, "extract search: --%s %q: want YYYY-MM-DD\n", d.flag, d.s)
			return exitUsage
		}
		*d.t = t
	}
	q.Highlight = !*asJSON || *snippets

	x, err := index.Open(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "extract search: %v\n", err)
		return exitFail
	}
	defer x.Close()
	res, err := x.Search(ctx, q)
	if err != nil {
		fmt.Fprintf(stderr, "extract search: %v\n", err)
		return exitFail
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "extract search: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	printResult(stdout, res, isTerminal(stdout))
	return exitOK
}

// facetOrder is the order facets are shown in.
var facetOrder = []struct{ key, title string }{
	{index.FacetPerson, "persons"}, {index.FacetPlace, "places"}, {index.FacetOrg, "organisations"},
	{index.FacetOperation, "operations"}, {index.FacetTopic, "topics"},
}

// printResult writes the human view: hits with their snippets, then facets.
// Matched words are bold on a terminal, between ** otherwise.
func printResult(w io.Writer, res *index.Result, terminal bool) {
	mark := strings.NewReplacer(index.MarkStart, "**", index.MarkEnd, "**")
	if terminal {
		mark = strings.NewReplacer(index.MarkStart, "\033[1m", index.MarkEnd, "\033[0m")
	}
	fmt.Fprintf(w, "%d documents (%s)\n", res.Total, res.Took.Round(10*time.Microsecond))
	for i, h := range res.Hits {
		title := h.Title
		if title == "" {
			title = h.ID
		}
		fmt.Fprintf(w, "\n%d. %s\n   ", i+1, title)
		if h.Title != "" {
			fmt.Fprintf(w, "%s  ", h.ID)
		}
		if h.Date != "" {
			fmt.Fprintf(w, "%s  ", h.Date)
		}
		fmt.Fprintf(w, "score %.3f\n", h.Score)
		if len(h.Topics) > 0 {
			fmt.Fprintf(w, "   topics: %s\n", strings.Join(h.Topics, ", "))
		}
		var ents []string
		for _, l := range []string{index.LabelPerson, index.LabelPlace, index.LabelOrg, index.LabelOperation, index.LabelMisc} {
			if names := h.Entities[l]; len(names) > 0 {
				ents = append(ents, l+": "+strings.Join(names, ", "))
			}
		}
		if len(ents) > 0 {
			fmt.Fprintf(w, "   %s\n", strings.Join(ents, " | "))
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", mark.Replace(s))
		}
	}
	if res.Facets == nil {
		return
	}
	fmt.Fprintln(w, "\nAmong all hits:")
	for _, f := range facetOrder {
		vals := res.Facets[f.key]
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprintf("%s (%d)", v.Name, v.Count)
		}
		fmt.Fprintf(w, "  %-14s %s\n", f.title+":", strings.Join(parts, ", "))
	}
}
