package gazetteer_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/gazetteer"
	"github.com/veille/veille/pkg/tokenize"
)

func defaultGazetteer(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestEveryClassHasAList(t *testing.T) {
	g := defaultGazetteer(t)
	if g.Len() < 100000 {
		t.Errorf("Len() = %d, want the full lists (> 100,000 entries)", g.Len())
	}
	seen := gazetteer.Class(0)
	for _, w := range []string{"Paris", "Seine-Saint-Denis", "Occitanie", "Allemagne", "Londres",
		"Afrique", "Camille", "AFP", "Snapchat", "ministre", "français", "ministère", "rue",
		"Barkhane", "opération"} {
		seen |= g.Classes(w)
	}
	for _, c := range gazetteer.AllClasses() {
		if seen&c == 0 {
			t.Errorf("no probe word found class %v", c)
		}
	}
}

func TestClasses(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		word string
		want gazetteer.Class // must all be present
		not  gazetteer.Class // must all be absent
	}{
		{"Marseille", gazetteer.Commune | gazetteer.LargeCommune, gazetteer.Country},
		{"marseille", gazetteer.Commune, 0},
		{"Saint-Ouen", gazetteer.Commune, 0},
		{"Seine-Saint-Denis", gazetteer.Department, gazetteer.Commune},
		{"Hérault", gazetteer.Department, 0},
		{"Herault", gazetteer.Department, 0}, // accent-folded fallback
		{"Le Havre", gazetteer.Commune | gazetteer.LargeCommune, 0},
		{"Havre", gazetteer.Commune, 0}, // « au Havre »
		{"Nouvelle-Calédonie", gazetteer.Region | gazetteer.Country, 0},
		{"Royaume-Uni", gazetteer.Country, 0},
		{"États-Unis", gazetteer.Country, 0},
		{"ETATS-UNIS", gazetteer.Country, 0},
		{"Etats-Unis", gazetteer.Country, 0},
		{"Côte d’Ivoire", gazetteer.Country, 0}, // typographic apostrophe
		{"Londres", gazetteer.City, gazetteer.Commune},
		{"Pékin", gazetteer.City, 0},
		{"Moyen-Orient", gazetteer.WorldRegion, 0},
		{"Vienne", gazetteer.Commune | gazetteer.Department | gazetteer.City, 0},
		{"Gérald", gazetteer.FirstName, 0},
		{"Nicolas", gazetteer.FirstName, 0},
		{"BFMTV", gazetteer.Media, 0},
		{"Le Monde", gazetteer.Media, 0},
		{"Police nationale", gazetteer.Org, 0},
		{"Gendarmerie nationale", gazetteer.Org, 0},
		{"Mme", gazetteer.Title, 0},
		{"M.", gazetteer.Title, 0},
		{"préfet", gazetteer.Title, 0},
		{"marseillaise", gazetteer.Demonym, 0},
		{"françaises", gazetteer.Demonym, 0},
		{"tribunal", gazetteer.OrgWord, 0},
		{"quartier", gazetteer.LocWord, 0},
		{"Wuambushu", gazetteer.Operation, 0},
		{"dispositif", gazetteer.OperationWord, 0},
		{"Eu", 0, gazetteer.Commune},    // a stop word, dropped on purpose
		{"placé", 0, gazetteer.LocWord}, // accents in the text must match
		{"PLACE", gazetteer.LocWord, 0},
		{"voiture", 0, ^gazetteer.Class(0)},
		{"", 0, ^gazetteer.Class(0)},
	}
	for _, tt := range tests {
		got := g.Classes(tt.word)
		if got&tt.want != tt.want || got&tt.not != 0 {
			t.Errorf("Classes(%q) = %v, want %v and not %v", tt.word, got, tt.want, tt.not)
		}
	}
}

// span is a match as text, so the expectations hold whatever the tokenizer
// does with hyphens and elisions.
type span struct {
	text    string
	classes gazetteer.Class // must all be present
}

func matches(g *gazetteer.Gazetteer, text string) []span {
	toks := tokenize.Tokenize(text)
	var out []span
	for _, m := range g.Match(toks) {
		out = append(out, span{text[toks[m.First].Start:toks[m.Last-1].End], m.Classes})
	}
	return out
}

func TestMatch(t *testing.T) {
	g := defaultGazetteer(t)
	tests := []struct {
		text string
		want []span
	}{
		{"Le Havre", []span{{"Le Havre", gazetteer.Commune}}},
		{"au Havre", []span{{"Havre", gazetteer.Commune}}},
		{"en Seine-Saint-Denis", []span{{"Seine-Saint-Denis", gazetteer.Department}}},
		{"à Saint-Ouen", []span{{"Saint-Ouen", gazetteer.Commune}}},
		{"aux États-Unis", []span{{"États-Unis", gazetteer.Country}}},
		{"au Royaume-Uni", []span{{"Royaume-Uni", gazetteer.Country}}},
		{"en Nouvelle-Calédonie", []span{{"Nouvelle-Calédonie", gazetteer.Region}}},
		{"en Provence-Alpes-Côte d’Azur", []span{{"Provence-Alpes-Côte d’Azur", gazetteer.Region}}},
		{"dans l’Hérault", []span{{"Hérault", gazetteer.Department}}},
		{"dans l’Herault", []span{{"Herault", gazetteer.Department}}},
		{"AUX ETATS-UNIS", []span{{"ETATS-UNIS", gazetteer.Country}}},
		{"il a été placé en garde à vue", nil},
		{"selon Le Monde", []span{{"Le Monde", gazetteer.Media}}},
		{"PHOTO LUDOVIC MARIN / AFP", []span{{"LUDOVIC", gazetteer.FirstName}, {"AFP", gazetteer.Media}}}, // « marin » is a common word
		// A capitalised list word needs a capital in the text.
		{"partout dans le monde", nil},
		{"dans le sens", nil},
		{"la Police nationale", []span{{"Police nationale", gazetteer.Org}}},
		{"la police nationale", []span{{"police", gazetteer.OrgWord}, {"nationale", gazetteer.Demonym}}},
		{"le ministère de l'Intérieur", []span{{"ministère", gazetteer.OrgWord}}},
		{"Mme Dupont", []span{{"Mme", gazetteer.Title}}},
		{"l'opération Sentinelle", []span{{"opération", gazetteer.OperationWord}, {"Sentinelle", gazetteer.Operation}}},
		{"", nil},
	}
	for _, tt := range tests {
		got := matches(g, tt.text)
		ok := len(got) == len(tt.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].text == tt.want[i].text && got[i].classes&tt.want[i].classes == tt.want[i].classes
		}
		if !ok {
			t.Errorf("Match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	g, err := gazetteer.Load(fstest.MapFS{
		"city.txt":  {Data: []byte("# comment\nLondres\n\nLa Nouvelle-Orléans\n")},
		"title.txt": {Data: []byte("Mme\n")},
		"README":    {Data: []byte("not a list")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 {
		t.Errorf("Len() = %d, want 3", g.Len())
	}
	if got := matches(g, "Mme Smith à la Nouvelle-Orléans"); len(got) != 1 || got[0].text != "Mme" {
		t.Errorf("lower-case « la » matched the capitalised list word « La »: %v", got)
	}
	if got := matches(g, "à La Nouvelle-Orléans"); len(got) != 1 || got[0].classes != gazetteer.City {
		t.Errorf("got %v, want La Nouvelle-Orléans as City", got)
	}

	_, err = gazetteer.Load(fstest.MapFS{"villes.txt": {Data: []byte("Paris\n")}})
	if !errors.Is(err, gazetteer.ErrUnknownList) || !strings.Contains(err.Error(), "villes.txt") {
		t.Errorf("unknown list: err = %v, want ErrUnknownList naming villes.txt", err)
	}
}

func TestClassString(t *testing.T) {
	tests := []struct {
		c    gazetteer.Class
		want string
	}{
		{0, "0"},
		{gazetteer.Commune, "Commune"},
		{gazetteer.Commune | gazetteer.City, "Commune|City"},
		{gazetteer.OperationWord | 1<<30, "OperationWord|0x40000000"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%d.String() = %q, want %q", uint32(tt.c), got, tt.want)
		}
	}
	for _, c := range gazetteer.AllClasses() {
		if c.FileName() != strings.ToLower(c.String())+".txt" {
			t.Errorf("%v.FileName() = %q", c, c.FileName())
		}
	}
	if (gazetteer.Commune | gazetteer.City).FileName() != "" {
		t.Error("FileName of two classes should be empty")
	}
}

func ExampleGazetteer_Match() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	text := "Le préfet de Seine-Saint-Denis s’est rendu au Havre avec Mme Borne et l’AFP."
	toks := tokenize.Tokenize(text)
	for _, m := range g.Match(toks) {
		fmt.Printf("%s: %v\n", text[toks[m.First].Start:toks[m.Last-1].End], m.Classes&^gazetteer.FirstName)
	}
	// Output:
	// préfet: Title
	// Seine-Saint-Denis: Department
	// Havre: Commune|LargeCommune
	// Mme: Title
	// Borne: Commune
	// AFP: Media
}

func ExampleGazetteer_Classes() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Classes("Vienne"))
	fmt.Println(g.Classes("etats-unis"))
	fmt.Println(g.Classes("gendarmerie nationale"))
	// Output:
	// Commune|LargeCommune|Department|City|FirstName
	// Country
	// Org
}

// benchText is ordinary news French written for this benchmark.
const benchText = `Le préfet de police de Paris a annoncé mardi soir le renforcement des
contrôles dans plusieurs quartiers de Seine-Saint-Denis, après une série de
règlements de comptes liés au trafic de stupéfiants. Selon une source
policière citée par l’AFP, une cinquantaine de gendarmes et de policiers de la
BAC ont été mobilisés à Saint-Ouen, Aubervilliers et Saint-Denis. Le ministre
de l’Intérieur s’est rendu sur place mercredi et a promis de nouvelles
opérations « Place nette » dans les prochaines semaines. À Marseille, le maire
a de son côté réclamé des effectifs supplémentaires, tandis que la justice
enquête sur un réseau qui s’étendrait jusqu’en Espagne et aux Pays-Bas. Les
enquêteurs de l’Office anti-stupéfiants travaillent avec leurs homologues
belges et néerlandais, a précisé le parquet de Marseille dans un communiqué.
Au Havre, les douaniers ont saisi deux tonnes de cocaïne arrivées d’Amérique
latine dans un conteneur, a rapporté Le Parisien. Mme Martin, avocate d’un des
suspects, dénonce une « opération de communication » du gouvernement.`

func BenchmarkMatch(b *testing.B) {
	g := defaultGazetteer(b)
	toks := tokenize.Tokenize(strings.Repeat(benchText+"\n", 20))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g.Match(toks)
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkClasses(b *testing.B) {
	g := defaultGazetteer(b)
	toks := tokenize.Tokenize(benchText)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range toks {
			g.Classes(t.Text)
		}
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(models.Gazetteer, "gazetteer")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := gazetteer.Load(sub); err != nil {
			b.Fatal(err)
		}
	}
}
