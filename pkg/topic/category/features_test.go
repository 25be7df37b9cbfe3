package category

import (
	"strings"
	"testing"

	"github.com/veille/veille/pkg/stem"
)

func TestParagraphEnd(t *testing.T) {
	tests := []struct {
		text string
		from int
		want int
	}{
		{"Titre\n\nChapô\n\nCorps", 0, 5},
		{"Titre\n\nChapô\n\nCorps", 7, 13}, // ô is two bytes
		{"Titre\n\nChapô\n\nCorps", 15, 20},
		{"Un seul paragraphe.", 0, 19},
		{"Titre\nsur deux lignes\n\nCorps", 0, 21},
		{"abc", 5, 3},
		{"", 0, 0},
	}
	for _, tt := range tests {
		if got := paragraphEnd(tt.text, tt.from); got != tt.want {
			t.Errorf("paragraphEnd(%q, %d) = %d, want %d", tt.text, tt.from, got, tt.want)
		}
	}
}

// namespaceCount is how many hits of counts fall in the bucket of stem s
// in namespace ns.
func namespaceCount(counts []bucketCount, ns, s string) uint32 {
	b := uint32(finalize(fnvAdd(fnvAdd(fnvOffset, ns), s)) >> (64 - 18))
	for _, c := range counts {
		if c.idx == b {
			return c.n
		}
	}
	return 0
}

func TestTitleAndHeadingFeatures(t *testing.T) {
	a := stem.Analyze("Grève des cheminots\n\nLe trafic reste perturbé.\n\nLa direction de la SNCF annonce un train sur deux.")
	counts := bucketCounts(a, 18)
	tests := []struct {
		ns, word string
		want     uint32
	}{
		{"t\x00", "cheminots", uint32(titleRepeat)},
		{"t\x00", "trafic", 0},
		{"h\x00", "trafic", 1},
		{"h\x00", "cheminots", 0},
		{"h\x00", "direction", 0},
	}
	for _, tt := range tests {
		s := stemOf(t, a, tt.word)
		if got := namespaceCount(counts, tt.ns, s); got != tt.want {
			t.Errorf("%q in namespace %q: %d hits, want %d", tt.word, tt.ns, got, tt.want)
		}
	}
}

func TestNoTitleWithoutTitleLayout(t *testing.T) {
	long := strings.Repeat("mot ", titleWords+1)
	tests := []struct {
		name, text string
	}{
		{"one block", "Le trafic reste perturbé. La direction annonce un train sur deux."},
		{"long first paragraph", long + "\n\nLe trafic reste perturbé."},
		{"no word before the blank line", "«\n\nLe trafic reste perturbé."},
	}
	for _, tt := range tests {
		a := stem.Analyze(tt.text)
		if te, he := titleAndHeading(a); te != 0 || he != 0 {
			t.Errorf("%s: title ends at %d, heading at %d; want no title", tt.name, te, he)
		}
		counts := bucketCounts(a, 18)
		for _, ns := range []string{"t\x00", "h\x00"} {
			if n := namespaceCount(counts, ns, stemOf(t, a, "trafic")); n != 0 {
				t.Errorf("%s: %d hits of trafic in namespace %q", tt.name, n, ns)
			}
		}
	}
}

func stemOf(t *testing.T, a *stem.Analysis, word string) string {
	t.Helper()
	for i, tok := range a.Tokens {
		if a.Text[tok.Start:tok.End] == word {
			return a.Stems[i]
		}
	}
	t.Fatalf("%q not in %q", word, a.Text)
	return ""
}
