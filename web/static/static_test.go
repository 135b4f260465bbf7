package static

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestAppScriptEmbedded(t *testing.T) {
	script, err := fs.ReadFile(FS, "app.js")
	if err != nil {
		t.Fatalf("read embedded app.js: %v", err)
	}
	if !strings.Contains(string(script), "initAll()") {
		t.Error("app.js does not call initAll()")
	}
}

// importPattern matches the module specifier of a static ES import.
var importPattern = regexp.MustCompile(`(?m)^import .* from '\./([^']+)'`)

func TestAppScriptImportsBuiltFiles(t *testing.T) {
	script, err := os.ReadFile("app.js")
	if err != nil {
		t.Fatal(err)
	}

	matches := importPattern.FindAllStringSubmatch(string(script), -1)
	if len(matches) == 0 {
		t.Fatal("found no relative import in app.js, so importPattern may be out of date")
	}
	for _, m := range matches {
		if !slices.Contains(vendorFiles, m[1]) {
			t.Errorf("app.js imports %q, which is not in vendorFiles %q", m[1], vendorFiles)
		}
	}
}

func TestHasVendorMatchesDisk(t *testing.T) {
	onDisk := true
	for _, name := range vendorFiles {
		_, err := os.Stat(name)
		if errors.Is(err, fs.ErrNotExist) {
			onDisk = false
		} else if err != nil {
			t.Fatal(err)
		}
	}

	if got := HasVendor(); got != onDisk {
		t.Errorf("HasVendor() = %v, want %v because that is whether the files exist on disk", got, onDisk)
	}
	if !onDisk && os.Getenv("IMHARS_REQUIRE_FULL") != "" {
		t.Error("built assets are missing, which IMHARS_REQUIRE_FULL forbids: run make assets")
	}
}

func TestStylesheetUsesSystemFonts(t *testing.T) {
	css, err := fs.ReadFile(FS, "vendor/imhars.css")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("vendor/imhars.css is not built; run make assets")
	}
	if err != nil {
		t.Fatal(err)
	}

	for _, unwanted := range []string{"@font-face", "GDS Transport"} {
		t.Run(unwanted, func(t *testing.T) {
			if strings.Contains(string(css), unwanted) {
				t.Errorf("imhars.css contains %q, but the GOV.UK font must stay switched off", unwanted)
			}
		})
	}
	if !strings.Contains(string(css), ".app-rating--embedded") {
		t.Error("imhars.css lacks the app styles from assets/_app.scss")
	}
}
