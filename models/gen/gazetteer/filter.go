package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/models/gen/internal/exclude"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// filter drops the names that would fire on ordinary words: stop words,
// and one-word names that French news writes mostly in lower case
// (« Avant », « Santé », « Durant » are in the first-name lists).
type filter struct {
	stop    map[string]bool
	lower   map[string]int      // times a word is written in lower case
	capital map[string]int      // times it has a capital right after a word
	dropped map[string][]string // output file → names dropped as common
	read    int                 // OrangeSum train articles counted
	skipped int                 // OrangeSum train articles excluded (dev set)
}

// newFilter reads the stop words and counts casing over the train split
// of OrangeSum (never dev or test), minus the articles in skip.
func newFilter(stopFile, orangesum string, skip exclude.IDs) (*filter, error) {
	stop, err := readList(stopFile)
	if err != nil {
		return nil, err
	}
	f := &filter{stop: make(map[string]bool), lower: make(map[string]int), capital: make(map[string]int),
		dropped: make(map[string][]string)}
	for _, w := range stop {
		f.stop[key(w)] = true
	}
	return f, f.countCasing(orangesum, skip)
}

func key(s string) string { return strings.ToLower(normalise(s)) }

func (f *filter) countCasing(path string, skip exclude.IDs) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (the casing filter reads OrangeSum; see -orangesum)", err)
	}
	defer file.Close()
	zr, err := gzip.NewReader(file)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var a struct{ ID, Title, Heading, Article, Split string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s line %d: %w", path, line, err)
		}
		if a.Split != "train" {
			continue
		}
		if skip[a.ID] {
			f.skipped++
			continue
		}
		f.read++
		for _, text := range []string{a.Title, a.Heading, a.Article} {
			toks := tokenize.Tokenize(text)
			for i, t := range toks {
				if t.Kind != tokenize.Word {
					continue
				}
				r, _ := utf8.DecodeRuneInString(t.Text)
				switch {
				case unicode.IsLower(r) && strings.ToLower(t.Text) == t.Text:
					f.lower[key(t.Text)]++
				case unicode.IsUpper(r) && i > 0 && toks[i-1].Kind == tokenize.Word:
					f.capital[key(t.Text)]++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(os.Stderr, "casing filter: read %d OrangeSum train articles, excluded %d (of %d ids listed)\n",
		f.read, f.skipped, len(skip))
	return nil
}

// keep reports whether name may go to file. A stop word never may; a
// one-word name written in lower case at least 10 times, and more than
// twice as often as with a capital inside a sentence, may only when
// exempt (large communes: « Tours » stays).
func (f *filter) keep(file, name string, exempt bool) bool {
	k := key(name)
	if f.stop[k] {
		return false
	}
	if exempt || strings.Contains(name, " ") {
		return true
	}
	// Match lets an unaccented token find an accented name (« Maire »
	// finds « Mairé »), so the unaccented spelling is tested too.
	for _, k := range []string{k, stem.Fold(k)} {
		if lo := f.lower[k]; lo >= 10 && lo > 2*f.capital[k] {
			f.dropped[file] = append(f.dropped[file], name)
			return false
		}
	}
	return true
}

// report describes what the casing filter dropped, for SOURCES.md.
func (f *filter) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Casing filter\n\nOne-word first names and communes below 10,000 inhabitants that the\n"+
		"OrangeSum train articles (%d read; the %d of the NER dev set excluded) write in lower case at\n"+
		"least 10 times and more than twice as often as with a capital after another word were dropped\n"+
		"(the counts are not shipped). Most frequent in lower case first:\n\n", f.read, f.skipped)
	files := make([]string, 0, len(f.dropped))
	for file := range f.dropped {
		files = append(files, file)
	}
	slices.Sort(files)
	for _, file := range files {
		names := slices.Compact(slices.Sorted(slices.Values(f.dropped[file])))
		slices.SortStableFunc(names, func(a, b string) int { return f.lower[key(b)] - f.lower[key(a)] })
		fmt.Fprintf(&b, "- %s: %d dropped, e.g. %s\n", file, len(names), strings.Join(names[:min(40, len(names))], ", "))
	}
	return b.String()
}
