package topic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/veille/veille/models"
)

// ErrResource reports a damaged embedded resource (a bad build of models/).
var ErrResource = errors.New("topic: bad embedded resource")

// docFreq holds the inverse document frequency of stems over reference
// articles, computed once at load.
type docFreq struct {
	idfs map[string]float64
	// rare is the IDF of stems absent from the table: as rare as the
	// rarest kept ones.
	rare float64
}

func loadDocFreq(gz []byte) (*docFreq, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%w: df table: %v", ErrResource, err)
	}
	d := &docFreq{idfs: make(map[string]float64, 40000)}
	docs, floor := 0, math.MaxInt
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		key, val, ok := strings.Cut(sc.Text(), "\t")
		n, err := strconv.Atoi(val)
		if !ok || err != nil || n <= 0 {
			return nil, fmt.Errorf("%w: df table line %d: want stem<TAB>count", ErrResource, line)
		}
		if line == 1 {
			if key != "#docs" {
				return nil, fmt.Errorf("%w: df table line 1: want #docs header", ErrResource)
			}
			docs = n
			continue
		}
		d.idfs[key] = math.Log(float64(docs) / float64(n))
		floor = min(floor, n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: df table: %v", ErrResource, err)
	}
	if len(d.idfs) == 0 {
		return nil, fmt.Errorf("%w: df table is empty", ErrResource)
	}
	d.rare = math.Log(float64(docs) / float64(floor))
	return d, nil
}

// idf is ln(N / df) over the reference articles.
func (d *docFreq) idf(stem string) float64 {
	if v, ok := d.idfs[stem]; ok {
		return v
	}
	return d.rare
}

// DefaultExtractor returns the keyphrase extractor built from the embedded
// part-of-speech lexicon and document-frequency table. It is built once and
// safe for concurrent use.
func DefaultExtractor() (*Extractor, error) { return defaultExtractor() }

var defaultExtractor = sync.OnceValues(func() (*Extractor, error) {
	t, err := loadTagger(models.TopicPOS)
	if err != nil {
		return nil, err
	}
	d, err := loadDocFreq(models.TopicDF)
	if err != nil {
		return nil, err
	}
	return &Extractor{tagger: t, df: d}, nil
})
