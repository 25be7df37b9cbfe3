// Package wordcluster maps French words to hierarchical cluster paths
// learned without supervision from news text, as features for sequence
// taggers (the way Brown clusters are used).
//
// # Use
//
//	c, err := wordcluster.Default()
//	if err != nil { ... }
//	if p, ok := c.Path("Marseille"); ok {
//		coarse := wordcluster.Prefix(p, 1) // one of 16 clusters
//		fine := wordcluster.Prefix(p, 3)   // one of 4096
//	}
//
// # Paths
//
// A path has [Levels] levels of [Branching] (16) clusters each: level 1
// splits the vocabulary in 16, level 2 splits each of those in 16, and so
// on. A path packs one 4-bit cluster number per level, level 1 in the high
// bits: path = c1<<8 | c2<<4 | c3, and [Prefix] (p, l) keeps the first l
// levels. Written in hexadecimal, as in the data file, a path is three
// digits and a prefix is the first digits ("3a7" → "3a" → "3"). Unlike a
// Brown bit path, the numbers of sibling clusters carry no meaning: compare
// prefixes of the same level only.
//
// # Lookup
//
// [Clusters.Path] lower-cases the word (and writes typographic apostrophes
// as '), then falls back to its accent-folded form, so « ÉTATS » and
// « etats » find « états ». Words outside the vocabulary report ok=false.
//
// # Data, cost and concurrency
//
// The default clusters are embedded in package models
// (models/wordcluster/clusters.txt, built by models/gen/wordcluster with
// [Learn] from the OrangeSum training articles; MODEL.md tells how).
// [Default] parses them once, on first use. A [Clusters] is immutable and
// safe for concurrent use; Path does not allocate for a word in the
// vocabulary.
package wordcluster

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/stem"
)

// Branching is the number of clusters each level splits into, and Levels
// the number of levels in a path.
const (
	Branching = 16
	Levels    = 3
	levelBits = 4 // log2(Branching)
)

// Prefix returns the first level levels of path (1 ≤ level ≤ Levels), a
// number below Branching^level. Levels out of range are clamped.
func Prefix(path uint32, level int) uint32 {
	level = min(max(level, 0), Levels)
	return path >> (levelBits * (Levels - level))
}

// Errors.
var (
	// ErrFormat is returned for a clusters file line that is not
	// "word<TAB>path" with a hexadecimal path of Levels digits.
	ErrFormat = errors.New("wordcluster: bad clusters line")
	// ErrNoData is returned by Default when the build has not written the
	// embedded clusters file.
	ErrNoData = errors.New("wordcluster: no embedded clusters (run models/gen/wordcluster)")
)

// Clusters maps words to paths. It is immutable once built.
type Clusters struct {
	paths  map[string]uint32 // Key(word) → path
	folded map[string]uint32 // stem.Fold(word) → path
}

// Key is the form a word is stored and looked up under: stem.AppendLower's
// (lower-cased, typographic apostrophes written as ').
func Key(word string) string {
	return string(stem.AppendLower(nil, word))
}

// New returns clusters from a map of words to paths; words are stored
// under their Key.
func New(paths map[string]uint32) *Clusters {
	c := &Clusters{paths: make(map[string]uint32, len(paths)), folded: make(map[string]uint32, len(paths))}
	words := make([]string, 0, len(paths))
	for w, p := range paths {
		c.paths[Key(w)] = p
		words = append(words, w)
	}
	// Several words may fold alike (près, prés): the first in byte order
	// wins, so the result does not depend on map order.
	slices.Sort(words)
	for _, w := range words {
		f := stem.Fold(w)
		if _, dup := c.folded[f]; !dup {
			c.folded[f] = paths[w]
		}
	}
	return c
}

// Len returns the number of words.
func (c *Clusters) Len() int { return len(c.paths) }

// Path returns the cluster path of word and whether the word is known.
func (c *Clusters) Path(word string) (path uint32, ok bool) {
	var buf [64]byte
	if p, ok := c.paths[string(stem.AppendLower(buf[:0], word))]; ok {
		return p, true
	}
	p, ok := c.folded[stem.Fold(word)]
	return p, ok
}

// WriteTo writes one "word<TAB>path" line per word, sorted by word, the
// path as Levels hexadecimal digits.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	words := make([]string, 0, len(c.paths))
	for word := range c.paths {
		words = append(words, word)
	}
	slices.Sort(words)
	bw := bufio.NewWriter(w)
	var n int64
	for _, word := range words {
		k, err := fmt.Fprintf(bw, "%s\t%0*x\n", word, Levels, c.paths[word])
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

// Read parses clusters written by WriteTo. name labels errors.
func Read(r io.Reader, name string) (*Clusters, error) {
	paths := make(map[string]uint32)
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		word, hex, ok := strings.Cut(sc.Text(), "\t")
		p, err := strconv.ParseUint(hex, 16, 32)
		if !ok || word == "" || len(hex) != Levels || err != nil {
			return nil, fmt.Errorf("%w: %s line %d: %q", ErrFormat, name, line, sc.Text())
		}
		paths[word] = uint32(p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordcluster: %s: %w", name, err)
	}
	return New(paths), nil
}

// Default returns the embedded clusters, parsed on first use.
func Default() (*Clusters, error) { return loadDefault() }

const defaultFile = "wordcluster/clusters.txt"

var loadDefault = sync.OnceValues(func() (*Clusters, error) {
	f, err := models.WordCluster.Open(defaultFile)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoData, err)
	}
	defer f.Close()
	return Read(f, "models/"+defaultFile)
})
