package models

import _ "embed"

// Resources of package ner; see ner/MODEL.md for their card.
var (
	// NERFrench is the default French entity tagger in ner's binary format.
	//
	//go:embed ner/fr.model
	NERFrench []byte

	// NERDevF1 is the micro F1 over PER+LOC+ORG that NERFrench scored on
	// news-fr-gold dev.jsonl when it was built: the regression gate's figure.
	//
	//go:embed ner/dev-f1.txt
	NERDevF1 string
)
