package models

import _ "embed"

// Operations is the curated list of named operations, plans and campaigns
// read by pkg/operation (format and sources: operation/operations.txt, card:
// operation/README.md).
//
//go:embed operation/operations.txt
var Operations string
