package ner

import (
	"bytes"
	"sync"

	"github.com/veille/veille/models"
)

// defaultModel parses the embedded model once per process.
var defaultModel = sync.OnceValues(func() (*Tagger, error) {
	return Load(bytes.NewReader(models.NERFrench))
})

// Default returns the shipped French model (models/ner/fr.model), loaded on
// first use and shared.
func Default() (*Tagger, error) { return defaultModel() }

// Named returns a shipped model by name: "default", or "permissive", the
// model trained only on data whose licences allow commercial use. The
// default model is trained on news-fr-gold alone (CC BY-SA), so the two are
// the same model; see models/ner/MODEL.md.
func Named(name string) (*Tagger, error) {
	switch name {
	case "", "default", "permissive":
		return Default()
	}
	return nil, ErrUnknownModel
}
