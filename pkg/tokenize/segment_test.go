package tokenize

import (
	"os"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
)

// sentences returns the text of each sentence of text.
func sentences(t testing.TB, text string) []string {
	t.Helper()
	toks := Tokenize(text)
	sents := Segment(text, toks)
	checkSentences(t, text, toks, sents)
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = text[s.Start:s.End]
	}
	return out
}

// checkSentences asserts that sents cover toks in order, once each.
func checkSentences(t testing.TB, text string, toks []Token, sents []Sentence) {
	t.Helper()
	next := 0
	for i, s := range sents {
		if s.First != next || s.First >= s.Last || s.Last > len(toks) {
			t.Fatalf("sentence %d covers tokens [%d,%d), want to start at %d of %d", i, s.First, s.Last, next, len(toks))
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %d spans [%d,%d), its tokens [%d,%d)", i, s.Start, s.End, toks[s.First].Start, toks[s.Last-1].End)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens in %q", next, len(toks), text)
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two sentences", "Il pleut. Elle sort.", []string{"Il pleut.", "Elle sort."}},
		{"abbreviation", "M. Dupont est venu. Mme Durand aussi.", []string{"M. Dupont est venu.", "Mme Durand aussi."}},
		{"abbreviation with period", "Le Dr. Martin et St. Louis. Fin.", []string{"Le Dr. Martin et St. Louis.", "Fin."}},
		{"initial ends", "Prenez de la vitamine C. Elle aide. Le plan B. Il marche.", []string{"Prenez de la vitamine C.", "Elle aide.", "Le plan B.", "Il marche."}},
		{"initials", "J. Dupont et J.-M. Le Pen sont là.", []string{"J. Dupont et J.-M. Le Pen sont là."}},
		{"initials before particles", "Il a vu M. Le Maire, J. Le Pen et C. De Gaulle.", []string{"Il a vu M. Le Maire, J. Le Pen et C. De Gaulle."}},
		{"av. J.-C.", "César meurt en 44 av. J.-C. Rome change.", []string{"César meurt en 44 av. J.-C.", "Rome change."}},
		{"etc.", "Des chats, des chiens, etc. Le reste suit.", []string{"Des chats, des chiens, etc.", "Le reste suit."}},
		{"question in guillemets", "« Pourquoi ? » s’interroge-t-il. Personne ne sait.",
			[]string{"« Pourquoi ? » s’interroge-t-il.", "Personne ne sait."}},
		{"close after guillemet", "Il dit : « C’est fini. » Puis il part.", []string{"Il dit : « C’est fini. »", "Puis il part."}},
		{"straight quotes", `Il a dit "non." Elle a ri.`, []string{`Il a dit "non."`, "Elle a ri."}},
		{"straight quote opens next", `Il veut "tout"."Malgré tout", dit-il.`, []string{`Il veut "tout".`, `"Malgré tout", dit-il.`}},
		{"ellipsis", "Il hésite… Puis il part... et revient.", []string{"Il hésite…", "Puis il part... et revient."}},
		{"cut in quotation", `"Nous verrons (...) La suite est ouverte", dit-il.`, []string{`"Nous verrons (...) La suite est ouverte", dit-il.`}},
		{"exclamation", "Quelle affaire ! Le maire est parti ?! Oui.", []string{"Quelle affaire !", "Le maire est parti ?!", "Oui."}},
		{"lowercase after period", "Il pleut. et alors", []string{"Il pleut. et alors"}},
		{"headline", "Darmanin impose de nouvelles mesures\n\nEn pleine lutte, il agit.", []string{"Darmanin impose de nouvelles mesures", "En pleine lutte, il agit."}},
		{"headline single newline", "Le rôle des cyberpatrouilles\nDu fait de cette demande, rien.", []string{"Le rôle des cyberpatrouilles", "Du fait de cette demande, rien."}},
		{"hard wrap lower", "une phrase coupée\nen deux lignes.", []string{"une phrase coupée\nen deux lignes."}},
		{"hard wrap comma", "une phrase coupée,\nPierre la lit.", []string{"une phrase coupée,\nPierre la lit."}},
		{"crlf paragraphs", "Titre\r\n\r\nsuite\r\nFin", []string{"Titre", "suite", "Fin"}},
		{"paragraph separator", "Titre\u2029suite", []string{"Titre", "suite"}},
		{"blank line always", "sans point\n\nsuite en minuscule", []string{"sans point", "suite en minuscule"}},
		{"period glue", "violence domestique.Consternant, ce chiffre.", []string{"violence domestique.", "Consternant, ce chiffre."}},
		{"bracket glue", "Évian (74)Plage d’Arnage (72)", []string{"Évian (74)", "Plage d’Arnage (72)"}},
		{"closing quote at the end", `Il a dit : +Pedro, donne-nous des papiers!"`, []string{`Il a dit : +Pedro, donne-nous des papiers!"`}},
		{"closing quote before a paragraph", "\"Oui\" et \"non.\"\n\nLa suite.", []string{`"Oui" et "non."`, "La suite."}},
		{"case glue", "le trafic de stupéfiantsLe ministre parle.", []string{"le trafic de stupéfiants", "Le ministre parle."}},
		{"case glue name", "selon Jean CastexDans la soirée, rien.", []string{"selon Jean Castex", "Dans la soirée, rien."}},
		{"number glue", "depuis 2019Le texte change.", []string{"depuis 2019", "Le texte change."}},
		{"numbers do not split", "Il gagne 600.000 euros, soit 1.5 fois plus.", []string{"Il gagne 600.000 euros, soit 1.5 fois plus."}},
		{"url does not split", "Voir www.lemonde.fr et https://x.fr/a.b pour plus.", []string{"Voir www.lemonde.fr et https://x.fr/a.b pour plus."}},
		{"photo credit", "Il agit.\nNICOLAS TUCAT / AFP En pleine lutte, il agit.", []string{"Il agit.", "NICOLAS TUCAT / AFP", "En pleine lutte, il agit."}},
		{"no final punctuation", "un texte sans fin", []string{"un texte sans fin"}},
		{"only punctuation", "...", []string{"..."}},
		{"empty", "", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(t, tt.in)
			if strings.Join(got, "\n⏎ ") != strings.Join(tt.want, "\n⏎ ") {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestReferenceArticle checks the reference article of the project.
func TestReferenceArticle(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "examples", "cyberpatrouilles.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	toks := Tokenize(text)
	checkOffsets(t, text, toks)
	got := map[string]bool{}
	for _, tok := range toks {
		got[tok.Text] = true
	}
	for _, w := range []string{"l’", "influence", "ordre", "d’", "achat", "Place", "XXL", "21", "s’", "ubérise", "deux-roues", "HuffPost"} {
		if !got[w] {
			t.Errorf("token %q missing", w)
		}
	}
	for _, w := range []string{"l’influence", "d’achat", "l’ordre"} {
		if got[w] {
			t.Errorf("token %q should be split at the elision", w)
		}
	}

	sents := sentences(t, text)
	starts := map[string]bool{}
	for _, s := range sents {
		starts[strings.ReplaceAll(s, "\u00a0", " ")] = true // the file has no-break spaces inside « »
	}
	for _, s := range []string{
		// Headlines without final punctuation are sentences of their own.
		"Cyberpatrouilles : Darmanin impose de nouvelles mesures pour éradiquer la livraison de drogue à domicile",
		"Opération « Place nette XXL » à Marseille : Gérald Darmanin livre un nouveau bilan",
		"Le rôle des cyberpatrouilles",
		// The photo credit ends before the caption text it precedes.
		"NICOLAS TUCAT / AFP",
		"TRAFIC DE DROGUE - Nouveau tour de vis contre le trafic de stupéfiants.",
		"« La ’voiture numérique et cyber’ de l’État doit rouler plus rapidement que celle des trafiquants », conclut d’ailleurs le ministre dans son message.",
		"Six surveillants de la prison de Réau mis en examen pour trafic dans l’établissement",
	} {
		if !starts[s] {
			t.Errorf("sentence missing: %q", s)
		}
	}
	if len(sents) < 18 || len(sents) > 26 {
		t.Errorf("%d sentences, want about 22:\n%s", len(sents), strings.Join(sents, "\n"))
	}
}
