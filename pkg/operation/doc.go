// Package operation finds the named operations, plans and campaigns of a
// French text (« l'opération Sentinelle », les opérations « place nette »,
// la force Barkhane, le plan Vigipirate) and merges them with the mentions
// of the statistical model.
//
// # Use
//
//	f, err := operation.Default() // embedded list, parsed once
//	a := stem.Analyze(text)
//	mentions := f.Find(a, modelMentions) // sorted, non-overlapping
//
// A Finder is immutable and safe for concurrent use. Find costs one pass over
// the words of the text plus a few map look-ups a word, and allocates only
// for what it returns and a per-call copy of the words.
//
// # What counts as an operation
//
// Three sources propose OPERATION spans; spans never include the trigger word
// nor the quotation marks, as the annotation guidelines require.
//
//   - Rules ("rule"): a trigger word — opération(s), plan(s), dispositif(s),
//     intervention(s), offensive(s), opex, « coup de filet »; mission(s) and
//     force(s), which take an unquoted unlisted name only after an adjective
//     (« la force française X », not « la force Minusma »); and, for quoted
//     names only, campagne(s) and projet(s) — optionally followed by up to
//     two adjectives or a naming
//     word (militaire, française, baptisée, dite, nom de code), then either
//     a quoted name (« Place nette XXL », « place nette », "Résilience"), a
//     capitalised name (Wuambushu, Tempête du Désert) or a listed name in
//     any case (« Opération résilience »). A « de » complement may stand
//     before a quoted name (« une opération de police « Coup de balai » »);
//     a short number after a name belongs to it (« Wuambushu 2 »). A plural
//     trigger also takes coordinated names: « les opérations Serval (2013)
//     et Barkhane ». Militaire(s), soldat(s), groupe, véhicule(s),
//     patrouille(s) and « ex- » are triggers for listed names only
//     (« les militaires Sentinelle »).
//     Rejected: lower-case unquoted words (« opération de police »,
//     « opérations coup de poing »), single lower-case quoted words that are
//     not listed (« une opération "urgente" »), the "!" entries of the list,
//     one-letter names (« plan B »), and capitalised names the document
//     shows to be a place or a person (« à Srebrenica », « M. Trump »,
//     « Donald Trump », or a model LOC/PER mention of the same name).
//   - The list ("list"): a name of the curated list (see LoadList) counts on
//     its own, without a trigger, unless it is marked ambiguous.
//   - The document: a name found once as an operation (after a trigger, or
//     by the list) marks its other mentions in the same document, matched
//     without accents and with a plural -s; a capitalised finding marks only
//     capitalised mentions and a lower-case one only lower-case mentions, so
//     « Sentinelle » does not mark « la sentinelle ». An acronym defined in
//     parentheses right after an operation (« Quartier de reconquête
//     républicaine » (QRR)) marks its later upper-case mentions.
//
// # Merge precedence
//
// Find returns one sorted, non-overlapping list:
//
//  1. Rule and list OPERATION spans win over any model span they overlap,
//     except that a name found without a trigger word (by the list or
//     elsewhere in the document) inside a longer model span of another
//     label is taken as part of that name (« Jean Serval » PER).
//  2. A model OPERATION span that overlaps none of them is kept only if it
//     is written capitalised or in quotes, is not a "!" entry, and the
//     document does not show it to be a place or a person; otherwise it is
//     dropped (not relabelled): the rules already saw its context and found
//     no operation there.
//  3. The model's other spans stand. Where model spans overlap each other,
//     the earlier, then the longer, is kept.
//
// Invalid model spans (out of range, not on rune boundaries, empty) are
// dropped; the Text of the others is taken from the analysis so that
// text[Start:End] == Text holds. Every returned mention has Entity -1.
package operation
