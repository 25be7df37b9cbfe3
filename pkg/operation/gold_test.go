package operation

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/stem"
)

// goldDoc is one line of news-fr-gold (read directly with encoding/json).
type goldDoc struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
		Text  string `json:"text"`
	} `json:"entities"`
}

type score struct{ tp, fp, fn int }

func (s score) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// scoreGold measures the rules and the list alone (no model mentions) on
// the OPERATION spans of a news-fr-gold file. With VEILLE_OP_ERRORS=1 it
// logs every error.
func scoreGold(t *testing.T, f *Finder, file string) score {
	t.Helper()
	fh, err := os.Open(sharedtest.Path(t, "corpus", "news-fr-gold", file))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	verbose := os.Getenv("VEILLE_OP_ERRORS") != ""
	var s score
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		type key struct{ s, e int }
		gold := map[key]bool{}
		for _, e := range d.Entities {
			if e.Label == Label {
				gold[key{e.Start, e.End}] = true
			}
		}
		for _, m := range f.Find(stem.Analyze(d.Text), nil) {
			if m.Label != Label {
				continue
			}
			k := key{m.Start, m.End}
			if gold[k] {
				s.tp++
				delete(gold, k)
				continue
			}
			s.fp++
			if verbose {
				t.Logf("%s FP %q … %q", d.ID, m.Text, context(d.Text, m.Start, m.End))
			}
		}
		s.fn += len(gold)
		if verbose {
			for k := range gold {
				t.Logf("%s FN %q … %q", d.ID, d.Text[k.s:k.e], context(d.Text, k.s, k.e))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return s
}

func context(text string, start, end int) string {
	a, b := max(0, start-40), min(len(text), end+30)
	for a > 0 && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return text[a:b]
}

// TestGoldOperation reports the OPERATION precision, recall and F1 of the
// rules and the embedded list on news-fr-gold dev and train:
//
//	go test ./pkg/operation -run GoldOperation -v
func TestGoldOperation(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"dev.jsonl", "train.jsonl"} {
		s := scoreGold(t, f, file)
		p, r, f1 := s.prf()
		t.Logf("%s OPERATION rules+list: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", file, p, r, f1, s.tp, s.fp, s.fn)
	}
}
