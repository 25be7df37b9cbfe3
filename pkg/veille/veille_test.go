package veille

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/veille/veille/pkg/entity"
	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/textio"
)

var shared = sync.OnceValues(func() (*Pipeline, error) { return New() })

func pipeline(tb testing.TB) *Pipeline {
	tb.Helper()
	p, err := shared()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// checkOffsets asserts the position invariant on everything a document holds.
func checkOffsets(tb testing.TB, d *Document) {
	tb.Helper()
	for _, t := range d.Tokens {
		if d.Text[t.Start:t.End] != t.Text {
			tb.Fatalf("token %q at %d:%d does not match the text", t.Text, t.Start, t.End)
		}
	}
	last := 0
	for i, m := range d.Mentions {
		if m.Start < last || m.End > len(d.Text) || m.Start >= m.End || d.Text[m.Start:m.End] != m.Text {
			tb.Fatalf("mention %d %+v: bad offsets", i, m)
		}
		last = m.End
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			tb.Fatalf("mention %d %+v: entity index out of range", i, m)
		}
	}
}

func TestExtractSamples(t *testing.T) {
	p := pipeline(t)
	files, _ := filepath.Glob("../../corpus/examples/*.txt")
	if len(files) == 0 {
		t.Fatal("no sample articles in corpus/examples")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.Extract(context.Background(), string(b))
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, d)
		if d.Lang != "fr" || len(d.Entities) == 0 || len(d.Topics) == 0 || len(d.Keyphrases) == 0 {
			t.Errorf("%s: lang %s, %d entities, %d topics, %d keyphrases", f, d.Lang, len(d.Entities), len(d.Topics), len(d.Keyphrases))
		}
	}
}

// TestReferenceArticle checks the expectations the issues set on the
// reference article: entities, operations, grouping, salience and topics.
func TestReferenceArticle(t *testing.T) {
	path := sharedtest.Path(t, "examples", "cyberpatrouilles.txt")
	in := textio.ReadFile(path, textio.Options{})
	if in.Err != nil {
		t.Fatal(in.Err)
	}
	d, err := pipeline(t).ExtractDoc(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, d)
	has := map[string]string{} // mention text → label
	for _, m := range d.Mentions {
		has[m.Text] = m.Label
	}
	// The guidelines put a generic head noun inside the span: « prison de Réau ».
	if has["prison de Réau"] == "LOC" {
		has["Réau"] = "LOC"
	}
	want := map[string]string{
		"Gérald Darmanin": "PER", "NICOLAS TUCAT": "PER", "Felix Bingui": "PER",
		"France": "LOC", "Marseille": "LOC", "Maroc": "LOC", "Réau": "LOC", "place Beauvau": "LOC",
		"AFP": "ORG", "Snapchat": "ORG", "Le HuffPost": "ORG",
		"Place nette XXL": "OPERATION", "place nette": "OPERATION",
	}
	for text, label := range want {
		if has[text] != label {
			t.Errorf("%q: got label %q, want %s", text, has[text], label)
		}
	}
	for _, text := range []string{"Marseille", "Le", "Les", "TRAFIC DE DROGUE"} {
		if has[text] == "PER" {
			t.Errorf("%q tagged PER", text)
		}
	}
	var darmanin, firstPER int = -1, -1
	for i, e := range d.Entities {
		if e.Label == "PER" && firstPER < 0 {
			firstPER = i
		}
		if e.Name == "Gérald Darmanin" {
			darmanin = i
		}
	}
	if darmanin < 0 || darmanin != firstPER {
		t.Fatalf("Gérald Darmanin is not the most salient PER (entity %d, first PER %d)", darmanin, firstPER)
	}
	for _, m := range d.Mentions {
		if (m.Text == "Darmanin" || m.Text == "Gérald Darmanin") && m.Entity != darmanin {
			t.Errorf("mention %q at %d is not grouped into Gérald Darmanin", m.Text, m.Start)
		}
		if m.Text == "NICOLAS TUCAT" && m.Entity == darmanin {
			t.Error("the photo credit merged into Gérald Darmanin")
		}
	}
	topics := map[string]bool{}
	for _, tp := range d.Topics {
		topics[tp.ID] = true
	}
	for _, id := range []string{"stupefiants", "cybercriminalite"} {
		if !topics[id] {
			t.Errorf("lexicon topic %s missing: %+v", id, d.Topics)
		}
	}
}

func TestExtractLanguages(t *testing.T) {
	p := pipeline(t)
	ctx := context.Background()
	en, err := p.Extract(ctx, "Marie Curie studied in Paris with Pierre Curie. She later worked at the University of Paris, and she won the Nobel Prize twice.")
	if err != nil {
		t.Fatal(err)
	}
	if en.Lang != "en" || len(en.Mentions) == 0 || len(en.Topics) != 0 {
		t.Errorf("English text: lang %s, %d mentions, %d topics", en.Lang, len(en.Mentions), len(en.Topics))
	}
	checkOffsets(t, en)
	de, err := p.Extract(ctx, "Die Polizei hat am Montag in Berlin einen Mann festgenommen, der mit dem Auto in eine Menschenmenge gefahren ist.")
	if err != nil {
		t.Fatal(err)
	}
	if de.Lang != "und" || len(de.Mentions) != 0 {
		t.Errorf("German text: lang %s, %d mentions; want und and none", de.Lang, len(de.Mentions))
	}
}

func TestExtractErrors(t *testing.T) {
	p := pipeline(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Extract(ctx, "Un texte."); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
	bad := textio.Doc{Source: "x.txt", Err: textio.ErrBinary}
	if _, err := p.ExtractDoc(context.Background(), bad); !errors.Is(err, textio.ErrBinary) {
		t.Errorf("failed input: got %v", err)
	}
	if _, err := New(WithNERModel("nope")); err == nil {
		t.Error("unknown model name: no error")
	}
	if _, err := New(WithLexicon("/nonexistent/lexicon.toml")); err == nil {
		t.Error("missing lexicon file: no error")
	}
}

func TestStreamKeepsOrder(t *testing.T) {
	p := pipeline(t)
	texts := []string{"Emmanuel Macron est à Lyon.", "", "La police de Lille enquête.", "Anne Hidalgo visite Marseille."}
	in := func(yield func(textio.Doc) bool) {
		for i, s := range texts {
			d := textio.Doc{Source: string(rune('a' + i)), Text: s}
			if s == "" {
				d.Err = textio.ErrEmpty
			}
			if !yield(d) {
				return
			}
		}
	}
	i := 0
	for d, err := range p.Stream(context.Background(), in, 3) {
		if texts[i] == "" {
			if err == nil {
				t.Errorf("doc %d: want an error", i)
			}
		} else if err != nil || d.Source != string(rune('a'+i)) {
			t.Errorf("doc %d: got %v, %v", i, d, err)
		}
		i++
	}
	if i != len(texts) {
		t.Errorf("got %d results, want %d", i, len(texts))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "«", "M. Darmanin a dit-il l’influence stupéfiantsLe 1 000 €.",
		"Opération « Place nette XXL » à Marseille (QRR) : Gérald Darmanin.",
		"GÉRALD DARMANIN\n\nNICOLAS TUCAT / AFP", "\xff\xfe", "aujourd’hui... « ’s’ubérise’ »",
	} {
		f.Add(s)
	}
	p, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := p.Extract(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, d)
	})
}

func BenchmarkExtract(b *testing.B) {
	p := pipeline(b)
	files, _ := filepath.Glob("../../corpus/examples/*.txt")
	var texts []string
	size := 0
	for _, f := range files {
		t, _ := os.ReadFile(f)
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if _, err := p.Extract(context.Background(), t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkStages measures each stage alone on the sample articles, its
// input computed beforehand, so each stage's share of BenchmarkExtract can be
// read off (the issues bound grouping to 10% and topics to 30% of it).
func BenchmarkStages(b *testing.B) {
	p := pipeline(b)
	files, _ := filepath.Glob("../../corpus/examples/*.txt")
	type input struct {
		a        *stem.Analysis
		model    []ner.Mention
		mentions []ner.Mention
	}
	var docs []input
	for _, f := range files {
		t, _ := os.ReadFile(f)
		a := stem.Analyze(string(t))
		model := p.tagger.Tag(a)
		docs = append(docs, input{a, model, p.operations.Find(a, model)})
	}
	stages := []struct {
		name string
		run  func(in input)
	}{
		{"analyze", func(in input) { stem.Analyze(in.a.Text) }},
		{"ner", func(in input) { p.tagger.Tag(in.a) }},
		{"operation", func(in input) { p.operations.Find(in.a, in.model) }},
		{"entity", func(in input) { entity.Group(in.a, slices.Clone(in.mentions)) }},
		{"topics", func(in input) {
			p.lexicon.Match(in.a)
			p.categories.Classify(in.a)
			p.keyphrases.Keyphrases(in.a, DefaultKeyphrases)
		}},
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, in := range docs {
					s.run(in)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
		})
	}
}
