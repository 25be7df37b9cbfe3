package index

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/veille/veille/pkg/veille"
)

// MappingVersion names the mapping below. An index built with another
// version is refused with ErrVersion: rebuild it with Rebuild.
const MappingVersion = "veille-3"

// Field names. Entity fields are named after the lower-cased label.
const (
	fieldText       = "text"
	fieldTitle      = "title"
	fieldFile       = "file"
	fieldDate       = "date"
	fieldHash       = "hash"
	fieldTopics     = "topics"
	fieldKeyphrases = "keyphrases"
	foldSuffix      = "_fold"
)

// Entity labels, as ner.Mention.Label spells them.
const (
	LabelPerson    = "PER"
	LabelPlace     = "LOC"
	LabelOrg       = "ORG"
	LabelOperation = "OPERATION"
	LabelMisc      = "MISC"
)

// labels are the indexed entity labels; those with a name-matching
// companion field can be filtered on.
var labels = []struct {
	label      string
	filterable bool
}{
	{LabelPerson, true}, {LabelPlace, true}, {LabelOrg, true}, {LabelOperation, true}, {LabelMisc, false},
}

func labelField(label string) string { return strings.ToLower(label) }

// newMapping builds the explicit, non-dynamic mapping described in the
// package documentation.
func newMapping() *mapping.IndexMappingImpl {
	text := func(analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer, f.Store, f.IncludeTermVectors = analyzer, store, vectors
		f.IncludeInAll, f.DocValues = false, false
		return f
	}
	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := text(keyword.Name, store, false)
		f.DocValues = docValues
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := kw(true, false)
		f.Index = false
		return f
	}

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text(AnalyzerIndex, true, true))
	doc.AddFieldMappingsAt(fieldTitle, storedOnly())
	doc.AddFieldMappingsAt(fieldHash, storedOnly())
	doc.AddFieldMappingsAt(fieldFile, kw(true, false))
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false // DocValues kept: results without text sort by date
	doc.AddFieldMappingsAt(fieldDate, date)
	doc.AddFieldMappingsAt(fieldTopics, kw(true, true))
	doc.AddFieldMappingsAt(fieldKeyphrases, kw(false, false))
	for _, l := range labels {
		f := labelField(l.label)
		fms := []*mapping.FieldMapping{kw(true, l.filterable)}
		if l.filterable {
			names := text(AnalyzerName, false, false)
			names.Name = f + foldSuffix
			fms = append(fms, names)
		}
		doc.AddFieldMappingsAt(f, fms...)
	}

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.TypeField = "" // one document type
	m.DefaultAnalyzer = AnalyzerFrench
	m.DefaultField = fieldText
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	return m
}

// ContentHash is the hex SHA-256 of what an indexed document is made from:
// its title, date and text. Compare it with Index.Hash before extracting a
// document to skip unchanged ones.
func ContentHash(title, date, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(date))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))
}

// FileOf returns the file a document source names: FILE for an article
// FILE#ID of a dump (*.jsonl or *.jsonl.gz), the source itself otherwise.
func FileOf(source string) string {
	for _, ext := range []string{".jsonl#", ".jsonl.gz#"} {
		if i := strings.Index(source, ext); i >= 0 {
			return source[:i+len(ext)-1]
		}
	}
	return source
}

// fields is the value bleve maps: one entry per mapped property.
func fields(d *veille.Document) map[string]any {
	m := map[string]any{
		fieldText:  d.Text,
		fieldTitle: title(d),
		fieldFile:  FileOf(d.Source),
		fieldHash:  ContentHash(d.Title, d.Date, d.Text),
	}
	if t, ok := parseDate(d.Date); ok {
		m[fieldDate] = t
	}
	var topics []string
	for _, t := range d.Topics {
		topics = append(topics, t.ID)
	}
	if topics != nil {
		m[fieldTopics] = topics
	}
	var phrases []string
	for _, k := range d.Keyphrases {
		phrases = append(phrases, k.Text)
	}
	if phrases != nil {
		m[fieldKeyphrases] = phrases
	}
	for label, names := range entityNames(d) {
		m[labelField(label)] = names
	}
	return m
}

// title is the document title or, for a plain text without one, its first
// line, cut to a length fit for a result list.
func title(d *veille.Document) string {
	if d.Title != "" {
		return d.Title
	}
	t, _, _ := strings.Cut(strings.TrimSpace(d.Text), "\n")
	if t = strings.TrimSpace(t); len(t) > maxTitle {
		i := maxTitle
		for i > 0 && !utf8.RuneStart(t[i]) {
			i--
		}
		t = t[:i] + "…"
	}
	return t
}

const maxTitle = 160

// entityNames groups the canonical entity names of d by label. Before
// entities are grouped, the mention texts stand in for them.
func entityNames(d *veille.Document) map[string][]string {
	byLabel := map[string][]string{}
	seen := map[string]bool{}
	add := func(label, name string) {
		name = strings.TrimSpace(name)
		key := label + "\x00" + name
		if name == "" || seen[key] {
			return
		}
		seen[key] = true
		byLabel[label] = append(byLabel[label], name)
	}
	for _, e := range d.Entities {
		add(e.Label, e.Name)
	}
	if len(d.Entities) == 0 {
		for _, m := range d.Mentions {
			add(m.Label, m.Text)
		}
	}
	for label := range byLabel {
		if !knownLabel(label) {
			delete(byLabel, label)
		}
	}
	return byLabel
}

func knownLabel(label string) bool {
	for _, l := range labels {
		if l.label == label {
			return true
		}
	}
	return false
}

// parseDate reads a document date: YYYY-MM-DD (what textio writes) or RFC 3339.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
