package tokenize

import "testing"

// FuzzTokenize checks, on any input, that Tokenize and Segment do not panic,
// that every token is the text between its offsets, that tokens are in
// order and do not overlap, and that sentences cover the tokens in order.
// CI runs the seeds; run it with: go test -fuzz FuzzTokenize ./pkg/tokenize
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"l’influence d'achat qu’il jusqu’à aujourd’hui prud’hommes presqu’île",
		"1\u202f000 euros, 2,5 %, le 21 mars 2024, 1,2 million, 600.000, 1.5",
		"Seine-Saint-Denis, Jean-Marc a-t-il dit-elle dis-le-moi rendez-vous",
		"M. Dupont, Mme Durand, Dr. House, en 52 av. J.-C. J. Dupont U.S.A. etc. Fin",
		"domestique.Consternant stupéfiantsLe Jean CastexDans BarkhaneSon BFMTVLe 2019Le Molinspar",
		"https://fr.wikipedia.org/wiki/Paris_(ville). www.x.fr jean@x.fr @afp #MeToo",
		"« Pourquoi ? » s’interroge-t-il… Puis (...) \"Oui\".\"Non\" ’s’ubérise’",
		"Titre sans point\n\nEn pleine lutte.\nNICOLAS TUCAT / AFP En pleine",
		"a\xffb\u200b\u00ad-\u2011t\u2011il ʼ'’ x@ @ # ... ?! --",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		checkOffsets(t, text, toks)
		checkSentences(t, text, toks, Segment(text, toks))
	})
}
