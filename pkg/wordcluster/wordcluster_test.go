package wordcluster_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/wordcluster"
)

func TestPrefix(t *testing.T) {
	tests := []struct {
		path  uint32
		level int
		want  uint32
	}{
		{0x3a7, 1, 0x3},
		{0x3a7, 2, 0x3a},
		{0x3a7, 3, 0x3a7},
		{0x3a7, 0, 0},
		{0x3a7, 9, 0x3a7}, // clamped to Levels
		{0xfff, 2, 0xff},
	}
	for _, tt := range tests {
		if got := wordcluster.Prefix(tt.path, tt.level); got != tt.want {
			t.Errorf("Prefix(%#x, %d) = %#x, want %#x", tt.path, tt.level, got, tt.want)
		}
	}
}

func TestPathLookup(t *testing.T) {
	c := wordcluster.New(map[string]uint32{"états": 0x123, "près": 0x456, "prés": 0x789, "l'": 0x001})
	tests := []struct {
		word string
		want uint32
		ok   bool
	}{
		{"états", 0x123, true},
		{"ÉTATS", 0x123, true}, // lower-cased
		{"Etats", 0x123, true}, // accent-folded fallback
		{"prés", 0x789, true},  // the exact form wins over folding
		{"pres", 0x456, true},  // folding ties: first in byte order
		{"L’", 0x001, true},    // typographic apostrophe
		{"inconnu", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := c.Path(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Path(%q) = %#x, %v; want %#x, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
	if c.Len() != 4 {
		t.Errorf("Len() = %d, want 4", c.Len())
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"chat\n", "chat\t12\n", "chat\tzzz\n", "\t123\n", "chat\t1234\n"} {
		_, err := wordcluster.Read(strings.NewReader("chien\t000\n"+in), "x.txt")
		if !errors.Is(err, wordcluster.ErrFormat) || !strings.Contains(err.Error(), "x.txt line 2") {
			t.Errorf("Read(%q): err = %v, want ErrFormat at x.txt line 2", in, err)
		}
	}
}

func TestDefault(t *testing.T) {
	c, err := wordcluster.Default()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 40000 {
		t.Errorf("Len() = %d, want the full vocabulary (> 40,000)", c.Len())
	}
	for _, w := range []string{"Paris", "gendarmes", "ministre", "lundi", "l'", "L’", "Macron", "ETATS-UNIS"} {
		if _, ok := c.Path(w); !ok {
			t.Errorf("Path(%q) not found", w)
		}
	}
	// Words of one kind share a cluster; words of unlike kinds do not. The
	// levels are those the shipped build reaches: k-means finds local optima,
	// and a rebuild can move a pair one level up (see the model card).
	same := []struct {
		a, b  string
		level int
	}{
		{"lundi", "mardi", 2}, {"juin", "juillet", 2}, {"euros", "dollars", 2},
		{"covid", "coronavirus", 3}, {"policiers", "gendarmes", 1},
	}
	for _, s := range same {
		a, _ := c.Path(s.a)
		b, _ := c.Path(s.b)
		if wordcluster.Prefix(a, s.level) != wordcluster.Prefix(b, s.level) {
			t.Errorf("%s (%03x) and %s (%03x) differ at level %d", s.a, a, s.b, b, s.level)
		}
	}
	a, _ := c.Path("lundi")
	b, _ := c.Path("policiers")
	if wordcluster.Prefix(a, 2) == wordcluster.Prefix(b, 2) {
		t.Errorf("lundi and policiers share level-2 cluster %02x", wordcluster.Prefix(a, 2))
	}
}

func Example() {
	c, err := wordcluster.Default()
	if err != nil {
		panic(err)
	}
	lundi, _ := c.Path("Lundi")
	jeudi, _ := c.Path("jeudi")
	_, ok := c.Path("xyzzyq")
	fmt.Println(wordcluster.Prefix(lundi, 2) == wordcluster.Prefix(jeudi, 2), ok)
	// Output: true false
}

func BenchmarkPath(b *testing.B) {
	c, err := wordcluster.Default()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("Le préfet de police de Paris a annoncé mardi soir le renforcement des contrôles " +
		"dans plusieurs quartiers de Seine-Saint-Denis après une série de règlements de comptes")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			c.Path(w)
		}
	}
	b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkRead(b *testing.B) {
	f, err := models.WordCluster.ReadFile("wordcluster/clusters.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wordcluster.Read(bytes.NewReader(f), "clusters.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
