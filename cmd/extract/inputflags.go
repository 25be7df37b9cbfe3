package main

import (
	"flag"
	"strings"

	"github.com/veille/veille/pkg/textio"
)

// inputFlags are the flags that say how inputs are read, shared by every
// subcommand that reads documents.
type inputFlags struct {
	maxBytes    int64
	fields      string
	idField     string
	dateField   string
	stdinFormat string
	workers     int
}

// addInputFlags defines the input flags on fs.
func addInputFlags(fs *flag.FlagSet) *inputFlags {
	f := &inputFlags{}
	fs.Int64Var(&f.maxBytes, "max-bytes", textio.DefaultMaxBytes, "size limit of one document (a file, or one line of a dump)")
	fs.StringVar(&f.fields, "text-fields", "", "comma-separated dump fields joined to make the text (default: title, lead, body)")
	fs.StringVar(&f.idField, "id-field", "id", "dump field naming each article")
	fs.StringVar(&f.dateField, "date-field", "", "dump field holding the date (default: date, published or pubdate)")
	fs.StringVar(&f.stdinFormat, "stdin-format", "text", `what "-" holds: "text" (one document) or "jsonl" (a dump)`)
	fs.IntVar(&f.workers, "workers", 0, "parallel extraction workers (0: one per CPU)")
	return f
}

// options returns the textio options the flags describe; Stdin is left for
// the caller to set.
func (f *inputFlags) options() textio.Options {
	o := textio.Options{MaxBytes: f.maxBytes, IDField: f.idField, DateField: f.dateField, StdinFormat: f.stdinFormat}
	for _, s := range strings.Split(f.fields, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.TextFields = append(o.TextFields, s)
		}
	}
	return o
}
