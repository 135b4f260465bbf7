// Package static embeds the browser assets that the web server serves under
// /static/: the app's own files, committed here, and the vendor folder that
// "make assets" builds from npm packages.
//
// The vendor folder is not in git apart from a placeholder file, so a clean
// clone compiles without Node.js. The server still starts without the built
// files, but pages then lack their styles and scripts. HasVendor reports
// whether the files were present when the binary was built.
package static

import (
	"embed"
	"io/fs"
)

// FS contains the static files, rooted at this folder, so that the URL
// /static/app.js maps to the name "app.js".
//
//go:embed app.js questionnaire.js favicon.svg all:vendor
var FS embed.FS

// vendorFiles lists the built files that every page loads. "make assets" also
// writes a source map, which only browser developer tools request.
var vendorFiles = []string{
	"vendor/imhars.css",
	"vendor/govuk-frontend.min.js",
}

// HasVendor reports whether every built vendor file is embedded.
func HasVendor() bool {
	for _, name := range vendorFiles {
		if _, err := fs.Stat(FS, name); err != nil {
			return false
		}
	}
	return true
}
