// Package index stores extracted documents in a bleve index and answers
// questions about them: « everything about Place nette in Marseille since
// March », « articles about drug trafficking that mention Darmanin », « the
// people most cited with the DZ Mafia ».
//
// # Writing
//
// A writer is opened with Create (new index), OpenOrCreate (update) or
// Rebuild (replace), fed with Add and Remove, and published by Close:
//
//	w, err := index.OpenOrCreate("archive.idx")
//	...
//	if h, ok := w.Hash(src); ok && h == index.ContentHash(title, date, text) {
//		// unchanged: skip the extraction
//	}
//	err = w.Add(ctx, docs...) // one bleve batch; a few hundred at a time
//	err = w.Close()           // publish atomically
//
// Documents are keyed by veille.Document.Source (FILE#ID for an article of
// a dump, the path of a file, as spelt on the command line); adding a
// source again replaces it. ContentHash covers the title, date and text,
// not the pipeline: after changing models or lexicons, Rebuild. An index
// records its MappingVersion; one written with another is refused with
// ErrVersion until rebuilt.
//
// # Generations, swap and lock
//
// The directory holds generations of the bleve index and a pointer file:
//
//	DIR/CURRENT      "gen-000007": the live generation
//	DIR/LOCK         flock'ed by the one writer; holds its pid
//	DIR/gen-000007/  live bleve (scorch) index, read-only from then on
//	DIR/gen-000008/  the writer's generation, unpublished
//
// A writer takes LOCK (a second writer gets ErrLocked naming the holder's
// pid; the kernel releases the lock when a process dies, so there are no
// stale locks), removes generations left by interrupted writers, and works
// on a new generation: an empty one for Create and Rebuild, a copy of the
// live one for OpenOrCreate (segment files are immutable, so they are
// hard-linked and only the small root.bolt is copied). Close waits until
// every batch is on disk, syncs, writes CURRENT.tmp, renames it over
// CURRENT — the single atomic step — and deletes the old generation. A
// writer that is killed, runs out of disk or calls Abort never touches
// CURRENT: the live index stays intact and searchable, and the next writer
// sweeps the leftovers.
//
// Open reads CURRENT and opens that generation read-only, without the
// lock: searches run while a writer works, and see the live generation
// until they reopen. An open reader keeps its generation's files even
// after a swap deletes them (Linux keeps unlinked open files).
//
// # Mapping
//
// The mapping is explicit and static (dynamic mapping off, no _all field):
// only what is queried is indexed, only what is shown is stored.
//
//	field        from                       analyzer (index)    indexed stored doc values term vectors  used for
//	text         Text                       veille_fr_index     yes     yes    no         yes           free text, highlighted snippets
//	title        Title, else the first line -                   no      yes    no         no            display
//	file         Source, minus #ID          keyword             yes     yes    no         no            Hit.Source, IDsUnder (prune)
//	date         Date (YYYY-MM-DD)          datetime            yes     yes    yes        no            Since/Until, newest-first order
//	hash         ContentHash                -                   no      yes    no         no            Hash: skip unchanged sources
//	topics       Topics[].ID                keyword             yes     yes    yes        no            Topics filter, TOPIC facet
//	keyphrases   Keyphrases[].Text          keyword             yes     no     no         no            Keyphrases filter
//	per loc org  Entities[].Name by Label   keyword             yes     yes    yes        no            display, PER/LOC/ORG/OPERATION facets
//	  operation
//	misc         Entities[].Name (MISC)     keyword             yes     yes    no         no            display
//	per_fold …   same names                 veille_name         yes     no     no         no            Persons/Places/Orgs/Operations filters
//	_id          Source                     -                   yes     yes    -          -             Hit.ID
//
// Analyzers, registered in bleve by name when the package loads:
//
//	veille_fr_index   veille_tokenize → to_lower → stop_fr → veille_snowball_fold_fr   (indexing text)
//	veille_fr_folded  veille_tokenize → to_lower → stop_fr → veille_fold → veille_snowball_fr
//	veille_fr         veille_tokenize → to_lower → stop_fr → veille_snowball_fr
//	veille_name       veille_tokenize → veille_fold → veille_name_grams
//
// veille_tokenize is pkg/tokenize (elisions split: « l’ubérisation » gives
// « l » and « ubérisation »; punctuation dropped), stop_fr bleve's French
// stop words (which include the elided l, d, qu …), veille_snowball_fr the
// Snowball stemmer of pkg/stem, veille_fold stem.Fold, and
// veille_snowball_fold_fr indexes each word's stem and, at the same
// position when it differs, the stem of its folded form (« stupéfiants »:
// « stupéfi » and « stupefi »). One field thus serves queries typed with
// and without accents, for one analysis pass: queries must match through
// veille_fr_folded, and veille_fr (the accents as typed) only adds to the
// score. So « stupéfiant » finds « stupéfiants », « ubérisation » finds
// « l’ubérisation », and « stupefiants » finds both. veille_name_grams
// indexes every run of up to MaxNameWords consecutive words of a name, so
// a name filter is one term lookup, not a phrase over positions: « place
// nette » matches « Place nette XXL », « darmanin » « Gérald Darmanin », and
// never two words of two different names.
//
// # Searching
//
// Search takes a typed Query: free text (every word must match, in any
// inflection, with or without accents; accents as typed and adjacent words
// rank higher) and filters that do not change the score (topics, entity
// names, keyphrases, date range). Without text, hits come newest first and
// the filters alone select them. Facets count entity names and topics over
// all hits, not only the returned ones.
//
// A reader computes facets with bleve on its first facet query; from the
// second on it builds, once, a table of every document's facet values for
// its read-only snapshot (one pass over the doc values, about the cost of
// one facet query over all documents) and then counts facets with array
// increments. One-shot searches never pay for the table, long-lived readers
// get facets at a small fraction of bleve's cost. Writers always use bleve.
//
// # Concurrency and cost
//
// Search and Hash are safe for concurrent use; Add, Remove, Close and Abort
// belong to one goroutine. Hash loads the document's stored fields (tens of
// microseconds). Add analyzes in bleve's analysis workers; scorch persists
// and merges segments in the background, and Close waits for them. The
// benchmarks (BenchmarkIndexOrangeSum, BenchmarkHash, BenchmarkQueries) and
// `extract reindex` print the measured figures.
package index
