package operation

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
)

func mustDefault(t testing.TB) *Finder {
	t.Helper()
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// operations returns the texts of the OPERATION mentions Find returns.
func operations(f *Finder, text string, model []ner.Mention) []string {
	var out []string
	for _, m := range f.Find(stem.Analyze(text), model) {
		if m.Label == Label {
			out = append(out, m.Text)
		}
	}
	return out
}

func TestFindPatterns(t *testing.T) {
	f := mustDefault(t)
	tests := []struct {
		text string
		want []string
	}{
		// Quoted names after a trigger, in any case.
		{"Opération « Place nette XXL » à Marseille : le bilan.", []string{"Place nette XXL"}},
		{"Dans le cadre des opérations « place nette », les saisies augmentent.", []string{"place nette"}},
		{`Le gouvernement lance l'opération "Tonnerre bleu" contre les dealers.`, []string{"Tonnerre bleu"}},
		{"La police a mené l’opération baptisée « Éclipse » mardi.", []string{"Éclipse"}},
		{"Une opération nom de code « Aigle noir » a été lancée.", []string{"Aigle noir"}},
		{"La campagne « Stop harcèlement » débute lundi.", []string{"Stop harcèlement"}},
		{"Une opération de police « Coup de balai » a visé le quartier.", []string{"Coup de balai"}},
		{"Une opération de police à Lyon a eu lieu.", nil},
		{"L'opération Wuambushu 2 commence à Mayotte.", []string{"Wuambushu 2"}},
		// Capitalised names after a trigger, also unseen ones.
		{"Les soldats de l'opération Wuambushu sont arrivés.", []string{"Wuambushu"}},
		{"Les gendarmes de l'opération Kaméléon ont saisi du cannabis.", []string{"Kaméléon"}},
		{"L'opération militaire Résilience mobilise l'armée.", []string{"Résilience"}},
		{"Elle a servi dans la force française Barkhane au Sahel.", []string{"Barkhane"}},
		{"Depuis l'opération Tempête du désert, rien n'a changé.", []string{"Tempête du désert"}},
		{"Opération résilience : les militaires ne verbaliseront pas", []string{"résilience"}},
		// Coordinated names after a plural trigger.
		{"Ils sont morts dans les opérations Serval (2013) et Barkhane (depuis 2014).", []string{"Serval", "Barkhane"}},
		// Listed unambiguous names count without a trigger; ambiguous ones need one.
		{"Le niveau Vigipirate a été relevé à Paris.", []string{"Vigipirate"}},
		{"Un soldat de Barkhane est mort.", []string{"Barkhane"}},
		{"La sentinelle veillait. Sentinelle est aussi un film.", nil},
		{"Un militaire de l'opération Sentinelle a été blessé. Sentinelle compte 7000 hommes.", []string{"Sentinelle", "Sentinelle"}},
		{"des militaires Sentinelles patrouillaient", []string{"Sentinelles"}},
		{"Les armées, surengagées (Serval, Barkhane, Sentinelle...), manquent de moyens.", []string{"Serval", "Barkhane", "Sentinelle"}},
		{"Barkhane et Licorne ont coûté cher ; la licorne est un mythe.", []string{"Barkhane", "Licorne"}},
		// Glued paragraphs of OrangeSum.
		{"au Mali avec BarkhaneSon rôle est clair", []string{"Barkhane"}},
		// Negative cases.
		{"Une opération de police a eu lieu à Marseille.", nil},
		{"Le chirurgien a réalisé une opération chirurgicale délicate.", nil},
		{"Le plan de relance sera présenté jeudi.", nil},
		{"Les opérations coup de poing se multiplient.", nil},
		{"Les opérations « coup de poing » se multiplient.", nil},
		{"Une grosse opération de police a mobilisé 200 agents.", nil},
		{"La mission d'information parlementaire rend son rapport.", nil},
		{"Le plan social touche 300 salariés.", nil},
		{"Le plan Vigipirate est au niveau « Urgence attentat ».", []string{"Vigipirate"}},
		{"Le dispositif « urgence attentat » a été activé.", nil},
		{"C'est une opération « urgente », dit-il.", nil},
		{"Le PS n'a pas de plan B.", nil},
		{"Il évoque l'opération Srebrenica. Le massacre de Srebrenica a fait 8000 morts.", nil},
		{"L'opération Srebrenica a échoué, à Srebrenica même.", nil},
		{"Le plan Trump divise. Donald Trump insiste.", nil},
		{"Le plan Borloo est enterré, M. Borloo le regrette.", nil},
		{"Au premier plan Emmanuel Macron sourit.", nil},
		{"Les Forces Françaises Libres ont défilé.", nil},
		{"Il a mené une campagne « nauséabonde » contre elle.", nil},
	}
	for _, tt := range tests {
		if got := operations(f, tt.text, nil); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestFindAcronyms(t *testing.T) {
	f := mustDefault(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Le quartier est classé « Quartier de reconquête républicaine » (QRR). Les QRR ont plus de policiers.",
			[]string{"Quartier de reconquête républicaine", "QRR", "QRR"}},
		{"Le dispositif « Zone de sécurité prioritaire » (ZSP) est relancé. La ZSP couvre trois cités, mais pas la zsp voisine.",
			[]string{"Zone de sécurité prioritaire", "ZSP", "ZSP"}},
		{"Les ZSP (dispositif « Zone de sécurité prioritaire ») reviennent.", []string{"Zone de sécurité prioritaire"}},
		// An acronym that is not defined next to an operation is left alone.
		{"La BAC (brigade anticriminalité) et l'opération « Coup de balai ».", []string{"Coup de balai"}},
	}
	for _, tt := range tests {
		if got := operations(f, tt.text, nil); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestFindSpansExcludeTriggerAndQuotes(t *testing.T) {
	f := mustDefault(t)
	text := "Opération « Place nette XXL » à Marseille"
	ms := f.Find(stem.Analyze(text), nil)
	if len(ms) != 1 {
		t.Fatalf("got %v", ms)
	}
	m := ms[0]
	if text[m.Start:m.End] != m.Text || m.Text != "Place nette XXL" || m.Source != SourceRule || m.Entity != -1 {
		t.Errorf("got %+v", m)
	}
}

func TestMergePrecedence(t *testing.T) {
	f := mustDefault(t)
	mention := func(text, sub, label string) ner.Mention {
		i := strings.Index(text, sub)
		return ner.Mention{Start: i, End: i + len(sub), Text: sub, Label: label, Source: "model"}
	}
	type got struct{ Text, Label, Source string }
	tests := []struct {
		name  string
		text  string
		model []string // "sub/LABEL"
		want  []got
	}{
		{"rule beats an overlapping model span",
			"Les soldats de l'opération Barkhane à Gao.",
			[]string{"opération Barkhane/MISC", "Gao/LOC"},
			[]got{{"Barkhane", Label, SourceRule}, {"Gao", "LOC", "model"}}},
		{"list beats a model LOC on a listed name",
			"Un camion de la force Barkhane a sauté.",
			[]string{"Barkhane/LOC"},
			[]got{{"Barkhane", Label, SourceRule}}},
		{"a longer model name holds a list match found without trigger",
			"Jean Serval a témoigné, puis Serval a quitté Barkhane.",
			[]string{"Jean Serval/PER"},
			[]got{{"Jean Serval", "PER", "model"}, {"Serval", Label, SourceList}, {"Barkhane", Label, SourceList}}},
		{"but not a name found after a trigger",
			"L'opération Serval Mali a commencé.",
			[]string{"Serval Mali/LOC"},
			[]got{{"Serval", Label, SourceRule}}},
		{"model LOC beats an unlisted capitalised name after a trigger",
			"L'opération Srebrenica reste un mystère.",
			[]string{"Srebrenica/LOC"},
			[]got{{"Srebrenica", "LOC", "model"}}},
		{"model PER beats an unlisted name after a trigger",
			"Le plan Castex est présenté.",
			[]string{"Castex/PER"},
			[]got{{"Castex", "PER", "model"}}},
		{"a capitalised model OPERATION without trigger stands",
			"Le contrat Pégase a été signé par Airbus.",
			[]string{"Pégase/OPERATION", "Airbus/ORG"},
			[]got{{"Pégase", Label, "model"}, {"Airbus", "ORG", "model"}}},
		{"a lower-case model OPERATION without trigger or list is dropped",
			"Une opération de police a eu lieu.",
			[]string{"police/OPERATION"},
			nil},
		{"a model OPERATION on a never-name is dropped",
			"Les opérations coup de poing continuent.",
			[]string{"coup de poing/OPERATION"},
			nil},
		{"a model OPERATION that the document shows to be a place is dropped",
			"Tonnerre est calme. Il vit à Tonnerre.",
			[]string{"Tonnerre/OPERATION"},
			nil},
		{"overlapping model spans: earlier then longer wins",
			"Le tribunal correctionnel de Marseille juge.",
			[]string{"Marseille/LOC", "tribunal correctionnel de Marseille/ORG", "correctionnel/MISC"},
			[]got{{"tribunal correctionnel de Marseille", "ORG", "model"}}},
	}
	for _, tt := range tests {
		var model []ner.Mention
		for _, s := range tt.model {
			sub, label, _ := strings.Cut(s, "/")
			model = append(model, mention(tt.text, sub, label))
		}
		var g []got
		for _, m := range f.Find(stem.Analyze(tt.text), model) {
			g = append(g, got{m.Text, m.Label, m.Source})
		}
		if !reflect.DeepEqual(g, tt.want) {
			t.Errorf("%s: %q\n got %v\nwant %v", tt.name, tt.text, g, tt.want)
		}
	}
}

func TestFindBadInput(t *testing.T) {
	f := mustDefault(t)
	if got := f.Find(nil, nil); got != nil {
		t.Errorf("nil analysis: %v", got)
	}
	text := "L'opération « Sentinelle » à Paris."
	bad := []ner.Mention{
		{Start: -1, End: 3, Label: "PER"}, {Start: 5, End: 500, Label: "LOC"}, {Start: 4, End: 4, Label: "ORG"},
		{Start: 16, End: 17, Label: "LOC"}, // inside « (not a rune start)
	}
	got := f.Find(stem.Analyze(text), bad)
	if len(got) != 1 || got[0].Text != "Sentinelle" {
		t.Errorf("got %v", got)
	}
	for _, s := range []string{"", "«", "opération «", "opération « »", "l'opération", "plan \"", "Opération\n« X »"} {
		f.Find(stem.Analyze(s), nil) // must not panic
	}
}

func TestFindSorted(t *testing.T) {
	f := mustDefault(t)
	text := "À Paris, l'opération Sentinelle et le plan Vigipirate protègent Gérald Darmanin."
	model := []ner.Mention{
		{Start: strings.Index(text, "Gérald"), End: len(text) - 1, Text: "Gérald Darmanin", Label: "PER"},
		{Start: 3, End: 8, Text: "Paris", Label: "LOC"},
	}
	got := f.Find(stem.Analyze(text), model)
	var texts []string
	for i, m := range got {
		if i > 0 && m.Start < got[i-1].End {
			t.Errorf("overlap or disorder at %d: %v", i, got)
		}
		texts = append(texts, m.Text)
	}
	if want := []string{"Paris", "Sentinelle", "Vigipirate", "Gérald Darmanin"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("got %q, want %q", texts, want)
	}
}

func TestFindConcurrent(t *testing.T) {
	f := mustDefault(t)
	a := stem.Analyze("Les opérations « place nette » et la force Barkhane.")
	want := fmt.Sprint(f.Find(a, nil))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := fmt.Sprint(f.Find(a, nil)); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
	wg.Wait()
}

func TestLoadList(t *testing.T) {
	l, err := LoadList(strings.NewReader("# known\nBarkhane\nSentinelle ?\nTempête du désert | Desert Storm\n!coup de poing\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 4 {
		t.Errorf("Len = %d, want 4", l.Len())
	}
	f := New(l)
	if got := operations(f, "Barkhane et Desert Storm, mais Sentinelle non.", nil); !reflect.DeepEqual(got, []string{"Barkhane", "Desert Storm"}) {
		t.Errorf("got %q", got)
	}
	if got := operations(f, "Les opérations « coup de poing » et l'opération Sentinelle.", nil); !reflect.DeepEqual(got, []string{"Sentinelle"}) {
		t.Errorf("got %q", got)
	}

	bad := []struct {
		list string
		line int
		err  error
	}{
		{"Barkhane\n | Serval\n", 2, ErrEmptyName},
		{"Barkhane\nServal\n« Harpie »\n", 3, ErrBadName},
		{"un deux trois quatre cinq six sept huit neuf\n", 1, ErrLongName},
		{"ok\n!coup de poing ?\n", 2, ErrBadMarker},
		{"ok\n!a | b\n", 2, ErrBadMarker},
		{"?\n", 1, ErrEmptyName},
		{"ok\n" + strings.Repeat("x", 5000) + "\n", 2, ErrListTooBig},
	}
	for _, b := range bad {
		_, err := LoadList(strings.NewReader(b.list))
		if !errors.Is(err, b.err) || !strings.Contains(err.Error(), fmt.Sprintf("line %d:", b.line)) {
			t.Errorf("%q: err = %v, want line %d and %v", b.list, err, b.line, b.err)
		}
	}
}

func TestNilList(t *testing.T) {
	f := New(nil)
	if got := operations(f, "L'opération « Place nette » et l'opération Barkhane, puis Vigipirate.", nil); !reflect.DeepEqual(got, []string{"Place nette", "Barkhane"}) {
		t.Errorf("got %q", got)
	}
}

func BenchmarkFind(b *testing.B) {
	f := mustDefault(b)
	a := stem.Analyze(referenceLike)
	b.SetBytes(int64(len(referenceLike)))
	b.ReportAllocs()
	for b.Loop() {
		f.Find(a, nil)
	}
}

// referenceLike is an original text shaped like the reference article
// (title, lead, photo credit, body of about 500 words).
var referenceLike = strings.Repeat(`Trafic de drogue : Gérald Darmanin annonce l'opération « Place nette XXL » à Marseille

Le ministre de l'Intérieur Gérald Darmanin a présenté jeudi un nouveau bilan des opérations « place nette » contre les points de deal.
JEAN DUPONT / AFP Le ministre a rappelé que les militaires de l'opération Sentinelle restent mobilisés et que le plan Vigipirate est maintenu.

Selon le préfet de police des Bouches-du-Rhône, Pierre-Édouard Colliex, les forces de l'ordre ont saisi des armes et de la drogue dans le quartier de la Castellane. M. Darmanin a salué le travail des policiers. Une grosse opération de police a aussi visé la cité Félix-Pyat, où les enquêteurs soupçonnent le clan Yoda de tenir le trafic.

`, 3)
