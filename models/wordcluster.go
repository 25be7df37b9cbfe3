package models

import "embed"

// WordCluster holds wordcluster/clusters.txt ("word<TAB>path" lines, read by
// package wordcluster) and its model card. The whole folder is embedded so
// the package builds before the clusters file exists; see
// wordcluster/MODEL.md.
//
//go:embed wordcluster
var WordCluster embed.FS
