// Package entity groups the mentions of a document into entities a reader
// can use: one entry per person, place, organisation or operation, with a
// canonical name, the titles written next to it and a salience score.
//
// # Use
//
//	ents := entity.Group(a, mentions) // a from stem.Analyze, mentions from operation.Finder.Find
//	for _, e := range ents { fmt.Println(e.Name, e.Label, e.Salience) }
//	// mentions[i].Entity is now the index of its entity in ents (-1: ignored)
//
// # Grouping
//
// Mentions of the same label whose words match, ignoring case, accents and
// punctuation, are one entity: « Gérald Darmanin » and « GÉRALD DARMANIN »,
// « place nette » and « Place nette ». A leading honorific is dropped
// (« M. Darmanin » is « Darmanin »), and so is a leading article for
// matching (« Le Havre » and « au Havre »). Two rules join more:
//
//   - A PER name joins the one longer PER name of the document that ends
//     with the same words (« Darmanin » → « Gérald Darmanin »); when two
//     longer names end so (Marine and Jean-Marie Le Pen) it stays apart.
//   - « Long form (LF) »: a mention followed by a parenthesised mention of
//     the same label that abbreviates it (QRR, Ofast) is the same entity.
//
// Names that differ otherwise stay apart: « Place nette XXL » (the operation
// in Marseille) is not « place nette » (the national scheme), and the
// upper-case photo credit « NICOLAS TUCAT » is not Gérald Darmanin.
//
// The canonical Name is the longest well-cased form; an all-capitals form
// is chosen only when the entity has no other. Ties go to a capitalised
// form, then the most frequent, then the first.
//
// Titles (PER only) are the titles written just before a name (« le ministre
// de l'Intérieur Gérald Darmanin », « le procureur de Marseille, Nicolas
// Bessone ») or in apposition after it (« X, préfète de Lot-et-Garonne, »),
// as written, without the article, deduplicated. Honorifics (M., Mme) are
// not titles.
//
// # Salience
//
// Each entity scores in [0, 1]; the text is cut in units (sentences, also
// cut at line breaks), unit 0 being the headline and units 1–3 the lead:
//
//	0.30·H + 0.15·L + 0.25·log(1+n)/log(1+nmax) + 0.15·u/umax + 0.15·(1 − first/len)
//
// H and L are 1 when a mention lies in the headline or the lead, n is the
// entity's mention count and u the number of units it appears in (nmax and
// umax: the largest in the document), first the offset of its first mention.
// Entities are sorted by salience, then count, then first position, then
// name.
//
// # Invariants and cost
//
// Group is deterministic and never panics. Mentions that are out of range,
// empty, not on rune boundaries or without a label are ignored, and so is a
// mention that overlaps an earlier (or, at the same start, a longer) one;
// ignored mentions get Entity -1. Entity.Mentions holds indices into the
// caller's slice, in text order. Cost: O(m log m + m·k) for m mentions and k
// distinct PER names, plus a binary search per mention for salience; Group
// holds no state and is safe for concurrent use on different slices.
package entity
