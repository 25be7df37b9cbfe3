package entity

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/operation"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// mark returns a mention for every occurrence of each "text/LABEL" in text,
// longer names first, without overlaps, sorted by position — a hand-made
// stand-in for the NER model.
func mark(text string, names ...string) []ner.Mention {
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	var out []ner.Mention
	taken := make([]bool, len(text))
	for _, n := range names {
		sub, label, _ := strings.Cut(n, "/")
		for i := 0; ; {
			j := strings.Index(text[i:], sub)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(sub)
			i = e
			free := true
			for k := s; k < e; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			out = append(out, ner.Mention{Start: s, End: e, Text: sub, Label: label, Source: "model", Entity: -1})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// summary prints entities as "Name/LABEL×count [titles]".
func summary(ents []Entity) []string {
	var out []string
	for _, e := range ents {
		s := fmt.Sprintf("%s/%s×%d", e.Name, e.Label, e.Count)
		if len(e.Titles) > 0 {
			s += " " + fmt.Sprint(e.Titles)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestGroup(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []string
		want  []string
	}{
		{"case, honorific and surname",
			"GÉRALD DARMANIN SE DÉFEND\n\nGérald Darmanin a parlé. M. Darmanin insiste. Darmanin part. NICOLAS TUCAT / AFP",
			[]string{"GÉRALD DARMANIN/PER", "Gérald Darmanin/PER", "M. Darmanin/PER", "Darmanin/PER", "NICOLAS TUCAT/PER", "AFP/ORG"},
			[]string{"AFP/ORG×1", "Gérald Darmanin/PER×4", "NICOLAS TUCAT/PER×1"}},
		{"accents",
			"Éric Dupond-Moretti arrive. Eric Dupond-Moretti repart.",
			[]string{"Éric Dupond-Moretti/PER", "Eric Dupond-Moretti/PER"},
			[]string{"Éric Dupond-Moretti/PER×2"}},
		{"ambiguous surname stays apart",
			"Marine Le Pen et Jean-Marie Le Pen. Le Pen a répondu.",
			[]string{"Marine Le Pen/PER", "Jean-Marie Le Pen/PER", "Le Pen/PER"},
			[]string{"Jean-Marie Le Pen/PER×1", "Le Pen/PER×1", "Marine Le Pen/PER×1"}},
		{"labels stay apart",
			"Paris a battu Lyon. Paris est une ville.",
			[]string{"Paris a/ORG", "Paris/LOC", "Lyon/ORG"},
			[]string{"Lyon/ORG×1", "Paris a/ORG×1", "Paris/LOC×1"}},
		{"operations: case groups, XXL stays apart",
			"Opération « Place nette XXL ». Les opérations « place nette » et « Place nette » continuent.",
			[]string{"Place nette XXL/OPERATION", "place nette/OPERATION", "Place nette/OPERATION"},
			[]string{"Place nette XXL/OPERATION×1", "Place nette/OPERATION×2"}},
		{"acronym",
			"Le « Quartier de reconquête républicaine » (QRR) est étendu. Les QRR comptent plus de policiers.",
			[]string{"Quartier de reconquête républicaine/OPERATION", "QRR/OPERATION"},
			[]string{"Quartier de reconquête républicaine/OPERATION×3"}},
		{"parentheses that do not abbreviate",
			"Il est né à Lille (Nord).",
			[]string{"Lille/LOC", "Nord/LOC"},
			[]string{"Lille/LOC×1", "Nord/LOC×1"}},
		{"titles: the head, honorifics and names of institutions",
			"La préfète Béatrice Lagarde a parlé. M. Paul Roux se tait. Selon la Direction générale de la gendarmerie nationale, Mélanie Lemée était gendarme.",
			[]string{"Béatrice Lagarde/PER", "Paul Roux/PER", "Mélanie Lemée/PER", "Direction générale de la gendarmerie nationale/ORG"},
			[]string{"Béatrice Lagarde/PER×1 [préfète]", "Direction générale de la gendarmerie nationale/ORG×1", "Mélanie Lemée/PER×1", "Paul Roux/PER×1"}},
		{"titles",
			"Le ministre de l’Intérieur Gérald Darmanin a parlé. Le procureur de Marseille, Nicolas Bessone, a confirmé. " +
				"Sophie Martin, préfète de Lot-et-Garonne, était là. Le Premier ministre Jean Castex a salué M. Bessone. " +
				"Selon Gérald Darmanin, rien ne change.",
			[]string{"Gérald Darmanin/PER", "Nicolas Bessone/PER", "Bessone/PER", "Sophie Martin/PER", "Jean Castex/PER", "Marseille/LOC", "Lot-et-Garonne/LOC"},
			[]string{"Gérald Darmanin/PER×2 [ministre de l’Intérieur]", "Jean Castex/PER×1 [Premier ministre]", "Lot-et-Garonne/LOC×1",
				"Marseille/LOC×1", "Nicolas Bessone/PER×2 [procureur de Marseille]", "Sophie Martin/PER×1 [préfète de Lot-et-Garonne]"}},
	}
	for _, tt := range tests {
		a := stem.Analyze(tt.text)
		ms := mark(tt.text, tt.marks...)
		ents := Group(a, ms)
		if got := summary(ents); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
		for i, m := range ms {
			if m.Entity < 0 || m.Entity >= len(ents) || !contains(ents[m.Entity].Mentions, i) {
				t.Errorf("%s: mention %d %q has entity %d", tt.name, i, m.Text, m.Entity)
			}
		}
	}
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestSalienceOrder(t *testing.T) {
	text := "Darmanin visite Lille\n\nGérald Darmanin est à Lille avec Jean Castex. Il rencontre des élus.\n\n" +
		"Plus tard, Darmanin parle. La maire Martine Aubry répond. Darmanin conclut à Roubaix."
	ms := mark(text, "Darmanin/PER", "Gérald Darmanin/PER", "Lille/LOC", "Jean Castex/PER", "Martine Aubry/PER", "Roubaix/LOC")
	ents := Group(stem.Analyze(text), ms)
	var names []string
	for i, e := range ents {
		names = append(names, e.Name)
		if e.Salience < 0 || e.Salience > 1 {
			t.Errorf("%s: salience %v out of [0, 1]", e.Name, e.Salience)
		}
		if i > 0 && e.Salience > ents[i-1].Salience {
			t.Errorf("not sorted at %d: %v", i, ents)
		}
	}
	want := []string{"Gérald Darmanin", "Lille", "Jean Castex", "Martine Aubry", "Roubaix"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("got %q, want %q", names, want)
	}
}

func TestGroupBadInput(t *testing.T) {
	if got := Group(nil, []ner.Mention{{Start: 0, End: 1, Label: "PER"}}); got != nil {
		t.Errorf("nil analysis: %v", got)
	}
	if got := Group(stem.Analyze("x"), nil); got != nil {
		t.Errorf("no mentions: %v", got)
	}
	text := "Élodie Martin et Paris."
	a := stem.Analyze(text)
	name, paris := strings.Index(text, "Élodie Martin"), strings.Index(text, "Paris")
	ms := []ner.Mention{
		{Start: -3, End: 2, Label: "PER"},
		{Start: name, End: name + len("Élodie Martin"), Label: "PER"},
		{Start: name + 8, End: name + 14, Label: "PER"}, // overlaps: ignored
		{Start: 1, End: 3, Label: "PER"},                // inside É: ignored
		{Start: paris, End: 99, Label: "LOC"},           // out of range
		{Start: paris, End: paris + 5, Label: ""},       // no label
		{Start: paris, End: paris + 5, Label: "LOC"},
		{Start: paris, End: paris, Label: "LOC"}, // empty
	}
	ents := Group(a, ms)
	if got := summary(ents); !reflect.DeepEqual(got, []string{"Paris/LOC×1", "Élodie Martin/PER×1"}) {
		t.Errorf("got %q", got)
	}
	for i, want := range []bool{false, true, false, false, false, false, true, false} {
		if (ms[i].Entity >= 0) != want {
			t.Errorf("mention %d: Entity = %d", i, ms[i].Entity)
		}
	}
}

func TestGroupDeterministic(t *testing.T) {
	text := "A B. Alain Terrier, Bruno Terrier et Claire Terrier. Terrier."
	marks := []string{"Alain Terrier/PER", "Bruno Terrier/PER", "Claire Terrier/PER", "Terrier/PER"}
	first := fmt.Sprint(Group(stem.Analyze(text), mark(text, marks...)))
	for range 20 {
		if got := fmt.Sprint(Group(stem.Analyze(text), mark(text, marks...))); got != first {
			t.Fatalf("got %s, then %s", first, got)
		}
	}
}

// referenceMarks stands in for the NER model on the reference article
// (the decisions of shared/corpus/news-fr-gold/SOURCE.md, by hand).
var referenceMarks = []string{
	"Darmanin/PER", "Gérald Darmanin/PER", "NICOLAS TUCAT/PER", "AFP/ORG", "France/LOC", "Marseille/LOC",
	"Snapchat/ORG", "Ubershit/ORG", "place Beauvau/LOC", "Le HuffPost/ORG", "Felix Bingui/PER",
	"clan Yoda/ORG", "Maroc/LOC", "prison de Réau/LOC",
}

func TestReferenceArticle(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "examples", "cyberpatrouilles.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSuffix(string(b), "\n")
	f, err := operation.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := stem.Analyze(text)
	ms := f.Find(a, mark(text, referenceMarks...))
	ents := Group(a, ms)
	got := map[string]Entity{}
	for _, e := range ents {
		got[e.Name+"/"+e.Label] = e
	}
	for _, want := range []string{"Place nette XXL/OPERATION", "place nette/OPERATION", "NICOLAS TUCAT/PER"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %s in %v", want, summary(ents))
		}
	}
	d := got["Gérald Darmanin/PER"]
	if d.Count != 6 || !reflect.DeepEqual(d.Titles, []string{"ministre de l’Intérieur"}) {
		t.Errorf("Gérald Darmanin: %+v", d)
	}
	for _, e := range ents {
		if e.Label == "PER" {
			if e.Name != "Gérald Darmanin" {
				t.Errorf("most salient PER is %s, want Gérald Darmanin (%v)", e.Name, ents)
			}
			break
		}
	}
	for i, e := range ents {
		t.Logf("%d %-20s %-9s n=%d sal=%.3f %v", i, e.Name, e.Label, e.Count, e.Salience, e.Titles)
	}
}

// BenchmarkGroup groups the mentions of a reference-like article (the same
// text as operation's BenchmarkFind); compare its ns/op with the extraction.
func BenchmarkGroup(b *testing.B) {
	text := referenceLike
	f, err := operation.Default()
	if err != nil {
		b.Fatal(err)
	}
	a := stem.Analyze(text)
	ms := f.Find(a, mark(text, "Gérald Darmanin/PER", "Darmanin/PER", "JEAN DUPONT/PER", "AFP/ORG", "Marseille/LOC",
		"Bouches-du-Rhône/LOC", "Pierre-Édouard Colliex/PER", "Castellane/LOC", "Félix-Pyat/LOC", "clan Yoda/ORG"))
	b.ReportAllocs()
	for b.Loop() {
		Group(a, ms)
	}
}

// BenchmarkExtract is the extraction Group follows (analysis, NER model,
// operations), without and with Group: the difference is Group's share.
func BenchmarkExtract(b *testing.B) {
	text := referenceLike
	f, err := operation.Default()
	if err != nil {
		b.Fatal(err)
	}
	tagger, err := ner.Default()
	if err != nil {
		b.Skipf("no NER model: %v", err)
	}
	for _, group := range []bool{false, true} {
		b.Run(fmt.Sprintf("group=%v", group), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a := stem.Analyze(text)
				ms := f.Find(a, tagger.Tag(a))
				if group {
					Group(a, ms)
				}
			}
		})
	}
}

// referenceLike is an original text shaped like the reference article.
var referenceLike = strings.Repeat(`Trafic de drogue : Gérald Darmanin annonce l'opération « Place nette XXL » à Marseille

Le ministre de l'Intérieur Gérald Darmanin a présenté jeudi un nouveau bilan des opérations « place nette » contre les points de deal.
JEAN DUPONT / AFP Le ministre a rappelé que les militaires de l'opération Sentinelle restent mobilisés et que le plan Vigipirate est maintenu.

Selon le préfet de police des Bouches-du-Rhône, Pierre-Édouard Colliex, les forces de l'ordre ont saisi des armes et de la drogue dans le quartier de la Castellane. M. Darmanin a salué le travail des policiers. Une grosse opération de police a aussi visé la cité Félix-Pyat, où les enquêteurs soupçonnent le clan Yoda de tenir le trafic.

`, 3)

// TestGroupRandomSpans feeds Find and Group random spans and labels: no
// panic, every kept mention in range, every entity index valid.
func TestGroupRandomSpans(t *testing.T) {
	f, err := operation.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := referenceLike
	a := stem.Analyze(text)
	labels := []string{"PER", "LOC", "ORG", "MISC", "OPERATION", ""}
	seed := uint64(1)
	next := func(n int) int { // xorshift: deterministic, no global state
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	for range 200 {
		ms := make([]ner.Mention, next(30))
		for i := range ms {
			s := next(len(text)+20) - 10
			ms[i] = ner.Mention{Start: s, End: s + next(40) - 5, Label: labels[next(len(labels))]}
		}
		merged := f.Find(a, ms)
		ents := Group(a, merged)
		for _, m := range merged {
			if text[m.Start:m.End] != m.Text || m.Entity < -1 || m.Entity >= len(ents) {
				t.Fatalf("bad mention %+v (%d entities)", m, len(ents))
			}
		}
		Group(a, ms) // the raw, invalid spans too
	}
}

// TestGroupMalformedAnalysis: a hand-made Analysis with tokens and
// sentences out of order or out of range must not make Group or Find panic.
func TestGroupMalformedAnalysis(t *testing.T) {
	text := "Le ministre Gérald Darmanin parle. Darmanin part."
	a := stem.Analyze(text)
	a.Tokens = append(a.Tokens, a.Tokens[0])
	a.Tokens[1], a.Tokens[2] = a.Tokens[2], a.Tokens[1]
	a.Tokens = append(a.Tokens, tokenize.Token{Text: "x", Start: 40, End: 400})
	a.Sentences = append(a.Sentences, tokenize.Sentence{Start: -5}, tokenize.Sentence{Start: 900})
	f, err := operation.Default()
	if err != nil {
		t.Fatal(err)
	}
	ms := f.Find(a, mark(text, "Gérald Darmanin/PER", "Darmanin/PER"))
	if got := summary(Group(a, ms)); !reflect.DeepEqual(got, []string{"Gérald Darmanin/PER×2"}) {
		t.Errorf("got %q", got)
	}
}
