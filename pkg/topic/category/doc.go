// Package category assigns news categories to French text with a compact
// supervised classifier trained on OrangeSum (Orange Actu, 2011–2020).
//
// # Classes
//
// Twelve class IDs: the Orange Actu sections "france", "monde",
// "politique" and "auto", and société split by subcategory:
// "societe/culture", "societe/environnement", "societe/fait-divers",
// "societe/high-tech", "societe/insolite", "societe/media",
// "societe/people", "societe/sante". Label gives each a French label
// ("Société — faits divers"). The labels are the site's sections, so they
// overlap: a crime story may be filed under france or under
// societe/fait-divers, a government story under france or politique.
//
// # Use
//
//	clf, err := category.Default() // the shipped model, loaded once
//	if err != nil { ... }
//	for _, t := range clf.Classify(stem.Analyze(text)) {
//		fmt.Println(t.ID, t.Label, t.Score) // best first; Score is a probability
//	}
//
// Classify returns the best class, then the next ones while their
// probability is at least MinScore, at most MaxTopics in all; Probabilities
// gives the whole distribution.
//
// # Model
//
// A document is a bag of hashed features: every Snowball stem, every pair
// of adjacent stems, the stems of the first words again in their own
// namespace, and, when the text opens with blank-line-separated paragraphs
// (title, then heading, then body, as ReadOrangeSum builds it), the title
// and heading stems in namespaces of their own, the title counted several
// times: the headline says most about the section. Training learns every
// article both with and without that layout, so plain text is classified
// as well as by a model without title features; a caller with a separate
// headline gets the best results passing title + "\n\n" + body. Counts
// are log-scaled, weighted by inverse document frequency and normalised to
// unit length. A multinomial logistic regression over 2^18 buckets turns
// them into class probabilities. Weights are stored as int8 with one scale
// per class: the shipped model is 1.5 MB gzipped, about 4 MB in memory.
//
// Train fits a new model (deterministically, for a given Seed) and Save and
// Load move it through any io.Writer and io.Reader; ReadOrangeSum reads the
// training data.
//
// # Cost and concurrency
//
// A Classifier is immutable: share one among goroutines. Classify on an
// analysed 700-word article costs about 55 µs (hashing and
// twelve dot products); the analysis itself (stem.Analyze) costs more.
package category
