package category

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
)

// ErrBadLine is wrapped by the errors ReadOrangeSum yields for a line that
// is not a usable OrangeSum article.
var ErrBadLine = errors.New("category: bad OrangeSum line")

// orangeSumArticle is the part of an OrangeSum JSON line the classifier needs.
type orangeSumArticle struct {
	ID          string  `json:"id"`
	Category    string  `json:"category"`
	Subcategory *string `json:"subcategory"`
	Title       string  `json:"title"`
	Heading     string  `json:"heading"`
	Article     string  `json:"article"`
	Split       string  `json:"split"`
}

// maxLine bounds one JSON line; the longest OrangeSum article is ~25 kB.
const maxLine = 16 << 20

// ReadOrangeSum streams the articles of an OrangeSum JSON Lines dump
// (uncompressed) as labelled examples. split selects "train", "dev" or
// "test"; "" keeps every line.
//
// Example.Text is the title, the heading (chapô) and the body, separated by
// blank lines: the classifier sees what a reader of the page sees first, and
// short articles keep their most informative sentences. Example.Label is
// ClassID(category, subcategory).
//
// A line that is not valid JSON or has no category yields an error wrapping
// ErrBadLine that names the line number; reading goes on with the next line,
// so the consumer decides whether to stop. A read error ends the sequence.
func ReadOrangeSum(r io.Reader, split string) iter.Seq2[Example, error] {
	return func(yield func(Example, error) bool) {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 1<<16), maxLine)
		for n := 1; sc.Scan(); n++ {
			line := sc.Bytes()
			if len(strings.TrimSpace(string(line))) == 0 {
				continue
			}
			var a orangeSumArticle
			if err := json.Unmarshal(line, &a); err != nil {
				if !yield(Example{}, fmt.Errorf("%w: line %d: %v", ErrBadLine, n, err)) {
					return
				}
				continue
			}
			if split != "" && a.Split != split {
				continue
			}
			if a.Category == "" {
				if !yield(Example{}, fmt.Errorf("%w: line %d (%s): no category", ErrBadLine, n, a.ID)) {
					return
				}
				continue
			}
			sub := ""
			if a.Subcategory != nil {
				sub = *a.Subcategory
			}
			text := joinNonEmpty(a.Title, a.Heading, a.Article)
			if !yield(Example{Text: text, Label: ClassID(a.Category, sub)}, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(Example{}, fmt.Errorf("category: reading OrangeSum: %w", err))
		}
	}
}

// ReadOrangeSumFile is ReadOrangeSum on a file, gunzipped when its name ends
// in ".gz". Every error it yields names the file.
func ReadOrangeSumFile(path, split string) iter.Seq2[Example, error] {
	return func(yield func(Example, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(Example{}, err) // *PathError names the file
			return
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				yield(Example{}, fmt.Errorf("%s: %w", path, err))
				return
			}
			defer zr.Close()
			r = zr
		}
		for ex, err := range ReadOrangeSum(r, split) {
			if err != nil {
				err = fmt.Errorf("%s: %w", path, err)
			}
			if !yield(ex, err) {
				return
			}
		}
	}
}

func joinNonEmpty(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}
