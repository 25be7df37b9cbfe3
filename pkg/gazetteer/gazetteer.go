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
// Case never matters, and accents matter only when the text has some:
// a form written with accents must match the list's spelling, while a form
// written without any (« Etats-Unis », « ETATS-UNIS ») also matches the
// accented entry (« États-Unis »). So « placé » does not find « place ».
// [Gazetteer.Classes] looks a whole form up this way.
//
// [Gazetteer.Match] scans tokens left to right and reports the longest entry
// starting at each position, without overlaps, comparing token by token
// with the rule above and one more constraint that keeps common words
// quiet: a word written with a capital in the list only matches a token
// that starts with a capital. So « Le Monde » matches « Le Monde » and
// « LE MONDE » but not « dans le monde », and the commune « Sens » does not
// match « le sens », while the lower-case « ministère » matches either way.
// Entries are tokenized with [tokenize.Tokenize] when the lists load, so a
// name matches exactly the tokens the tokenizer makes of it, whatever its
// rules for hyphens and elisions.
//
// # Data, cost and concurrency
//
// The default lists (about 107,000 entries from INSEE, ISO 3166 and
// first-name lists, plus hand-written lists) are embedded in package
// models; models/gazetteer/MODEL.md and SOURCES.md name their sources and
// licences. [Default] parses them once, on first use (about 0.4 s; 20 MB
// stay in memory); a [Gazetteer] is immutable and safe for concurrent use.
// Match does one map lookup per token and allocates only its result.
package gazetteer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"path"
	"strings"
	"sync"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/stem"
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
	folded map[string]Class // accent-folded entry → classes, for entries with accents
	nodes  []node           // token trie for Match; nodes[0] is the root
	size   int
}

// node is a trie node: the classes of the entries that end here, and the
// children by the folded key of their token.
type node struct {
	classes Class
	next    map[string][]child
}

// child is the node reached by one spelling of a token: its lower-case
// form if it has accents ("" if it is its folded key) and whether the list
// writes it with a capital.
type child struct {
	lower   string
	capital bool
	node    int32
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
	lower, folded := string(stem.AppendLower(nil, entry)), string(stem.AppendFold(nil, entry))
	g.exact[lower] |= c
	if folded != lower {
		g.folded[folded] |= c
	}
	n := int32(0)
	for _, t := range toks {
		key := string(stem.AppendFold(nil, t.Text))
		want := child{capital: tokenize.Capitalised(t.Text)}
		if lower := string(stem.AppendLower(nil, t.Text)); lower != key {
			want.lower = lower
		}
		if g.nodes[n].next == nil {
			g.nodes[n].next = make(map[string][]child, 1)
		}
		kids := g.nodes[n].next[key]
		found := int32(0)
		for _, k := range kids {
			if k.lower == want.lower && k.capital == want.capital {
				found = k.node
			}
		}
		if found == 0 {
			g.nodes = append(g.nodes, node{})
			found = int32(len(g.nodes) - 1)
			want.node = found
			g.nodes[n].next[key] = append(kids, want)
		}
		n = found
	}
	if g.nodes[n].classes == 0 {
		g.size++
	}
	g.nodes[n].classes |= c
	return nil
}

// Len returns the number of distinct entries (token sequences, told apart
// by accents and by the capitals of their words).
func (g *Gazetteer) Len() int { return g.size }

// Classes returns the classes of a word or name, 0 if it is in no list.
// The lookup ignores case. It tries the form as written, then, for a word
// written without accents, the accent-folded lists (« Etats-Unis » finds
// « États-Unis », but « placé » does not find « place »).
func (g *Gazetteer) Classes(word string) Class {
	var lower, folded [64]byte
	l := stem.AppendLower(lower[:0], word)
	if c := g.exact[string(l)]; c != 0 {
		return c
	}
	f := stem.AppendFold(folded[:0], word)
	if !bytes.Equal(l, f) {
		return 0
	}
	return g.folded[string(f)]
}

// Match returns the longest entries spelled by toks, left to right and
// without overlaps, following the rules in the package documentation.
func (g *Gazetteer) Match(toks []tokenize.Token) []Match {
	var out []Match
	for i := 0; i < len(toks); {
		last, classes := g.longest(0, toks, i)
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
// the longest entry found (0 if none) and its classes; the classes of
// equal-length entries reached through several spellings are joined.
//
// A token follows a child when their folded keys are equal, the token has
// a capital if the child wants one, and the token is spelled like the
// child (lower-cased) unless the token has no accent at all.
func (g *Gazetteer) longest(n int32, toks []tokenize.Token, i int) (int, Class) {
	next := g.nodes[n].next
	if next == nil || i >= len(toks) {
		return 0, 0
	}
	text := toks[i].Text
	var lower, folded [64]byte
	f := stem.AppendFold(folded[:0], text)
	kids := next[string(f)]
	if len(kids) == 0 {
		return 0, 0
	}
	l := stem.AppendLower(lower[:0], text)
	plain := bytes.Equal(l, f)
	capital := tokenize.Capitalised(text)
	bestEnd, best := 0, Class(0)
	for _, k := range kids {
		// A token with accents matches only the same accented spelling.
		if (k.capital && !capital) || (!plain && (k.lower == "" || k.lower != string(l))) {
			continue
		}
		end, c := g.longest(k.node, toks, i+1)
		if end == 0 && g.nodes[k.node].classes != 0 {
			end, c = i+1, g.nodes[k.node].classes
		}
		switch {
		case end > bestEnd:
			bestEnd, best = end, c
		case end == bestEnd && end != 0:
			best |= c
		}
	}
	return bestEnd, best
}
