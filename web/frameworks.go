package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
)

// maxFrameworkBytes limits an imported framework file.
const maxFrameworkBytes = 512 << 10

type frameworksPage struct {
	Page
	Frameworks []imhars.Framework
}

func (s *Server) listFrameworks(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.Frameworks(r.Context())
	if err != nil {
		return fmt.Errorf("list frameworks: %w", err)
	}
	return s.render(w, r, "frameworks", &frameworksPage{Page: s.page(r, "Frameworks"), Frameworks: list})
}

type frameworkPage struct {
	Page
	Framework *imhars.Framework
}

func (s *Server) showFramework(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "framework")
	if err != nil {
		return err
	}
	f, err := s.store.Framework(r.Context(), id)
	if err != nil {
		return err
	}
	return s.render(w, r, "framework", &frameworkPage{Page: s.page(r, f.Label()), Framework: f})
}

type importPage struct {
	Page
	Source   string
	Problems []framework.Problem
}

func (s *Server) showImportFramework(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "framework-import", &importPage{Page: s.page(r, "Import a framework")})
}

// importFramework takes a framework file either pasted into the text box or
// uploaded, checks it, and stores it as a new framework version.
func (s *Server) importFramework(w http.ResponseWriter, r *http.Request) error {
	p := &importPage{Page: s.page(r, "Import a framework")}
	src, err := frameworkSource(r)
	if err != nil {
		p.Errors.Add("file", "%s", imhars.ErrorMessage(err))
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "framework-import", p)
	}
	p.Source = string(src)
	f, err := framework.Parse(src)
	var perr *framework.ParseError
	if errors.As(err, &perr) {
		p.Problems = perr.Problems()
		p.Errors.Add("source", "The framework file has %d %s. Fix %s and import it again; nothing was saved.",
			len(p.Problems), plural(len(p.Problems), "problem", "problems"), plural(len(p.Problems), "it", "them"))
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "framework-import", p)
	} else if err != nil {
		return fmt.Errorf("parse framework: %w", err)
	}
	if err := s.store.SaveFramework(r.Context(), f, src, &stateOf(r).user.ID); err != nil {
		if imhars.ErrorCode(err) == imhars.ECONFLICT {
			p.Errors.Add("source", "%s", imhars.ErrorMessage(err))
			return s.renderStatus(w, r, http.StatusUnprocessableEntity, "framework-import", p)
		}
		return fmt.Errorf("save framework: %w", err)
	}
	s.setFlash(w, fmt.Sprintf("%s imported. New audits can use it; existing audits keep their version.", f.Label()))
	http.Redirect(w, r, fmt.Sprintf("/frameworks/%d", f.ID), http.StatusSeeOther)
	return nil
}

func frameworkSource(r *http.Request) ([]byte, error) {
	if err := r.ParseMultipartForm(maxFrameworkBytes); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, imhars.Errorf(imhars.EINVALID, "The file is larger than the limit of 512 KB.")
		}
		return nil, imhars.Errorf(imhars.EINVALID, "The upload could not be read. Try again.")
	}
	if file, _, err := r.FormFile("file"); err == nil {
		defer file.Close()
		src, err := io.ReadAll(io.LimitReader(file, maxFrameworkBytes+1))
		if err != nil {
			return nil, imhars.Errorf(imhars.EINVALID, "The upload could not be read. Try again.")
		}
		if len(src) > maxFrameworkBytes {
			return nil, imhars.Errorf(imhars.EINVALID, "The file is larger than the limit of 512 KB.")
		}
		if len(src) > 0 {
			return src, nil
		}
	}
	if src := r.PostFormValue("source"); src != "" {
		return []byte(src), nil
	}
	return nil, imhars.Errorf(imhars.EINVALID, "Choose a framework file, or paste its contents into the box.")
}

func (s *Server) showRatingScale(w http.ResponseWriter, r *http.Request) error {
	p := s.page(r, "The rating scale")
	return s.render(w, r, "rating-scale", &p)
}
