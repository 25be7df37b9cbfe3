package operation

import (
	"bufio"
	"cmp"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/ner"
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
func scoreGold(t *testing.T, file string, find func(*stem.Analysis) []ner.Mention, label string) score {
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
		type key struct {
			s, e  int
			label string
		}
		gold := map[key]bool{}
		for _, e := range d.Entities {
			if label == "" || e.Label == label {
				gold[key{e.Start, e.End, e.Label}] = true
			}
		}
		for _, m := range find(stem.Analyze(d.Text)) {
			if label != "" && m.Label != label {
				continue
			}
			k := key{m.Start, m.End, m.Label}
			if gold[k] {
				s.tp++
				delete(gold, k)
				continue
			}
			s.fp++
			if verbose {
				t.Logf("%s FP %s %q … %q", d.ID, m.Label, m.Text, context(d.Text, m.Start, m.End))
			}
		}
		s.fn += len(gold)
		if verbose {
			for k := range gold {
				t.Logf("%s FN %s %q … %q", d.ID, k.label, d.Text[k.s:k.e], context(d.Text, k.s, k.e))
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

// evalEnabled reports whether the slower measurements (train set, NER
// model) were asked for with VEILLE_EVAL=1; unit runs stay fast.
func evalEnabled() bool { return os.Getenv("VEILLE_EVAL") != "" }

// TestGoldOperation reports the OPERATION precision, recall and F1 of the
// rules and the embedded list alone on news-fr-gold dev, and with
// VEILLE_EVAL=1 on train too:
//
//	VEILLE_EVAL=1 go test ./pkg/operation -run GoldOperation -v
func TestGoldOperation(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// Without the list's names (its "!" lines kept), as for names that no
	// list knows yet.
	var never strings.Builder
	for line := range strings.Lines(models.Operations) {
		if strings.HasPrefix(line, "!") {
			never.WriteString(line)
		}
	}
	nl, err := LoadList(strings.NewReader(never.String()))
	if err != nil {
		t.Fatal(err)
	}
	bare := New(nl)
	files := []string{"dev.jsonl"}
	if evalEnabled() {
		files = append(files, "train.jsonl")
	}
	for _, file := range files {
		for _, run := range []struct {
			name string
			f    *Finder
		}{{"rules+list", f}, {"rules, no names", bare}} {
			s := scoreGold(t, file, func(a *stem.Analysis) []ner.Mention { return run.f.Find(a, nil) }, Label)
			p, r, f1 := s.prf()
			t.Logf("%-11s OPERATION %-15s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", file, run.name, p, r, f1, s.tp, s.fp, s.fn)
		}
	}
}

// TestGoldMerge compares the NER model alone with the model merged with the
// rules and the list, on dev (OPERATION and all labels):
//
//	VEILLE_EVAL=1 go test ./pkg/operation -run GoldMerge -v
func TestGoldMerge(t *testing.T) {
	if !evalEnabled() {
		t.Skip("set VEILLE_EVAL=1 to tag the dev set with the NER model")
	}
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := ner.Default()
	if err != nil {
		t.Skipf("no NER model: %v", err)
	}
	model := func(a *stem.Analysis) []ner.Mention { return tagger.Tag(a) }
	merged := func(a *stem.Analysis) []ner.Mention { return f.Find(a, tagger.Tag(a)) }
	for _, label := range []string{Label, ""} {
		for _, run := range []struct {
			name string
			find func(*stem.Analysis) []ner.Mention
		}{{"model", model}, {"model+rules+list", merged}} {
			s := scoreGold(t, "dev.jsonl", run.find, label)
			p, r, f1 := s.prf()
			t.Logf("dev.jsonl %-9s %-17s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", cmp.Or(label, "all"), run.name, p, r, f1, s.tp, s.fp, s.fn)
		}
	}
}
