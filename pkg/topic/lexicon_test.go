package topic

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/stem"
)

func TestLoadLexiconErrors(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // substring of the error, with file and line
	}{
		{"syntax", "min_cues = 2\n[[topic]]\nid = \"a\"\n[topic.cues]\n\"drogue\" = \n", "mine.toml:5:"},
		{"unknown key", "[[topic]]\nid = \"a\"\nmin_cue = 2\n[topic.cues]\n\"drogue\" = 1\n", `mine.toml:3: unknown key "topic.min_cue"`},
		{"no id", "[[topic]]\nid = \"a\"\n[topic.cues]\n\"drogue\" = 1\n\n[[topic]]\nlabel = \"B\"\n[topic.cues]\n\"prison\" = 1\n", "mine.toml:6: topic 2 has no id"},
		{"duplicate id", "[[topic]]\nid = \"a\"\n[topic.cues]\n\"drogue\" = 1\n[[topic]]\nid = \"a\"\n[topic.cues]\n\"prison\" = 1\n", `mine.toml:6: topic id "a" is used twice`},
		{"no cues", "[[topic]]\nid = \"a\"\nlabel = \"A\"\n", `mine.toml:2: topic "a" has no cues`},
		{"bad weight", "[[topic]]\nid = \"a\"\n[topic.cues]\n\"drogue\" = 1\n\"cannabis\" = -2\n", `mine.toml:5: topic "a": cue "cannabis": weight must be > 0`},
		{"weight type", "[[topic]]\nid = \"a\"\n[topic.cues]\n\"drogue\" = \"fort\"\n", "mine.toml:4: topic.cues.drogue: incompatible types"},
		{"same stems", "[[topic]]\nid = \"a\"\n[topic.cues]\n\"stupéfiant\" = 1\n\"stupéfiants\" = 2\n", `mine.toml:5: topic "a": cues "stupéfiant" and "stupéfiants" have the same stems`},
		{"no word", "[[topic]]\nid = \"a\"\n[topic.cues]\n\"--\" = 1\n", `mine.toml:4: topic "a": cue "--" has no word`},
		{"bad threshold", "[[topic]]\nid = \"a\"\nmin_score = 2.0\n[topic.cues]\n\"drogue\" = 1\n", `mine.toml:2: topic "a": want scale > 0`},
		{"empty", "# nothing\n", "mine.toml: no [[topic]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadLexicon(strings.NewReader(tt.file), "mine.toml")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrLexicon) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want ErrLexicon containing %q", err, tt.want)
			}
		})
	}
}

const testLexicon = `
min_cues = 1
min_score = 0.1
[[topic]]
id = "stup"
label = "Stupéfiants"
[topic.cues]
"stupéfiant" = 1
"trafic de stupéfiants" = 3
"forces de l'ordre" = 1
[[topic]]
id = "prison"
label = "Prisons"
min_cues = 2
[topic.cues]
"prison" = 2
"détenu" = 2
`

func TestLexiconMatch(t *testing.T) {
	lx, err := LoadLexicon(strings.NewReader(testLexicon), "test.toml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string // "id: cue×n, …" per topic, "; " between topics
	}{
		{"Des stupéfiants saisis. Un stupéfiant.", "stup: stupéfiant×2"},
		// The phrase wins over the single word it contains.
		{"Le trafic de stupéfiants recule, les stupéfiants non.", "stup: stupéfiant×1, trafic de stupéfiants×1"},
		{"Les forces de l’ordre sont là.", "stup: forces de l'ordre×1"},
		// One distinct cue is below the prison topic's min_cues.
		{"La prison, encore la prison.", ""},
		{"Un détenu s’évade de la prison.", "prison: détenu×1, prison×1"},
		{"Rien à signaler.", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tp := range lx.Match(stem.Analyze(tt.text)) {
			var ev []string
			for _, e := range tp.Evidence {
				ev = append(ev, e.Cue+"×"+strconv.Itoa(e.Count))
			}
			if tp.Kind != "lexicon" || tp.Score <= 0 || tp.Score >= 1 {
				t.Errorf("%q: topic %+v: want kind lexicon and score in (0,1)", tt.text, tp)
			}
			got = append(got, tp.ID+": "+strings.Join(ev, ", "))
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestDefaultLexicon(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"stupefiants", "cybercriminalite", "operations-police", "justice", "prisons", "violences-urbaines", "terrorisme", "immigration"}
	if len(lx.topics) != len(want) {
		t.Fatalf("%d topics, want %d", len(lx.topics), len(want))
	}
	for i, id := range want {
		if lx.topics[i].id != id {
			t.Errorf("topic %d is %q, want %q", i, lx.topics[i].id, id)
		}
	}
	b, err := os.ReadFile("../../corpus/topic/marseille-reseau-livraison.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, tp := range lx.Match(stem.Analyze(string(b))) {
		got[tp.ID] = true
	}
	for _, id := range []string{"stupefiants", "operations-police", "justice", "cybercriminalite"} {
		if !got[id] {
			t.Errorf("fixture article: topic %q not found (got %v)", id, got)
		}
	}
	for _, id := range []string{"terrorisme", "immigration", "prisons", "violences-urbaines"} {
		if got[id] {
			t.Errorf("fixture article: unexpected topic %q", id)
		}
	}
}

func TestLexiconMatchFoldsAccents(t *testing.T) {
	lx, err := LoadLexicon(strings.NewReader("min_cues = 1\n[[topic]]\nid = \"t\"\n[topic.cues]\n\"État islamique\" = 3\n"), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"L'État islamique a revendiqué.", "L'ETAT ISLAMIQUE a revendiqué.", "l’Etat islamique a revendiqué."} {
		if got := lx.Match(stem.Analyze(text)); len(got) != 1 || got[0].Evidence[0].Count != 1 {
			t.Errorf("%q: got %+v, want État islamique once", text, got)
		}
	}
}
