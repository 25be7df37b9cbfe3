package stem

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/veille/veille/pkg/tokenize"
	"golang.org/x/text/unicode/norm"
)

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"influence", "influenc"},
		{"Influence", "influenc"},
		{"INFLUENCES", "influenc"},
		{"stupéfiants", "stupéfi"},
		{"cyberpatrouilles", "cyberpatrouill"},
		// Elided words stem as their full form.
		{"l’", "le"},
		{"L'", "le"},
		{"d’", "de"},
		{"qu’", "que"},
		{"n'", "ne"},
		{"l‘", "le"},
		{"jusqu’", "jusqu"}, // Snowball's stem of "jusque"
		// Inverted pronouns lose their hyphens, abbreviations their period.
		{"-t-il", "il"},
		{"-elle", "elle"},
		{"-nous", "nous"},
		{"etc.", "etc"},
		{"M.", "m"},
		{"aujourd’hui", "aujourd'hui"},
		{"", ""},
		{"-", ""},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Stem(tt.in); got != tt.want { // second call: from the cache
			t.Errorf("cached Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStemConcurrent stems the same words from many goroutines; run with
// -race to check the cache.
func TestStemConcurrent(t *testing.T) {
	words := strings.Fields("le ministre de l’ Intérieur a demandé aux préfets de prendre de nouvelles mesures contre les trafiquants")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 200; n++ {
				for _, w := range words {
					if got, want := Stem(w), stemWord(w); got != want {
						t.Errorf("Stem(%q) = %q, want %q", w, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func cacheLen() int {
	n := 0
	for i := range shards {
		shards[i].mu.RLock()
		n += len(shards[i].m)
		shards[i].mu.RUnlock()
	}
	return n
}

// TestStemCacheBounded feeds the cache more distinct words than it may
// hold and checks that it stays within its bound.
func TestStemCacheBounded(t *testing.T) {
	defer func(n int) { shardLimit = n }(shardLimit)
	shardLimit = 32 // at most 2,048 words
	for i := 0; i < 10_000; i++ {
		Stem(fmt.Sprintf("x%d", i))
		if i%1000 == 0 && cacheLen() > shardCount*shardLimit {
			t.Fatalf("cache holds %d words, bound %d", cacheLen(), shardCount*shardLimit)
		}
	}
	if n := cacheLen(); n > shardCount*shardLimit {
		t.Fatalf("cache holds %d words, bound %d", n, shardCount*shardLimit)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ministre", "ministre"},
		{"Élysée", "elysee"},
		{"ŒUVRE", "oeuvre"},
		{"cœur", "coeur"},
		{"Lætitia", "laetitia"},
		{"garçon", "garcon"},
		{"l’État", "l'etat"},
		{"Strauß", "strauss"},
		{"Łódź", "lodz"},
		{"e\u0301te\u0301", "ete"}, // decomposed accents
		{"ΑΘΗΝΑ", "αθηνα"},
		{"Dupond-Moretti", "dupond-moretti"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// foldNorm is the reference Fold: NFD, drop combining marks, lower-case.
func foldNorm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TestFoldTable checks the table against Unicode decomposition for every
// letter it covers that decomposes.
func TestFoldTable(t *testing.T) {
	for r := rune(0xC0); r < 0x180; r++ {
		s := string(r)
		if !unicode.IsLetter(r) || norm.NFD.String(s) == s {
			continue // ligatures and stroked letters (Æ, Œ, Ø, Ł, ß…) are in the table by hand
		}
		if got, want := Fold(s), foldNorm(s); got != want {
			t.Errorf("Fold(%q) = %q, NFD gives %q", s, got, want)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Fold("ministre") }); n != 0 {
		t.Errorf("Fold of folded ASCII allocates %v times", n)
	}
	a := Analyze("L’Élysée répond.")
	if n := testing.AllocsPerRun(100, func() { a.Folded(1) }); n != 0 {
		t.Errorf("Analysis.Folded of a word allocates %v times", n)
	}
}

func TestAnalyze(t *testing.T) {
	a := Analyze("Sous l’influence des réseaux, a-t-il dit. M. Dupont approuve.")
	if len(a.Stems) != len(a.Tokens) || len(a.Sentences) != 2 {
		t.Fatalf("%d stems for %d tokens, %d sentences", len(a.Stems), len(a.Tokens), len(a.Sentences))
	}
	want := map[string]string{"l’": "le", "influence": "influenc", "réseaux": "réseau", "-t-il": "il", ",": "", ".": ""}
	for i, tok := range a.Tokens {
		if w, ok := want[tok.Text]; ok && a.Stems[i] != w {
			t.Errorf("stem of %q = %q, want %q", tok.Text, a.Stems[i], w)
		}
		if a.Folded(i) != Fold(tok.Text) {
			t.Errorf("Folded(%d) = %q, want %q", i, a.Folded(i), Fold(tok.Text))
		}
	}
}

func depeche(tb testing.TB) string {
	b, err := os.ReadFile("../../corpus/tokenize/depeche.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func words(tb testing.TB) []string {
	var ws []string
	for _, t := range tokenize.Tokenize(depeche(tb)) {
		if t.Kind == tokenize.Word {
			ws = append(ws, t.Text)
		}
	}
	return ws
}

// BenchmarkStemCached stems the words of a news text with a warm cache.
func BenchmarkStemCached(b *testing.B) {
	ws := words(b)
	for _, w := range ws {
		Stem(w)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range ws {
			Stem(w)
		}
	}
	b.ReportMetric(float64(len(ws))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStemCachedParallel is BenchmarkStemCached from all cores.
func BenchmarkStemCachedParallel(b *testing.B) {
	ws := words(b)
	for _, w := range ws {
		Stem(w)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, w := range ws {
				Stem(w)
			}
		}
	})
	b.ReportMetric(float64(len(ws))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStemUncached is the Snowball stemmer alone.
func BenchmarkStemUncached(b *testing.B) {
	ws := words(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range ws {
			stemWord(w)
		}
	}
	b.ReportMetric(float64(len(ws))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func benchFold(b *testing.B, fold func(string) string) {
	ws := words(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range ws {
			fold(w)
		}
	}
	b.ReportMetric(float64(len(ws))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkFold and BenchmarkFoldNorm compare the table with x/text/unicode/norm.
func BenchmarkFold(b *testing.B)     { benchFold(b, Fold) }
func BenchmarkFoldNorm(b *testing.B) { benchFold(b, foldNorm) }

// BenchmarkAnalyze tokenizes, segments and stems a news text.
func BenchmarkAnalyze(b *testing.B) {
	text := depeche(b)
	n := len(Analyze(text).Tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Analyze(text)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
