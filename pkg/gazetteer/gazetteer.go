// Package gazetteer looks up French place names, first names, media,
// organisations and the words that announce them, as features for named
// entity recognition.
//
// # Use
//
//	g, err := gazetteer.Default()
//	if err != nil { ... }
//	toks := tokenize.Tokenize("Le préfet de Seine-Saint-Denis a parlé au Havre.")
//	for _, m := range g.Match(toks) {
//		fmt.Println(toks[m.First].Text, m.Classes) // tokens[First:Last]
//	}
//	g.Classes("Marseille") // Commune|LargeCommune
//
// A word or name may belong to several classes at once: [Class] is a bit
// mask (« Vienne » is a commune, a department and a world city).
//
// # Matching rules
//
// [Gazetteer.Classes] looks a form up case-insensitively: first as written
// (accents kept), then accent-folded, so « Etats-Unis » finds « États-Unis ».
//
// [Gazetteer.Match] scans tokens left to right and reports the longest entry
// starting at each position, without overlaps. Tokens are compared
// case-insensitively and accent-folded, with one constraint that keeps
// common words quiet: a word written with a capital in the list only
// matches a token that starts with a capital. So « Le Monde » matches
// « Le Monde » and « LE MONDE » but not « dans le monde », and the commune
// « Sens » does not match « le sens », while the lower-case « ministère »
// matches either way. Entries are tokenized with [tokenize.Tokenize] when
// the lists load, so a name matches exactly the tokens the tokenizer makes
// of it, whatever its rules for hyphens and elisions.
//
// # Data, cost and concurrency
//
// The default lists (about 108,000 entries from INSEE, ISO 3166 and
// first-name lists, plus hand-written lists) are embedded in package
// models; models/gazetteer/MODEL.md and SOURCES.md name their sources and
// licences. [Default] parses them once, on first use (about 0.35 s and
// 50 MB allocated); a [Gazetteer] is immutable and safe for concurrent use.
// Match does one map lookup per token and allocates only its result.
package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"path"
	"strings"
	"sync"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/tokenize"
)

// Class is a set of gazetteer classes, one bit each.
type Class uint32

// The classes. Each is loaded from the list file named after it in lower
// case (Commune from commune.txt).
const (
	Commune       Class = 1 << iota // French commune (INSEE COG), current or merged
	LargeCommune                    // French commune of 10,000 inhabitants or more
	Department                      // French département
	Region                          // French région, former région or historical province
	Country                         // country or territory, French name
	City                            // major world city, French name
	WorldRegion                     // continent, world region, sea or ocean
	FirstName                       // given name (French and other languages)
	Media                           // news agency, newspaper, broadcaster
	Org                             // institution, party, union, company, club
	Title                           // honorific or function before a person's name (M., ministre)
	Demonym                         // nationality or place adjective (français, marseillais)
	OrgWord                         // common noun that heads organisation names (ministère, tribunal)
	LocWord                         // common noun that heads place names (rue, quartier, prison)
	Operation                       // named operation or plan (Sentinelle, Barkhane)
	OperationWord                   // word that announces an operation (opération, plan, dispositif)
	numClasses    = iota
)

var classNames = [numClasses]string{
	"Commune", "LargeCommune", "Department", "Region", "Country", "City",
	"WorldRegion", "FirstName", "Media", "Org", "Title", "Demonym",
	"OrgWord", "LocWord", "Operation", "OperationWord",
}

// String names the classes in c, joined by "|", or "0" for none.
func (c Class) String() string {
	if c == 0 {
		return "0"
	}
	var b strings.Builder
	for i := range numClasses {
		if c&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(classNames[i])
	}
	if rest := c &^ (1<<numClasses - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(&b, "%#x", uint32(rest))
	}
	return b.String()
}

// FileName is the list file that holds class c, which must be a single
// class: "commune.txt" for Commune.
func (c Class) FileName() string {
	if bits.OnesCount32(uint32(c)) != 1 || c >= 1<<numClasses {
		return ""
	}
	return strings.ToLower(classNames[bits.TrailingZeros32(uint32(c))]) + ".txt"
}

// AllClasses lists every single class, in bit order.
func AllClasses() []Class {
	cs := make([]Class, numClasses)
	for i := range cs {
		cs[i] = 1 << i
	}
	return cs
}

// ErrUnknownList is returned by [Load] for a .txt file whose name is no
// class's [Class.FileName].
var ErrUnknownList = errors.New("gazetteer: unknown list file")

// Match is a run of tokens, tokens[First:Last], that spells a gazetteer
// entry.
type Match struct {
	First, Last int
	Classes     Class
}

// Gazetteer holds the lists. It is immutable once built.
type Gazetteer struct {
	exact  map[string]Class // lower-cased entry → classes
	folded map[string]Class // accent-folded entry → classes
	nodes  []node           // token trie for Match; nodes[0] is the root
	size   int
}

// node is a trie node: the classes of the entries that end here, and the
// next tokens by their folded key.
type node struct {
	classes Class
	next    map[string]edge
}

// edge leads to up to two children for one folded token: capital, reached
// only by a capitalised token (the entry wrote that word with a capital),
// and any, reached by every token. 0 means no child (the root is never one).
type edge struct {
	capital, any int32
}

// Default returns the embedded lists, parsed on first use.
func Default() (*Gazetteer, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Gazetteer, error) {
	sub, err := fs.Sub(models.Gazetteer, "gazetteer")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Load reads every .txt file at the top of fsys as the list of the class it
// is named after (see [Class.FileName]): one entry a line, UTF-8; blank
// lines and lines starting with # are skipped. Other files are ignored.
func Load(fsys fs.FS) (*Gazetteer, error) {
	files, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	byFile := make(map[string]Class, numClasses)
	for _, c := range AllClasses() {
		byFile[c.FileName()] = c
	}
	g := &Gazetteer{
		exact:  make(map[string]Class),
		folded: make(map[string]Class),
		nodes:  []node{{}},
	}
	for _, name := range files {
		c, ok := byFile[path.Base(name)]
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrUnknownList, name)
		}
		if err := g.loadFile(fsys, name, c); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g *Gazetteer) loadFile(fsys fs.FS, name string, c Class) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		entry := strings.TrimSpace(sc.Text())
		if entry == "" || entry[0] == '#' {
			continue
		}
		if err := g.add(entry, c); err != nil {
			return fmt.Errorf("gazetteer: %s line %d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	return nil
}

// errNoToken is returned by add for an entry the tokenizer finds empty.
var errNoToken = errors.New("entry has no token")

// add puts entry in the lists with classes c. Load is the only caller, so
// a Gazetteer never changes once returned.
func (g *Gazetteer) add(entry string, c Class) error {
	toks := tokenize.Tokenize(entry)
	if len(toks) == 0 {
		return fmt.Errorf("%w: %q", errNoToken, entry)
	}
	g.exact[string(appendKey(nil, entry, false))] |= c
	g.folded[string(appendKey(nil, entry, true))] |= c
	n := int32(0)
	for _, t := range toks {
		key := string(appendKey(nil, t.Text, true))
		next := g.nodes[n].next
		if next == nil {
			next = make(map[string]edge, 1)
			g.nodes[n].next = next
		}
		e := next[key]
		child := &e.any
		if capitalised(t.Text) {
			child = &e.capital
		}
		if *child == 0 {
			g.nodes = append(g.nodes, node{})
			*child = int32(len(g.nodes) - 1)
			next[key] = e
		}
		n = *child
	}
	if g.nodes[n].classes == 0 {
		g.size++
	}
	g.nodes[n].classes |= c
	return nil
}

// Len returns the number of distinct entries (token sequences that respect
// the capitalisation of their words).
func (g *Gazetteer) Len() int { return g.size }

// Classes returns the classes of a word or name, 0 if it is in no list.
// The lookup ignores case; it tries the form as written, then accent-folded.
func (g *Gazetteer) Classes(word string) Class {
	var buf [64]byte
	if c := g.exact[string(appendKey(buf[:0], word, false))]; c != 0 {
		return c
	}
	return g.folded[string(appendKey(buf[:0], word, true))]
}

// Match returns the longest entries spelled by toks, left to right and
// without overlaps, following the rules in the package documentation.
func (g *Gazetteer) Match(toks []tokenize.Token) []Match {
	var out []Match
	var buf [64]byte
	for i := 0; i < len(toks); {
		last, classes := g.longest(0, toks, i, buf[:0])
		if last == 0 {
			i++
			continue
		}
		out = append(out, Match{First: i, Last: last, Classes: classes})
		i = last
	}
	return out
}

// longest walks the trie from node n with toks[i:] and returns the end of
// the longest entry found (0 if none) and its classes; the classes of equal
// entries reached through both a capital and an any child are joined.
func (g *Gazetteer) longest(n int32, toks []tokenize.Token, i int, buf []byte) (int, Class) {
	next := g.nodes[n].next
	if next == nil || i >= len(toks) {
		return 0, 0
	}
	text := toks[i].Text
	e, ok := next[string(appendKey(buf, text, true))]
	if !ok {
		return 0, 0
	}
	bestEnd, best := 0, Class(0)
	try := func(child int32) {
		if child == 0 {
			return
		}
		end, c := g.longest(child, toks, i+1, buf)
		if end == 0 && g.nodes[child].classes != 0 {
			end, c = i+1, g.nodes[child].classes
		}
		switch {
		case end > bestEnd:
			bestEnd, best = end, c
		case end == bestEnd && end != 0:
			best |= c
		}
	}
	try(e.any)
	if capitalised(text) {
		try(e.capital)
	}
	return bestEnd, best
}
