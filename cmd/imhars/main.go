// Command imhars serves the iMHARS whole-school audit application.
//
// Usage:
//
//	imhars [flags]         serve the application
//	imhars demo [flags]    load the sample school and print how to sign in
//	imhars demo --remove   delete the sample school and its demo account
//	imhars reset-password --email ADDRESS
//	                       give an account a new random password and print it
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "imhars:", err)
		os.Exit(1)
	}
}
