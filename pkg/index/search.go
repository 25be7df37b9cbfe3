package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	simplefragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query selects documents. Every non-empty part must match: Text, each
// listed topic, person, place, organisation, operation and keyphrase, and
// the date range. The zero Query matches everything.
type Query struct {
	// Text is free French text. Every word must occur, in any inflection
	// and with or without accents; the accents as typed and the words side
	// by side rank higher.
	Text string
	// Topics are topic ids, matched exactly.
	Topics []string
	// Persons, Places, Orgs and Operations match the entity names that
	// contain the given words in a row, ignoring case and accents:
	// "darmanin" finds "Gérald Darmanin", "place nette" "Place nette XXL".
	Persons, Places, Orgs, Operations []string
	// Keyphrases are matched exactly.
	Keyphrases []string
	// Since and Until bound the document date, both inclusive; documents
	// without a date are left out when either is set.
	Since, Until time.Time
	// Limit is the number of hits returned; 0 means 10.
	Limit int
	// Offset skips the first hits, for paging.
	Offset int
	// Facets asks for the most frequent entities and topics among all hits.
	Facets bool
	// Highlight asks for text snippets with the matched words marked.
	Highlight bool
}

// Result is what Search found.
type Result struct {
	Total uint64 `json:"total"` // hits in all, beyond Limit
	Hits  []Hit  `json:"hits"`
	// Facets maps a facet name (FacetPerson … FacetTopic) to its most
	// frequent values among all hits, most frequent first.
	Facets map[string][]FacetValue `json:"facets,omitempty"`
	Took   time.Duration           `json:"-"` // the whole Search call
}

// Hit is one document found. Without a text query hits come newest first.
type Hit struct {
	ID     string   `json:"id"`     // the document source: FILE#ID or a path
	Source string   `json:"source"` // the file it came from
	Score  float64  `json:"score"`
	Title  string   `json:"title"`
	Date   string   `json:"date"` // YYYY-MM-DD, "" when the source has none
	Topics []string `json:"topics"`
	// Entities maps a label (PER, LOC, ORG, OPERATION, MISC) to names.
	Entities map[string][]string `json:"entities"`
	// Snippets are passages of the text, with the matched words between
	// MarkStart and MarkEnd; only with Query.Highlight.
	Snippets []string `json:"snippets,omitempty"`
}

// FacetValue is a name and the number of hits that have it.
type FacetValue struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Facet names in Result.Facets.
const (
	FacetPerson    = LabelPerson
	FacetPlace     = LabelPlace
	FacetOrg       = LabelOrg
	FacetOperation = LabelOperation
	FacetTopic     = "TOPIC"
)

// facetSize is the number of values returned per facet.
const facetSize = 10

// Snippet markers around matched words.
const (
	MarkStart = "<mark>"
	MarkEnd   = "</mark>"
)

const highlighterName = "veille_mark"

func init() {
	must(registry.RegisterHighlighter(highlighterName, func(map[string]any, *registry.Cache) (highlight.Highlighter, error) {
		return simplehighlighter.NewHighlighter(simplefragmenter.NewFragmenter(160), markFormatter{}, "…"), nil
	}))
}

// markFormatter wraps matched words in MarkStart and MarkEnd and collapses
// white space; unlike bleve's html formatter it leaves the text unescaped.
type markFormatter struct{}

func (markFormatter) Format(f *highlight.Fragment, locs highlight.TermLocations) string {
	var b strings.Builder
	cur := f.Start
	for _, l := range locs {
		if l == nil || !l.ArrayPositions.Equals(f.ArrayPositions) || l.Start < cur {
			continue
		}
		if l.End > f.End {
			break
		}
		b.Write(f.Orig[cur:l.Start])
		b.WriteString(MarkStart)
		b.Write(f.Orig[l.Start:l.End])
		b.WriteString(MarkEnd)
		cur = l.End
	}
	b.Write(f.Orig[cur:f.End])
	return strings.Join(strings.Fields(b.String()), " ")
}

var storedFields = []string{fieldTitle, fieldFile, fieldDate, fieldTopics, "per", "loc", "org", "operation", "misc"}

// Search runs q. It is safe for concurrent use.
func (x *Index) Search(ctx context.Context, q Query) (*Result, error) {
	if x.closed {
		return nil, ErrClosed
	}
	start := time.Now()
	bq := buildQuery(q)
	req := bleve.NewSearchRequestOptions(bq, q.Limit, q.Offset, false)
	if q.Limit <= 0 {
		req.Size = 10
	}
	req.Fields = storedFields
	if strings.TrimSpace(q.Text) == "" {
		req.SortBy([]string{"-" + fieldDate})
	}
	var facets map[string][]FacetValue
	if q.Facets {
		var err error
		if facets, err = x.tableFacets(ctx, bq); err != nil {
			return nil, fmt.Errorf("index: facets %s: %w", x.dir, err)
		}
	}
	if q.Facets && facets == nil {
		for _, f := range facetFields {
			req.AddFacet(f.facet, bleve.NewFacetRequest(f.field, facetSize))
		}
	}
	if q.Highlight {
		req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		req.Highlight.AddField(fieldText)
	}
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search %s: %w", x.dir, err)
	}
	res := &Result{Total: sr.Total, Hits: make([]Hit, 0, len(sr.Hits))}
	for _, h := range sr.Hits {
		res.Hits = append(res.Hits, hit(h))
	}
	if res.Facets = facets; q.Facets && facets == nil {
		res.Facets = map[string][]FacetValue{}
		for name, f := range sr.Facets {
			vals := []FacetValue{}
			if f.Terms != nil {
				for _, t := range f.Terms.Terms() {
					vals = append(vals, FacetValue{Name: t.Term, Count: t.Count})
				}
			}
			res.Facets[name] = vals
		}
	}
	res.Took = time.Since(start)
	return res, nil
}

func hit(h *search.DocumentMatch) Hit {
	out := Hit{ID: h.ID, Score: h.Score, Snippets: h.Fragments[fieldText]}
	str := func(f string) string { s, _ := h.Fields[f].(string); return s }
	out.Title, out.Source = str(fieldTitle), str(fieldFile)
	if t, err := time.Parse(time.RFC3339, str(fieldDate)); err == nil {
		out.Date = t.Format(time.DateOnly)
	}
	out.Topics = strs(h.Fields[fieldTopics])
	out.Entities = map[string][]string{}
	for _, l := range labels {
		if names := strs(h.Fields[labelField(l.label)]); len(names) > 0 {
			out.Entities[l.label] = names
		}
	}
	return out
}

// strs reads a stored field, which bleve returns as a string when it has
// one value and as a slice otherwise.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

// buildQuery turns q into a bleve query: the text part scores, the rest
// filters.
func buildQuery(q Query) query.Query {
	var scoring query.Query = bleve.NewMatchAllQuery()
	if text := strings.TrimSpace(q.Text); text != "" {
		match := func(analyzer string) *query.MatchQuery {
			m := bleve.NewMatchQuery(text)
			m.SetField(fieldText)
			m.Analyzer = analyzer
			m.SetOperator(query.MatchQueryOperatorAnd)
			return m
		}
		phrase := bleve.NewMatchPhraseQuery(text)
		phrase.SetField(fieldText)
		phrase.Analyzer = AnalyzerFrenchFolded
		phrase.SetBoost(2)
		// Must: every word, accents or not; should: the accents as typed,
		// the words side by side.
		scoring = query.NewBooleanQuery([]query.Query{match(AnalyzerFrenchFolded)}, []query.Query{match(AnalyzerFrench), phrase}, nil)
	}
	var filters []query.Query
	for _, v := range q.Topics {
		t := bleve.NewTermQuery(v)
		t.SetField(fieldTopics)
		filters = append(filters, t)
	}
	for _, v := range q.Keyphrases {
		t := bleve.NewTermQuery(v)
		t.SetField(fieldKeyphrases)
		filters = append(filters, t)
	}
	for label, vals := range map[string][]string{
		LabelPerson: q.Persons, LabelPlace: q.Places, LabelOrg: q.Orgs, LabelOperation: q.Operations,
	} {
		for _, v := range vals {
			filters = append(filters, nameQuery(labelField(label)+foldSuffix, v))
		}
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		incl := true
		r := bleve.NewDateRangeInclusiveQuery(q.Since, q.Until, &incl, &incl)
		r.SetField(fieldDate)
		filters = append(filters, r)
	}
	switch {
	case len(filters) == 0:
		return scoring
	case strings.TrimSpace(q.Text) == "":
		// Hits are sorted by date: the filters alone, not a filtered scan
		// of every document.
		return bleve.NewConjunctionQuery(filters...)
	}
	// A conjunction leapfrogs through the rarest postings; boost 0 keeps
	// the filters out of the score.
	for _, f := range filters {
		if b, ok := f.(query.BoostableQuery); ok {
			b.SetBoost(0)
		}
	}
	return bleve.NewConjunctionQuery(append([]query.Query{scoring}, filters...)...)
}

// tableFacets counts facets with the reader's facet table, or returns nil
// when there is none (yet): see facetTable.
func (x *Index) tableFacets(ctx context.Context, q query.Query) (map[string][]FacetValue, error) {
	if x.lock != nil {
		return nil, nil
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	m := x.bi.Mapping()
	t, err := x.facets.get(ctx, r, m)
	if t == nil || err != nil {
		return nil, err
	}
	return t.count(ctx, r, m, q, facetSize)
}

// nameQuery matches the names of field that contain name as a run of
// words, ignoring case and accents: one term lookup (see AnalyzerName).
func nameQuery(field, name string) query.Query {
	t := bleve.NewTermQuery(nameKey(name))
	t.SetField(field)
	return t
}

// IDsUnder returns the ids of the documents read from path: from the file
// path itself, or from any file below the directory path.
func (x *Index) IDsUnder(ctx context.Context, path string) ([]string, error) {
	path = filepath.Clean(path)
	n, err := x.bi.DocCount()
	if err != nil || n == 0 {
		return nil, err
	}
	q := bleve.NewPrefixQuery(path)
	q.SetField(fieldFile)
	req := bleve.NewSearchRequestOptions(q, int(n), 0, false)
	req.Fields = []string{fieldFile}
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: list %s in %s: %w", path, x.dir, err)
	}
	var ids []string
	for _, h := range sr.Hits {
		f, _ := h.Fields[fieldFile].(string)
		if f = filepath.Clean(f); f == path || strings.HasPrefix(f, path+string(filepath.Separator)) || path == "." && !filepath.IsAbs(f) {
			ids = append(ids, h.ID)
		}
	}
	return ids, nil
}
