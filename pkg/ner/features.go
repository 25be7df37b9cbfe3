package ner

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/pkg/gazetteer"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
	"github.com/veille/veille/pkg/wordcluster"
)

// Features are uint64 keys hashed from their parts as the token is read,
// never built as strings: FNV-1a over runes gives a token's base hashes
// (word, lower-case, accent-folded, affixes, shape), and mix combines a
// template number with one or more base hashes. Key 0 means "no feature".
//
// featureVersion changes whenever a key would hash differently; a model
// file records it and Load refuses a mismatch.
const featureVersion = 8

// Feature templates. The static ones are computed once per token and
// shared by both passes; the doc ones exist only in the second pass.
const (
	fBias = iota
	fWord
	fLower
	fFold
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fShape
	fShapeLen
	fCase
	fPrev1
	fPrev2
	fNext1
	fNext2
	fPrevShape
	fNextShape
	fPrevBigram
	fNextBigram
	fShapeTri
	fCapsWord
	fPrevWordShape
	fShapeNextWord
	fGazWord      // gazetteer classes of the word alone
	fGazMatch     // classes of the longest gazetteer entry over the token, with its BILOU position
	fGazMatchCase // the same, crossed with the token's case
	fGazPrev      // the previous token's entry classes and position
	fGazNext      // the next token's
	fLowerSeen    // a capitalised word also written in lower case in the document
	fPrevPair     // the two previous words
	fGazNextCase  // the token's gazetteer entry with the case of the next two tokens: « quartier des Liserons »
	fGazNextWord  // the token's gazetteer entry with the next word
	fHeadBack     // the nearest place or organisation head word in the 4 tokens before, its distance, the token's case
	fCluster1     // the word's cluster path, 1, 2 and 3 levels deep
	fCluster2
	fCluster3
	fPrevCluster // the previous word's 2-level cluster
	fNextCluster // the next word's
	numStatic

	fDocTag      = iota - numStatic // pass-1 tag of the token
	fDocMask                        // labels pass 1 gave this form elsewhere in the document
	fDocMaskCase                    // the same, crossed with the token's case
	fDocPrevTag
	fDocNextTag
	numDoc
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvRune(h uint64, r rune) uint64 { return (h ^ uint64(r)) * fnvPrime }

// mix combines a hash with another value (a template number, a hash),
// avalanching so that nearby inputs land far apart in the weight table.
func mix(a, b uint64) uint64 {
	x := a ^ (b + 0x9e3779b97f4a7c15 + a<<6 + a>>2)
	x ^= x >> 31
	x *= 0x7fb5d329728ea185
	x ^= x >> 27
	x *= 0x81dadef4bc2dd44d
	x ^= x >> 33
	return x | 1 // never 0: 0 is "no feature"
}

// Case classes.
const (
	caseNone   = iota // no letter: numbers, punctuation
	caseLower         // starts lower-case
	caseTitle         // upper-case then lower-case: Marseille
	caseUpper         // two or more letters, all upper-case: AFP
	caseLetter        // one upper-case letter: M
	caseMixed         // lower then upper: iPhone
)

// token is one token as the tagger sees it, with its base hashes.
type token struct {
	start, end int
	src        int    // index of the analysis token it comes from
	word       uint64 // exact form
	lower      uint64 // lower-cased
	fold       uint64 // lower-cased, accents removed
	shape      uint64 // character classes, runs collapsed: Xx, X, d, x-x
	runes      int
	pre, suf   [4]uint64 // lower-cased affixes of 1–4 runes; 0 when shorter
	caseClass  uint8
	sentStart  bool // first token of a sentence or of a line
	lineStart  bool // first token of a line: no entity runs on from the line before
	capsLine   bool // on a line written in capitals (headline, byline)
	gazWord    gazetteer.Class
	gazMatch   uint64 // classes<<2 | BILOU position of the entry over the token, 0 for none
	lowerSeen  bool   // capitalised here, but written in lower case elsewhere in the text
	cluster    uint32 // word cluster path + 1, 0 for an unknown word
}

// boundary is the token seen beyond either end of the text.
var boundary = func() token {
	h := fnvRune(fnvOffset, '\x02')
	return token{word: h, lower: h, fold: h, shape: h}
}()

// fold returns the unaccented form of a lower-case rune, 0 when it has none.
func fold(r rune) rune {
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã', 'å':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'î', 'ï', 'í', 'ì':
		return 'i'
	case 'ô', 'ö', 'ó', 'ò', 'õ':
		return 'o'
	case 'ù', 'û', 'ü', 'ú':
		return 'u'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	case 'ÿ', 'ý':
		return 'y'
	}
	return 0
}

func shapeClass(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'A' <= r && r <= 'Z':
			return 'X'
		case 'a' <= r && r <= 'z':
			return 'x'
		case '0' <= r && r <= '9':
			return 'd'
		}
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// hashToken fills t's hashes from its text.
func hashToken(t *token, s string) {
	word, lower, folded, shape := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	var last [4]rune // the last four lower-case runes, a ring
	var lastShape rune
	n, upper, lowerN := 0, 0, 0
	firstUpper, firstLower := false, false
	for _, r := range s {
		word = fnvRune(word, r)
		lr := r
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				lr = r + 'a' - 'A'
				upper++
			} else if 'a' <= r && r <= 'z' {
				lowerN++
			}
		} else if unicode.IsUpper(r) {
			lr = unicode.ToLower(r)
			upper++
		} else if unicode.IsLower(r) {
			lowerN++
		}
		if n == 0 {
			firstUpper, firstLower = lr != r, unicode.IsLower(r)
		}
		lower = fnvRune(lower, lr)
		if f := fold(lr); f != 0 {
			folded = fnvRune(folded, f)
		} else if lr == 'œ' {
			folded = fnvRune(fnvRune(folded, 'o'), 'e')
		} else {
			folded = fnvRune(folded, lr)
		}
		if n < 4 {
			t.pre[n] = lower
		}
		last[n&3] = lr
		if c := shapeClass(r); c != lastShape {
			shape = fnvRune(shape, c)
			lastShape = c
		}
		n++
	}
	for k := 0; k < 4; k++ {
		if k >= n {
			t.pre[k], t.suf[k] = 0, 0
			continue
		}
		h := uint64(fnvOffset)
		for j := n - 1 - k; j < n; j++ {
			h = fnvRune(h, last[j&3])
		}
		t.suf[k] = h
	}
	t.word, t.lower, t.fold, t.shape, t.runes = word, lower, folded, shape, n
	switch {
	case upper == 0 && lowerN == 0:
		t.caseClass = caseNone
	case firstLower && upper > 0:
		t.caseClass = caseMixed
	case firstLower:
		t.caseClass = caseLower
	case upper == 1 && n == 1:
		t.caseClass = caseLetter
	case firstUpper && lowerN == 0:
		t.caseClass = caseUpper
	default:
		t.caseClass = caseTitle
	}
}

// view builds the tagger's tokens from an analysis, with gazetteer classes
// and word clusters when lex has them. lower is scratch.
//
// A hyphenated word whose parts are all capitalised and which is no
// gazetteer entry is cut at its hyphens (« Marseille-Nice », « Paris-La
// Rochelle », « Ifop-JDD »): news writes two names that way, and the guidelines
// annotate them apart. « Saint-Ouen » or « Jean-Luc » stay whole.
func view(a *stem.Analysis, lex lexicons, toks []token, lower []uint64) ([]token, []uint64) {
	toks = toks[:0]
	sent := 0
	for k, at := range a.Tokens {
		first := len(toks)
		if at.Kind == tokenize.Word && joinsNames(at.Text, lex.gaz) {
			start := at.Start
			for j := 0; j < len(at.Text); j++ {
				if at.Text[j] == '-' {
					toks = append(toks, token{start: start, end: at.Start + j, src: k}, token{start: at.Start + j, end: at.Start + j + 1, src: k})
					start = at.Start + j + 1
				}
			}
			toks = append(toks, token{start: start, end: at.End, src: k})
		} else {
			toks = append(toks, token{start: at.Start, end: at.End, src: k})
		}
		for sent < len(a.Sentences) && a.Sentences[sent].Last <= k {
			sent++
		}
		toks[first].lineStart = k > 0 && hasNewline(a.Text[a.Tokens[k-1].End:at.Start])
		if k == 0 || toks[first].lineStart || (sent < len(a.Sentences) && a.Sentences[sent].First == k) {
			toks[first].sentStart = true
		}
	}
	for i := range toks {
		hashToken(&toks[i], a.Text[toks[i].start:toks[i].end])
	}
	markCapsLines(a.Text, toks)
	lower = lower[:0]
	for i := range toks {
		if toks[i].caseClass == caseLower {
			lower = append(lower, toks[i].fold)
		}
	}
	slices.Sort(lower)
	for i := range toks {
		if c := toks[i].caseClass; c == caseTitle || c == caseUpper {
			_, toks[i].lowerSeen = slices.BinarySearch(lower, toks[i].fold)
		}
	}
	for i := range toks {
		lex.lookup(&toks[i], a.Text[toks[i].start:toks[i].end])
	}
	if gaz := lex.gaz; gaz != nil {
		i := 0 // the first view token of analysis token m.First
		for _, m := range gaz.Match(a.Tokens) {
			for i < len(toks) && toks[i].src < m.First {
				i++
			}
			j := i
			for j < len(toks) && toks[j].src < m.Last {
				j++
			}
			for k := i; k < j; k++ {
				pos := uint64(bilouI)
				switch {
				case j-i == 1:
					pos = bilouU
				case k == i:
					pos = bilouB
				case k == j-1:
					pos = bilouL
				}
				toks[k].gazMatch = uint64(m.Classes)<<2 | pos
			}
			i = j
		}
	}
	return toks, lower
}

// joinsNames reports whether a hyphenated word joins capitalised names that
// are not, together, a gazetteer entry.
func joinsNames(word string, gaz *gazetteer.Gazetteer) bool {
	hyphen := false
	for j := 0; j < len(word); j++ {
		if word[j] != '-' {
			continue
		}
		hyphen = true
		if j+1 >= len(word) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(word[j+1:]); !unicode.IsUpper(r) {
			return false
		}
	}
	if r, _ := utf8.DecodeRuneInString(word); !hyphen || !unicode.IsUpper(r) {
		return false
	}
	return gaz == nil || gaz.Classes(word) == 0
}

func hasNewline(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}

// markCapsLines flags the tokens of lines written in capitals: there a
// capital says nothing about names, and a byline's words are names.
func markCapsLines(text string, toks []token) {
	first, upper, lower := 0, 0, 0
	flush := func(end int) {
		caps := upper >= 4 && lower*8 <= upper
		for i := first; i < end; i++ {
			toks[i].capsLine = caps
		}
		first, upper, lower = end, 0, 0
	}
	for i := range toks {
		if i > 0 && hasNewline(text[toks[i-1].end:toks[i].start]) {
			flush(i)
		}
		for _, r := range text[toks[i].start:toks[i].end] {
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	flush(len(toks))
}

func at(toks []token, i int) *token {
	if i < 0 || i >= len(toks) {
		return &boundary
	}
	return &toks[i]
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// staticFeatures writes token i's numStatic feature keys into out.
func staticFeatures(toks []token, i int, out []uint64) {
	t := &toks[i]
	p1, p2, n1, n2 := at(toks, i-1), at(toks, i-2), at(toks, i+1), at(toks, i+2)
	out[fBias] = mix(fBias, 0)
	out[fWord] = mix(fWord, t.word)
	out[fLower] = mix(fLower, t.lower)
	out[fFold] = mix(fFold, t.fold)
	for k := 0; k < 4; k++ {
		out[fPre1+k], out[fSuf1+k] = 0, 0
		if t.pre[k] != 0 && k+1 < t.runes {
			out[fPre1+k] = mix(uint64(fPre1+k), t.pre[k])
			out[fSuf1+k] = mix(uint64(fSuf1+k), t.suf[k])
		}
	}
	out[fShape] = mix(fShape, t.shape)
	out[fShapeLen] = mix(mix(fShapeLen, t.shape), uint64(min(t.runes, 6)))
	out[fCase] = mix(fCase, uint64(t.caseClass)<<2|boolBit(t.sentStart)<<1|boolBit(t.capsLine))
	out[fPrev1] = mix(fPrev1, p1.lower)
	out[fPrev2] = mix(fPrev2, p2.lower)
	out[fNext1] = mix(fNext1, n1.lower)
	out[fNext2] = mix(fNext2, n2.lower)
	out[fPrevShape] = mix(fPrevShape, p1.shape)
	out[fNextShape] = mix(fNextShape, n1.shape)
	out[fPrevBigram] = mix(mix(fPrevBigram, p1.lower), t.lower)
	out[fNextBigram] = mix(mix(fNextBigram, t.lower), n1.lower)
	out[fShapeTri] = mix(mix(mix(fShapeTri, p1.shape), t.shape), n1.shape)
	out[fCapsWord] = 0
	if t.capsLine {
		out[fCapsWord] = mix(fCapsWord, t.fold)
	}
	out[fPrevWordShape] = mix(mix(fPrevWordShape, p1.lower), t.shape)
	out[fShapeNextWord] = mix(mix(fShapeNextWord, t.shape), n1.lower)
	out[fGazWord], out[fGazMatch], out[fGazMatchCase], out[fGazPrev], out[fGazNext] = 0, 0, 0, 0, 0
	if t.gazWord != 0 {
		out[fGazWord] = mix(fGazWord, uint64(t.gazWord))
	}
	if t.gazMatch != 0 {
		out[fGazMatch] = mix(fGazMatch, t.gazMatch)
		out[fGazMatchCase] = mix(mix(fGazMatchCase, t.gazMatch), uint64(t.caseClass)<<1|boolBit(t.sentStart))
	}
	out[fHeadBack] = 0
	for d := 1; d <= 4 && i-d >= 0; d++ {
		if h := gazetteer.Class(toks[i-d].gazMatch>>2) & (gazetteer.OrgWord | gazetteer.LocWord); h != 0 {
			out[fHeadBack] = mix(mix(fHeadBack, uint64(h)), uint64(d)<<3|uint64(t.caseClass))
			break
		}
	}
	out[fGazNextCase], out[fGazNextWord] = 0, 0
	if t.gazMatch != 0 {
		out[fGazNextCase] = mix(mix(fGazNextCase, t.gazMatch), uint64(n1.caseClass)<<3|uint64(n2.caseClass))
		out[fGazNextWord] = mix(mix(fGazNextWord, t.gazMatch), n1.lower)
	}
	if p1.gazMatch != 0 {
		out[fGazPrev] = mix(fGazPrev, p1.gazMatch)
	}
	if n1.gazMatch != 0 {
		out[fGazNext] = mix(fGazNext, n1.gazMatch)
	}
	out[fLowerSeen] = 0
	if t.lowerSeen {
		out[fLowerSeen] = mix(fLowerSeen, uint64(t.caseClass)<<2|boolBit(t.sentStart)<<1|boolBit(t.capsLine))
	}
	out[fPrevPair] = mix(mix(fPrevPair, p2.lower), p1.lower)
	out[fCluster1], out[fCluster2], out[fCluster3], out[fPrevCluster], out[fNextCluster] = 0, 0, 0, 0, 0
	if c := t.cluster; c != 0 {
		out[fCluster1] = mix(fCluster1, uint64(wordcluster.Prefix(c-1, 1)))
		out[fCluster2] = mix(fCluster2, uint64(wordcluster.Prefix(c-1, 2)))
		out[fCluster3] = mix(fCluster3, uint64(wordcluster.Prefix(c-1, 3)))
	}
	if c := p1.cluster; c != 0 {
		out[fPrevCluster] = mix(fPrevCluster, uint64(wordcluster.Prefix(c-1, 2)))
	}
	if c := n1.cluster; c != 0 {
		out[fNextCluster] = mix(fNextCluster, uint64(wordcluster.Prefix(c-1, 2)))
	}
}

// breakLines makes entities stop at line ends: a token that starts a line
// cannot take I or L. scores holds the tokens toks[0:len(scores)/numTags].
func breakLines(toks []token, scores []float32) {
	negInf := float32(math.Inf(-1))
	for i := range toks {
		if toks[i].lineStart {
			for l := 0; l < numLabels; l++ {
				scores[i*numTags+tagOf(l, bilouI)] = negInf
				scores[i*numTags+tagOf(l, bilouL)] = negInf
			}
		}
	}
}

// lexicons are the external resources features read; nil members are unused.
type lexicons struct {
	gaz      *gazetteer.Gazetteer
	clusters *wordcluster.Clusters
	cache    *lexCache
}

// lexCache holds the gazetteer classes and the cluster path of every word
// of the clusters' vocabulary, keyed by the hash of its lower-case form:
// the frequent words of news answered with one probe instead of up to four
// map lookups. Both lookups ignore case, so the answers are the same.
type lexCache struct {
	tab  table
	vals []lexValue
}

type lexValue struct {
	classes gazetteer.Class
	cluster uint32 // path + 1
}

// newLexCache builds the cache of the clusters' vocabulary.
func newLexCache(gaz *gazetteer.Gazetteer, clusters *wordcluster.Clusters) (*lexCache, error) {
	var buf bytes.Buffer
	if _, err := clusters.WriteTo(&buf); err != nil {
		return nil, err
	}
	c := &lexCache{}
	var keys []uint64
	var idx []uint32
	for line := range strings.Lines(buf.String()) {
		word, _, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		var t token
		hashToken(&t, word)
		v := lexValue{}
		if p, ok := clusters.Path(word); ok {
			v.cluster = p + 1
		}
		if gaz != nil {
			v.classes = gaz.Classes(word)
		}
		keys = append(keys, t.lower|1)
		idx = append(idx, uint32(len(c.vals)))
		c.vals = append(c.vals, v)
	}
	c.tab = newTable(keys, idx)
	return c, nil
}

// defaultLexCaches are the caches of the shipped clusters, without and
// with the shipped gazetteer, built once per process.
var defaultLexCaches = [2]func() (*lexCache, error){
	sync.OnceValues(func() (*lexCache, error) { return newDefaultLexCache(false) }),
	sync.OnceValues(func() (*lexCache, error) { return newDefaultLexCache(true) }),
}

func newDefaultLexCache(withGaz bool) (*lexCache, error) {
	clusters, err := wordcluster.Default()
	if err != nil {
		return nil, err
	}
	var gaz *gazetteer.Gazetteer
	if withGaz {
		if gaz, err = gazetteer.Default(); err != nil {
			return nil, err
		}
	}
	return newLexCache(gaz, clusters)
}

// lookup fills t's gazetteer classes and cluster from the lexicons in use.
func (l lexicons) lookup(t *token, text string) {
	if l.cache != nil {
		if i := l.cache.tab.get(t.lower | 1); i >= 0 {
			v := l.cache.vals[i]
			t.gazWord, t.cluster = v.classes, v.cluster
			return
		}
	}
	if l.clusters != nil {
		if p, ok := l.clusters.Path(text); ok {
			t.cluster = p + 1
		}
	}
	if l.gaz != nil {
		t.gazWord = l.gaz.Classes(text)
	}
}

// loadLexicons loads the shipped lexicons a model's flags ask for.
func loadLexicons(flags uint32) (lexicons, error) {
	var lex lexicons
	var err error
	if flags&flagGazetteer != 0 {
		if lex.gaz, err = gazetteer.Default(); err != nil {
			return lex, err
		}
	}
	if flags&flagClusters != 0 {
		if lex.clusters, err = wordcluster.Default(); err != nil {
			return lex, err
		}
		withGaz := 0
		if lex.gaz != nil {
			withGaz = 1
		}
		if lex.cache, err = defaultLexCaches[withGaz](); err != nil {
			return lex, err
		}
	}
	return lex, nil
}

func (l lexicons) flags() uint32 {
	var f uint32
	if l.gaz != nil {
		f |= flagGazetteer
	}
	if l.clusters != nil {
		f |= flagClusters
	}
	return f
}

// docFeatures writes the second-pass keys of token i into out. tags1 are the
// first pass's tags; masks[i] is the set of labels (bit l) the first pass
// gave token i's folded form at other positions of the document.
func docFeatures(toks []token, tags1 []int8, masks []uint8, i int, out []uint64) {
	prev, next := uint64(numTags), uint64(numTags)
	if i > 0 {
		prev = uint64(tags1[i-1])
	}
	if i+1 < len(tags1) {
		next = uint64(tags1[i+1])
	}
	t := &toks[i]
	out[fDocTag] = mix(fDocTag+numStatic, uint64(tags1[i]))
	out[fDocMask] = mix(fDocMask+numStatic, uint64(masks[i]))
	out[fDocMaskCase] = mix(fDocMaskCase+numStatic, uint64(masks[i])<<5|uint64(t.caseClass)<<2|boolBit(t.sentStart)<<1|boolBit(t.capsLine))
	out[fDocPrevTag] = mix(fDocPrevTag+numStatic, prev)
	out[fDocNextTag] = mix(fDocNextTag+numStatic, next)
}

// docMasks computes, for every token, the labels that the first pass gave
// the same folded form elsewhere in the document. Only word tokens of two
// runes or more take part, so "de" or "l" carry nothing.
func docMasks(toks []token, tags1 []int8, masks []uint8) {
	forms := map[uint64]*[numLabels]uint16{}
	for i := range toks {
		masks[i] = 0
		if l := tagLabel(int(tags1[i])); l >= 0 && toks[i].runes >= 2 && toks[i].caseClass != caseNone {
			c := forms[toks[i].fold]
			if c == nil {
				c = new([numLabels]uint16)
				forms[toks[i].fold] = c
			}
			c[l]++
		}
	}
	for i := range toks {
		c := forms[toks[i].fold]
		if c == nil || toks[i].runes < 2 {
			continue
		}
		own := tagLabel(int(tags1[i]))
		for l := 0; l < numLabels; l++ {
			n := c[l]
			if l == own {
				n-- // elsewhere: not this occurrence
			}
			if n > 0 {
				masks[i] |= 1 << l
			}
		}
	}
}
