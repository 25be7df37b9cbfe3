package models

import "embed"

// Gazetteer holds the gazetteer lists, gazetteer/<class>.txt, one entry a
// line, read by package gazetteer. See gazetteer/MODEL.md.
//
//go:embed gazetteer/*.txt
var Gazetteer embed.FS
