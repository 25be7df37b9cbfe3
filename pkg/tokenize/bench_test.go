package tokenize

import (
	"os"
	"strings"
	"testing"
)

// depeche is an original French news text written for these tests and
// benchmarks (corpus/tokenize/depeche.txt): headlines, a photo credit,
// guillemets, numbers, elisions, inversions and glued sentences.
func depeche(tb testing.TB) string {
	b, err := os.ReadFile("../../corpus/tokenize/depeche.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func benchTokenizeSegment(b *testing.B, texts []string) {
	var size, ntoks int
	for _, t := range texts {
		size += len(t)
		ntoks += len(Tokenize(t))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Segment(t, Tokenize(t))
		}
	}
	b.ReportMetric(float64(ntoks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenizeSegment measures Tokenize+Segment on the fixture text.
func BenchmarkTokenizeSegment(b *testing.B) {
	benchTokenizeSegment(b, []string{depeche(b)})
}

// BenchmarkTokenizeSegmentOrangeSum measures Tokenize+Segment on 500 real
// articles; it skips without the shared corpus.
func BenchmarkTokenizeSegmentOrangeSum(b *testing.B) {
	benchTokenizeSegment(b, orangesum(b, 500))
}

func TestDepeche(t *testing.T) {
	text := depeche(t)
	sents := sentences(t, text)
	for _, want := range []string{
		"Intempéries : la préfecture du Val-de-Marne déclenche l’alerte orange",
		"PHOTO D’ILLUSTRATION / AFP",
		"« Est-ce suffisant ?",
		"Non, évidemment », a-t-il reconnu jeudi.",
		"Les associations de riverains réclament davantage : elles évoquent un coût proche de 600.000 euros pour la seule rue des Écoles, et jusqu’à 1,2 million pour l’ensemble du quartier.",
		"Un dispositif exceptionnel",
		"Aujourd’hui, la plupart d’entre elles ont pu regagner leur domicile.",
		"« Qu’on ne nous dise pas que c’était imprévisible ! » s’agace Jean-Paul, retraité.",
		"Météo-France prévoit 30 à 40 mm de pluie supplémentaires d’ici dimanche, etc.",
		"Les autorités appellent à la prudence.",
	} {
		found := false
		for _, s := range sents {
			found = found || s == want
		}
		if !found {
			t.Errorf("sentence missing: %q\nsentences:\n%s", want, strings.Join(sents, "\n"))
		}
	}
}
