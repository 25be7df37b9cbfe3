package main

import (
	"flag"

	"github.com/veille/veille/pkg/veille"
)

// pipelineFlags are the flags that configure extraction, shared by every
// subcommand that extracts.
type pipelineFlags struct {
	model, operations, lexicon string
	keyphrases                 int
}

func addPipelineFlags(fs *flag.FlagSet) *pipelineFlags {
	f := &pipelineFlags{}
	fs.StringVar(&f.model, "model", "default", `entity model: "default" or "permissive"`)
	fs.StringVar(&f.operations, "operations", "", "file of known operation names replacing the shipped list (format: models/operation/operations.txt)")
	fs.StringVar(&f.lexicon, "lexicon", "", "analyst-topic lexicon (TOML) replacing the shipped one (format: models/topic/lexicon.toml)")
	fs.IntVar(&f.keyphrases, "keyphrases", veille.DefaultKeyphrases, "keyphrases per document (0: none)")
	return f
}

// pipeline builds the pipeline the flags describe.
func (f *pipelineFlags) pipeline() (*veille.Pipeline, error) {
	opts := []veille.Option{veille.WithNERModel(f.model), veille.WithKeyphrases(f.keyphrases)}
	if f.operations != "" {
		opts = append(opts, veille.WithOperationList(f.operations))
	}
	if f.lexicon != "" {
		opts = append(opts, veille.WithLexicon(f.lexicon))
	}
	return veille.New(opts...)
}
