package tokenize

import "strings"

// The word lists below are small closed classes of French (and a few
// press conventions). They are written by hand; none is learnt from data.

// elisionPrefixes are the words that lose their final vowel before a vowel
// and are written with an apostrophe: "l’influence" → "l’" + "influence".
// Keys are lower-case without the apostrophe. Any other word keeps its
// apostrophe inside: "aujourd’hui", "prud’hommes", "presqu’île",
// "quelqu’un", "O’Neill", "main-d’œuvre" stay whole.
var elisionPrefixes = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "t": true, "s": true, "n": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// clitics are the pronouns that follow a verb after a hyphen in questions and
// imperatives ("a-t-il", "dit-elle", "dis-moi", "est-ce"). "t" is the
// euphonic t and is only a clitic before another clitic ("a-t-il").
var clitics = map[string]bool{
	"il": true, "elle": true, "on": true, "ils": true, "elles": true, "je": true, "tu": true,
	"nous": true, "vous": true, "moi": true, "toi": true, "le": true, "la": true, "les": true,
	"lui": true, "leur": true, "y": true, "en": true, "ce": true, "t": true,
}

// abbreviations keep their period: "M. Dupont", "av. J.-C.", "etc.".
// Case matters: "M." is Monsieur, "m." would be a metre at a sentence end.
// Words that are also ordinary words at a sentence end ("sept", "vol",
// "art", "ex", "min") are left out on purpose.
var abbreviations = map[string]bool{
	"M": true, "MM": true, "Mme": true, "Mmes": true, "Mlle": true, "Mlles": true, "Me": true,
	"Mgr": true, "Dr": true, "Pr": true, "St": true, "Ste": true, "Sts": true, "Cie": true,
	"Gal": true, "Gén": true, "Col": true, "Cdt": true, "Lt": true, "Sgt": true, "Adj": true,
	"Jr": true, "Sr": true, "Prof": true,
	"av": true, "apr": true, "etc": true, "cf": true, "Cf": true, "p": true, "pp": true,
	"chap": true, "éd": true, "env": true, "fig": true, "hab": true, "janv": true,
	"févr": true, "avr": true, "juill": true, "oct": true, "nov": true, "déc": true,
	"bd": true, "boul": true, "tél": true, "Tél": true, "vs": true, "approx": true,
	"coll": true, "trad": true, "suiv": true,
}

// terminalAbbreviations may end a sentence: a capital after them starts a new
// one ("… et les autres, etc. Le ministre …", "en 52 av. J.-C. Les Gaulois").
var terminalAbbreviations = map[string]bool{"etc.": true, "J.-C.": true}

// tlds are the endings that make "franceinfo.fr" a domain name rather than
// two glued sentences ("domestique.Consternant").
var tlds = map[string]bool{
	"fr": true, "com": true, "org": true, "net": true, "eu": true, "io": true, "info": true,
	"be": true, "ch": true, "ca": true, "uk": true, "de": true, "gouv": true, "tv": true,
	"re": true, "lu": true, "ma": true, "tn": true, "dz": true, "sn": true, "it": true,
	"es": true, "us": true, "int": true, "edu": true, "gov": true, "ly": true, "me": true,
}

// sentenceOpeners are the capitalised words that, glued to the end of the
// previous word, reveal a lost paragraph break: "stupéfiantsLe",
// "Jean CastexDans", "BarkhaneSon", "BFMTVLe". On 8,000 OrangeSum articles
// these make up about half of the lower→Upper changes inside a word; the
// other half are brands and names (StopCovid, WhatsApp, AstraZeneca,
// McLaren, iPhone), which therefore stay whole unless the word is
// all lower-case before the change ("dividendesEmmanuel"). "Plus", "Car"
// and "Ma" are left out: OnePlus, BlaBlaCar.
var sentenceOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Le La Les Un Une Des Du De Dans En Au Aux Pour Selon Sur
	Mais Il Elle Ils Elles On Cette Ce Ces Cet Après Si Alors Depuis Comme Son Sa Ses
	Leur Leurs Et Or Par Avec Pourtant Ainsi Lors Enfin Face Parmi Avant Entre Outre Chez
	Quant Toutefois Cependant Néanmoins Certains Certaines Plusieurs Tous Toutes Tout Nous
	Vous Je Pourquoi Quand Qui Que Malgré Dès Sans Sous Vers Autre Autres Hier Mme
	Samedi Dimanche Lundi Mardi Mercredi Jeudi Vendredi Notre Nos Votre Vos Cela
	Ceci Celui Celle Ceux Là Ici Déjà Aussi Puis Ensuite Désormais Pendant Lorsque Puisque
	Parce Donc Près Contrairement Concernant Pas Rien Personne Aucun Aucune Chaque
	Grâce Sauf Dont Où Quelque Quelques Toujours Jamais Encore Très Seul Seule Seuls`) {
		sentenceOpeners[w] = true
	}
}

// agencies are photo-credit sources: "NICOLAS TUCAT / AFP En pleine …"
// starts a new sentence after the credit.
var agencies = map[string]bool{
	"AFP": true, "Reuters": true, "REUTERS": true, "AP": true, "MAXPPP": true, "SIPA": true,
	"Sipa": true, "ABACA": true, "EPA": true, "ANP": true, "Belga": true, "BELGA": true,
}
