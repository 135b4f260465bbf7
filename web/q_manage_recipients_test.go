package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/sqlstore/sqlstoretest"
)

// rowsOf returns the text of each cell of each body row of a table.
func rowsOf(r *response, table string) [][]string {
	var rows [][]string
	r.doc.Find(table + " tbody tr").Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Find("td").Each(func(_ int, td *goquery.Selection) {
			cells = append(cells, strings.TrimSpace(td.Text()))
		})
		rows = append(rows, cells)
	})
	return rows
}

func TestStaffListImport(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Staff List Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	q := app.questionnaireIn(path)
	recipients := func() []imhars.Recipient {
		list, err := app.store.Recipients(t.Context(), q.ID)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}

	page := admin.get(path + "/recipients")
	wantStatus(t, page, http.StatusOK)
	if page.doc.Find("#no-recipients").Length() != 1 {
		t.Error("empty list not explained")
	}

	preview := admin.postFile(path+"/recipients/preview", "file", "staff.csv", excelStaffList)
	wantStatus(t, preview, http.StatusOK)
	wantRejected := [][]string{
		{"4", "ANA@school.org.uk", "Ana Smith", "Same email as line 2."},
		{"5", "", "Cat Brown", "Email is blank."},
	}
	if diff := cmp.Diff(wantRejected, rowsOf(preview, "#rejected")); diff != "" {
		t.Errorf("rejected rows (-want +got):\n%s", diff)
	}
	valid := rowsOf(preview, "#valid")
	if len(valid) != 3 {
		t.Fatalf("%d valid rows, want 3", len(valid))
	}
	if got := valid[1]; got[0] != "3" || !strings.HasPrefix(got[3], "Teaching assistantSpaces removed around the role.") {
		t.Errorf("row with a trailing space in the role = %q", got)
	}
	mustContain(t, preview.text("main"), "The column notes is ignored.")
	mustContain(t, preview.text("#preview-summary"), "3 to add, 2 with problems. Nobody has been added yet.")
	if n := len(recipients()); n != 0 {
		t.Fatalf("%d recipients stored by the preview, want 0", n)
	}

	confirm := preview.formValues(t, `form[action$="/recipients"]`)
	r := admin.postMultipart(path+"/recipients", confirm)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r.text(".govuk-notification-banner"), "3 added, 0 already on the list.")
	stored := recipients()
	if len(stored) != 3 {
		t.Fatalf("%d recipients stored, want 3", len(stored))
	}
	hashes := map[string]bool{}
	for _, rec := range stored {
		hashes[rec.TokenHash] = true
		if rec.Role == "Teaching assistant " {
			t.Error("role stored with its trailing space")
		}
	}
	links := r.doc.Find("input.personal-link")
	if links.Length() != 3 {
		t.Fatalf("%d personal links shown, want 3", links.Length())
	}
	links.Each(func(_ int, in *goquery.Selection) {
		link := in.AttrOr("value", "")
		prefix := app.http.URL + "/q/" + q.LinkID + "?t="
		if !strings.HasPrefix(link, prefix) {
			t.Errorf("personal link %q does not start with %q", link, prefix)
			return
		}
		token := strings.TrimPrefix(link, prefix)
		if !hashes[hashToken(token)] {
			t.Errorf("token of %q matches no stored hash", link)
		}
		if hashes[token] {
			t.Errorf("the database stores the token itself")
		}
	})
	if got := strings.Count(r.text("#copy-all"), "\n"); got != 2 {
		t.Errorf("copy-all text has %d line breaks, want 3 lines", got+1)
	}

	again := admin.postFile(path+"/recipients/preview", "file", "staff.csv", excelStaffList)
	wantStatus(t, again, http.StatusOK)
	mustContain(t, again.text("#preview-summary"), "0 to add, 2 with problems, 3 already on the list.")
	if again.doc.Find(`form[action$="/recipients"]`).Length() != 0 {
		t.Error("confirm offered with nobody to add")
	}
	r = admin.postMultipart(path+"/recipients", confirm)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r.text(".govuk-notification-banner"), "0 added, 3 already on the list.")
	if r.doc.Find("input.personal-link").Length() != 0 {
		t.Error("links shown again for people already on the list")
	}
	if n := len(recipients()); n != 3 {
		t.Errorf("%d recipients after importing twice, want 3", n)
	}
}

func TestStaffListResponded(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Responded Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	wantStatus(t, admin.post(path+"/open", nil), http.StatusSeeOther)
	q := app.questionnaireIn(path)
	admin.get(path + "/recipients")
	preview := admin.postFile(path+"/recipients/preview", "file", "staff.csv", "email,name\nana@school.org.uk,Ana\nben@school.org.uk,Ben\n")
	r := admin.postMultipart(path+"/recipients", preview.formValues(t, `form[action$="/recipients"]`))
	link := r.value("#link-0")
	token := link[strings.Index(link, "?t=")+3:]

	app.answer(q, "i1", 4, hashToken(token))
	page := admin.get(path + "/recipients")
	want := [][]string{{"Ana", "ana@school.org.uk", "", "Yes"}, {"Ben", "ben@school.org.uk", "", "Not yet"}}
	if diff := cmp.Diff(want, rowsOf(page, "#recipients")); diff != "" {
		t.Errorf("recipients (-want +got):\n%s", diff)
	}
	mustContain(t, page.text("#recipients caption"), "1 of 2 have responded")
	if page.doc.Find("input.personal-link").Length() != 0 {
		t.Error("personal links shown after the import page")
	}
}

func TestStaffListFileProblems(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Bad File Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceStaff)
	admin.get(path + "/recipients")

	tests := []struct {
		name, file, want string
	}{
		{"no email column", "name,role\nAna,Teacher\n", "no column named email"},
		{"empty file", "", "The file is empty."},
		{"too large", "email\n" + strings.Repeat("x", maxStaffFileBytes), "larger than the limit of 256 KB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := admin.postFile(path+"/recipients/preview", "file", "staff.csv", tt.file)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			mustContain(t, r.text(".govuk-error-summary__list"), tt.want)
		})
	}
	r := admin.post(path+"/recipients/preview", url.Values{})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r.text(".govuk-error-summary__list"), "Choose a CSV file with the staff list.")
}

func TestStaffListOnlyForStaff(t *testing.T) {
	app := newTestApp(t, sqlstoretest.OpenSQLite(t))
	admin := app.setUpAdmin()
	audit := admin.startAudit(admin.createSchool("Parents Only Primary"), "2026/27")
	path := admin.createQuestionnaireAs(audit, imhars.AudienceParents)
	wantStatus(t, admin.get(path+"/recipients"), http.StatusNotFound)
	if admin.get(path).doc.Find(`a[href$="/recipients"]`).Length() != 0 {
		t.Error("a parents' questionnaire links to personal links")
	}
}
