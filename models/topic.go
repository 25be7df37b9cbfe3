package models

import _ "embed"

// Resources of package topic; see topic/README.md for their card.
var (
	// TopicPOS is gzipped TSV, "form<TAB>UPOS" a line: each lower-cased word
	// form of the French UD treebanks with its most frequent tag.
	//
	//go:embed topic/pos.tsv.gz
	TopicPOS []byte

	// TopicDF is gzipped TSV: a "#docs<TAB>N" header, then "stem<TAB>df"
	// lines, the number of OrangeSum train articles each stem occurs in.
	//
	//go:embed topic/df.tsv.gz
	TopicDF []byte

	// TopicLexicon is the default analyst-topic lexicon (TOML).
	//
	//go:embed topic/lexicon.toml
	TopicLexicon []byte
)
