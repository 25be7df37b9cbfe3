package eval

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/topic"
)

// knownStemVariants are the gold words whose Snowball stem differs between
// pkg/stem (kljensen/snowball) and the implementation that made
// gold.stem.tsv: word → {ours, theirs}.
var knownStemVariants = map[string][2]string{
	"yéti": {"yet", "yéti"},
	"(f.":  {"(f", "(f."}, // « Saussure (F. de.) »: punctuation inside the gold
}

// TestKeyphraseGoldStems compares the project's normal form of every gold
// keyphrase word with the one shipped in gold.stem.tsv.
func TestKeyphraseGoldStems(t *testing.T) {
	for _, set := range []string{"wikinews-dev", "termith"} {
		dir := sharedtest.Path(t, "corpus", "keyphrases-fr", set)
		gold := readLines(t, filepath.Join(dir, "gold.tsv"))
		stems := readLines(t, filepath.Join(dir, "gold.stem.tsv"))
		if len(gold) != len(stems) {
			t.Fatalf("%s: %d gold lines, %d stemmed", set, len(gold), len(stems))
		}
		words, agree := 0, 0
		for i := range gold {
			_, kps, _ := strings.Cut(gold[i], "\t")
			_, sts, _ := strings.Cut(stems[i], "\t")
			kp, st := strings.Split(kps, ";"), strings.Split(sts, ";")
			if len(kp) != len(st) {
				t.Fatalf("%s line %d: %d keyphrases, %d stemmed", set, i+1, len(kp), len(st))
			}
			for j := range kp {
				ours := strings.Fields(topic.NormalizeKeyphrase(kp[j]))
				theirs := strings.Fields(st[j])
				orig := strings.Fields(strings.ToLower(strings.ReplaceAll(kp[j], "’", "'")))
				for k := range ours {
					words++
					if k < len(theirs) && ours[k] == theirs[k] {
						agree++
						continue
					}
					v, known := knownStemVariants[orig[k]]
					if !known || k >= len(theirs) || v != [2]string{ours[k], theirs[k]} {
						t.Errorf("%s line %d: %q stems to %q, gold.stem.tsv has %q", set, i+1, orig[k], ours[k], theirs)
					}
				}
			}
		}
		if rate := float64(agree) / float64(words); rate < 0.99 {
			t.Errorf("%s: %.4f of %d words agree, want ≥ 0.99", set, rate, words)
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() != "" {
			out = append(out, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadKeyphraseGold(t *testing.T) {
	got, err := ReadKeyphraseGold(strings.NewReader("a\tx;y ; \nb\tz\n\n"), "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "a" || strings.Join(got[0].Keyphrases, "|") != "x|y" || got[1].Keyphrases[0] != "z" {
		t.Errorf("got %+v", got)
	}
	_, err = ReadKeyphraseGold(strings.NewReader("a\tx\nno tab here\n"), "g.tsv")
	if err == nil || !strings.Contains(err.Error(), "g.tsv:2:") {
		t.Errorf("error %v, want one naming g.tsv:2", err)
	}
}

func TestKeyphraseReport(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		p5, r5, f5 float64
	}{
		// Plural and case differ, stems agree; repeated predictions count once.
		{"stemmed match", []string{"Trafic de stupéfiants", "drogue"}, []string{"trafic de stupéfiant", "Trafic de stupéfiants", "drogues", "police"},
			40, 100, 2 * 0.4 * 1 / 1.4 * 100},
		{"no match", []string{"prison"}, []string{"police"}, 0, 0, 0},
		// Repeated gold counts once: 1 match of 1 gold.
		{"gold repeats", []string{"prison", "prisons"}, []string{"prison"}, 20, 100, 2 * 0.2 / 1.2 * 100},
		{"no prediction", []string{"prison"}, nil, 0, 0, 0},
	}
	for _, tt := range tests {
		r := NewKeyphraseReport(5)
		r.Add(tt.gold, tt.pred)
		s := r.At[0]
		if math.Abs(s.P-tt.p5) > 1e-9 || math.Abs(s.R-tt.r5) > 1e-9 || math.Abs(s.F-tt.f5) > 1e-9 {
			t.Errorf("%s: P %.2f R %.2f F %.2f, want %.2f %.2f %.2f", tt.name, s.P, s.R, s.F, tt.p5, tt.r5, tt.f5)
		}
	}
	// Averages are per document.
	r := NewKeyphraseReport(1)
	r.Add([]string{"a"}, []string{"a"})
	r.Add([]string{"b"}, []string{"c"})
	if r.Docs != 2 || r.At[0].F != 50 {
		t.Errorf("two documents: %+v, want F 50", r)
	}
}
