package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/imhars/imhars"
)

// recipientsPage lists the staff given personal links and whether each
// has responded. The links themselves are shown once, in NewLinks, right
// after import, because only a hash of each token is stored.
type recipientsPage struct {
	*questionnairePage
	Recipients []imhars.Recipient
	Responded  int
	Import     *staffImport
	Content    string // the uploaded file as UTF-8 text, carried to the confirm step
	NewLinks   []personalLink
	CopyText   string // NewLinks as tab-separated lines, for pasting into a spreadsheet
}

// personalLink is one new recipient's link, shown once.
type personalLink struct {
	imhars.Recipient
	Link string
}

func (s *Server) recipientsPage(r *http.Request) (*recipientsPage, error) {
	p, err := s.questionnairePage(r)
	if err != nil {
		return nil, err
	}
	if p.Q.Audience != imhars.AudienceStaff {
		return nil, imhars.ErrNotFound
	}
	p.Title = "Personal links for staff"
	rp := &recipientsPage{questionnairePage: p}
	return rp, rp.loadRecipients(s, r)
}

func (p *recipientsPage) loadRecipients(s *Server, r *http.Request) error {
	list, err := s.store.Recipients(r.Context(), p.Q.ID)
	if err != nil {
		return fmt.Errorf("list recipients of questionnaire %d: %w", p.Q.ID, err)
	}
	p.Recipients, p.Responded = list, 0
	for _, rec := range list {
		if rec.Responded {
			p.Responded++
		}
	}
	return nil
}

func (s *Server) showRecipients(w http.ResponseWriter, r *http.Request) error {
	p, err := s.recipientsPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "q-manage-recipients", p)
}

// previewRecipients reads an uploaded staff list and shows what importing
// it would do. Nothing is stored: the confirm form carries the file's text.
func (s *Server) previewRecipients(w http.ResponseWriter, r *http.Request) error {
	p, err := s.recipientsPage(r)
	if err != nil {
		return err
	}
	data, err := uploadedStaffList(r)
	if err == nil {
		data, err = staffListText(data)
	}
	if err == nil {
		p.Import, err = parseStaffList(data, p.Recipients)
	}
	if err != nil {
		p.Errors.Add("file", "%s", imhars.ErrorMessage(err))
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-recipients", p)
	}
	p.Title, p.Content = "Check the staff list", string(data)
	return s.render(w, r, "q-manage-recipients-preview", p)
}

func uploadedStaffList(r *http.Request) ([]byte, error) {
	file, _, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, imhars.Errorf(imhars.EINVALID, "Choose a CSV file with the staff list.")
	} else if err != nil {
		return nil, imhars.Errorf(imhars.EINVALID, "The upload could not be read. Try again.")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxStaffFileBytes+1))
	if err != nil {
		return nil, imhars.Errorf(imhars.EINVALID, "The upload could not be read. Try again.")
	}
	if len(data) > maxStaffFileBytes {
		return nil, imhars.Errorf(imhars.EINVALID, "The file is larger than the limit of 256 KB. Remove columns other than email, name and role, or split the list.")
	}
	if len(data) == 0 {
		return nil, imhars.Errorf(imhars.EINVALID, "The file is empty. Choose the CSV file with the staff list.")
	}
	return data, nil
}

// importRecipients adds the valid rows of the confirmed file, each with a
// new token, and shows their links once. The file is read again against
// the current list, so confirming twice, or two leads importing the same
// file, adds nobody twice.
func (s *Server) importRecipients(w http.ResponseWriter, r *http.Request) error {
	p, err := s.recipientsPage(r)
	if err != nil {
		return err
	}
	imp, err := parseStaffList([]byte(r.PostFormValue("content")), p.Recipients)
	if err != nil {
		p.Errors.Add("file", "%s", imhars.ErrorMessage(err))
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-recipients", p)
	}
	recipients := imp.recipients(p.Q.ID)
	tokens := map[string]string{} // token hash to token
	for i := range recipients {
		token := newToken()
		recipients[i].TokenHash = hashToken(token)
		tokens[recipients[i].TokenHash] = token
	}
	added, err := s.store.AddRecipients(r.Context(), p.Q.ID, recipients)
	if err != nil {
		return fmt.Errorf("add recipients to questionnaire %d: %w", p.Q.ID, err)
	}
	if err := p.loadRecipients(s, r); err != nil {
		return err
	}
	p.showNewLinks(s, r, tokens)
	p.Flash = fmt.Sprintf("%d added, %d already on the list.", added, len(imp.Listed)+len(recipients)-added)
	return s.render(w, r, "q-manage-recipients", p)
}

// showNewLinks sets the links of the recipients whose stored token hash
// is one made by this import. A person another import added meanwhile
// keeps that import's token, so they get no link here.
func (p *recipientsPage) showNewLinks(s *Server, r *http.Request, tokens map[string]string) {
	var copyText strings.Builder
	for _, rec := range p.Recipients {
		token, ok := tokens[rec.TokenHash]
		if !ok {
			continue
		}
		link := s.absoluteURL(r, "/q/"+p.Q.LinkID+"?t="+token)
		p.NewLinks = append(p.NewLinks, personalLink{Recipient: rec, Link: link})
		fmt.Fprintf(&copyText, "%s\t%s\t%s\n", oneCell.Replace(rec.Email), oneCell.Replace(rec.Name), link)
	}
	p.CopyText = copyText.String()
}

// oneCell keeps a value in one spreadsheet cell when pasted.
var oneCell = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
