package main

import (
	"net"
	"regexp"
	"strings"

	"github.com/imhars/imhars/demo"
	"github.com/imhars/imhars/sqlstore"
)

// demoInstructions returns the commands and sign-in address that
// "imhars demo" prints. The commands repeat --addr and --database when they
// differ from the defaults, so that the server started with them opens the
// database the demo was loaded into, at the address printed.
func demoInstructions(cfg config) demo.Instructions {
	var serveFlags, databaseFlag string
	if cfg.addr != defaultAddr {
		serveFlags += " --addr " + shellQuote(cfg.addr)
	}
	if cfg.database != defaultDatabase {
		// A PostgreSQL URL's password is printed as "xxxxx", so the
		// person running the command fills it in again.
		databaseFlag = " --database " + shellQuote(sqlstore.Redact(cfg.database))
		serveFlags += databaseFlag
	}
	serve := "make run, or imhars"
	if serveFlags != "" {
		// make run starts the server with the default flags only.
		serve = "imhars" + serveFlags
	}
	return demo.Instructions{
		ServeCommand:  serve,
		SignInURL:     "http://" + browserAddr(cfg.addr) + "/sign-in",
		RemoveCommand: "imhars demo --remove" + databaseFlag,
	}
}

// browserAddr returns the listen address addr as a browser on the same
// machine reaches it: an empty or unspecified host becomes localhost.
func browserAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

var shellSafe = regexp.MustCompile(`^[A-Za-z0-9@%+=:,./_-]+$`)

// shellQuote returns s quoted for a POSIX shell where it needs quoting.
func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
