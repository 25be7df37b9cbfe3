package veille

import (
	"context"
	"fmt"
	"os"

	"github.com/veille/veille/pkg/entity"
	"github.com/veille/veille/pkg/lang"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/operation"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/textio"
	"github.com/veille/veille/pkg/tokenize"
	"github.com/veille/veille/pkg/topic"
	"github.com/veille/veille/pkg/topic/category"
)

// Document is what the pipeline found in one text. Its JSON form is the
// output schema of `extract` (see the README).
type Document struct {
	Source   string `json:"source"`
	Encoding string `json:"encoding,omitempty"`
	// Lang is "fr", "en" (entities from prose's English model, no topics)
	// or "und" (neither: nothing is extracted).
	Lang  string `json:"lang"`
	Date  string `json:"date,omitempty"`
	Title string `json:"title,omitempty"`
	// Text is the decoded text every offset refers to.
	Text       string              `json:"-"`
	Sentences  []tokenize.Sentence `json:"sentences"`
	Tokens     []tokenize.Token    `json:"-"`
	TokenCount int                 `json:"tokens"`
	// Mentions are sorted by Start and do not overlap; Mentions[i].Entity
	// indexes Entities.
	Mentions []ner.Mention `json:"mentions"`
	// Entities are sorted by salience, most salient first.
	Entities []entity.Entity `json:"entities"`
	// Topics holds lexicon topics then categories, each best first.
	Topics     []topic.Topic     `json:"topics"`
	Keyphrases []topic.Keyphrase `json:"keyphrases"`
}

// DefaultKeyphrases is how many keyphrases a document gets unless
// WithKeyphrases says otherwise.
const DefaultKeyphrases = 10

type config struct {
	nerModel    string
	operations  string
	lexicon     string
	keyphrases  int
	noTopics    bool
	noKeyphrase bool
}

// Option configures a Pipeline.
type Option func(*config)

// WithNERModel picks the shipped entity model by name: "default" or
// "permissive" (see models/ner/MODEL.md).
func WithNERModel(name string) Option { return func(c *config) { c.nerModel = name } }

// WithOperationList replaces the shipped list of known operation names by
// the list in the file at path (format: models/operation/operations.txt).
func WithOperationList(path string) Option { return func(c *config) { c.operations = path } }

// WithLexicon replaces the shipped analyst-topic lexicon by the TOML file at
// path (format: models/topic/lexicon.toml).
func WithLexicon(path string) Option { return func(c *config) { c.lexicon = path } }

// WithKeyphrases sets how many keyphrases each document gets; 0 turns
// keyphrase extraction off.
func WithKeyphrases(n int) Option { return func(c *config) { c.keyphrases = n } }

// Pipeline runs every stage in order. Build it once: the models load on the
// first New and are shared by every Pipeline of the process. A Pipeline is
// safe for concurrent use.
type Pipeline struct {
	tagger     *ner.Tagger
	operations *operation.Finder
	lexicon    *topic.Lexicon
	keyphrases *topic.Extractor
	categories *category.Classifier
	nKeys      int
}

// New loads the models and returns a pipeline. Errors name the file or
// model that could not be loaded.
func New(opts ...Option) (*Pipeline, error) {
	c := config{nerModel: "default", keyphrases: DefaultKeyphrases}
	for _, o := range opts {
		o(&c)
	}
	p := &Pipeline{nKeys: c.keyphrases}
	var err error
	if p.tagger, err = ner.Named(c.nerModel); err != nil {
		return nil, fmt.Errorf("veille: entity model %q: %w", c.nerModel, err)
	}
	if c.operations == "" {
		p.operations, err = operation.Default()
	} else {
		p.operations, err = loadFile(c.operations, func(f *os.File) (*operation.Finder, error) {
			l, err := operation.LoadList(f)
			return operation.New(l), err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("veille: operation list: %w", err)
	}
	if c.lexicon == "" {
		p.lexicon, err = topic.DefaultLexicon()
	} else {
		p.lexicon, err = loadFile(c.lexicon, func(f *os.File) (*topic.Lexicon, error) {
			return topic.LoadLexicon(f, c.lexicon)
		})
	}
	if err != nil {
		return nil, fmt.Errorf("veille: lexicon: %w", err)
	}
	if p.keyphrases, err = topic.DefaultExtractor(); err != nil {
		return nil, fmt.Errorf("veille: keyphrase resources: %w", err)
	}
	if p.categories, err = category.Default(); err != nil {
		return nil, fmt.Errorf("veille: category model: %w", err)
	}
	return p, nil
}

// loadFile opens path and hands it to load; errors name the file.
func loadFile[T any](path string, load func(*os.File) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := load(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// Extract runs the pipeline on text.
func (p *Pipeline) Extract(ctx context.Context, text string) (*Document, error) {
	return p.ExtractDoc(ctx, textio.Doc{Text: text})
}

// ExtractDoc runs the pipeline on a decoded input document: tokenize and
// segment, stem, detect the language, tag entities, add operations, group
// mentions into entities, then topics and keyphrases. A document that is
// neither French nor English gets no mentions or topics.
func (p *Pipeline) ExtractDoc(ctx context.Context, in textio.Doc) (*Document, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := stem.Analyze(in.Text)
	d := &Document{
		Source: in.Source, Encoding: in.Encoding, Date: in.Date, Title: in.Title,
		Text: in.Text, Sentences: a.Sentences, Tokens: a.Tokens, TokenCount: len(a.Tokens),
		Lang:     lang.Detect(a.Tokens),
		Mentions: []ner.Mention{}, Entities: []entity.Entity{}, Topics: []topic.Topic{}, Keyphrases: []topic.Keyphrase{},
	}
	switch d.Lang {
	case "fr":
		d.Mentions = p.operations.Find(a, p.tagger.Tag(a))
	case "en":
		m, err := ner.English(in.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sourceName(in), err)
		}
		d.Mentions = m
	default:
		return d, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.Mentions = nonNil(d.Mentions)
	d.Entities = nonNil(entity.Group(a, d.Mentions))
	if d.Lang != "fr" {
		return d, nil
	}
	d.Topics = append(d.Topics, p.lexicon.Match(a)...)
	d.Topics = append(d.Topics, p.categories.Classify(a)...)
	if p.nKeys > 0 {
		d.Keyphrases = append(d.Keyphrases, p.keyphrases.Keyphrases(a, p.nKeys)...)
	}
	return d, nil
}

// nonNil keeps empty lists as [] in JSON, never null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func sourceName(in textio.Doc) string {
	if in.Source == "" {
		return "text"
	}
	return in.Source
}
