// Package veille finds who, where and what in French news text: people,
// places, organisations and named operations, grouped into entities, plus
// the topics and keyphrases of each document.
//
// Build one Pipeline and share it:
//
//	p, err := veille.New()
//	if err != nil { ... }
//	doc, err := p.Extract(ctx, "Le ministre de l'Intérieur Gérald Darmanin était à Marseille.")
//	for _, e := range doc.Entities {
//		fmt.Println(e.Label, e.Name, e.Salience)
//	}
//
// To read files, folders and article dumps, pair it with textio:
//
//	for doc, err := range p.Stream(ctx, textio.Read(ctx, paths, textio.Options{}), 0) {
//		...
//	}
//
// # Stages
//
// Data flows one way, each stage a package that knows only those before it:
// textio (decode) → tokenize (tokens, sentences) → stem (Snowball stems) →
// lang (fr, en or neither) → ner (statistical mentions) → operation (rules
// and the list of known operations, merged with the model) → entity
// (grouping, canonical names, titles, salience) → topic (analyst lexicon,
// categories, keyphrases). The index package, after this one, stores
// Documents in bleve.
//
// # Invariants
//
// Offsets are byte offsets into Document.Text, the decoded UTF-8 text:
// Text[m.Start:m.End] == m.Text for every token, sentence and mention.
// Mentions are sorted and do not overlap; each points to its entity.
// Lists are empty, never null, in JSON.
//
// # Concurrency and cost
//
// Models load once per process, on the first New (a few hundred
// milliseconds), and every Pipeline shares them; a Pipeline is safe for
// concurrent use. Extraction costs about a millisecond or two per news
// article on one core; Stream spreads documents over workers and keeps
// their order.
package veille
