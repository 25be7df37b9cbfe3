package operation

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/tokenize"
)

// Errors returned by LoadList, wrapped with the line number.
var (
	ErrEmptyName  = errors.New("operation: empty name")
	ErrBadName    = errors.New("operation: name has quotes, brackets or sentence punctuation")
	ErrLongName   = errors.New("operation: name longer than 8 words")
	ErrBadMarker  = errors.New("operation: '?' and '!' cannot be combined, and '!' takes one name")
	ErrListTooBig = errors.New("operation: list line longer than 4096 bytes")
)

// maxNameWords bounds a name, so matching stays cheap and a stray paragraph
// pasted into a list is caught.
const maxNameWords = 8

// List is a set of known operation names, and of phrases that are never
// operation names. A List is immutable once loaded and safe for concurrent use.
type List struct {
	names []name
	// byFirst maps a name's first folded word to its names, longest first.
	byFirst map[string][]int
	// never holds the folded words of the "!" lines by their first word.
	never map[string][][]string
}

// name is one listed name (an alias is a name of its own).
type name struct {
	text string
	// words are the folded words of text, punctuation left out.
	words []string
	// ambiguous names count only after a trigger or a triggered mention.
	ambiguous bool
	// capitalised names match a text without a trigger only when the text
	// is capitalised too.
	capitalised bool
}

// Len returns the number of names in the list, aliases included.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.names)
}

// LoadList reads a list of operation names, one entry a line:
//
//	Barkhane                      a name, counted wherever it appears
//	Tempête du désert | Desert Storm   aliases, matched alike
//	Sentinelle ?                  ambiguous: counted only after a trigger word
//	                              or when the document names it after one
//	!coup de poing                never an operation, even after a trigger
//	# comment
//
// Errors name the line and wrap one of the Err* sentinels.
func LoadList(r io.Reader) (*List, error) {
	l := &List{byFirst: map[string][]int{}, never: map[string][][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), 4096)
	line := 0
	for sc.Scan() {
		line++
		if err := l.addLine(sc.Text()); err != nil {
			return nil, fmt.Errorf("list line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = ErrListTooBig
		}
		return nil, fmt.Errorf("list line %d: %w", line+1, err)
	}
	for _, ids := range l.byFirst {
		sort.SliceStable(ids, func(i, j int) bool { return len(l.names[ids[i]].words) > len(l.names[ids[j]].words) })
	}
	return l, nil
}

func (l *List) addLine(s string) error {
	s = strings.TrimPrefix(s, "\ufeff")
	if i := strings.Index(s, "#"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	ambiguous := false
	if rest, ok := strings.CutSuffix(s, "?"); ok {
		ambiguous, s = true, strings.TrimSpace(rest)
	}
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		if ambiguous || strings.Contains(rest, "|") {
			return ErrBadMarker
		}
		words, err := nameWords(rest)
		if err != nil {
			return err
		}
		l.never[words[0]] = append(l.never[words[0]], words)
		return nil
	}
	for _, alias := range strings.Split(s, "|") {
		alias = strings.TrimSpace(alias)
		words, err := nameWords(alias)
		if err != nil {
			return err
		}
		l.byFirst[words[0]] = append(l.byFirst[words[0]], len(l.names))
		l.names = append(l.names, name{text: alias, words: words, ambiguous: ambiguous, capitalised: tokenize.Capitalised(alias)})
	}
	return nil
}

// nameWords checks a listed name and returns its folded words.
func nameWords(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, ErrEmptyName
	}
	if strings.ContainsAny(s, "«»\"“”()[]{},;:.!?") {
		return nil, ErrBadName
	}
	var words []string
	for _, t := range tokenize.Tokenize(s) {
		if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
			words = append(words, fold(t.Text))
		}
	}
	switch {
	case len(words) == 0:
		return nil, ErrEmptyName
	case len(words) > maxNameWords:
		return nil, ErrLongName
	}
	return words, nil
}

// neverName reports whether the folded words are a "!" entry.
func (l *List) neverName(words []string) bool {
	if l == nil || len(words) == 0 {
		return false
	}
	for _, n := range l.never[words[0]] {
		if slices.Equal(n, words) {
			return true
		}
	}
	return false
}

// defaultList is the list embedded in the binary, parsed once.
var defaultList = sync.OnceValues(func() (*List, error) {
	l, err := LoadList(strings.NewReader(models.Operations))
	if err != nil {
		return nil, fmt.Errorf("models/operation/operations.txt: %w", err)
	}
	return l, nil
})

// DefaultList returns the embedded list of models/operation/operations.txt,
// loaded once.
func DefaultList() (*List, error) { return defaultList() }
