// Package stem reduces French words to Snowball stems and accent-folded
// forms, and runs the first stages of the pipeline in one call.
//
//	a := stem.Analyze(text)   // tokens, sentences and stems
//	stem.Stem("influence")    // "influenc"
//	stem.Fold("Élysée")       // "elysee"
//
// # Stems
//
// Stem lower-cases a token, then applies the Snowball French stemmer
// (github.com/kljensen/snowball/french). Tokens from tokenize are already
// split at elisions, so "l’influence" arrives as "l’" and "influence". An
// elided word alone stems as its full form ("l’" → "le", "qu’" → "que",
// "jusqu’" → Stem("jusque")), so stop-word lists written in full forms match
// it. Inverted pronouns lose their hyphens ("-t-il" → "il"), abbreviations
// their period ("etc." → "etc").
//
// # Cost and concurrency
//
// Stem is safe for concurrent use. Results are memoised in a cache of 64
// shards, each behind its own RWMutex; a shard that reaches 4,096 words is
// emptied, so the cache never holds more than 262,144 words however many
// articles go through it. A hit costs a hash and a map read and allocates
// nothing; cached keys are copies, so they never pin an article in memory.
//
// Fold is a table lookup per rune and allocates only when the word has an
// upper-case or non-ASCII letter. The cache keeps folded forms too, so
// Analysis.Folded costs a cache hit for the words of an analysed text.
package stem

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/kljensen/snowball/french"
)

const shardCount = 64

// shardLimit is the number of words a shard holds before it is emptied
// (a variable only so that a test can lower it).
var shardLimit = 4096

type shard struct {
	mu sync.RWMutex
	m  map[string]forms
}

// forms are what the cache holds for a word.
type forms struct{ stem, folded string }

var (
	shards [shardCount]shard
	seed   = maphash.MakeSeed()
)

// Stem returns the Snowball French stem of word, lower-cased.
func Stem(word string) string { return lookup(word).stem }

// lookup returns the cached forms of word, computing them on a miss.
func lookup(word string) forms {
	sh := &shards[maphash.String(seed, word)%shardCount]
	sh.mu.RLock()
	f, ok := sh.m[word]
	sh.mu.RUnlock()
	if ok {
		return f
	}
	// Clones: a token is a substring of its article and must not pin it.
	f = forms{stem: strings.Clone(stemWord(word)), folded: strings.Clone(Fold(word))}
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= shardLimit {
		sh.m = make(map[string]forms, 256)
	}
	sh.m[strings.Clone(word)] = f
	sh.mu.Unlock()
	return f
}

// elided maps an elided word (lower-case, no apostrophe) to its full form.
var elided = map[string]string{
	"l": "le", "d": "de", "j": "je", "m": "me", "t": "te", "s": "se", "n": "ne", "c": "ce",
	"qu": "que", "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "quoiqu": "quoique",
}

var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'", "´", "'", "‑", "-")

// stemWord is Stem without the cache.
func stemWord(word string) string {
	w := strings.ToLower(word)
	if strings.ContainsAny(w, "’ʼ‘´‑") {
		w = apostrophes.Replace(w)
	}
	if base, ok := strings.CutSuffix(w, "'"); ok {
		if full, ok := elided[base]; ok {
			w = full
		} else {
			w = base
		}
	}
	w = strings.TrimPrefix(w, "-t-")
	w = strings.TrimLeft(w, "-")
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return ""
	}
	return french.Stem(w, true)
}
