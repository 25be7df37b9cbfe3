package index

import (
	"context"
	"encoding/binary"
	"errors"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// facetFields maps each facet to its doc-values field.
var facetFields = []struct{ facet, field string }{
	{FacetPerson, "per"}, {FacetPlace, "loc"}, {FacetOrg, "org"},
	{FacetOperation, "operation"}, {FacetTopic, fieldTopics},
}

// facetTable holds the facet values of every document of a read-only
// snapshot, by internal document number, so that counting them over the
// hits is a few array increments per hit instead of bleve's doc-values
// decoding. A reader builds it on its second facet query (one-shot
// searches never pay for it); writers never do, their snapshot moves.
type facetTable struct {
	facet []int    // term id → index in facetFields
	name  []string // term id → value
	docs  [][]uint32
}

// facetCache builds the table once per reader.
type facetCache struct {
	mu      sync.Mutex
	queries int
	table   *facetTable
	err     error
}

// get returns the table, or nil while bleve's facets should be used.
func (c *facetCache) get(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping) (*facetTable, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.table != nil || c.err != nil {
		return c.table, c.err
	}
	if c.queries++; c.queries < 2 {
		return nil, nil
	}
	c.table, c.err = buildFacetTable(ctx, r, m)
	return c.table, c.err
}

func buildFacetTable(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping) (*facetTable, error) {
	fields := make([]string, len(facetFields))
	which := map[string]int{}
	for i, f := range facetFields {
		fields[i] = f.field
		which[f.field] = i
	}
	dvr, err := r.DocValueReader(fields)
	if err != nil {
		return nil, err
	}
	t := &facetTable{}
	ids := map[[2]string]uint32{}
	var cur []uint32
	visit := func(field string, term []byte) {
		key := [2]string{field, string(term)}
		id, ok := ids[key]
		if !ok {
			id = uint32(len(t.name))
			ids[key] = id
			t.facet = append(t.facet, which[field])
			t.name = append(t.name, key[1])
		}
		cur = append(cur, id)
	}
	err = eachHit(ctx, r, m, &query.MatchAllQuery{}, func(id bindex.IndexInternalID, n uint64) error {
		cur = nil
		if err := dvr.VisitDocValues(id, visit); err != nil {
			return err
		}
		if n >= uint64(len(t.docs)) {
			t.docs = append(t.docs, make([][]uint32, int(n)+1-len(t.docs))...)
		}
		t.docs[n] = slices.Clip(cur)
		return nil
	})
	return t, err
}

// count returns the top size values of each facet over the hits of q.
func (t *facetTable) count(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, q query.Query, size int) (map[string][]FacetValue, error) {
	counts := make([]int32, len(t.name))
	err := eachHit(ctx, r, m, q, func(_ bindex.IndexInternalID, n uint64) error {
		if n < uint64(len(t.docs)) {
			for _, id := range t.docs[n] {
				counts[id]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Keep the size best of each facet: most frequent first, then by name,
	// as bleve orders term facets.
	better := func(a, b uint32) bool {
		return counts[a] > counts[b] || counts[a] == counts[b] && t.name[a] < t.name[b]
	}
	top := make([][]uint32, len(facetFields))
	for id, c := range counts {
		if c == 0 {
			continue
		}
		f, id := t.facet[id], uint32(id)
		best := top[f]
		if len(best) == size && !better(id, best[size-1]) {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, id, func(e, target uint32) int {
			if better(e, target) {
				return -1
			}
			return 1
		})
		best = slices.Insert(best, i, id)
		top[f] = best[:min(len(best), size)]
	}
	out := map[string][]FacetValue{}
	for f, ids := range top {
		vals := make([]FacetValue, len(ids))
		for i, id := range ids {
			vals[i] = FacetValue{Name: t.name[id], Count: int(counts[id])}
		}
		out[facetFields[f].facet] = vals
	}
	return out, nil
}

var errInternalID = errors.New("index: unexpected internal document id")

// eachHit calls fn with every document matching q, unscored, with its
// internal number (scorch numbers documents with big-endian uint64s).
func eachHit(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, q query.Query, fn func(bindex.IndexInternalID, uint64) error) error {
	s, err := q.Searcher(ctx, r, m, search.SearcherOptions{Score: "none"})
	if err != nil {
		return err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for i := 0; ; i++ {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil || dm == nil {
			return err
		}
		if len(dm.IndexInternalID) != 8 {
			return errInternalID
		}
		if err := fn(dm.IndexInternalID, binary.BigEndian.Uint64(dm.IndexInternalID)); err != nil {
			return err
		}
		sctx.DocumentMatchPool.Put(dm)
	}
}
