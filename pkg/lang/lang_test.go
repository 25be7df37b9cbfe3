package lang

import (
	"fmt"
	"testing"

	"github.com/veille/veille/pkg/tokenize"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"french paragraph", "Le ministre de l’Intérieur a demandé aux préfets de prendre de nouvelles mesures pour agir contre le développement de la livraison à domicile de drogue.", French},
		{"french headline", "Cyberpatrouilles : Darmanin impose de nouvelles mesures pour éradiquer la livraison de drogue à domicile", French},
		{"short french headline", "Opération « Place nette XXL » à Marseille", French},
		{"french capitals", "LE GOUVERNEMENT ANNONCE UNE RÉFORME DES RETRAITES POUR LES FONCTIONNAIRES", French},
		{"english paragraph", "The minister of the Interior has asked the prefects to take new measures against the delivery of drugs, which has grown with the use of social networks.", English},
		{"english headline", "Police arrest two men after the attack in Paris", English},
		{"spanish", "El gobierno de España anunció que la economía crecerá en los próximos años, según el ministro, pero los sindicatos piden más medidas para los trabajadores.", Undetermined},
		{"german", "Die Regierung hat am Mittwoch ein neues Gesetz vorgestellt, das die Rechte der Mieter in den großen Städten stärken soll und auch für die Vermieter gilt.", Undetermined},
		{"italian", "Il governo ha presentato una nuova legge che è stata approvata dal parlamento con il sostegno della maggioranza e anche di una parte dell'opposizione.", Undetermined},
		{"names only", "Emmanuel Macron, Angela Merkel, Joe Biden, Vladimir Poutine", Undetermined},
		{"tie", "Darmanin livre un bilan", Undetermined},
		{"numbers only", "12 000 - 3,5 % - 2024", Undetermined},
		{"one word", "Marseille", Undetermined},
		{"empty", "", Undetermined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectText(tt.text); got != tt.want {
				t.Errorf("DetectText(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectNoAlloc(t *testing.T) {
	toks := tokenize.Tokenize("Le ministre de l’Intérieur a demandé aux préfets de prendre de nouvelles mesures.")
	if n := testing.AllocsPerRun(100, func() { Detect(toks) }); n != 0 {
		t.Errorf("Detect allocates %v times", n)
	}
}

func ExampleDetect() {
	for _, text := range []string{
		"Le ministre a demandé aux préfets de prendre de nouvelles mesures.",
		"The minister asked the prefects to take new measures.",
		"Emmanuel Macron, Angela Merkel",
	} {
		fmt.Println(Detect(tokenize.Tokenize(text)))
	}
	// Output:
	// fr
	// en
	// und
}

func BenchmarkDetect(b *testing.B) {
	toks := tokenize.Tokenize("Le ministre de l’Intérieur Gérald Darmanin a demandé aux préfets de prendre de nouvelles mesures pour agir contre le développement via les réseaux sociaux de la livraison à domicile de drogue.")
	b.ReportAllocs()
	for b.Loop() {
		Detect(toks)
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
