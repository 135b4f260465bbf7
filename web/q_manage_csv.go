package web

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/imhars/imhars"
)

// Limits of a staff list upload. They bound the memory and the size of the
// preview page, and a longer list can be split into several files.
const (
	maxStaffFileBytes = 256 << 10
	maxStaffRows      = 2000
	maxStaffNameLen   = 200
	maxStaffRoleLen   = 100
)

// staffRow is one person read from a staff list, with the line of the file
// the row starts on (the header is line 1).
type staffRow struct {
	Line   int
	Email  string
	Name   string
	Role   string
	Reason string   // reason the row is rejected, or "" for a row that can be added
	Notes  []string // changes made to the row, such as trimmed spaces
}

// staffImport is a staff list checked against the people already on a
// questionnaire's list. Nothing in it is stored.
type staffImport struct {
	Valid    []staffRow // rows that will be added
	Rejected []staffRow // rows with a problem, each with its Reason
	Listed   []staffRow // rows whose email is already on the list
	Ignored  []string   // headers of columns that are not read
}

// staffHeaders maps the accepted header names to the field they fill.
var staffHeaders = map[string]string{
	"email": "email", "email address": "email", "e-mail": "email",
	"name": "name", "full name": "name",
	"role": "role", "job title": "role",
}

// staffListText returns a staff file as UTF-8 without a byte order mark.
// Excel saves "CSV UTF-8" with the mark, and plain "CSV" in the system's
// code page, which is Windows-1252 for English and Western European locales.
func staffListText(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return data, nil
	}
	decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, imhars.Errorf(imhars.EINVALID, "The file could not be read as text. Save it from Excel as CSV UTF-8 and try again.")
	}
	return decoded, nil
}

// parseStaffList reads a CSV staff list as Excel saves it: with or without
// a UTF-8 byte order mark, in Windows-1252 when it is not UTF-8, with CRLF
// line ends and quoted fields. The first row names the columns; email is
// required, name and role are optional, and other columns are ignored.
// Emails are compared in any letter case, within the file and with
// existing. An error is a problem with the whole file, safe to show.
func parseStaffList(data []byte, existing []imhars.Recipient) (*staffImport, error) {
	data, err := staffListText(data)
	if err != nil {
		return nil, err
	}
	rd := csv.NewReader(bytes.NewReader(data))
	rd.FieldsPerRecord = -1
	header, err := rd.Read()
	if errors.Is(err, io.EOF) {
		return nil, imhars.Errorf(imhars.EINVALID, "The file is empty. It needs a first row with the column names email, name and role.")
	} else if err != nil {
		return nil, csvProblem(err)
	}
	columns, ignored := staffColumns(header)
	if _, ok := columns["email"]; !ok {
		return nil, imhars.Errorf(imhars.EINVALID, "The first row has no column named email. Name the columns email, name and role in the first row.")
	}
	imp := &staffImport{Ignored: ignored}
	return imp, imp.readRows(rd, columns, existing)
}

// staffColumns returns the index of each known column and the names of the
// others. A repeated known column is ignored after its first appearance.
func staffColumns(header []string) (map[string]int, []string) {
	columns := map[string]int{}
	var ignored []string
	for i, h := range header {
		h = strings.TrimSpace(h)
		field, known := staffHeaders[strings.ToLower(h)]
		if _, seen := columns[field]; known && !seen {
			columns[field] = i
			continue
		}
		if h == "" {
			h = fmt.Sprintf("number %d (no name)", i+1)
		}
		ignored = append(ignored, h)
	}
	return columns, ignored
}

func (imp *staffImport) readRows(rd *csv.Reader, columns map[string]int, existing []imhars.Recipient) error {
	listed := map[string]bool{}
	for _, r := range existing {
		listed[strings.ToLower(r.Email)] = true
	}
	firstLine := map[string]int{} // lower-case email to the line it first appeared on
	for {
		record, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return csvProblem(err)
		}
		if blankRecord(record) {
			continue
		}
		if len(imp.Valid)+len(imp.Rejected)+len(imp.Listed) == maxStaffRows {
			return imhars.Errorf(imhars.EINVALID, "The file has more than %d people. Split it into smaller files and import each one.", maxStaffRows)
		}
		line, _ := rd.FieldPos(0)
		row := staffRowOf(record, columns, line)
		key := strings.ToLower(row.Email)
		switch {
		case row.Reason != "":
			imp.Rejected = append(imp.Rejected, row)
		case firstLine[key] != 0:
			row.Reason = fmt.Sprintf("Same email as line %d.", firstLine[key])
			imp.Rejected = append(imp.Rejected, row)
		case listed[key]:
			firstLine[key] = line
			imp.Listed = append(imp.Listed, row)
		default:
			firstLine[key] = line
			imp.Valid = append(imp.Valid, row)
		}
	}
}

// staffRowOf reads one record and sets Reason when it cannot be added.
func staffRowOf(record []string, columns map[string]int, line int) staffRow {
	row := staffRow{Line: line}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"email", &row.Email}, {"name", &row.Name}, {"role", &row.Role}} {
		i, ok := columns[f.name]
		if !ok || i >= len(record) {
			continue
		}
		*f.dst = strings.TrimSpace(record[i])
		if *f.dst != record[i] && *f.dst != "" {
			row.Notes = append(row.Notes, fmt.Sprintf("Spaces removed around the %s.", f.name))
		}
	}
	switch {
	case row.Email == "":
		row.Reason = "Email is blank."
	case imhars.ValidateEmail(row.Email) != "":
		row.Reason = "Email is not in the correct format, like name@school.org.uk."
	case utf8.RuneCountInString(row.Name) > maxStaffNameLen:
		row.Reason = fmt.Sprintf("Name is longer than %d characters.", maxStaffNameLen)
	case utf8.RuneCountInString(row.Role) > maxStaffRoleLen:
		row.Reason = fmt.Sprintf("Role is longer than %d characters.", maxStaffRoleLen)
	}
	return row
}

func blankRecord(record []string) bool {
	for _, f := range record {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvProblem turns a CSV syntax error into a message that names the line.
func csvProblem(err error) error {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return imhars.Errorf(imhars.EINVALID,
			"Line %d of the file could not be read: %s. Check the quote marks on that line, or save the file from Excel as CSV UTF-8 again.",
			perr.StartLine, perr.Err)
	}
	return imhars.Errorf(imhars.EINVALID, "The file could not be read. Save it from Excel as CSV UTF-8 and try again.")
}

// recipients returns the valid rows as recipients to add.
func (imp *staffImport) recipients(questionnaireID int64) []imhars.Recipient {
	out := make([]imhars.Recipient, len(imp.Valid))
	for i, row := range imp.Valid {
		out[i] = imhars.Recipient{QuestionnaireID: questionnaireID, Email: row.Email, Name: row.Name, Role: row.Role}
	}
	return out
}
