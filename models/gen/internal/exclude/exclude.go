// Package exclude reads the ids of the documents that the model generators
// must not learn from: the news-fr-gold development set is the yardstick of
// the NER model, and 24 of its articles sit in OrangeSum's train split, which
// the word clusters, the gazetteer's casing filter and the topic
// document-frequency table read. Each generator takes the dev file with
// Flag, loads it with Load and skips every OrangeSum article whose id the
// set holds:
//
//	excl := exclude.Flag()
//	flag.Parse()
//	ids, err := exclude.Load(*excl)
//	...
//	if ids[article.ID] { skipped++; continue }
//
// A missing or empty file is an error, never an empty set: a build that
// silently read the dev texts would make the dev figure optimistic again.
package exclude

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
)

// DefaultPath is the dev set, relative to the repository root.
const DefaultPath = "../shared/corpus/news-fr-gold/dev.jsonl"

// ErrNoIDs is returned when the exclusion file names no document.
var ErrNoIDs = errors.New("exclude: no document id")

// IDs is a set of document ids (OrangeSum's "orangesum_00002" form).
type IDs map[string]bool

// Flag defines the -exclude flag on flag.CommandLine, defaulting to
// DefaultPath.
func Flag() *string {
	return flag.String("exclude", DefaultPath,
		"JSON lines whose \"id\" fields name the OrangeSum articles to skip (the NER dev set; required)")
}

// Load reads the "id" field of every line of the JSON-lines file at path.
// Blank lines are skipped; a line without an id, a missing file or a file
// with no id at all is an error naming the file (and line).
func Load(path string) (IDs, error) {
	if path == "" {
		return nil, fmt.Errorf("exclude: no file given: the dev set must be excluded (-exclude %s)", DefaultPath)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("exclude: %w (the dev set's ids are needed to keep its texts out of the build)", err)
	}
	defer f.Close()
	ids := make(IDs)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var doc struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, fmt.Errorf("exclude: %s line %d: %w", path, line, err)
		}
		if doc.ID == "" {
			return nil, fmt.Errorf("exclude: %s line %d: no \"id\" field", path, line)
		}
		ids[doc.ID] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("exclude: %s: %w", path, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%w in %s", ErrNoIDs, path)
	}
	return ids, nil
}
