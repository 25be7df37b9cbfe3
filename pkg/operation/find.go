package operation

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// Labels and sources written by Find.
const (
	Label      = "OPERATION"
	SourceRule = "rule"
	SourceList = "list"
)

// Finder finds operation mentions with a list of known names. It is
// immutable and safe for concurrent use.
type Finder struct {
	list *List
}

// New returns a Finder that uses list; a nil list means no known names
// (the rules still apply).
func New(list *List) *Finder {
	if list == nil {
		list = &List{}
	}
	return &Finder{list: list}
}

var defaultFinder = sync.OnceValues(func() (*Finder, error) {
	l, err := DefaultList()
	if err != nil {
		return nil, err
	}
	return New(l), nil
})

// Default returns the Finder of the embedded list, built once.
func Default() (*Finder, error) { return defaultFinder() }

// trigger is what a trigger word accepts after it.
type trigger uint8

const (
	anyName    trigger = iota // quoted, capitalised or listed
	quotedName                // quoted and capitalised, or listed
	listedName                // listed only (« les militaires Sentinelle »)
	adjName                   // as anyName after an adjective (« la force française X »), else as quotedName
)

// triggers maps folded trigger words to what they accept; plural forms
// also take coordinated names. « mission » and « force » take an unlisted
// capitalised name only after an adjective (« la force française Barkhane »):
// « la mission Apollo », « la force Minusma » and « la force SUV » name no
// operation.
var triggers = map[string]trigger{
	"operation": anyName, "operations": anyName, "plan": anyName, "plans": anyName,
	"dispositif": anyName, "dispositifs": anyName, "mission": adjName, "missions": adjName,
	"force": adjName, "forces": adjName, "intervention": anyName, "interventions": anyName,
	"offensive": anyName, "offensives": anyName, "opex": anyName,
	"campagne": quotedName, "campagnes": quotedName, "projet": quotedName, "projets": quotedName,
	"militaire": listedName, "militaires": listedName, "soldat": listedName, "soldats": listedName,
	"groupe": listedName, "vehicule": listedName, "vehicules": listedName,
	"patrouille": listedName, "patrouilles": listedName, "ex": listedName,
}

// namingWords may stand between a trigger and the name
// (« l'opération baptisée « Place nette » », « dite », « nom de code »).
var namingWords = map[string]bool{
	"baptise": true, "baptisee": true, "baptises": true, "baptisees": true,
	"dit": true, "dite": true, "dits": true, "dites": true,
	"nomme": true, "nommee": true, "nommes": true, "nommees": true,
	"appele": true, "appelee": true, "appeles": true, "appelees": true,
	"intitule": true, "intitulee": true, "intitules": true, "intitulees": true,
	"surnomme": true, "surnommee": true, "code": true,
}

// adjectiveEndings are the endings of the lower-case words that may stand
// between a trigger and a name (militaire, française, antijihadiste,
// européenne, policière, lancée); verbs rarely end so.
var adjectiveEndings = []string{
	"aire", "aires", "iste", "istes", "enne", "ennes", "ien", "iens", "aise", "aises",
	"ale", "ales", "ique", "iques", "ière", "ières", "é", "ée", "és", "ées", "aine", "aines",
	"ive", "ives", "elle", "elles",
}

// functionWords are capitalised words that start a sentence, not a name.
var functionWords = map[string]bool{}

// determiners before a word make it a common noun or a title, not an
// operation name (« le SUV », « les Enfoirés »).
var determiners = map[string]bool{}

// placeNouns before « de X » make X a place (« le massacre de Srebrenica »).
var placeNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`le la les l un une des du de d en au aux a et ou ce cette
	ces cet il elle ils elles on nous vous je dans pour par sur avec qui que qu mais son sa ses
	leur leurs apres si alors depuis comme selon plus tous toutes tout chez entre contre sans
	sous vers lors face parmi avant pendant des ainsi enfin pourtant or car donc quand notre
	votre mon ma mes cela ceci celui celle ceux aucun aucune chaque plusieurs certains
	certaines lundi mardi mercredi jeudi vendredi samedi dimanche`) {
		functionWords[w] = true
	}
	for _, w := range strings.Fields(`le la les l un une des du au aux ce cet cette ces son sa ses
	leur leurs mon ma mes notre nos votre vos`) {
		determiners[w] = true
	}
	for _, w := range strings.Fields(`ville villes commune communes region province departement
	village villages capitale port aeroport banlieue quartier quartiers pays republique
	habitants habitant massacre enclave siege maire prefet prefecture cite ile`) {
		placeNouns[w] = true
	}
}

// word is a word or number token of the analysed text.
type word struct {
	start, end int
	text       string
	key        string // fold(text)
}

// doc is the per-call state of Find.
type doc struct {
	text  string
	words []word
	list  *List
	model []ner.Mention
	// found holds the accepted operation spans, in the order found.
	found []span
	// confirmed maps the folded key of a found name to how it was written.
	confirmed map[string]*seen
}

type span struct {
	start, end int
	source     string
	// triggered spans were found after a trigger word.
	triggered bool
}

// seen records the case forms a confirmed name was found in.
type seen struct {
	words        []string
	upper, lower bool
	acronym      bool // matched only in upper case
	fromList     bool
	// bare: found only as an unlisted, unquoted name after a trigger, so
	// its other mentions must look like names (no article before them).
	bare bool
}

// Find returns the operation mentions of a, merged with the model's
// mentions, sorted by Start and non-overlapping (see the package doc for the
// precedence). It never panics; a nil analysis gives nil.
func (f *Finder) Find(a *stem.Analysis, model []ner.Mention) []ner.Mention {
	if a == nil {
		return nil
	}
	d := &doc{text: a.Text, list: f.list, model: validMentions(a.Text, model), confirmed: map[string]*seen{},
		words: make([]word, 0, len(a.Tokens))}
	prevEnd := 0
	for _, t := range a.Tokens {
		// Tokens out of order or out of range (a hand-made Analysis) are
		// skipped, so that slicing between words is always valid.
		if (t.Kind == tokenize.Word || t.Kind == tokenize.Number) && prevEnd <= t.Start && t.Start < t.End && t.End <= len(a.Text) {
			prevEnd = t.End
			d.words = append(d.words, word{start: t.Start, end: t.End, text: a.Text[t.Start:t.End], key: fold(a.Text[t.Start:t.End])})
		}
	}
	d.findTriggered()
	d.findListed()
	d.findCoordinated()
	d.findAcronyms()
	d.propagate()
	return d.merge()
}

// validMentions returns copies of the well-formed model mentions, their Text
// read from text.
func validMentions(text string, ms []ner.Mention) []ner.Mention {
	out := make([]ner.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End ||
			!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End])) {
			continue
		}
		m.Text = text[m.Start:m.End]
		m.Entity = -1
		out = append(out, m)
	}
	return out
}

// joined reports whether words i and i+1 belong to one name: only spaces,
// hyphens or apostrophes between them, no line break.
func (d *doc) joined(i int) bool {
	if i+1 >= len(d.words) {
		return false
	}
	for _, r := range d.text[d.words[i].end:d.words[i+1].start] {
		switch r {
		case ' ', '\u00a0', '\u202f', '\t', '-', '\u2011', '\'', '’':
		default:
			return false
		}
	}
	return true
}

// spaced reports whether only spaces (no punctuation, no line break)
// separate words i and i+1.
func (d *doc) spaced(i int) bool {
	if i+1 >= len(d.words) {
		return false
	}
	return strings.Trim(d.text[d.words[i].end:d.words[i+1].start], " \u00a0\u202f\t") == ""
}

// covered reports whether [start, end) overlaps an accepted span.
func (d *doc) covered(start, end int) bool {
	for _, s := range d.found {
		if start < s.end && s.start < end {
			return true
		}
	}
	return false
}

// keys returns the folded words [i, j).
func (d *doc) keys(i, j int) []string {
	keys := make([]string, 0, j-i)
	for _, w := range d.words[i:j] {
		keys = append(keys, w.key)
	}
	return keys
}

// accept records text[start:end], of folded words keys, as an operation
// found by source, unless it overlaps an earlier finding.
func (d *doc) accept(start, end int, keys []string, source string, fromList bool) bool {
	if d.covered(start, end) {
		return false
	}
	d.found = append(d.found, span{start: start, end: end, source: source})
	k := strings.Join(keys, " ")
	s := d.confirmed[k]
	if s == nil {
		s = &seen{words: keys}
		d.confirmed[k] = s
	}
	s.fromList = s.fromList || fromList
	if tokenize.Capitalised(d.text[start:end]) {
		s.upper = true
	} else {
		s.lower = true
	}
	return true
}

// acceptTriggered accepts a name found after a trigger word; bare says it
// was neither listed nor quoted.
func (d *doc) acceptTriggered(start, end int, keys []string, fromList, bare bool) bool {
	_, known := d.confirmed[strings.Join(keys, " ")]
	if !d.accept(start, end, keys, SourceRule, fromList) {
		return false
	}
	d.found[len(d.found)-1].triggered = true
	s := d.confirmed[strings.Join(keys, " ")]
	s.bare = bare && (s.bare || !known)
	return true
}

// matchList returns the longest listed name starting at word i, and the
// index after its last word; ok is false when none matches.
func (d *doc) matchList(i int) (n *name, j int, ok bool) {
	key := d.words[i].key
	for _, id := range d.list.byFirst[key] {
		c := &d.list.names[id]
		if end, hit := d.matchWords(i, c.words); hit {
			return c, end, true
		}
	}
	// A one-word name in the plural: « les militaires Sentinelles ».
	if k := len(key) - 1; k > 0 && (key[k] == 's' || key[k] == 'x') {
		for _, id := range d.list.byFirst[key[:k]] {
			if c := &d.list.names[id]; len(c.words) == 1 {
				return c, i + 1, true
			}
		}
	}
	return nil, 0, false
}

// matchWords reports whether the folded words of a name start at word i
// (the last one may take a plural -s or -x), and returns the index after.
func (d *doc) matchWords(i int, keys []string) (int, bool) {
	if i+len(keys) > len(d.words) {
		return 0, false
	}
	for k, key := range keys {
		w := d.words[i+k].key
		if k > 0 && !d.joined(i+k-1) {
			return 0, false
		}
		if w != key && !(k == len(keys)-1 && len(w) == len(key)+1 && strings.HasPrefix(w, key) && (w[len(key)] == 's' || w[len(key)] == 'x')) {
			return 0, false
		}
	}
	return i + len(keys), true
}

// findTriggered applies the trigger rules to every trigger word.
func (d *doc) findTriggered() {
	for i := 0; i < len(d.words); i++ {
		t, ok := triggers[d.words[i].key]
		ok = ok && accentsMatch(d.words[i])
		last := i
		if !ok {
			if d.words[i].key == "coup" && i+2 < len(d.words) && d.words[i+1].key == "de" && d.words[i+2].key == "filet" && d.spaced(i) && d.spaced(i+1) {
				t, last = anyName, i+2
			} else {
				continue
			}
		}
		if d.notATrigger(i) {
			continue
		}
		d.afterTrigger(i, last, t)
	}
}

// accentsMatch reports whether a trigger word is written with the accents
// of the trigger: « forcé » folds to « force » but is no trigger.
func accentsMatch(w word) bool {
	lower := strings.ToLower(w.text)
	if lower == w.key {
		return true
	}
	switch lower {
	case "opération", "opérations", "véhicule", "véhicules":
		return true
	}
	return false
}

// notATrigger reports uses of a trigger word that name no operation:
// « arrière-plan », « au premier plan », « en force ».
func (d *doc) notATrigger(i int) bool {
	if i == 0 {
		return false
	}
	p := d.words[i-1]
	return strings.HasSuffix(d.text[:d.words[i].start], "-") ||
		(d.words[i].key == "plan" && (p.key == "premier" || p.key == "second" || p.key == "gros" || p.key == "business")) ||
		(p.key == "en" && d.words[i].key == "force" && d.spaced(i-1))
}

// afterTrigger looks for names after the trigger words [first, last].
func (d *doc) afterTrigger(first, last int, t trigger) {
	tw := d.words[first].text
	// A capitalised trigger inside a sentence is part of another name
	// (« les Forces françaises de l'Intérieur »), and an all-caps one a
	// rubric: only quoted or listed names follow them.
	strict := tokenize.AllUpper(tw) || (tokenize.Capitalised(tw) && !d.sentenceStart(d.words[first].start))
	plural := strings.HasSuffix(d.words[first].key, "s") || d.words[first].key == "opex"
	i := last + 1
	adjectives := 0
modifiers:
	for n := 0; n < 2 && i < len(d.words) && d.spaced(i-1); n++ {
		w := d.words[i]
		switch {
		case w.key == "nom" && i+2 < len(d.words) && d.words[i+1].key == "de" && d.words[i+2].key == "code":
			i += 3
		case namingWords[w.key] || isModifier(w.text):
			i++
			adjectives++
		default:
			break modifiers
		}
	}
	// « l'opération de police « Coup de balai » »: a « de » complement, then
	// only a quoted name.
	if i+1 < len(d.words) && (d.words[i].key == "de" || d.words[i].key == "d") && d.spaced(i-1) &&
		d.joined(i) && !tokenize.Capitalised(d.words[i+1].text) && !functionWords[d.words[i+1].key] &&
		!hasAnySuffix(d.words[i+1].key, "er", "ir", "re") {
		if rest := strings.TrimLeft(d.text[d.words[i+1].end:], " \u00a0\u202f"); rest != "" {
			if r, _ := utf8.DecodeRuneInString(rest); closers[r] != "" {
				i += 2
			}
		}
	}
	if t == adjName {
		t = quotedName
		if adjectives > 0 {
			t = anyName
		}
	}
	pos := d.words[i-1].end
	// « la force (européenne) Takuba »: one parenthesised adjective.
	if rest := strings.TrimLeft(d.text[pos:], " \u00a0\u202f"); strings.HasPrefix(rest, "(") && i+1 < len(d.words) {
		if c := strings.IndexByte(rest, ')'); c > 0 && d.words[i].end == pos+len(d.text[pos:])-len(rest)+c && isModifier(d.words[i].text) {
			pos, i = d.words[i].end+1, i+1
		}
	}
	for k := 0; k < 5; k++ {
		end, next, ok := d.nameAt(pos, i, t, strict)
		if !ok || !plural {
			return
		}
		// Coordinated names: « les opérations Serval (2013) et Barkhane ».
		pos, i, ok = d.coordinated(end, next)
		if !ok {
			return
		}
	}
}

// isModifier reports whether a lower-case word may be an adjective between
// a trigger and a name.
func isModifier(s string) bool {
	if tokenize.Capitalised(s) {
		return false
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(s, e) && len(s) > len(e)+2 {
			return true
		}
	}
	return false
}

// sentenceStart reports whether byte pos starts a sentence or a line,
// looking back over spaces and an elided article (« L'opération »).
func (d *doc) sentenceStart(pos int) bool {
	before := strings.TrimRight(d.text[:pos], " \u00a0\u202f\t")
	for _, el := range []string{"L'", "L’", "D'", "D’", "l'", "l’", "d'", "d’"} {
		if b, ok := strings.CutSuffix(before, el); ok {
			before = strings.TrimRight(b, " \u00a0\u202f\t")
			break
		}
	}
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("\n.!?:;«\"“-–—", r)
}

// opens reports whether the quotation mark at text[at:after] opens a quote:
// a straight " glued to the word before it or followed by a space closes
// one (« "opération de déstabilisation" visant à "semer" »).
func (d *doc) opens(at, after int) bool {
	if d.text[at] != '"' {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(d.text[:at])
	next, _ := utf8.DecodeRuneInString(d.text[after:])
	return (at == 0 || unicode.IsSpace(before) || before == '(') && after < len(d.text) && !unicode.IsSpace(next)
}

// hasAnySuffix reports whether s ends with one of the suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// closers maps an opening quotation mark to the marks that close it.
var closers = map[rune]string{'«': "»", '“': "”\"", '"': "\"”“", '‘': "’", '‹': "›", '„': "“”"}

// nameAt reads one name at byte pos, where word i is the next word. It
// returns the end of the name (after a closing quote), the next word index
// and whether a name was accepted.
func (d *doc) nameAt(pos, i int, t trigger, strict bool) (end, next int, ok bool) {
	rest := strings.TrimLeft(d.text[pos:], " \u00a0\u202f\t")
	if t == listedName {
		rest = strings.TrimPrefix(rest, "-") // « ex-Épervier »
	}
	if r, size := utf8.DecodeRuneInString(rest); closers[r] != "" {
		q := len(d.text) - len(rest) + size
		if !d.opens(q-size, q) {
			return 0, 0, false
		}
		return d.quotedName(q, closers[r], t)
	}
	if i >= len(d.words) || d.words[i].start != len(d.text)-len(rest) {
		return 0, 0, false
	}
	if n, j, hit := d.matchList(i); hit && !d.list.neverName(n.words) {
		j = d.numberSuffix(j)
		e := d.words[j-1].end
		return e, j, d.acceptTriggered(d.words[i].start, e, d.keys(i, j), true, false)
	}
	if t != anyName || strict || !tokenize.Capitalised(d.words[i].text) {
		return 0, 0, false
	}
	if d.neverAt(i) {
		return 0, 0, false
	}
	j := d.capitalisedRun(i)
	keys := d.keys(i, j)
	start, e := d.words[i].start, d.words[j-1].end
	if letters(d.words[i].text) < 2 || functionWords[keys[0]] || d.list.neverName(keys) ||
		d.placeOrPerson(start, e, keys) {
		return 0, 0, false
	}
	return e, j, d.acceptTriggered(start, e, keys, false, true)
}

// neverAt reports whether a "!" phrase of the list starts at word i
// (« l'opération Pièces jaunes »).
func (d *doc) neverAt(i int) bool {
	for _, n := range d.list.never[d.words[i].key] {
		if _, ok := d.matchWords(i, n); ok {
			return true
		}
	}
	return false
}

// capitalisedRun returns the index after the capitalised name starting at
// word i: capitalised words, numbers and inner « de/du/des/d' » before a
// capitalised word (« Tempête du Désert »), at most six words.
func (d *doc) capitalisedRun(i int) int {
	j := i + 1
	for j < len(d.words) && j-i < 6 && d.joined(j-1) {
		w := d.words[j]
		switch {
		case tokenize.Capitalised(w.text) && !functionWords[w.key] && !isTrigger(w.key):
			j++
		case d.numberSuffix(j) > j:
			j++
		case (w.key == "de" || w.key == "du" || w.key == "des" || w.key == "d") &&
			j+1 < len(d.words) && d.joined(j) && tokenize.Capitalised(d.words[j+1].text) && !functionWords[d.words[j+1].key]:
			j += 2
		default:
			return j
		}
	}
	return j
}

// numberSuffix returns j+1 when word j is a number of up to three digits
// right after a name (« Wuambushu 2 »), else j.
func (d *doc) numberSuffix(j int) int {
	if j > 0 && j < len(d.words) && len(d.words[j].text) <= 3 &&
		strings.Trim(d.words[j].text, "0123456789") == "" && d.spaced(j-1) {
		return j + 1
	}
	return j
}

func isTrigger(key string) bool { _, ok := triggers[key]; return ok }

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// quotedName reads a quoted name whose text starts at byte q.
func (d *doc) quotedName(q int, closer string, t trigger) (end, next int, ok bool) {
	limit := min(len(d.text), q+160)
	c := strings.IndexAny(d.text[q:limit], closer+"\n")
	if c < 0 || d.text[q+c] == '\n' {
		return 0, 0, false
	}
	inner := d.text[q : q+c]
	_, closeSize := utf8.DecodeRuneInString(d.text[q+c:])
	start := q + len(inner) - len(strings.TrimLeft(inner, " \u00a0\u202f"))
	stop := q + len(strings.TrimRight(inner, " \u00a0\u202f"))
	if start >= stop || strings.ContainsAny(d.text[start:stop], ",;:.!?()«»/") {
		return 0, 0, false
	}
	i := sort.Search(len(d.words), func(k int) bool { return d.words[k].start >= start })
	j := i
	for j < len(d.words) && d.words[j].end <= stop {
		j++
	}
	if j == i || j-i > maxNameWords || d.words[i].start != start || d.words[j-1].end != stop {
		return 0, 0, false
	}
	keys := d.keys(i, j)
	if d.list.neverName(keys) {
		return 0, 0, false
	}
	n, lj, listed := d.matchList(i)
	listed = listed && lj == j && !d.list.neverName(n.words)
	// A lower-case quote is a name only when listed or of several words
	// that do not start with a function word: « place nette » is a name,
	// « urgente » and « contre les groupes armés » are not.
	upper := tokenize.Capitalised(d.words[i].text)
	if !listed && (t == listedName || (t == quotedName && !upper) || (!upper && !lowerName(keys))) {
		return 0, 0, false
	}
	return q + c + closeSize, j, d.acceptTriggered(start, stop, keys, listed, false)
}

// lowerName reports whether the folded words of a lower-case quote can be
// a name (« place nette », « sources de paix ») rather than a quoted phrase:
// at least two words, no coordination, no verb, not starting with a
// function word or an adverb, not an infinitive with its object
// (« éveiller les consciences »).
func lowerName(keys []string) bool {
	if len(keys) < 2 || functionWords[keys[0]] || quoteAdverbs[keys[0]] {
		return false
	}
	for _, k := range keys {
		if k == "et" || k == "ou" || k == "ni" || quoteVerbs[k] {
			return false
		}
	}
	return !(hasAnySuffix(keys[0], "er", "ir") && functionWords[keys[1]])
}

// quoteAdverbs and quoteVerbs mark quoted phrases that are speech, not
// names (« très verrouillé », « n'avait rien d'évident », « doit être prévue »).
var quoteAdverbs, quoteVerbs = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range strings.Fields(`tres non ne n pas plus moins trop si bien assez tout toute tous
	toutes deja encore vraiment totalement particulierement extremement peu jamais rien`) {
		quoteAdverbs[w] = true
	}
	for _, w := range strings.Fields(`est sont etait etaient sera seront serait seraient a ont avait
	avaient aura auront doit doivent devait peut peuvent pouvait fait font etre avoir va vont`) {
		quoteVerbs[w] = true
	}
}

// coordinated finds the next name of a coordination after byte pos:
// « X (2013) et Y », « X, Y ou Z ». It returns where the name starts and
// the index of its first word.
func (d *doc) coordinated(pos, next int) (int, int, bool) {
	rest := strings.TrimLeft(d.text[pos:], " \u00a0\u202f\t")
	if strings.HasPrefix(rest, "(") {
		c := strings.IndexAny(rest[:min(len(rest), 40)], ")\n")
		if c < 0 || rest[c] != ')' {
			return 0, 0, false
		}
		rest = strings.TrimLeft(rest[c+1:], " \u00a0\u202f\t")
	}
	p := len(d.text) - len(rest)
	for next < len(d.words) && d.words[next].start < p {
		next++
	}
	switch {
	case strings.HasPrefix(rest, ","):
		p++
	case next < len(d.words) && d.words[next].start == p && (d.words[next].key == "et" || d.words[next].key == "ou"):
		p = d.words[next].end
		next++
	default:
		return 0, 0, false
	}
	return p, next, true
}

// placeOrPerson reports whether the document shows the capitalised name at
// [start, end) to be a place or a person rather than an operation: a model
// LOC or PER mention of it, or, for a one-word name, another mention after
// « à/en/au/aux », after « ville de », « massacre de »…, after an honorific
// (M., Mme) or after a capitalised first name.
func (d *doc) placeOrPerson(start, end int, keys []string) bool {
	key := strings.Join(keys, " ")
	for _, m := range d.model {
		if (m.Label == "LOC" || m.Label == "PER") && (m.Start <= start && end <= m.End || foldPhrase(m.Text) == key) {
			return true
		}
	}
	if len(keys) != 1 {
		return false
	}
	for j, w := range d.words {
		if w.key != key || w.start == start || j == 0 || !tokenize.Capitalised(w.text) {
			continue
		}
		p := d.words[j-1]
		gap := d.text[p.end:w.start]
		if strings.Trim(gap, " \u00a0\u202f.'’") != "" {
			continue
		}
		honorific := strings.TrimSuffix(p.text, ".")
		switch {
		case honorific == "M" || honorific == "Mme" || honorific == "Mlle" || honorific == "MM":
			return true
		case strings.Contains(gap, "."):
		case (p.text == "à" || p.text == "À" || p.text == "A") && (j < 2 || !governsA(d.words[j-2].key)):
			return true
		case personTitles[p.key]:
			return true
		case p.key == "en" || p.key == "au" || p.key == "aux":
			return true
		case (p.key == "de" || p.key == "du" || p.key == "d") && j >= 2 && placeNouns[d.words[j-2].key]:
			return true
		case tokenize.Capitalised(p.text) && !tokenize.AllUpper(p.text) && !functionWords[p.key] && !isTrigger(p.key) && d.list.byFirst[p.key] == nil:
			return true
		}
	}
	return false
}

// personTitles before a name make it a person (« le président Trump »).
var personTitles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president presidente ministre administration candidat candidate
	senateur senatrice depute deputee maire chancelier chanceliere premier roi reine general
	colonel juge procureur prefet prefete`) {
		personTitles[w] = true
	}
}

// governsA reports whether a folded word takes « à » before what it
// governs, so that « à X » after it says nothing of a place (« a succédé à
// Serval », « affecté à Sentinelle »).
func governsA(key string) bool {
	for _, p := range []string{"succed", "particip", "fin", "recour", "contribu", "associ", "affect", "rattach", "consacr", "particip", "integr"} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// foldPhrase folds the words of a phrase and joins them with spaces.
func foldPhrase(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
	for i, w := range f {
		f[i] = fold(w)
	}
	return strings.Join(f, " ")
}

// findListed marks the unambiguous listed names that need no trigger.
func (d *doc) findListed() {
	for i := 0; i < len(d.words); i++ {
		w := d.words[i]
		if n, j, ok := d.matchList(i); ok {
			if !n.ambiguous && (!n.capitalised || tokenize.Capitalised(w.text)) {
				j = d.numberSuffix(j)
				if d.accept(w.start, d.words[j-1].end, d.keys(i, j), SourceList, true) {
					i = j - 1
				}
			}
			continue
		}
		// OrangeSum glues paragraphs: « BarkhaneSon » holds « Barkhane ».
		if cut := camelCut(w.text); cut > 0 {
			for _, id := range d.list.byFirst[fold(w.text[:cut])] {
				n := &d.list.names[id]
				if len(n.words) == 1 && !n.ambiguous && (!n.capitalised || tokenize.Capitalised(w.text)) {
					d.accept(w.start, w.start+cut, n.words, SourceList, true)
					break
				}
			}
		}
	}
}

// findCoordinated marks listed names, ambiguous ones included, coordinated
// with a found operation: « (Serval, Barkhane, Sentinelle…) ».
func (d *doc) findCoordinated() {
	for k := 0; k < len(d.found); k++ {
		end := d.found[k].end
		next := sort.Search(len(d.words), func(i int) bool { return d.words[i].start >= end })
		pos, i, ok := d.coordinated(end, next)
		if !ok || i >= len(d.words) || d.words[i].start != len(d.text)-len(strings.TrimLeft(d.text[pos:], " \u00a0\u202f\t")) {
			continue
		}
		n, j, hit := d.matchList(i)
		if hit && tokenize.Capitalised(d.words[i].text) && !d.list.neverName(n.words) {
			d.accept(d.words[i].start, d.words[j-1].end, n.words, SourceList, true)
		}
	}
}

// camelCut returns the byte index of the first lower→Upper change inside s
// (« BarkhaneSon » → 8), or 0.
func camelCut(s string) int {
	prevLower := false
	for i, r := range s {
		if unicode.IsUpper(r) && prevLower {
			return i
		}
		prevLower = unicode.IsLower(r)
	}
	return 0
}

// findAcronyms marks acronyms defined in parentheses next to a found name:
// « Quartier de reconquête républicaine » (QRR), or QRR (quartier de…).
func (d *doc) findAcronyms() {
	for _, s := range d.found[:len(d.found):len(d.found)] {
		after := strings.TrimLeft(d.text[s.end:], "»”\"’ \u00a0\u202f")
		if a, ok := strings.CutPrefix(after, "("); ok {
			if c := strings.IndexByte(a, ')'); c > 0 {
				d.acronym(len(d.text)-len(a), len(d.text)-len(a)+c)
			}
		}
		before := strings.TrimRight(d.text[:s.start], "«“\"‘ \u00a0\u202f")
		if b, ok := strings.CutSuffix(before, "("); ok {
			b = strings.TrimRight(b, " \u00a0\u202f")
			i := sort.Search(len(d.words), func(k int) bool { return d.words[k].end >= len(b) })
			if i < len(d.words) && d.words[i].end == len(b) {
				d.acronym(d.words[i].start, d.words[i].end)
			}
		}
	}
}

// acronym accepts text[start:end] as an operation acronym if it is one
// upper-case word of 2 to 8 letters.
func (d *doc) acronym(start, end int) {
	i := sort.Search(len(d.words), func(k int) bool { return d.words[k].start >= start })
	if i >= len(d.words) || d.words[i].start != start || d.words[i].end != end {
		return
	}
	w := d.words[i]
	if n := utf8.RuneCountInString(w.text); n < 2 || n > 8 || !tokenize.AllUpper(w.text) {
		return
	}
	if d.accept(start, end, []string{w.key}, SourceRule, false) {
		d.confirmed[w.key].acronym = true
	}
}

// propagate marks the other mentions of the names found in the document,
// in the case forms they were found in.
func (d *doc) propagate() {
	if len(d.confirmed) == 0 {
		return
	}
	byFirst := map[string][]*seen{}
	for _, s := range d.confirmed {
		byFirst[s.words[0]] = append(byFirst[s.words[0]], s)
	}
	for _, ss := range byFirst {
		sort.Slice(ss, func(a, b int) bool {
			if len(ss[a].words) != len(ss[b].words) {
				return len(ss[a].words) > len(ss[b].words)
			}
			return strings.Join(ss[a].words, " ") < strings.Join(ss[b].words, " ")
		})
	}
	for i := 0; i < len(d.words); i++ {
		w := d.words[i]
		for _, s := range byFirst[w.key] {
			j, ok := d.matchWords(i, s.words)
			if !ok {
				continue
			}
			switch {
			case s.acronym:
				ok = tokenize.AllUpper(w.text)
			case s.bare && i > 0 && d.spaced(i-1) && determiners[d.words[i-1].key]:
				// « la force SUV » once does not make « le SUV » an operation.
				ok = false
			case tokenize.Capitalised(w.text):
				ok = s.upper
			default:
				ok = s.lower
			}
			if !ok {
				continue
			}
			source := SourceRule
			if s.fromList {
				source = SourceList
			}
			if d.accept(w.start, d.words[j-1].end, s.words, source, s.fromList) {
				i = j - 1
				break
			}
		}
	}
}

// merge combines the found spans with the model's mentions (package doc,
// « Merge precedence »).
func (d *doc) merge() []ner.Mention {
	// A name found without a trigger inside a longer model name of another
	// label is part of that name: « Jean Serval », « rue Barkhane ».
	kept := d.found[:0]
	for _, s := range d.found {
		if s.triggered || !d.insideModelName(s) {
			kept = append(kept, s)
		}
	}
	d.found = kept
	out := make([]ner.Mention, 0, len(d.found)+len(d.model))
	for _, s := range d.found {
		out = append(out, ner.Mention{Start: s.start, End: s.end, Text: d.text[s.start:s.end], Label: Label, Source: s.source, Entity: -1})
	}
	model := d.model
	sort.SliceStable(model, func(a, b int) bool {
		if model[a].Start != model[b].Start {
			return model[a].Start < model[b].Start
		}
		return model[a].End > model[b].End
	})
	lastEnd := -1
	for _, m := range model {
		if m.Start < lastEnd || d.covered(m.Start, m.End) {
			continue
		}
		if m.Label == Label && !d.modelOperationStands(m) {
			continue
		}
		out = append(out, m)
		lastEnd = m.End
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// insideModelName reports whether a model span of another label than
// OPERATION strictly contains s.
func (d *doc) insideModelName(s span) bool {
	for _, m := range d.model {
		if m.Label != Label && m.Start <= s.start && s.end <= m.End && m.End-m.Start > s.end-s.start {
			return true
		}
	}
	return false
}

// modelOperationStands decides on a model OPERATION span that no rule or
// list found (rule 2 of the merge precedence).
func (d *doc) modelOperationStands(m ner.Mention) bool {
	keys := strings.Fields(foldPhrase(m.Text))
	if len(keys) == 0 || d.list.neverName(keys) {
		return false
	}
	before := strings.TrimRight(d.text[:m.Start], " \u00a0\u202f")
	r, _ := utf8.DecodeLastRuneInString(before)
	quoted := closers[r] != ""
	if !quoted && !tokenize.Capitalised(m.Text) {
		return false
	}
	// « la cité Soubise », « la procédure Hohmann »: the word before names
	// a place or a case, not an operation.
	i := sort.Search(len(d.words), func(k int) bool { return d.words[k].start >= m.Start })
	if i > 0 && d.spaced(i-1) && (placeHeads[d.words[i-1].key] || placeNouns[d.words[i-1].key]) {
		return false
	}
	return quoted || !d.placeOrPerson(m.Start, m.End, keys)
}

// placeHeads are nouns that name a place or a case with the name right
// after them (« cité Soubise », « rue Braille », « affaire Grégory »).
var placeHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`cite cites rue avenue boulevard place impasse allee chemin route
	quai pont parc residence lycee college ecole hopital prison gare stade procedure affaire dossier
	proces`) {
		placeHeads[w] = true
	}
}
