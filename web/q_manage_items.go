package web

import (
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/imhars/imhars"
)

type itemPage struct {
	*questionnairePage
	Item *itemView
	Text string // the wording as typed
}

func (s *Server) itemPage(r *http.Request) (*itemPage, error) {
	p, err := s.questionnairePage(r)
	if err != nil {
		return nil, err
	}
	it, err := p.item(r)
	if err != nil {
		return nil, err
	}
	p.Title = "Statement " + it.Number
	return &itemPage{questionnairePage: p, Item: it, Text: it.Text}, nil
}

func (s *Server) showItem(w http.ResponseWriter, r *http.Request) error {
	p, err := s.itemPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "q-manage-item", p)
}

// rewordItem changes an item's wording. The item keeps its id, so answers
// already given stay attached to it.
func (s *Server) rewordItem(w http.ResponseWriter, r *http.Request) error {
	p, err := s.itemPage(r)
	if err != nil {
		return err
	}
	if p.Item.Retired {
		return imhars.Errorf(imhars.ECONFLICT, "This statement was removed, so it cannot be reworded. Add the practice again instead.")
	}
	p.Text = normaliseText(r.PostFormValue("text"))
	switch n := utf8.RuneCountInString(p.Text); {
	case n == 0:
		p.Errors.Add("text", "Enter the statement.")
	case n > imhars.MaxStatementLen:
		p.Errors.Add("text", "The statement must be %d characters or fewer; it is %d.", imhars.MaxStatementLen, n)
	}
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-item", p)
	}
	if err := s.store.RewordItem(r.Context(), p.Q.ID, p.Item.ID, p.Text); err != nil {
		return fmt.Errorf("reword item %s of questionnaire %d: %w", p.Item.ID, p.Q.ID, err)
	}
	s.setFlash(w, fmt.Sprintf("Statement %s reworded.", p.Item.Number))
	http.Redirect(w, r, p.URL, http.StatusSeeOther)
	return nil
}

// retireItem removes an item from what respondents see. Its answers are
// kept and still count in the results.
func (s *Server) retireItem(w http.ResponseWriter, r *http.Request) error {
	p, err := s.itemPage(r)
	if err != nil {
		return err
	}
	if p.Item.Retired {
		http.Redirect(w, r, p.URL, http.StatusSeeOther)
		return nil
	}
	if p.Q.Status == imhars.QuestionnaireOpen && len(p.Items) == 1 {
		return imhars.Errorf(imhars.ECONFLICT,
			"This is the only statement in an open questionnaire. Add another statement, or close the questionnaire, before removing it.")
	}
	if err := s.store.RetireItem(r.Context(), p.Q.ID, p.Item.ID); err != nil {
		return fmt.Errorf("retire item %s of questionnaire %d: %w", p.Item.ID, p.Q.ID, err)
	}
	s.setFlash(w, fmt.Sprintf("Statement %s removed. It is retired, and the answers already given are kept.", p.Item.Number))
	http.Redirect(w, r, p.URL, http.StatusSeeOther)
	return nil
}

type addItemsPage struct {
	*questionnairePage
	Groups []practiceGroup
}

// addItemsPage offers the practices that no current item asks about.
// A practice whose item was retired is offered again, as a new item.
func (s *Server) addItemsPage(r *http.Request) (*addItemsPage, error) {
	p, err := s.questionnairePage(r)
	if err != nil {
		return nil, err
	}
	p.Title = "Add statements"
	asked := map[string]bool{}
	for _, it := range p.Items {
		asked[it.PracticeKey] = true
	}
	return &addItemsPage{questionnairePage: p, Groups: practiceGroups(p.Framework, p.Q.Audience, asked, false)}, nil
}

func (s *Server) showAddItems(w http.ResponseWriter, r *http.Request) error {
	p, err := s.addItemsPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "q-manage-add-items", p)
}

// addItems appends each ticked practice as a new item with no answers.
func (s *Server) addItems(w http.ResponseWriter, r *http.Request) error {
	p, err := s.addItemsPage(r)
	if err != nil {
		return err
	}
	readChoices(p.Groups, r)
	items, errs := chosenItems(p.Groups)
	if p.Errors = errs; p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-add-items", p)
	}
	for i := range items {
		items[i].QuestionnaireID = p.Q.ID
		if err := s.store.AddItem(r.Context(), &items[i]); err != nil {
			return fmt.Errorf("add item for %s to questionnaire %d: %w", items[i].PracticeKey, p.Q.ID, err)
		}
	}
	s.setFlash(w, fmt.Sprintf("%d %s added. New statements start with no answers.",
		len(items), plural(len(items), "statement", "statements")))
	http.Redirect(w, r, p.URL, http.StatusSeeOther)
	return nil
}
