package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/imhars/imhars/qrcode"
)

// linksPage shows the ways in to a questionnaire: its open link, its short
// code typed at /q, and a poster with a QR code of the link.
type linksPage struct {
	*questionnairePage
	OpenLink string
	CodePage string // the address where the short code is typed
	CodeSite string // CodePage without its scheme, as people type it
	QRCode   template.HTML
}

func (s *Server) linksPage(r *http.Request) (*linksPage, error) {
	p, err := s.questionnairePage(r)
	if err != nil {
		return nil, err
	}
	lp := &linksPage{questionnairePage: p, OpenLink: s.absoluteURL(r, "/q/"+p.Q.LinkID),
		CodePage: s.absoluteURL(r, "/q")}
	lp.CodeSite = strings.TrimPrefix(strings.TrimPrefix(lp.CodePage, "https://"), "http://")
	svg, err := qrcode.SVG(lp.OpenLink, "QR code for "+lp.OpenLink, 320)
	if err != nil {
		return nil, fmt.Errorf("draw QR code of questionnaire %d: %w", p.Q.ID, err)
	}
	lp.QRCode = template.HTML(svg) // qrcode.SVG escapes the label, and the rest is its own markup
	return lp, nil
}

func (s *Server) showQuestionnaireLinks(w http.ResponseWriter, r *http.Request) error {
	p, err := s.linksPage(r)
	if err != nil {
		return err
	}
	p.Title = "Link, short code and poster"
	return s.render(w, r, "q-manage-links", p)
}

func (s *Server) showQuestionnairePoster(w http.ResponseWriter, r *http.Request) error {
	p, err := s.linksPage(r)
	if err != nil {
		return err
	}
	p.Title = "Poster: " + p.Q.Title
	return s.render(w, r, "q-manage-poster", p)
}
