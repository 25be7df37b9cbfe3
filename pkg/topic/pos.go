package topic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// tag is the coarse part of speech that candidate patterns need.
type tag uint8

const (
	tagOther tag = iota // verbs, adverbs, pronouns, conjunctions...
	tagNoun
	tagPropn
	tagAdj
	tagPrep // a preposition allowed inside a keyphrase: « trafic de stupéfiants »
	tagDet  // a determiner allowed after such a preposition: « forces de l’ordre »
	tagStop // a word that is never part of a keyphrase, even capitalised
	tagBreak
)

var upos = map[string]tag{"NOUN": tagNoun, "PROPN": tagPropn, "ADJ": tagAdj, "DET": tagDet}

// phrasePreps are the prepositions that may join two nouns of a keyphrase.
// Others (« par », « avec », « dans »...) mostly start adjuncts, not names.
var phrasePreps = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "à": true, "au": true, "aux": true,
	"en": true, "sous": true,
}

// stopNouns head no keyphrase: titles, units and words that only count or
// situate. They are tagged NOUN in the treebanks but say nothing of a topic.
var stopNouns = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "an": true, "ans": true,
	"fois": true, "cas": true, "part": true, "lieu": true, "fin": true, "cours": true,
	"suite": true, "début": true, "heure": true, "heures": true, "jour": true, "jours": true,
	"mois": true, "semaine": true, "semaines": true, "année": true, "années": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true,
	"samedi": true, "dimanche": true, "janvier": true, "février": true, "mars": true,
	"avril": true, "mai": true, "juin": true, "juillet": true, "août": true, "septembre": true,
	"octobre": true, "novembre": true, "décembre": true, "euros": true, "euro": true,
	"millions": true, "milliards": true, "million": true, "milliard": true, "dollars": true,
	"km": true, "kg": true, "h": true, "min": true, "exemple": true, "façon": true,
	"manière": true, "moment": true, "passage": true, "fait": true, "rôle": true, "côté": true,
	"place": true, "ailleurs": true, "plupart": true, "nombre": true, "partie": true,
	"personnes": true, "personne": true, "chose": true, "choses": true, "type": true,
	"cadre": true, "titre": true, "sein": true, "total": true, "mesure": true, "face": true,
	"nm": true, "ch": true, "cv": true, "kw": true, "kwh": true,
}

// stopAdjs never end a keyphrase: quantifiers and pointers that UD tags ADJ.
var stopAdjs = map[string]bool{
	"autre": true, "autres": true, "même": true, "mêmes": true, "tel": true, "telle": true,
	"tels": true, "telles": true, "dernier": true, "dernière": true, "derniers": true,
	"dernières": true, "prochain": true, "prochaine": true, "premier": true, "première": true,
	"certains": true, "certaines": true, "plusieurs": true, "seul": true, "seule": true,
	"possible": true, "suivant": true, "suivante": true, "ci": true, "là": true,
}

// tagger guesses coarse tags from a form lexicon, with suffix statistics of
// the same lexicon for unknown lower-case words.
type tagger struct {
	forms  map[string]tag
	suffix map[string]tag
}

// suffix lengths tried, longest first, for unknown words.
var suffixLens = [...]int{4, 3, 2}

func loadTagger(gz []byte) (*tagger, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%w: pos lexicon: %v", ErrResource, err)
	}
	t := &tagger{forms: make(map[string]tag, 12500), suffix: map[string]tag{}}
	type votes [tagBreak + 1]int
	sv := map[string]*votes{}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		form, pos, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("%w: pos lexicon line %d: no tab", ErrResource, line)
		}
		t.forms[form] = formTag(form, upos[pos])
		if pos != "NOUN" && pos != "ADJ" && pos != "VERB" && pos != "ADV" {
			continue
		}
		for _, n := range suffixLens {
			if s, ok := lastRunes(form, n); ok {
				v := sv[s]
				if v == nil {
					v = new(votes)
					sv[s] = v
				}
				v[upos[pos]]++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: pos lexicon: %v", ErrResource, err)
	}
	// A suffix decides only when it is common and one tag has a clear majority.
	for s, v := range sv {
		best, total := tagOther, 0
		for tg, n := range v {
			total += n
			if n > v[best] {
				best = tag(tg)
			}
		}
		if total >= 5 && 3*v[best] >= 2*total {
			t.suffix[s] = best
		}
	}
	// Closed classes absent from the treebanks still need their own tag.
	for w := range phrasePreps {
		t.forms[w] = tagPrep
	}
	for w := range stopNouns {
		t.forms[w] = tagStop
	}
	for w := range stopAdjs {
		t.forms[w] = tagStop
	}
	return t, nil
}

// formTag is the tag keyphrases give a lexicon form: prepositions allowed
// in phrases stay prepositions, and only definite articles stay
// determiners (« forces de l’ordre »; not « de ces ordres »).
func formTag(form string, tg tag) tag {
	switch {
	case phrasePreps[form]:
		return tagPrep
	case stopNouns[form], stopAdjs[form], strings.IndexByte(form, '.') >= 0: // « m. », « etc. »
		return tagStop
	case tg == tagDet && form != "le" && form != "la" && form != "les" && form != "l'":
		return tagOther
	}
	return tg
}

// lastRunes returns the last n runes of s, if s is longer than n runes.
func lastRunes(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i == 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], i > 0
}

// guess tags a lower-cased word absent from the lexicon.
func (t *tagger) guess(lower string, capital bool) tag {
	switch {
	case lower[0] >= '0' && lower[0] <= '9':
		return tagOther // « 5e », « 3D »: ordinals and codes name nothing alone
	case capital:
		return tagPropn
	}
	for _, n := range suffixLens {
		if s, ok := lastRunes(lower, n); ok {
			if tg, ok := t.suffix[s]; ok {
				return tg
			}
		}
	}
	return tagNoun
}

// unit is a word as keyphrases see it: one token, or several glued by a
// hyphen or an apostrophe (« Grande-Bretagne », « l’ »).
type unit struct {
	start, end int // byte span in the text
	lower      string
	stem       string
	tag        tag
	sentence   int
}

// units tags the words of a, sentence by sentence. Tokens that are not
// words become break units so no phrase spans them. Sentences and tokens
// whose bounds break the Analysis invariants are skipped, not trusted.
func (t *tagger) units(a *stem.Analysis, buf []unit) []unit {
	toks := a.Tokens
	for si, s := range a.Sentences {
		last := min(s.Last, len(toks))
		for i := max(s.First, 0); i < last; i++ {
			tk := toks[i]
			if tk.Start < 0 || tk.Start > tk.End || tk.End > len(a.Text) {
				continue
			}
			if tk.Kind != tokenize.Word {
				buf = append(buf, unit{start: tk.Start, end: tk.End, tag: tagBreak, sentence: si})
				continue
			}
			// Glue « Grande - Bretagne » and « l ’ » when nothing separates them.
			j := i
			for j+1 < last && toks[j+1].Start == toks[j].End && toks[j+1].End <= len(a.Text) {
				nx := toks[j+1].Text
				if isApostrophe(nx) && j == i && len(toks[i].Text) <= 5 {
					j++
					break
				}
				if nx == "-" && j+2 < last && toks[j+2].Start == toks[j+1].End && toks[j+2].End <= len(a.Text) && toks[j+2].Kind == tokenize.Word {
					j += 2
					continue
				}
				break
			}
			u := unit{start: tk.Start, end: toks[j].End, sentence: si}
			text := a.Text[u.start:u.end]
			u.lower = normalizeWord(text)
			if j == i && i < len(a.Stems) && a.Stems[i] != "" {
				u.stem = a.Stems[i]
			} else {
				u.stem = stem.Stem(u.lower)
			}
			u.tag = t.tagOf(u.lower, text, i == s.First)
			buf = append(buf, u)
			i = j
		}
	}
	joinParticles(a.Text, buf)
	return buf
}

// joinParticles tags as proper nouns the capitalised particles inside a
// name, so « Marine Le Pen » is one name, not « Marine » and « Pen ».
func joinParticles(text string, us []unit) {
	for i := 1; i+1 < len(us); i++ {
		u := &us[i]
		prev := &us[i-1]
		if (u.tag == tagDet || u.tag == tagPrep) && us[i+1].tag == tagPropn &&
			(prev.tag == tagPropn || prev.tag == tagNoun) &&
			prev.sentence == u.sentence && us[i+1].sentence == u.sentence &&
			tokenize.Capitalised(text[u.start:]) && tokenize.Capitalised(text[prev.start:]) {
			u.tag, prev.tag = tagPropn, tagPropn
		}
	}
}

func (t *tagger) tagOf(lower, text string, first bool) tag {
	capital := tokenize.Capitalised(text)
	if tg, known := t.forms[lower]; known {
		if capital && !first && tg == tagOther && len(lower) > 1 && !isFunctionWord(lower) {
			// A capitalised verb form mid-sentence is a name: « Marche », « Orange ».
			return tagPropn
		}
		return tg
	}
	switch {
	case strings.HasSuffix(lower, "'"):
		return tagOther // an elided word: « jusqu’ », « lorsqu’ »
	case strings.IndexByte(lower, '.') >= 0:
		return tagOther // « M. », « J.-C. »
	case strings.IndexByte(lower, '-') >= 0:
		// « porte-parole », « Grande-Bretagne », « anti-américaine »; but
		// « dit-il », « c’est-à-dire », « celui-ci » start with a verb or a
		// pronoun, or end in a pronoun or a pointer.
		first, _, _ := strings.Cut(lower, "-")
		last := lower[strings.LastIndexByte(lower, '-')+1:]
		ft, fok := t.forms[first]
		lt, lok := t.forms[last]
		switch {
		case capital:
			return tagPropn
		case fok && ft == tagOther, lok && lt == tagOther, last == "ci", last == "là":
			return tagOther
		case lok && lt == tagAdj:
			return tagAdj
		}
		return tagNoun
	}
	return t.guess(lower, capital)
}

// isFunctionWord reports closed-class words that stay so when capitalised.
func isFunctionWord(lower string) bool {
	switch lower {
	case "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "ce", "cette", "ces", "se",
		"qui", "que", "dont", "où", "et", "ou", "mais", "si", "ne", "pas", "plus", "selon", "y":
		return true
	}
	return false
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

// normalizeWord lower-cases a word and writes its apostrophes as '.
func normalizeWord(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s // lower-case ASCII, the common case, costs one scan
}
