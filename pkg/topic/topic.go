// Package topic says what a document is about: keyphrases found in the text
// itself, analyst topics from an editable lexicon, and (in subpackage
// category) news categories.
//
// # Keyphrases
//
// Keyphrases are unsupervised and read one document at a time:
//
//	a := stem.Analyze(text)
//	for _, k := range topic.Keyphrases(a, 10) {
//		fmt.Println(k.Text, k.Score) // « livraison à domicile », « trafic de stupéfiants »…
//	}
//
// Candidates are noun phrases found by part-of-speech patterns: a noun or a
// run of proper nouns, with its adjectives (one before it, any after it), and
// up to two groups « de/du/des/d’/à/au/aux/en/sous (le/la/l’) noun… ». Tags
// come from a lexicon of word forms derived from the French Universal
// Dependencies treebanks, with suffix guesses for unknown words. Occurrences
// are grouped by stems; Text is the group's most frequent written form, Stem
// its normal form (NormalizeKeyphrase), and no two results share a Stem. The
// score (TF × IDF in the family of TopicRank and YAKE) rewards frequency,
// rare words (document frequencies over OrangeSum news), recurrence of the
// phrase's words in the document and an early first occurrence; see
// Extractor.Keyphrases.
//
// # Analyst topics
//
// A Lexicon is a TOML file of named topics, each a list of weighted cue
// words and phrases matched on Snowball stems. DefaultLexicon covers crime,
// policing and justice news (models/topic/lexicon.toml); LoadLexicon reads a
// user's own file and reports mistakes with the file name and line.
// Lexicon.Match returns topics with their evidence (which cues fired, how
// often) so an analyst can check and tune them.
//
// # Cost and concurrency
//
// The embedded resources (≈ 230 kB gzipped) are parsed once, on first use
// of DefaultExtractor or DefaultLexicon (≈ 50 ms). Extractors and Lexicons
// are read-only after loading and safe for concurrent use. On a 600-word
// article, keyphrases take about 0.25 ms and lexicon matching under 0.1 ms
// (BenchmarkKeyphrases, BenchmarkLexicon), against about 0.15 ms for
// stem.Analyze and a few milliseconds for the whole extraction.
package topic

// Topic is a category or an analyst topic assigned to a document.
type Topic struct {
	ID       string     `json:"id"`
	Label    string     `json:"label"`
	Score    float64    `json:"score"`
	Kind     string     `json:"kind"` // "category" or "lexicon"
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is one cue that fired for a topic, and how often.
type Evidence struct {
	Cue   string `json:"cue"`
	Count int    `json:"count"`
}

// Keyphrase is a phrase that says what a document is about.
type Keyphrase struct {
	Text  string  `json:"text"`
	Stem  string  `json:"stem"`
	Score float64 `json:"score"`
}
