package index

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/veille/veille/pkg/entity"
	"github.com/veille/veille/pkg/topic"
	"github.com/veille/veille/pkg/veille"
)

// article builds a document by hand, with the entities and topics the
// pipeline would find, so that these tests do not depend on its models.
func article(source, date, title, body string, topics []string, ents ...string) *veille.Document {
	d := &veille.Document{Source: source, Date: date, Title: title, Text: title + "\n\n" + body}
	for _, t := range topics {
		d.Topics = append(d.Topics, topic.Topic{ID: t, Label: t})
	}
	for _, e := range ents {
		label, name, _ := strings.Cut(e, ":")
		d.Entities = append(d.Entities, entity.Entity{Name: name, Label: label, Count: 1})
	}
	return d
}

// corpus is a few short original French texts.
func corpus() []*veille.Document {
	docs := []*veille.Document{
		article("presse.jsonl#1", "2024-03-19", "Opération Place nette XXL à Marseille",
			"Le ministre de l’Intérieur Gérald Darmanin a annoncé mardi une nouvelle opération Place nette XXL dans les quartiers nord. Les policiers ont saisi des stupéfiants et visé les points de deal tenus par la DZ Mafia.",
			[]string{"narcotrafic"}, "PER:Gérald Darmanin", "LOC:Marseille", "LOC:quartiers nord", "ORG:DZ Mafia", "OPERATION:Place nette XXL"),
		article("presse.jsonl#2", "2024-01-08", "Règlement de comptes dans une cité marseillaise",
			"Un homme de vingt ans a été tué par balles. Selon les enquêteurs, le trafic de stupéfiant oppose la DZ Mafia à un clan rival. L’avocat Karim Benali dénonce la violence du narcotrafic.",
			[]string{"narcotrafic"}, "PER:Karim Benali", "LOC:Marseille", "ORG:DZ Mafia"),
		article("presse.jsonl#3", "2024-04-02", "Les livreurs face à l’ubérisation",
			"À Paris, des livreurs à vélo manifestent contre l’ubérisation de leur métier. La députée Élodie Martin réclame une loi.",
			[]string{"travail"}, "PER:Élodie Martin", "LOC:Paris"),
		article("notes/musee.txt", "", "",
			"Le musée des Confluences de Lyon expose une œuvre restaurée. Gérald Darmanin n’était pas à l’inauguration.",
			[]string{"culture"}, "PER:Gérald Darmanin", "LOC:Lyon", "ORG:musée des Confluences"),
	}
	docs[0].Keyphrases = []topic.Keyphrase{{Text: "points de deal"}, {Text: "Place nette XXL"}}
	return docs
}

// build writes docs to a new index in a temporary directory.
func build(t testing.TB, docs []*veille.Document) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func open(t testing.TB, dir string) *Index {
	t.Helper()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func ids(t testing.TB, x *Index, q Query) []string {
	t.Helper()
	res, err := x.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func TestSearch(t *testing.T) {
	x := open(t, build(t, corpus()))
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"stem plural", Query{Text: "stupéfiant"}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"stem singular", Query{Text: "stupéfiants"}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"elision", Query{Text: "ubérisation"}, []string{"presse.jsonl#3"}},
		{"no accents", Query{Text: "stupefiants"}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"ligature", Query{Text: "oeuvre"}, []string{"notes/musee.txt"}},
		{"all words", Query{Text: "stupéfiants ministre"}, []string{"presse.jsonl#1"}},
		{"stop words only match nothing", Query{Text: "les"}, nil},
		{"topic", Query{Topics: []string{"narcotrafic"}}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"person, one word, no accent", Query{Persons: []string{"darmanin"}}, []string{"notes/musee.txt", "presse.jsonl#1"}},
		{"person accents", Query{Persons: []string{"elodie martin"}}, []string{"presse.jsonl#3"}},
		{"place", Query{Places: []string{"Marseille"}}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"org", Query{Orgs: []string{"DZ Mafia"}}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"operation", Query{Operations: []string{"place nette"}}, []string{"presse.jsonl#1"}},
		{"words of one name", Query{Places: []string{"quartiers nord"}}, []string{"presse.jsonl#1"}},
		{"not across two names", Query{Places: []string{"Marseille quartiers"}}, nil},
		{"keyphrase", Query{Keyphrases: []string{"points de deal"}}, []string{"presse.jsonl#1"}},
		{"since", Query{Places: []string{"Marseille"}, Since: day("2024-03-01")}, []string{"presse.jsonl#1"}},
		{"until inclusive", Query{Until: day("2024-03-19")}, []string{"presse.jsonl#1", "presse.jsonl#2"}},
		{"text and person", Query{Text: "trafic", Persons: []string{"Darmanin"}}, nil},
		{"topic and person", Query{Topics: []string{"narcotrafic"}, Persons: []string{"Darmanin"}}, []string{"presse.jsonl#1"}},
		{"everything", Query{}, []string{"notes/musee.txt", "presse.jsonl#1", "presse.jsonl#2", "presse.jsonl#3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(t, x, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	x := open(t, build(t, corpus()))
	res, err := x.Search(context.Background(), Query{Places: []string{"Marseille"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].Date != "2024-03-19" {
		t.Errorf("without text, want newest first, got %+v", res.Hits)
	}
	// Accents as written match both fields and outrank the folded match only.
	res, err = x.Search(context.Background(), Query{Text: "place nette"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "presse.jsonl#1" {
		t.Errorf("phrase: got %+v", res.Hits)
	}
}

func TestHitFields(t *testing.T) {
	x := open(t, build(t, corpus()))
	res, err := x.Search(context.Background(), Query{Text: "stupéfiants", Operations: []string{"Place nette XXL"}, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Fatalf("total %d, want 1", res.Total)
	}
	h := res.Hits[0]
	if h.ID != "presse.jsonl#1" || h.Source != "presse.jsonl" || h.Date != "2024-03-19" ||
		h.Title != "Opération Place nette XXL à Marseille" || !slices.Equal(h.Topics, []string{"narcotrafic"}) {
		t.Errorf("hit %+v", h)
	}
	if got := h.Entities[LabelOrg]; !slices.Equal(got, []string{"DZ Mafia"}) {
		t.Errorf("ORG %q", got)
	}
	if len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0], MarkStart+"stupéfiants"+MarkEnd) {
		t.Errorf("snippets %q", h.Snippets)
	}
	// Without a title, the first line stands in.
	res, err = x.Search(context.Background(), Query{Text: "œuvre"})
	if err != nil || len(res.Hits) != 1 || !strings.HasPrefix(res.Hits[0].Title, "Le musée des Confluences") {
		t.Errorf("title of a plain text: %+v, %v", res, err)
	}
}

func TestFacets(t *testing.T) {
	x := open(t, build(t, corpus()))
	res, err := x.Search(context.Background(), Query{Orgs: []string{"DZ Mafia"}, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]FacetValue{
		FacetPerson:    {{"Gérald Darmanin", 1}, {"Karim Benali", 1}},
		FacetPlace:     {{"Marseille", 2}, {"quartiers nord", 1}},
		FacetOrg:       {{"DZ Mafia", 2}},
		FacetOperation: {{"Place nette XXL", 1}},
		FacetTopic:     {{"narcotrafic", 2}},
	}
	for name, w := range want {
		got := res.Facets[name]
		slices.SortFunc(got, func(a, b FacetValue) int { return strings.Compare(a.Name, b.Name) })
		if !slices.Equal(got, w) {
			t.Errorf("%s: got %v, want %v", name, got, w)
		}
	}
}

func TestIncremental(t *testing.T) {
	ctx := context.Background()
	docs := corpus()
	dir := build(t, docs[:3])

	w, err := OpenOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if h, ok := w.Hash(docs[0].Source); !ok || h != ContentHash(docs[0].Title, docs[0].Date, docs[0].Text) {
		t.Errorf("Hash(%s) = %q, %v", docs[0].Source, h, ok)
	}
	if _, ok := w.Hash(docs[3].Source); ok {
		t.Errorf("Hash of a new document found")
	}
	changed := *docs[1]
	changed.Text += " Les ventes de cocaïne reculent."
	if h, _ := w.Hash(changed.Source); h == ContentHash(changed.Title, changed.Date, changed.Text) {
		t.Fatal("changed document has the same hash")
	}
	if err := w.Add(ctx, &changed, docs[3]); err != nil {
		t.Fatal(err)
	}
	if err := w.Remove(ctx, docs[2].Source); err != nil {
		t.Fatal(err)
	}
	// Readers see the old generation until the writer closes.
	if got := ids(t, open(t, dir), Query{Text: "cocaïne"}); got != nil {
		t.Errorf("before Close, reader sees %q", got)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	x := open(t, dir)
	if got := ids(t, x, Query{Text: "cocaïne"}); !slices.Equal(got, []string{"presse.jsonl#2"}) {
		t.Errorf("changed: %q", got)
	}
	if n, _ := x.Count(); n != 3 {
		t.Errorf("count %d, want 3", n)
	}
	if got := ids(t, x, Query{Text: "ubérisation"}); got != nil {
		t.Errorf("removed document still found: %q", got)
	}
	if gens := generations(t, dir); len(gens) != 1 {
		t.Errorf("generations left: %q", gens)
	}

	// A writer that changes nothing keeps the live generation.
	w, err = OpenOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if gen, _ := readCurrent(dir); gen != x.gen {
		t.Errorf("no-op writer published %s over %s", gen, x.gen)
	}
}

func generations(t testing.TB, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, genPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTwoWriters(t *testing.T) {
	dir := build(t, corpus())
	w, err := OpenOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for name, open := range map[string]func(string) (*Index, error){"OpenOrCreate": OpenOrCreate, "Rebuild": Rebuild, "Create": Create} {
		_, err := open(dir)
		if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), fmt.Sprint(os.Getpid())) {
			t.Errorf("%s: got %v, want ErrLocked naming pid %d", name, err, os.Getpid())
		}
	}
	// Readers take no lock.
	if got := ids(t, open(t, dir), Query{Topics: []string{"travail"}}); len(got) != 1 {
		t.Errorf("reader during a write: %q", got)
	}
}

func TestOpenErrors(t *testing.T) {
	tmp := t.TempDir()
	garbage := filepath.Join(tmp, "garbage")
	os.MkdirAll(garbage, 0o755)
	os.WriteFile(filepath.Join(garbage, "notes.txt"), []byte("x"), 0o644)

	dangling := filepath.Join(tmp, "dangling")
	os.MkdirAll(dangling, 0o755)
	os.WriteFile(filepath.Join(dangling, currentName), []byte("gen-000004\n"), 0o644)

	broken := build(t, corpus())
	gen, _ := readCurrent(broken)
	os.WriteFile(filepath.Join(broken, gen, "store", "root.bolt"), []byte("not a bolt file"), 0o644)

	tests := []struct {
		dir  string
		want error
	}{
		{filepath.Join(tmp, "missing"), ErrNotFound},
		{garbage, ErrCorrupt},
		{dangling, ErrCorrupt},
		{broken, ErrCorrupt},
	}
	for _, tt := range tests {
		_, err := Open(tt.dir)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.dir) {
			t.Errorf("Open(%s) = %v, want %v naming the directory", tt.dir, err, tt.want)
		}
	}
	if _, err := OpenOrCreate(garbage); !errors.Is(err, ErrCorrupt) {
		t.Errorf("OpenOrCreate on a foreign directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(garbage, lockName)); err == nil {
		t.Errorf("a lock file was created in a foreign directory")
	}
}

// childEnv makes the test binary a rebuilding child (see TestMain).
const childEnv = "VEILLE_INDEX_REBUILD_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		rebuildForever(dir)
		return
	}
	os.Exit(m.Run())
}

// rebuildForever rebuilds dir with ever more documents and never closes;
// it says "ready" once it has written a batch to disk.
func rebuildForever(dir string) {
	w, err := Rebuild(dir)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		d := article(fmt.Sprintf("autre.jsonl#%d", i), "2025-01-01", "Autre", "Un article sans rapport : la météo de Brest.", []string{"meteo"})
		if err := w.Add(context.Background(), d); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		if i == 50 {
			w.flush()
			fmt.Println("ready")
		}
	}
}

func TestRebuildKilled(t *testing.T) {
	dir := build(t, corpus())
	queries := []Query{{Text: "stupéfiants"}, {Persons: []string{"Darmanin"}}, {Topics: []string{"meteo"}}, {}}
	var before [][]string
	for _, q := range queries {
		before = append(before, ids(t, open(t, dir), q))
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "ready\n" {
		cmd.Process.Kill()
		t.Fatalf("child said %q", line)
	}
	// The rebuild holds the lock; readers still get the old index.
	if _, err := OpenOrCreate(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("writer during a rebuild: %v", err)
	}
	for i, q := range queries {
		if got := ids(t, open(t, dir), q); !slices.Equal(got, before[i]) {
			t.Errorf("during rebuild, %+v: got %q, want %q", q, got, before[i])
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	if gens := generations(t, dir); len(gens) != 2 {
		t.Errorf("want the live generation and the killed one, got %q", gens)
	}
	for i, q := range queries {
		if got := ids(t, open(t, dir), q); !slices.Equal(got, before[i]) {
			t.Errorf("after kill, %+v: got %q, want %q", q, got, before[i])
		}
	}
	// The next writer sweeps the leftovers.
	w, err := OpenOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if gens := generations(t, dir); len(gens) != 1 {
		t.Errorf("after the next writer, generations: %q", gens)
	}
}

func TestRebuild(t *testing.T) {
	docs := corpus()
	dir := build(t, docs)
	old := open(t, dir)
	w, err := Rebuild(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(context.Background(), docs[2]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, open(t, dir), Query{}); !slices.Equal(got, []string{docs[2].Source}) {
		t.Errorf("after rebuild: %q", got)
	}
	// A reader opened before the swap keeps its generation.
	if got := ids(t, old, Query{}); len(got) != 4 {
		t.Errorf("old reader: %q", got)
	}
}

func TestVersion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	w.Add(context.Background(), corpus()...)
	w.bi.SetInternal(versionKey, []byte("veille-0"))
	w.Close()
	if _, err := Open(dir); !errors.Is(err, ErrVersion) {
		t.Errorf("Open of an old mapping: %v", err)
	}
	if _, err := OpenOrCreate(dir); !errors.Is(err, ErrVersion) {
		t.Errorf("OpenOrCreate of an old mapping: %v", err)
	}
	w, err = Rebuild(dir)
	if err != nil {
		t.Fatalf("Rebuild must replace an old mapping: %v", err)
	}
	w.Close()
	open(t, dir)
}

// TestWriteFailure checks that a writer whose batch failed (a full disk,
// say) publishes nothing: Close reports the error and the live generation
// stays.
func TestWriteFailure(t *testing.T) {
	docs := corpus()
	dir := build(t, docs[:2])
	w, err := OpenOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(context.Background(), docs[2]); err != nil {
		t.Fatal(err)
	}
	w.failed = errors.New("no space left on device") // as apply records it
	if err := w.Add(context.Background(), docs[3]); err == nil {
		t.Error("Add after a failed write succeeded")
	}
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "no space") {
		t.Errorf("Close after a failed write: %v", err)
	}
	if n, _ := open(t, dir).Count(); n != 2 {
		t.Errorf("live index has %d documents, want the 2 it had", n)
	}
	if gens := generations(t, dir); len(gens) != 1 {
		t.Errorf("generations left: %q", gens)
	}
}

func TestReadOnly(t *testing.T) {
	x := open(t, build(t, corpus()))
	if err := x.Add(context.Background(), corpus()[0]); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Add on a reader: %v", err)
	}
	if err := x.Remove(context.Background(), "presse.jsonl#1"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Remove on a reader: %v", err)
	}
}

func TestCreateExists(t *testing.T) {
	dir := build(t, corpus())
	if _, err := Create(dir); !errors.Is(err, ErrExists) {
		t.Errorf("Create over an index: %v", err)
	}
}

func TestFileOf(t *testing.T) {
	for src, want := range map[string]string{
		"a/presse.jsonl#12":     "a/presse.jsonl",
		"a/presse.jsonl.gz#x#y": "a/presse.jsonl.gz",
		"notes/n#1.txt":         "notes/n#1.txt",
		"-":                     "-",
	} {
		if got := FileOf(src); got != want {
			t.Errorf("FileOf(%q) = %q, want %q", src, got, want)
		}
	}
}

// TestFacetTable checks that the reader's facet table, used from the second
// facet query on, counts exactly as bleve's facets do.
func TestFacetTable(t *testing.T) {
	dir := build(t, corpus())
	queries := []Query{
		{Facets: true},
		{Orgs: []string{"DZ Mafia"}, Facets: true},
		{Text: "stupéfiants", Facets: true},
		{Topics: []string{"travail"}, Facets: true},
		{Text: "introuvable", Facets: true},
	}
	x := open(t, dir)
	for range 2 {
		x.Search(context.Background(), Query{Facets: true})
	}
	if x.facets.table == nil {
		t.Fatal("no facet table after two facet queries")
	}
	for _, q := range queries {
		// A fresh reader's first facet query uses bleve's facets.
		want, err := open(t, dir).Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := x.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total {
			t.Errorf("%+v: total %d, want %d", q, got.Total, want.Total)
		}
		for _, f := range facetFields {
			if g, w := got.Facets[f.facet], want.Facets[f.facet]; !slices.Equal(g, w) {
				t.Errorf("%+v %s: table %v, bleve %v", q, f.facet, g, w)
			}
		}
	}
}
