package models

import _ "embed"

// Category is the OrangeSum category classifier of pkg/topic/category
// (gzip, see category/MODEL.md).
//
//go:embed category/model.bin
var Category []byte
