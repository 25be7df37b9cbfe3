package category_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/topic/category"
)

// Original texts written for these tests.
var fixtures = []struct {
	name string
	text string
	want []string // acceptable best classes
}{
	{"fait-divers", "Un automobiliste de 34 ans a été interpellé dimanche soir à Lens après avoir percuté un piéton. " +
		"Selon le parquet, le conducteur roulait sous l'emprise de l'alcool et a pris la fuite avant d'être rattrapé par une patrouille de gendarmerie. " +
		"La victime, un homme de 60 ans, a été transportée dans un état grave au centre hospitalier. " +
		"Le suspect a été placé en garde à vue et une enquête a été ouverte pour homicide involontaire aggravé.",
		[]string{"societe/fait-divers"}},
	{"car review", "Essai du nouveau SUV compact : la version hybride rechargeable de ce modèle annonce une autonomie de 60 kilomètres en mode électrique. " +
		"Le moteur thermique de 1,6 litre développe 180 chevaux et la boîte automatique se montre douce en ville. " +
		"Sur autoroute, la consommation reste raisonnable, mais le coffre perd quelques litres à cause de la batterie. " +
		"Le constructeur propose ce véhicule à partir de 38.000 euros, bonus écologique déduit.",
		[]string{"auto"}},
	{"politics", "Le Premier ministre a engagé mardi la responsabilité du gouvernement à l'Assemblée nationale sur le projet de loi de finances. " +
		"Les députés de l'opposition ont aussitôt annoncé le dépôt d'une motion de censure. " +
		"Au Sénat, la majorité sénatoriale dénonce un passage en force tandis que le président du groupe socialiste réclame un nouveau débat sur les retraites.",
		[]string{"politique"}},
	{"world", "À Washington, le président américain a reçu jeudi son homologue brésilien pour évoquer la déforestation en Amazonie. " +
		"Les deux dirigeants ont signé un accord commercial, tandis que Pékin et Moscou ont dénoncé une alliance dirigée contre eux. " +
		"L'ONU a salué une avancée diplomatique.",
		[]string{"monde"}},
	{"people", "La chanteuse a annoncé sur Instagram son mariage avec l'acteur qui partage sa vie depuis cinq ans. " +
		"Le couple, très discret, s'est dit oui lors d'une cérémonie intime en présence de leurs proches. " +
		"Ses fans ont inondé les réseaux sociaux de messages de félicitations pour la star.",
		[]string{"societe/people"}},
	// OrangeSum has no sport section: its few match reports sit mostly
	// under france.
	{"football", "Ligue 1 : Lyon s'impose face à Marseille. Les Lyonnais ont battu l'OM deux buts à un samedi soir. " +
		"L'attaquant a ouvert le score à la 20e minute avant l'égalisation marseillaise juste avant la pause. " +
		"En seconde période, un penalty transformé par le capitaine a offert la victoire aux joueurs de l'entraîneur, " +
		"qui remontent à la troisième place du championnat.",
		[]string{"france"}},
}

func TestDefaultClassifiesFixtures(t *testing.T) {
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			got := clf.Classify(stem.Analyze(f.text))
			if len(got) == 0 || len(got) > category.MaxTopics {
				t.Fatalf("Classify returned %d topics", len(got))
			}
			if !slices.Contains(f.want, got[0].ID) {
				t.Errorf("best class %s (%.2f), want one of %v; all: %+v", got[0].ID, got[0].Score, f.want, got)
			}
			for i, tp := range got {
				if tp.Kind != category.Kind || tp.Label == "" || tp.Score <= 0 || tp.Score > 1 {
					t.Errorf("topic %d malformed: %+v", i, tp)
				}
				if i > 0 && (tp.Score > got[i-1].Score || tp.Score < category.MinScore) {
					t.Errorf("topic %d out of order or under MinScore: %+v", i, got)
				}
			}
		})
	}
}

func TestProbabilitiesSumToOne(t *testing.T) {
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"", "...", fixtures[0].text} {
		p := clf.Probabilities(stem.Analyze(text))
		if len(p) != len(clf.Classes()) {
			t.Fatalf("%d probabilities for %d classes", len(p), len(clf.Classes()))
		}
		var sum float64
		for _, v := range p {
			sum += v
		}
		if sum < 0.999 || sum > 1.001 {
			t.Errorf("%q: probabilities sum to %v", text, sum)
		}
	}
}

func TestDefaultHasTwelveClasses(t *testing.T) {
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"auto", "france", "monde", "politique", "societe/culture", "societe/environnement",
		"societe/fait-divers", "societe/high-tech", "societe/insolite", "societe/media", "societe/people", "societe/sante"}
	if got := clf.Classes(); !slices.Equal(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
}

func TestClassifyConcurrently(t *testing.T) {
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := stem.Analyze(fixtures[1].text)
	want := clf.Classify(a)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := clf.Classify(a); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent Classify gave %+v, want %+v", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// synthetic is a tiny training set: sport versus cuisine.
var synthetic = []category.Example{
	{"Le club a gagné le match grâce à un but en fin de partie.", "sport"},
	{"L'attaquant a marqué deux buts et l'équipe mène le championnat.", "sport"},
	{"Le gardien a arrêté un penalty pendant la finale.", "sport"},
	{"L'entraîneur prépare le match de coupe contre le club voisin.", "sport"},
	{"Faites revenir les oignons dans le beurre puis ajoutez la farine.", "cuisine"},
	{"La recette du gâteau demande des œufs, du sucre et du beurre.", "cuisine"},
	{"Le chef sert la soupe de légumes avec une pincée de sel.", "cuisine"},
	{"Laissez mijoter la sauce et ajoutez les herbes de la recette.", "cuisine"},
}

func trainSynthetic(t *testing.T) []byte {
	t.Helper()
	clf, err := category.Train(context.Background(), synthetic, category.TrainOptions{HashBits: 12, Epochs: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := clf.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainIsDeterministic(t *testing.T) {
	a, b := trainSynthetic(t), trainSynthetic(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data gave different models")
	}
	clf, err := category.Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := clf.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again.Bytes()) {
		t.Error("Load then Save changed the model")
	}
	for text, want := range map[string]string{
		"Le but du match a été marqué par l'attaquant du club.": "sport",
		"Ajoutez le beurre et le sucre à la recette.":           "cuisine",
	} {
		if got := clf.Classify(stem.Analyze(text))[0].ID; got != want {
			t.Errorf("%q: got %s, want %s", text, got, want)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		examples []category.Example
		want     error
	}{
		{"no examples", ctx, nil, category.ErrNoData},
		{"one class", ctx, synthetic[:4], nil},
		{"empty label", ctx, []category.Example{{"texte", ""}, {"autre", "b"}}, nil},
		{"cancelled", cancelled, synthetic, context.Canceled},
	}
	for _, tt := range tests {
		_, err := category.Train(tt.ctx, tt.examples, category.TrainOptions{HashBits: 10})
		if err == nil {
			t.Errorf("%s: no error", tt.name)
		} else if tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not gzip"), trainSynthetic(t)[:40]} {
		if _, err := category.Load(bytes.NewReader(data)); !errors.Is(err, category.ErrBadModel) {
			t.Errorf("Load(%d bytes): error %v, want ErrBadModel", len(data), err)
		}
	}
}

func TestReadOrangeSum(t *testing.T) {
	in := `{"id":"orangesum_00001","category":"france","subcategory":null,"title":"Titre","heading":"Chapô","article":"Corps.","split":"train"}
{"id":"orangesum_00002","category":"societe","subcategory":"fait-divers","title":"T2","heading":"","article":"B2","split":"train"}
{"id":"orangesum_00003", "category": 
{"id":"orangesum_00008","category":"auto","subcategory":"electrique","title":"T8","heading":"","article":"B8","split":"dev"}

{"id":"orangesum_00011","category":"","title":"T11","article":"B11","split":"train"}
{"id":"orangesum_00012","category":"monde","subcategory":null,"title":"T12","heading":"H12","article":"B12","split":"train"}
`
	var got []string
	var errs []error
	for ex, err := range category.ReadOrangeSum(strings.NewReader(in), "train") {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, fmt.Sprintf("%s|%q", ex.Label, ex.Text))
	}
	want := []string{`france|"Titre\n\nChapô\n\nCorps."`, `societe/fait-divers|"T2\n\nB2"`, `monde|"T12\n\nH12\n\nB12"`}
	if !slices.Equal(got, want) {
		t.Errorf("examples:\n got %v\nwant %v", got, want)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want 2", errs)
	}
	for i, line := range []string{"line 3:", "line 6 "} {
		if !errors.Is(errs[i], category.ErrBadLine) || !strings.Contains(errs[i].Error(), line) {
			t.Errorf("error %q should wrap ErrBadLine and name %q", errs[i], line)
		}
	}
	var all int
	for _, err := range category.ReadOrangeSum(strings.NewReader(in), "") {
		if err == nil {
			all++
		}
	}
	if all != 4 {
		t.Errorf("split \"\" kept %d examples, want 4", all)
	}
}

func TestReadOrangeSumShared(t *testing.T) {
	path := sharedtest.Path(t, "corpus", "orangesum", "articles.jsonl.gz")
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for ex, err := range category.ReadOrangeSumFile(path, "dev") {
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(clf.Classes(), ex.Label) || ex.Text == "" {
			t.Fatalf("example %d: label %q, %d bytes of text", n, ex.Label, len(ex.Text))
		}
		if n++; n == 200 {
			break
		}
	}
	if n != 200 {
		t.Errorf("read %d dev examples, want 200", n)
	}
}

func TestReadOrangeSumFileNamesFile(t *testing.T) {
	for _, err := range category.ReadOrangeSumFile("/nonexistent/articles.jsonl.gz", "") {
		if err == nil || !strings.Contains(err.Error(), "/nonexistent/articles.jsonl.gz") {
			t.Errorf("error %v should name the file", err)
		}
	}
}

// article is a ~600-word text made of the fixtures, as a news article of
// median-to-long OrangeSum length.
func article() string {
	var b strings.Builder
	for b.Len() < 3800 {
		for _, f := range fixtures {
			b.WriteString(f.text)
			b.WriteString(" ")
		}
	}
	return b.String()
}

func BenchmarkClassify(b *testing.B) {
	clf, err := category.Default()
	if err != nil {
		b.Fatal(err)
	}
	a := stem.Analyze(article())
	words := 0
	for _, s := range a.Stems {
		if s != "" {
			words++
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		clf.Classify(a)
	}
	b.ReportMetric(float64(words), "words/doc")
}

func Example() {
	clf, err := category.Default()
	if err != nil {
		panic(err)
	}
	text := "Le véhicule électrique de la marque affiche 400 kilomètres d'autonomie, " +
		"une recharge rapide et un moteur de 200 chevaux. Essai du nouveau modèle sur route."
	best := clf.Classify(stem.Analyze(text))[0]
	fmt.Println(best.ID, best.Label)
	// Output: auto Automobile
}
