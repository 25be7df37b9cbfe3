package topic

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// ErrLexicon reports a lexicon file that cannot be used. Errors from
// LoadLexicon wrap it and name the file and, when known, the line.
var ErrLexicon = errors.New("topic: bad lexicon")

// Lexicon is a set of analyst topics, each a list of weighted cue words and
// phrases. It is read-only once loaded, so one Lexicon serves any number of
// goroutines.
type Lexicon struct {
	name   string
	topics []lexTopic
	// byFirst indexes cues by the key of their first word.
	byFirst map[string][]cueRef
}

type lexTopic struct {
	id, label string
	minScore  float64
	minCues   int
	scale     float64
	cues      []cue
}

type cue struct {
	text   string
	keys   []string // word keys (see wordKey)
	weight float64
}

type cueRef struct{ topic, cue int }

// lexiconFile is the TOML layout; see models/topic/lexicon.toml.
type lexiconFile struct {
	MinScore *float64 `toml:"min_score"`
	MinCues  *int     `toml:"min_cues"`
	Scale    *float64 `toml:"scale"`
	Topic    []struct {
		ID       string             `toml:"id"`
		Label    string             `toml:"label"`
		MinScore *float64           `toml:"min_score"`
		MinCues  *int               `toml:"min_cues"`
		Scale    *float64           `toml:"scale"`
		Cues     map[string]float64 `toml:"cues"`
	} `toml:"topic"`
}

var tomlLineErr = regexp.MustCompile(`^toml: line (\d+) \(last key "?(.*?)"?\): (.*)$`)

// Defaults when a lexicon file sets none.
const (
	defaultMinScore = 0.5
	defaultMinCues  = 2
	defaultScale    = 4.0
)

// DefaultLexicon returns the embedded lexicon for crime, policing and justice
// news (models/topic/lexicon.toml). It is parsed once.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return LoadLexicon(bytes.NewReader(models.TopicLexicon), "models/topic/lexicon.toml")
})

// LoadLexicon reads a TOML lexicon; name (usually the file's path) is used in
// errors, which wrap ErrLexicon and give the line when it is known.
func LoadLexicon(r io.Reader, name string) (*Lexicon, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrLexicon, name, err)
	}
	var f lexiconFile
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%w: %s:%d: %s", ErrLexicon, name, pe.Position.Line, pe.Message)
		}
		// Type errors come as "toml: line N (last key K): message".
		if m := tomlLineErr.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%w: %s:%s: %s: %s", ErrLexicon, name, m[1], m[2], m[3])
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrLexicon, name, err)
	}
	text := string(src)
	fail := func(needle string, nth int, format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrLexicon, name, lineOf(text, needle, nth), fmt.Sprintf(format, args...))
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fail(k[len(k)-1], 1, "unknown key %q", k.String())
	}
	lx := &Lexicon{name: name, byFirst: map[string][]cueRef{}}
	minScore := orDefault(f.MinScore, defaultMinScore)
	minCues := orDefault(f.MinCues, defaultMinCues)
	scale := orDefault(f.Scale, defaultScale)
	ids := map[string]bool{}
	for ti, t := range f.Topic {
		header := "[[topic]]"
		switch {
		case t.ID == "":
			return nil, fail(header, ti+1, "topic %d has no id", ti+1)
		case ids[t.ID]:
			return nil, fail(strconv.Quote(t.ID), 2, "topic id %q is used twice", t.ID)
		case len(t.Cues) == 0:
			return nil, fail(strconv.Quote(t.ID), 1, "topic %q has no cues", t.ID)
		}
		ids[t.ID] = true
		lt := lexTopic{
			id: t.ID, label: t.Label,
			minScore: orDefault(t.MinScore, minScore),
			minCues:  orDefault(t.MinCues, minCues),
			scale:    orDefault(t.Scale, scale),
		}
		if lt.label == "" {
			lt.label = t.ID
		}
		if lt.scale <= 0 || lt.minScore < 0 || lt.minScore > 1 || lt.minCues < 0 {
			return nil, fail(strconv.Quote(t.ID), 1, "topic %q: want scale > 0, 0 ≤ min_score ≤ 1, min_cues ≥ 0", t.ID)
		}
		texts := make([]string, 0, len(t.Cues))
		for c := range t.Cues {
			texts = append(texts, c)
		}
		slices.Sort(texts) // map order is random; errors and evidence must not be
		seen := map[string]string{}
		for _, c := range texts {
			wt := t.Cues[c]
			keys := cueKeys(c)
			switch {
			case len(keys) == 0:
				return nil, fail(strconv.Quote(c), 1, "topic %q: cue %q has no word", t.ID, c)
			case wt <= 0 || math.IsInf(wt, 0) || math.IsNaN(wt):
				return nil, fail(strconv.Quote(c), 1, "topic %q: cue %q: weight must be > 0", t.ID, c)
			}
			joined := strings.Join(keys, " ")
			if prev, ok := seen[joined]; ok {
				return nil, fail(strconv.Quote(c), 1, "topic %q: cues %q and %q have the same stems (%s); keep one", t.ID, prev, c, joined)
			}
			seen[joined] = c
			lx.byFirst[keys[0]] = append(lx.byFirst[keys[0]], cueRef{len(lx.topics), len(lt.cues)})
			lt.cues = append(lt.cues, cue{text: c, keys: keys, weight: wt})
		}
		lx.topics = append(lx.topics, lt)
	}
	if len(lx.topics) == 0 {
		return nil, fmt.Errorf("%w: %s: no [[topic]]", ErrLexicon, name)
	}
	return lx, nil
}

func orDefault[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// lineOf returns the line of the nth occurrence of needle in text, or 0.
func lineOf(text, needle string, nth int) int {
	off := 0
	for k := 0; k < nth; k++ {
		i := strings.Index(text[off:], needle)
		if i < 0 {
			return 0
		}
		off += i
		if k < nth-1 {
			off += len(needle)
		}
	}
	return strings.Count(text[:off], "\n") + 1
}

// cueKeys returns the word keys of a cue, as Match computes them for text.
func cueKeys(c string) []string {
	var keys []string
	for _, t := range tokenize.Tokenize(c) {
		if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
			keys = append(keys, wordKey(stem.Stem(t.Text)))
		}
	}
	return keys
}

// wordKey is how cues and text words are compared: the stem, accent-folded,
// so « Etat islamique » in capitals without accents matches « État
// islamique ».
func wordKey(stm string) string { return stem.Fold(stm) }

// Match returns the topics of lx found in a, best first (ties by id).
//
// Cues match on Snowball stems folded to lower-case without accents,
// phrases as consecutive words.
// Within one topic the longest cue wins where cues overlap, so « trafic de
// stupéfiants » does not also count as « stupéfiants ». A topic's evidence E
// sums weight × (1 + ln count) over its cues found; its score is
// 1 − exp(−E / (scale × max(1, √(words/300)))) in [0, 1), so longer texts
// need more evidence. A topic is returned when its score reaches min_score
// and at least min_cues distinct cues were found.
func (lx *Lexicon) Match(a *stem.Analysis) []Topic {
	if lx == nil || a == nil {
		return nil
	}
	// keys of the words of a, in order.
	keys := make([]string, 0, len(a.Tokens))
	for i, t := range a.Tokens {
		if (t.Kind == tokenize.Word || t.Kind == tokenize.Number) && i < len(a.Stems) {
			s := a.Stems[i]
			if s == "" {
				s = stem.Stem(t.Text)
			}
			keys = append(keys, wordKey(s))
		}
	}
	type hit struct{ start, end, cue int }
	var hits map[int][]hit // by topic
	for i, k := range keys {
		for _, ref := range lx.byFirst[k] {
			c := &lx.topics[ref.topic].cues[ref.cue]
			if i+len(c.keys) > len(keys) || !slices.Equal(keys[i:i+len(c.keys)], c.keys) {
				continue
			}
			if hits == nil {
				hits = map[int][]hit{}
			}
			hits[ref.topic] = append(hits[ref.topic], hit{i, i + len(c.keys), ref.cue})
		}
	}
	words := float64(len(keys))
	var out []Topic
	for ti, hs := range hits {
		t := &lx.topics[ti]
		// Longest first at each start, then keep hits that overlap no kept one.
		slices.SortFunc(hs, func(p, q hit) int {
			if p.start != q.start {
				return p.start - q.start
			}
			return q.end - p.end
		})
		counts := map[int]int{}
		end := -1
		for _, h := range hs {
			if h.start < end {
				continue
			}
			counts[h.cue]++
			end = h.end
		}
		var e float64
		ev := make([]Evidence, 0, len(counts))
		for ci, n := range counts {
			e += t.cues[ci].weight * (1 + math.Log(float64(n)))
			ev = append(ev, Evidence{Cue: t.cues[ci].text, Count: n})
		}
		score := 1 - math.Exp(-e/(t.scale*max(1, math.Sqrt(words/300))))
		if score < t.minScore || len(counts) < t.minCues {
			continue
		}
		slices.SortFunc(ev, func(p, q Evidence) int {
			if p.Count != q.Count {
				return q.Count - p.Count
			}
			return strings.Compare(p.Cue, q.Cue)
		})
		out = append(out, Topic{ID: t.id, Label: t.label, Score: score, Kind: "lexicon", Evidence: ev})
	}
	slices.SortFunc(out, func(p, q Topic) int {
		switch {
		case p.Score > q.Score:
			return -1
		case p.Score < q.Score:
			return 1
		}
		return strings.Compare(p.ID, q.ID)
	})
	return out
}

// Name returns the name the lexicon was loaded with.
func (lx *Lexicon) Name() string { return lx.name }
