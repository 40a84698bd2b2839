// acme: the example CLI that deploy-actions releases (examples/acme-cli/README.md).
package main

import (
	"fmt"
	"os"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.3".
var version = "dev"

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "--version" || os.Args[1] == "version") {
		fmt.Printf("acme %s\n", version)
		return
	}
	fmt.Println("acme: a tiny example CLI. Try acme --version.")
}
