package tokenize

import (
	"strings"
	"testing"
)

// texts joins token texts with " | " for compact expectations.
func texts(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " | ")
}

// checkOffsets asserts the offset invariant and order of toks over text.
func checkOffsets(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %q has bad offsets [%d,%d) after %d in %q", i, tok.Text, tok.Start, tok.End, prev, text)
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, want %q", i, tok.Start, tok.End, text[tok.Start:tok.End], tok.Text)
		}
		prev = tok.End
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Numbers.
		{"thousands narrow nbsp", "1\u202f000 euros", "1\u202f000 | euros"},
		{"thousands nbsp", "12\u00a0500 manifestants", "12\u00a0500 | manifestants"},
		{"thousands space", "1 000 000 de personnes", "1 000 000 | de | personnes"},
		{"decimal comma", "2,5 %", "2,5 | %"},
		{"date stays three tokens", "le 21 mars 2024", "le | 21 | mars | 2024"},
		{"million", "1,2 million", "1,2 | million"},
		{"dotted thousands", "600.000 euros", "600.000 | euros"},
		{"decimal point", "1.5 point", "1.5 | point"},
		{"year then number", "en 2019 500 personnes", "en | 2019 | 500 | personnes"},
		{"number then comma", "en 2019, 500", "en | 2019 | , | 500"},
		{"ordinal", "le 1er mai, le XXIe siècle", "le | 1er | mai | , | le | XXIe | siècle"},
		{"hour", "à 15h30", "à | 15h30"},
		// Punctuation and quotes.
		{"guillemets", "« Place nette XXL »", "« | Place | nette | XXL | »"},
		{"curly quotes", "“oui”", "“ | oui | ”"},
		{"ellipsis", "Bref... Enfin… non", "Bref | ... | Enfin | … | non"},
		{"exclamations", "Quoi ?! Non !!!", "Quoi | ?! | Non | !!!"},
		{"percent and euro", "10% de 5€", "10 | % | de | 5 | €"},
		// Elision.
		{"elision curly", "l’influence", "l’ | influence"},
		{"elision straight", "d'achat", "d' | achat"},
		{"qu", "qu’il", "qu’ | il"},
		{"jusqu", "jusqu’à", "jusqu’ | à"},
		{"lorsqu puisqu", "lorsqu’il puisqu'elle", "lorsqu’ | il | puisqu' | elle"},
		{"short elisions", "n'est s'il c'est j'ai m'a t'es", "n' | est | s' | il | c' | est | j' | ai | m' | a | t' | es"},
		{"capital elision", "L’État D'après Qu’il", "L’ | État | D' | après | Qu’ | il"},
		{"other apostrophes", "l‘homme l´homme aujourd‘hui", "l‘ | homme | l´ | homme | aujourd‘hui"},
		{"aujourd'hui", "aujourd’hui aujourd'hui", "aujourd’hui | aujourd'hui"},
		{"lexicalised", "prud’hommes presqu’île quelqu’un", "prud’hommes | presqu’île | quelqu’un"},
		{"main-d'oeuvre", "la main-d’œuvre", "la | main-d’œuvre"},
		{"quoted elision", "’s’ubérise’", "’ | s’ | ubérise | ’"},
		{"trailing apostrophe", "substantielles'\"", "substantielles | ' | \""},
		// Hyphens.
		{"hyphenated names", "Seine-Saint-Denis Jean-Marc Saint-Ouen Dupond-Moretti", "Seine-Saint-Denis | Jean-Marc | Saint-Ouen | Dupond-Moretti"},
		{"inversion t", "a-t-il", "a | -t-il"},
		{"inversion", "dit-elle", "dit | -elle"},
		{"inversion chain", "dis-le-moi, est-ce", "dis | -le | -moi | , | est | -ce"},
		{"inversion on", "peut-on a-t-on va-t-en", "peut | -on | a | -t-on | va | -t-en"},
		{"not inversions", "Aix-en-Provence cessez-le-feu rendez-vous Vitry-sur-Seine", "Aix-en-Provence | cessez-le-feu | rendez-vous | Vitry-sur-Seine"},
		{"compound words", "peut-être c’est-à-dire deux-roues COVID-19", "peut-être | c’ | est-à-dire | deux-roues | COVID-19"},
		{"dash is punct", "TRAFIC - Nouveau", "TRAFIC | - | Nouveau"},
		// Abbreviations and initials.
		{"M.", "M. Delevoye et Mme Dupont", "M. | Delevoye | et | Mme | Dupont"},
		{"Dr St", "Dr. House et St. Louis", "Dr. | House | et | St. | Louis"},
		{"av. J.-C.", "en 52 av. J.-C. Les", "en | 52 | av. | J.-C. | Les"},
		{"initial", "J. Dupont", "J. | Dupont"},
		{"initials glued", "J.Dupont", "J. | Dupont"},
		{"dotted acronym", "les U.S.A. et i.e. ça", "les | U.S.A. | et | i.e. | ça"},
		{"etc", "chats, chiens, etc. Le", "chats | , | chiens | , | etc. | Le"},
		{"sentence-final sept", "Ils étaient sept. Le", "Ils | étaient | sept | . | Le"},
		// URLs, e-mails, handles, hashtags.
		{"url", "voir https://www.example.fr/a?b=1.", "voir | https://www.example.fr/a?b=1 | ."},
		{"url in parens", "(https://t.co/xyz)", "( | https://t.co/xyz | )"},
		{"url with parens", "https://fr.wikipedia.org/wiki/Paris_(ville) ici", "https://fr.wikipedia.org/wiki/Paris_(ville) | ici"},
		{"www", "sur www.lemonde.fr.", "sur | www.lemonde.fr | ."},
		{"bare domain", "sur franceinfo.fr et legifrance.gouv.fr/eli/x.", "sur | franceinfo.fr | et | legifrance.gouv.fr/eli/x | ."},
		{"email", "écrire à jean.dupont@example.org.", "écrire | à | jean.dupont@example.org | ."},
		{"not email", "a@b et x@y.", "a | @b | et | x | @y | ."},
		{"handle", "@EmmanuelMacron a tweeté", "@EmmanuelMacron | a | tweeté"},
		{"hashtag", "#MeToo #BalanceTonPorc #2", "#MeToo | #BalanceTonPorc | # | 2"},
		// Glued sentences (lost paragraph breaks).
		{"period glue", "domestique.Consternant", "domestique | . | Consternant"},
		{"period glue elision", "médecine.L'enveloppe", "médecine | . | L' | enveloppe"},
		{"case glue", "stupéfiantsLe", "stupéfiants | Le"},
		{"case glue name", "Jean CastexDans", "Jean | Castex | Dans"},
		{"case glue Son", "BarkhaneSon", "Barkhane | Son"},
		{"case glue elision", "policeL’homme", "police | L’ | homme"},
		{"case glue lower word", "dividendesEmmanuel", "dividendes | Emmanuel"},
		{"acronym glue", "BFMTVLe", "BFMTV | Le"},
		{"number glue", "en 2019Le", "en | 2019 | Le"},
		{"quote glue", `jeudi.".Malgré`, `jeudi | . | " | . | Malgré`},
		{"camel brands stay", "McDonald iPhone LaREM BFMTV DZ YouTube StopCovid WhatsApp McLaren LeBron MoDem BlaBlaCar",
			"McDonald | iPhone | LaREM | BFMTV | DZ | YouTube | StopCovid | WhatsApp | McLaren | LeBron | MoDem | BlaBlaCar"},
		{"lower glue unsplit", "Molinspar", "Molinspar"},
		{"no split of numbers", "600.000 1.5 J.-C.", "600.000 | 1.5 | J.-C."},
		// Odd input.
		{"empty", "", ""},
		{"spaces", " \u00a0\u202f\u200b\n", ""},
		{"invalid utf8", "a\xffb", "a | b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			checkOffsets(t, tt.in, toks)
			if got := texts(toks); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeKinds(t *testing.T) {
	in := "M. Dupont a payé 1 000 € ! Voir https://x.fr, a@b.fr, @afpfr et #Paris."
	want := map[string]Kind{
		"M.": Word, "Dupont": Word, "1 000": Number, "€": Symbol, "!": Punct,
		"https://x.fr": URL, "a@b.fr": Email, "@afpfr": Handle, "#Paris": Hashtag, ".": Punct,
	}
	for _, tok := range Tokenize(in) {
		if k, ok := want[tok.Text]; ok && tok.Kind != k {
			t.Errorf("%q: kind %v, want %v", tok.Text, tok.Kind, k)
		}
		delete(want, tok.Text)
	}
	for text := range want {
		t.Errorf("token %q not found", text)
	}
}

func TestKindText(t *testing.T) {
	b, err := Hashtag.MarshalText()
	if err != nil || string(b) != "hashtag" {
		t.Fatalf("Hashtag.MarshalText() = %q, %v", b, err)
	}
	if Kind(200).String() != "unknown" {
		t.Fatalf("Kind(200) = %q", Kind(200).String())
	}
}

// TestLongRuns feeds runs that a naive scanner rescans at every token
// (host-like "a.b.c…", closers after final punctuation); it checks the
// invariants, and would take seconds if either scan were quadratic.
func TestLongRuns(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("ab.", 20000) + "x",
		strings.Repeat(".?", 20000) + "x",
		strings.Repeat("A.", 20000),
		strings.Repeat("x@", 20000),
		strings.Repeat("1 000 ", 20000),
		strings.Repeat("a-t-", 20000),
	} {
		toks := Tokenize(text)
		checkOffsets(t, text, toks)
		checkSentences(t, text, toks, Segment(text, toks))
	}
}
