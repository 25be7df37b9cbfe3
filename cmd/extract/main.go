// Command extract finds people, places, organisations, operations and topics
// in French text, and indexes them for search.
//
// Each subcommand lives in its own file and registers itself in init.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// Exit statuses.
const (
	exitOK    = 0 // every input succeeded
	exitFail  = 1 // some input failed; the rest were processed
	exitUsage = 2 // bad flags or arguments
)

// command is one subcommand: run returns the process exit status.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand. Without a known subcommand name the
// arguments go to "extract", so `extract FILE` works.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			usage(stdout)
			return exitOK
		}
		if c, ok := commands[args[0]]; ok {
			return c.run(ctx, args[1:], stdin, stdout, stderr)
		}
	}
	if c, ok := commands["extract"]; ok {
		return c.run(ctx, args, stdin, stdout, stderr)
	}
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: extract [SUBCOMMAND] [flags] PATH...")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-14s %s\n", n, commands[n].summary)
	}
}
