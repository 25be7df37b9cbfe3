package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// Group groups the mentions of one document into entities, sorted by
// salience, and sets mentions[i].Entity to the index of the mention's entity
// (-1 for an ignored mention). See the package doc for the rules.
func Group(a *stem.Analysis, mentions []ner.Mention) []Entity {
	for i := range mentions {
		mentions[i].Entity = -1
	}
	if a == nil || len(mentions) == 0 {
		return nil
	}
	g := grouper{text: a.Text, toks: cleanTokens(a)}
	g.keep(mentions)
	if len(g.ms) == 0 {
		return nil
	}
	g.cluster()
	g.joinAcronyms()
	g.joinSurnames()
	ents := g.entities()
	sal := newSalience(a.Text, a.Sentences)
	for i := range ents {
		ents[i].e.Salience = sal.score(ents[i].spans, ents)
	}
	sort.SliceStable(ents, func(i, j int) bool {
		a, b := &ents[i], &ents[j]
		switch {
		case a.e.Salience != b.e.Salience:
			return a.e.Salience > b.e.Salience
		case a.e.Count != b.e.Count:
			return a.e.Count > b.e.Count
		case a.first != b.first:
			return a.first < b.first
		}
		return a.e.Name < b.e.Name
	})
	out := make([]Entity, len(ents))
	for i := range ents {
		out[i] = ents[i].e
		for _, m := range ents[i].e.Mentions {
			mentions[m].Entity = i
		}
	}
	return out
}

// cleanTokens returns a's tokens, or, when some are out of order or out of
// range (a hand-made Analysis), a copy without them.
func cleanTokens(a *stem.Analysis) []tokenize.Token {
	ok := func(prevEnd int, t tokenize.Token) bool {
		return prevEnd <= t.Start && t.Start <= t.End && t.End <= len(a.Text)
	}
	prevEnd := 0
	for i, t := range a.Tokens {
		if !ok(prevEnd, t) {
			out := slices.Clone(a.Tokens[:i])
			for _, t := range a.Tokens[i:] {
				if ok(prevEnd, t) {
					out = append(out, t)
					prevEnd = t.End
				}
			}
			return out
		}
		prevEnd = t.End
	}
	return a.Tokens
}

// mention is a kept mention with its matching key.
type mention struct {
	idx        int // index in the caller's slice
	start, end int
	label      string
	form       string // the name as written, without an honorific
	key        string // folded words of form, space-separated
	cluster    int
}

type grouper struct {
	text string
	// toks are the analysis' tokens, in order and in range.
	toks []tokenize.Token
	ms   []mention
	// parent is the union-find forest over clusters (one cluster per
	// label and folded key).
	parent []int
}

// keep validates the mentions and drops overlaps: valid spans are sorted by
// position, and a span that overlaps an earlier (or, at the same start, a
// longer) one is ignored.
func (g *grouper) keep(mentions []ner.Mention) {
	idx := make([]int, 0, len(mentions))
	for i, m := range mentions {
		if m.Start < 0 || m.End > len(g.text) || m.Start >= m.End || m.Label == "" ||
			!utf8.RuneStart(g.text[m.Start]) || (m.End < len(g.text) && !utf8.RuneStart(g.text[m.End])) {
			continue
		}
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := mentions[idx[i]], mentions[idx[j]]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	g.ms = make([]mention, 0, len(idx))
	lastEnd := -1
	for _, i := range idx {
		m := mentions[i]
		if m.Start < lastEnd {
			continue
		}
		form := stripHonorific(g.text[m.Start:m.End])
		key := withoutArticle(foldKey(form))
		if key == "" {
			continue
		}
		lastEnd = m.End
		g.ms = append(g.ms, mention{idx: i, start: m.Start, end: m.End, label: m.Label, form: form, key: key})
	}
}

// honorifics are dropped from names: « M. Darmanin » is Darmanin.
var honorifics = map[string]bool{"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "me": true, "dr": true, "pr": true, "mgr": true}

// stripHonorific removes a leading honorific (« M. », « Mme ») from a name
// of more than one word.
func stripHonorific(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i <= 0 || !honorifics[stem.Fold(s[:i])] {
		return s
	}
	rest := strings.TrimLeft(s[i:], ". \u00a0\u202f")
	if rest == "" || len(rest) == len(s[i:]) && s[i] != ' ' {
		return s
	}
	return rest
}

// foldKey returns the folded words of s separated by single spaces: letters
// and digits, split at spaces, hyphens, apostrophes and other punctuation
// (« Dupond-Moretti » → "dupond moretti").
func foldKey(s string) string {
	f := stem.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// withoutArticle drops a leading article from a folded key, so that « Le
// Havre » and « au Havre » → « Havre » match.
func withoutArticle(key string) string {
	for _, a := range []string{"le ", "la ", "les ", "l "} {
		if rest, ok := strings.CutPrefix(key, a); ok && rest != "" {
			return rest
		}
	}
	return key
}

// cluster puts mentions of the same label and folded words together.
func (g *grouper) cluster() {
	type labelKey struct{ label, key string }
	byKey := make(map[labelKey]int, len(g.ms))
	for i := range g.ms {
		m := &g.ms[i]
		k := labelKey{m.label, m.key}
		c, ok := byKey[k]
		if !ok {
			c = len(g.parent)
			byKey[k] = c
			g.parent = append(g.parent, c)
		}
		m.cluster = c
	}
}

func (g *grouper) find(c int) int {
	for g.parent[c] != c {
		g.parent[c] = g.parent[g.parent[c]]
		c = g.parent[c]
	}
	return c
}

// union joins two clusters; the earlier one stays the root.
func (g *grouper) union(a, b int) {
	a, b = g.find(a), g.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	g.parent[b] = a
}

// joinAcronyms joins « Long Form (LF) »: a mention followed by a
// parenthesised mention of the same label that abbreviates it.
func (g *grouper) joinAcronyms() {
	for i := 0; i+1 < len(g.ms); i++ {
		long, short := &g.ms[i], &g.ms[i+1]
		gap := strings.TrimSpace(strings.Trim(g.text[long.end:short.start], " \u00a0\u202f»”\""))
		if gap != "(" || long.label != short.label || !strings.HasPrefix(strings.TrimLeft(g.text[short.end:], " \u00a0\u202f"), ")") {
			continue
		}
		if abbreviates(short.form, long.key) {
			g.union(long.cluster, short.cluster)
		}
	}
}

// abbreviates reports whether acr, one word of 2 to 8 letters starting with
// a capital, is made of letters of the words in order, starting with the
// first letter of the first word: QRR for « quartier de reconquête
// républicaine », Ofast for « office anti-stupéfiants ».
func abbreviates(acr, long string) bool {
	a := foldKey(acr)
	if !strings.Contains(long, " ") || !tokenize.Capitalised(acr) || strings.Contains(a, " ") ||
		len(a) < 2 || len(a) > 8 || a[0] != long[0] {
		return false
	}
	k := 0
	for i := 0; i < len(long) && k < len(a); i++ {
		if long[i] == a[k] {
			k++
		}
	}
	return k == len(a)
}

// joinSurnames joins a PER name to the one longer PER name of the document
// that ends with the same words: « Darmanin » and « M. Darmanin » to
// « Gérald Darmanin ». A name that ends two different longer names
// (« Le Pen » with Marine and Jean-Marie Le Pen) stays on its own.
func (g *grouper) joinSurnames() {
	type name struct {
		cluster int
		words   []string
	}
	var names []name
	seen := map[int]bool{}
	for _, m := range g.ms {
		if m.label == "PER" && !seen[m.cluster] {
			seen[m.cluster] = true
			names = append(names, name{m.cluster, strings.Fields(m.key)})
		}
	}
	for _, short := range names {
		target := -1
		for _, long := range names {
			if len(long.words) <= len(short.words) || !endsWith(long.words, short.words) {
				continue
			}
			if target >= 0 && g.find(target) != g.find(long.cluster) {
				target = -2 // ambiguous
				break
			}
			target = long.cluster
		}
		if target >= 0 {
			g.union(target, short.cluster)
		}
	}
}

func endsWith(long, short []string) bool {
	off := len(long) - len(short)
	for i, w := range short {
		if long[off+i] != w {
			return false
		}
	}
	return true
}

// built is an entity with what sorting and salience need.
type built struct {
	e     Entity
	spans []span
	first int
}

type span struct{ start, end int }

// entities builds one Entity per cluster root, in order of first mention.
func (g *grouper) entities() []built {
	byRoot := map[int]int{}
	var out []built
	for _, m := range g.ms {
		r := g.find(m.cluster)
		i, ok := byRoot[r]
		if !ok {
			i = len(out)
			byRoot[r] = i
			out = append(out, built{e: Entity{Label: m.label}, first: m.start})
		}
		b := &out[i]
		b.e.Count++
		b.e.Mentions = append(b.e.Mentions, m.idx)
		b.spans = append(b.spans, span{m.start, m.end})
	}
	for i := range out {
		b := &out[i]
		b.e.Name = g.canonical(b.spans)
		if b.e.Label == "PER" {
			b.e.Titles = g.titles(b.spans)
		}
	}
	return out
}

// canonical picks the entity's name: the longest well-cased form (an
// all-capitals form only when there is no other), then a capitalised one
// (« Place nette » over « place nette »), then the most frequent, then the
// first.
func (g *grouper) canonical(spans []span) string {
	count := map[string]int{}
	var forms []string
	for _, s := range spans {
		f := stripHonorific(g.text[s.start:s.end])
		if count[f] == 0 {
			forms = append(forms, f)
		}
		count[f]++
	}
	wellCased := false
	for _, f := range forms {
		if !tokenize.AllUpper(f) {
			wellCased = true
		}
	}
	best := ""
	for _, f := range forms {
		if wellCased && tokenize.AllUpper(f) {
			continue
		}
		n, bn := utf8.RuneCountInString(f), utf8.RuneCountInString(best)
		switch {
		case best == "" || n > bn:
			best = f
		case n < bn:
		case tokenize.Capitalised(f) != tokenize.Capitalised(best):
			if tokenize.Capitalised(f) {
				best = f
			}
		case count[f] > count[best]:
			best = f
		}
	}
	return best
}
