// Package veille runs the whole extraction pipeline on French text.
package veille

import (
	"context"

	"github.com/veille/veille/pkg/entity"
	"github.com/veille/veille/pkg/ner"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/textio"
	"github.com/veille/veille/pkg/tokenize"
	"github.com/veille/veille/pkg/topic"
)

// Document is what the pipeline found in one text.
type Document struct {
	Source     string              `json:"source"`
	Encoding   string              `json:"encoding,omitempty"`
	Lang       string              `json:"lang"`
	Date       string              `json:"date,omitempty"`
	Title      string              `json:"title,omitempty"`
	Text       string              `json:"-"`
	Sentences  []tokenize.Sentence `json:"sentences"`
	Tokens     []tokenize.Token    `json:"-"`
	TokenCount int                 `json:"tokens"`
	Mentions   []ner.Mention       `json:"mentions"`
	Entities   []entity.Entity     `json:"entities"`
	Topics     []topic.Topic       `json:"topics"`
	Keyphrases []topic.Keyphrase   `json:"keyphrases"`
}

// Pipeline runs every stage in order. It is safe for concurrent use.
type Pipeline struct{}

// New returns a pipeline.
func New() (*Pipeline, error) { return &Pipeline{}, nil }

// Extract runs the pipeline on text.
func (p *Pipeline) Extract(ctx context.Context, text string) (*Document, error) {
	return p.ExtractDoc(ctx, textio.Doc{Text: text})
}

// ExtractDoc runs the pipeline on a decoded input document.
func (p *Pipeline) ExtractDoc(ctx context.Context, in textio.Doc) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := stem.Analyze(in.Text)
	return &Document{
		Source: in.Source, Encoding: in.Encoding, Lang: "fr", Date: in.Date, Title: in.Title,
		Text: in.Text, Sentences: a.Sentences, Tokens: a.Tokens, TokenCount: len(a.Tokens),
		Mentions: []ner.Mention{}, Entities: []entity.Entity{}, Topics: []topic.Topic{}, Keyphrases: []topic.Keyphrase{},
	}, nil
}
