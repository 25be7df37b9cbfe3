package topic_test

import (
	"fmt"
	"strings"

	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/topic"
)

const article = `Drogue : les cyberpatrouilles contre la livraison à domicile

Les gendarmes multiplient les cyberpatrouilles pour freiner la livraison à domicile de cannabis. Les enquêteurs mènent des enquêtes sous pseudonyme sur les messageries. Selon le parquet, la livraison à domicile concerne désormais toutes les villes du département, et les cyberpatrouilles ont déjà permis trois interpellations.`

func ExampleKeyphrases() {
	for _, k := range topic.Keyphrases(stem.Analyze(article), 5) {
		fmt.Printf("%s (%s)\n", k.Text, k.Stem)
	}
	// Output:
	// cyberpatrouilles (cyberpatrouill)
	// livraison (livraison)
	// livraison à domicile (livraison à domicil)
	// domicile (domicil)
	// Drogue (drogu)
}

func ExampleLexicon_Match() {
	lx, err := topic.LoadLexicon(strings.NewReader(`
min_cues = 2
[[topic]]
id = "stupefiants"
label = "Stupéfiants"
[topic.cues]
"livraison à domicile" = 2
"cannabis" = 2
"drogue" = 1
`), "mine.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range lx.Match(stem.Analyze(article)) {
		fmt.Printf("%s %.2f\n", t.Label, t.Score)
		for _, e := range t.Evidence {
			fmt.Printf("  %s ×%d\n", e.Cue, e.Count)
		}
	}
	// Output:
	// Stupéfiants 0.83
	//   livraison à domicile ×3
	//   cannabis ×1
	//   drogue ×1
}

func ExampleLoadLexicon_error() {
	_, err := topic.LoadLexicon(strings.NewReader("[[topic]]\nid = \"prisons\"\n[topic.cues]\n\"prison\" = 0\n"), "mine.toml")
	fmt.Println(err)
	// Output:
	// topic: bad lexicon: mine.toml:4: topic "prisons": cue "prison": weight must be > 0
}

func ExampleDefaultLexicon() {
	lx, err := topic.DefaultLexicon()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range lx.Match(stem.Analyze(article)) {
		fmt.Println(t.ID)
	}
	// Output:
	// cybercriminalite
	// stupefiants
	// operations-police
}
