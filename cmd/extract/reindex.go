package main

import (
	"context"
	"io"
)

func init() {
	register(&command{
		name:    "reindex",
		summary: "rebuild a search index from its sources into a new generation, then swap it in atomically",
		run: func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			return runIngest(ctx, "reindex", args, stdin, stderr)
		},
	})
}
