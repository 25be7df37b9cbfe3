// Package models embeds the trained models, gazetteers and lexicons that
// veille ships, so the binary works from any directory.
//
// Each file has a model card beside it (*.md) naming its data, licences and
// measured scores.
package models
