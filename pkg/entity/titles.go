package entity

import (
	"sort"
	"strings"

	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// titleHeads are the folded nouns that start a title (« le ministre de
// l'Intérieur », « la préfète de Lot-et-Garonne »). Honorifics (M., Mme) are
// not titles.
var titleHeads = map[string]bool{}

// titleWords are the lower-case words a title may hold after its head;
// capitalised words (Intérieur, Marseille) are always allowed. Anything else
// (a verb, an adverb) ends the title.
var titleWords = map[string]bool{}

// articles end a title on its left.
var articles = map[string]bool{"le": true, "la": true, "l": true, "les": true, "du": true, "au": true, "un": true, "une": true, "ce": true, "cette": true, "son": true, "sa": true}

// titlePrefixes may stand before a head and belong to the title
// (« Premier ministre », « vice-président », « ex-ministre »).
var titlePrefixes = map[string]bool{"premier": true, "premiere": true, "vice": true, "ex": true, "ancien": true, "ancienne": true, "futur": true, "future": true, "nouveau": true, "nouvelle": true}

func init() {
	for _, w := range strings.Fields(`ministre ministres procureur procureure procureurs prefet prefete
	prefets president presidente maire maires depute deputee senateur senatrice secretaire
	directeur directrice juge juges avocat avocate avocats general generale colonel commandant
	capitaine lieutenant adjudant sergent brigadier gendarme commissaire porte chef cheffe patron
	patronne conseiller conseillere ambassadeur ambassadrice gouverneur gouverneure chancelier
	chanceliere dirigeant dirigeante fondateur fondatrice pdg rapporteur rapporteure magistrat
	magistrate garde delegue deleguee substitut roi reine prince princesse pape eveque imam
	entraineur entraineuse selectionneur selectionneuse adjoint adjointe sous`) {
		titleHeads[w] = true
	}
	for _, w := range strings.Fields(`de du des d l la le les et a au aux en pour chargé chargee
	charge delegue deleguee general generale adjoint adjointe national nationale nationaux
	public publique publics publiques regional regionale departemental departementale
	municipal municipale ministre parole sceaux etat republique interieur justice armees chef
	division cabinet police gendarmerie prefecture adjoints sante defense affaires etrangeres
	economie finances travail education culture transports numerique logement ville villes
	comptes action outre mer europe sports agriculture environnement ecologie recherche
	enseignement superieur solidarites emploi industrie commerce tourisme communication
	relations collectivites territoriales amenagement territoire premier premiere instance
	judiciaire juridique securite parquet tribunal office ordre gouvernement presse
	direction centrale centre regionaux services service renseignement interieure exterieure
	sous`) {
		titleWords[w] = true
	}
}

// titles returns the titles written next to the entity's mentions, as
// written, without their article, deduplicated (accent- and
// case-insensitively, first form kept), in order of appearance.
func (g *grouper) titles(spans []span) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range spans {
		for _, t := range []string{g.titleBefore(s), g.titleAfter(s)} {
			if k := stem.Fold(t); t != "" && !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// wordAt returns the index of the first token starting at or after pos.
func (g *grouper) wordAt(pos int) int {
	return sort.Search(len(g.toks), func(i int) bool { return g.toks[i].Start >= pos })
}

// titleToken reports whether token t may belong to a title, and whether it
// is a title head.
func titleToken(t tokenize.Token) (ok, head bool) {
	switch t.Kind {
	case tokenize.Punct, tokenize.Symbol:
		// Inner hyphens and apostrophes of « porte-parole », « d'État ».
		return strings.Trim(t.Text, "-‑'’") == "", false
	case tokenize.Number:
		return false, false
	}
	k := strings.TrimSuffix(stem.Fold(t.Text), "'")
	if titleHeads[k] {
		return true, true
	}
	return titleWords[k] || tokenize.Capitalised(t.Text) && !tokenize.AllUpper(t.Text), false
}

// titleBefore finds « le ministre de l'Intérieur Gérald Darmanin » and
// « le procureur de Marseille, Nicolas Bessone »: up to 8 title tokens
// before the name, the leftmost head starting the title.
func (g *grouper) titleBefore(s span) string {
	toks := g.toks
	end := g.wordAt(s.start) // tokens[end] is the name's first token
	i := end - 1
	if i >= 0 && toks[i].Text == "," {
		i--
	}
	last := i // last token of the title
	start := -1
	for ; i >= 0 && last-i < 8; i-- {
		ok, head := titleToken(toks[i])
		if !ok || (i+1 <= last && strings.ContainsAny(g.text[toks[i].End:toks[i+1].Start], "\n")) {
			break
		}
		// « la Direction générale de la gendarmerie »: a head inside a
		// capitalised name is no title.
		if head && i > 0 && tokenize.Capitalised(toks[i-1].Text) && !tokenize.AllUpper(toks[i-1].Text) &&
			!articles[strings.ToLower(strings.TrimRight(toks[i-1].Text, "'’"))] && !titlePrefixes[stem.Fold(toks[i-1].Text)] {
			head = false
		}
		if head {
			start = i
			// « le ministre … » : the article closes the title.
			if i > 0 && articles[strings.TrimSuffix(stem.Fold(toks[i-1].Text), "'")] {
				break
			}
		}
	}
	if start < 0 {
		return ""
	}
	if start > 0 && titlePrefixes[strings.TrimSuffix(stem.Fold(toks[start-1].Text), "'")] {
		start--
	} else if start > 1 && toks[start-1].Text == "-" && titlePrefixes[stem.Fold(toks[start-2].Text)] {
		start -= 2
	}
	return g.trimTitle(toks[start].Start, toks[last].End)
}

// titleAfter finds the apposition « Gérald Darmanin, ministre de
// l'Intérieur, a… » and « Nicolas Bessone, le procureur de Marseille ».
func (g *grouper) titleAfter(s span) string {
	toks := g.toks
	i := g.wordAt(s.end)
	if i >= len(toks) || toks[i].Text != "," {
		return ""
	}
	i++
	if i < len(toks) {
		switch strings.TrimSuffix(stem.Fold(toks[i].Text), "'") {
		case "le", "la", "l":
			i++
		}
	}
	first := i
	if i < len(toks) && titlePrefixes[strings.TrimSuffix(stem.Fold(toks[i].Text), "'")] {
		i++
	}
	if i >= len(toks) {
		return ""
	}
	if _, head := titleToken(toks[i]); !head {
		return ""
	}
	last := i
	for i++; i < len(toks) && i-first < 8; i++ {
		ok, _ := titleToken(toks[i])
		if !ok || strings.ContainsAny(g.text[toks[i-1].End:toks[i].Start], "\n") {
			break
		}
		last = i
	}
	return g.trimTitle(toks[first].Start, toks[last].End)
}

// trimTitle returns the title text without trailing function words and
// punctuation (« ministre de » is cut to « ministre »).
func (g *grouper) trimTitle(start, end int) string {
	t := strings.TrimSpace(g.text[start:end])
	for {
		i := strings.LastIndexAny(t, " '’-")
		if i < 0 {
			return t
		}
		switch stem.Fold(strings.TrimSpace(t[i+1:])) {
		case "", "de", "du", "des", "d", "l", "la", "le", "les", "et", "a", "au", "aux", "en":
			t = strings.TrimRight(t[:i], " '’-")
			if strings.HasSuffix(stem.Fold(t), " d") || strings.HasSuffix(stem.Fold(t), " l") {
				continue
			}
		default:
			return t
		}
	}
}
