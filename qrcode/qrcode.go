// Package qrcode draws QR codes as SVG, which stays sharp at any print
// size. It wraps github.com/skip2/go-qrcode, which computes the modules.
package qrcode

import (
	"fmt"
	"strings"

	goqrcode "github.com/skip2/go-qrcode"
)

// SVG returns an <svg> element that draws text as a QR code, with the
// standard quiet zone of four modules. The element is size pixels square
// on screen and carries label as its accessible name. The code uses the
// Medium recovery level, which restores up to about 15% of damaged modules.
func SVG(text, label string, size int) (string, error) {
	code, err := goqrcode.New(text, goqrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("encode QR code: %w", err)
	}
	modules := code.Bitmap()
	n := len(modules)

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" shape-rendering="crispEdges">`,
		n, n, size, size, escape(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/>`, n, n)
	b.WriteString(`<path fill="#000" d="`)
	b.WriteString(path(modules))
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// path returns one path that draws every dark module, joining runs of dark
// modules in a row into one rectangle to keep the markup small.
func path(modules [][]bool) string {
	var b strings.Builder
	for y, row := range modules {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	return b.String()
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escape(s string) string { return escaper.Replace(s) }
