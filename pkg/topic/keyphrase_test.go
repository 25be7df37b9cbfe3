package topic

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/stem"
)

func candidateTexts(t testing.TB, text string) []string {
	t.Helper()
	x, err := DefaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	a := stem.Analyze(text)
	cands, _ := x.candidates(a.Text, x.tagger.units(a, nil))
	var out []string
	for _, c := range cands {
		out = append(out, c.surface())
	}
	return out
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Le trafic de stupéfiants a encore augmenté.",
			[]string{"trafic", "stupéfiants", "trafic de stupéfiants"}, []string{"augmenté", "Le trafic"}},
		{"Ils visent la livraison à domicile de drogue.",
			[]string{"livraison à domicile", "livraison à domicile de drogue", "drogue"}, []string{"Ils", "visent"}},
		{"Les forces de l’ordre patrouillent.",
			[]string{"forces de l’ordre", "ordre"}, []string{"patrouillent"}},
		{"Il a demandé des enquêtes sous pseudonyme.",
			[]string{"enquêtes sous pseudonyme"}, []string{"demandé"}},
		{"Hier, Gérald Darmanin a répondu.",
			[]string{"Gérald Darmanin"}, []string{"Gérald", "Darmanin", "Hier"}},
		{"Selon elle, Marine Le Pen hésite.",
			[]string{"Marine Le Pen"}, []string{"Pen", "Le Pen"}},
		{"Le nouveau gouvernement de coalition est formé.",
			[]string{"gouvernement", "nouveau gouvernement", "nouveau gouvernement de coalition", "coalition"}, []string{"formé"}},
		{"La crise financière touche les ménages.",
			[]string{"crise financière", "ménages"}, []string{"financière touche"}},
		{"Les objectifs budgétaires sont tenus.",
			[]string{"objectifs budgétaires", "objectifs"}, []string{"budgétaires", "tenus"}},
		{"La Grande-Bretagne et le porte-parole, c’est-à-dire lui.",
			[]string{"Grande-Bretagne", "porte-parole"}, []string{"est-à-dire", "Grande"}},
		{"M. Dupont est venu le 3 mars avec les autres.",
			[]string{"Dupont"}, []string{"M.", "M", "mars", "autres"}},
	}
	for _, tt := range tests {
		got := candidateTexts(t, tt.text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing candidate %q in %q", tt.text, w, got)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("%q: unexpected candidate %q in %q", tt.text, w, got)
			}
		}
	}
}

func TestKeyphrasesEdges(t *testing.T) {
	for _, text := range []string{"", "   ", "…", "et il a dit cela", "12 34"} {
		if got := Keyphrases(stem.Analyze(text), 10); len(got) != 0 {
			t.Errorf("%q: got %v, want none", text, got)
		}
	}
	if got := Keyphrases(nil, 10); got != nil {
		t.Errorf("nil analysis: got %v", got)
	}
	if got := Keyphrases(stem.Analyze("La drogue circule."), 0); got != nil {
		t.Errorf("n = 0: got %v", got)
	}
}

// topTexts returns the Stem fields of the n best keyphrases of text, and
// checks the invariants every result must hold.
func topStems(t *testing.T, text string, n int) []string {
	t.Helper()
	kps := Keyphrases(stem.Analyze(text), n)
	if len(kps) > n {
		t.Fatalf("%d keyphrases, want at most %d", len(kps), n)
	}
	var stems []string
	for i, k := range kps {
		if !strings.Contains(collapseSpace(text), k.Text) {
			t.Errorf("keyphrase %q is not in the text", k.Text)
		}
		if k.Stem != NormalizeKeyphrase(k.Text) {
			t.Errorf("keyphrase %q: stem %q, want %q", k.Text, k.Stem, NormalizeKeyphrase(k.Text))
		}
		if slices.Contains(stems, k.Stem) {
			t.Errorf("keyphrase stem %q appears twice", k.Stem)
		}
		if i > 0 && k.Score > kps[i-1].Score {
			t.Errorf("keyphrases not sorted by score at %d", i)
		}
		stems = append(stems, k.Stem)
	}
	return stems
}

func TestKeyphrasesFixture(t *testing.T) {
	b, err := os.ReadFile("../../corpus/topic/marseille-reseau-livraison.txt")
	if err != nil {
		t.Fatal(err)
	}
	top := topStems(t, string(b), 10)
	for _, want := range []string{"livraison", "cocaïn", "livraison de cocaïn à domicil"} {
		if !slices.Contains(top, want) {
			t.Errorf("top 10 %q lacks %q", top, want)
		}
	}
}

// TestKeyphrasesReference checks the project's reference article: the
// phrases an analyst expects must be in the top 10.
func TestKeyphrasesReference(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "examples", "cyberpatrouilles.txt"))
	if err != nil {
		t.Fatal(err)
	}
	top := topStems(t, string(b), 10)
	if !slices.Contains(top, "cyberpatrouill") {
		t.Errorf("top 10 %q lacks « cyberpatrouilles »", top)
	}
	if !slices.Contains(top, "livraison à domicil") && !slices.Contains(top, "livraison de drogu à domicil") {
		t.Errorf("top 10 %q lacks « livraison (de drogue) à domicile »", top)
	}
}

func TestKeyphrasesSurfaceIsMostFrequent(t *testing.T) {
	text := "Les Stupéfiants saisis. Des stupéfiants encore. Toujours des stupéfiants."
	for _, k := range Keyphrases(stem.Analyze(text), 5) {
		if k.Stem == "stupéfi" && k.Text != "stupéfiants" {
			t.Errorf("surface %q, want the most frequent « stupéfiants »", k.Text)
		}
	}
}

func BenchmarkKeyphrases(b *testing.B) {
	a := benchArticle(b)
	x, err := DefaultExtractor()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		x.Keyphrases(a, 10)
	}
}

func BenchmarkLexicon(b *testing.B) {
	a := benchArticle(b)
	lx, err := DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lx.Match(a)
	}
}

// BenchmarkAnalyze is the extraction cost the topics are compared with.
func BenchmarkAnalyze(b *testing.B) {
	text := benchArticle(b).Text
	b.ReportAllocs()
	for b.Loop() {
		stem.Analyze(text)
	}
}

// benchArticle is a 605-word original news article.
func benchArticle(b *testing.B) *stem.Analysis {
	text, err := os.ReadFile("../../corpus/topic/marseille-reseau-livraison.txt")
	if err != nil {
		b.Fatal(err)
	}
	return stem.Analyze(string(text))
}

func TestOddInputs(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{"l'", "’’’", "a-", "-b", "\xff\xfe\xfd", "M. M. M.", "--- - -", "d’-", "Grande-", "à de du des", "É", strings.Repeat("trafic de ", 300)}
	for _, text := range inputs {
		a := stem.Analyze(text)
		for _, k := range Keyphrases(a, 10) {
			if !strings.Contains(text, k.Text) {
				t.Errorf("%q: keyphrase %q not in the text", text, k.Text)
			}
		}
		lx.Match(a)
	}
	// A hand-built Analysis with bounds past its text must not panic.
	bad := stem.Analyze("Le trafic de drogue.")
	bad.Text = "Le"
	bad.Sentences[0].Last += 5
	Keyphrases(bad, 5)
	lx.Match(bad)
}

func TestConcurrentUse(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	a := stem.Analyze("Le trafic de stupéfiants et les cyberpatrouilles : la police démantèle un réseau de drogue.")
	want := Keyphrases(a, 5)
	done := make(chan []Keyphrase)
	for range 4 {
		go func() {
			lx.Match(a)
			done <- Keyphrases(a, 5)
		}()
	}
	for range 4 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent result %v, want %v", got, want)
		}
	}
}
