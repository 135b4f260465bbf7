package pdf

// table draws a grid with a shaded, bold header row. Each cell's text wraps
// within its column, a row that fits on a page is not split, and the header is
// repeated at the top of each new page.
func (d *document) table(widths []float64, header []string, rows [][]string) {
	d.ensureSpace(d.rowHeight(widths, header, "B") + lineH)
	d.tableRow(widths, header, "B")
	for _, row := range rows {
		d.setFont("", bodySize)
		if !d.fits(d.rowHeight(widths, row, "")) {
			d.pdf.AddPage()
			d.tableRow(widths, header, "B")
		}
		d.tableRow(widths, row, "")
	}
	d.pdf.Ln(lineH)
}

func (d *document) fits(height float64) bool {
	_, pageHeight := d.pdf.GetPageSize()
	return d.pdf.GetY()+height <= pageHeight-margin
}

// rowHeight returns the height of the tallest cell in row, in millimetres,
// when set in the given font style.
func (d *document) rowHeight(widths []float64, row []string, style string) float64 {
	d.setFont(style, bodySize)
	lines := 1
	for i, cell := range row {
		if n := len(d.pdf.SplitText(d.text(cell), widths[i])); n > lines {
			lines = n
		}
	}
	return float64(lines)*lineH + 1
}

// tableRow draws one row of cells with borders, line by line, so that the
// drawn height matches rowHeight. The header style "B" also shades the row.
func (d *document) tableRow(widths []float64, row []string, style string) {
	height := d.rowHeight(widths, row, style)
	x, y := d.pdf.GetX(), d.pdf.GetY()
	d.pdf.SetDrawColor(ruleColor.r, ruleColor.g, ruleColor.b)
	d.setFill(trackFill)

	left := x
	for i, cell := range row {
		border := "D"
		if style == "B" {
			border = "DF"
		}
		d.pdf.Rect(left, y, widths[i], height, border)
		d.pdf.SetXY(left, y+0.5)
		for _, line := range d.pdf.SplitText(d.text(cell), widths[i]) {
			d.pdf.CellFormat(widths[i], lineH, line, "", 2, "L", false, 0, "")
		}
		left += widths[i]
	}
	d.pdf.SetXY(x, y+height)
}
