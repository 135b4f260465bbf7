package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/imhars/imhars"
)

// newQuestionnairePage is both steps of creating a questionnaire: first
// the audience, title and dates, then the items, comments and help text.
// Nothing is stored until the second step is sent without errors, and the
// second step carries the first step's answers in hidden fields.
type newQuestionnairePage struct {
	Page
	Audit     *imhars.Audit
	URL       string // the questionnaires list
	Form      settingsForm
	Audiences []imhars.Audience
	Groups    []practiceGroup
	// Kept is the second step's choices while the first step is shown
	// again to change it, or nil on a first visit.
	Kept *keptChoices
}

// keptChoices are the practices ticked and the wording typed in the second
// step, carried through the first step in hidden fields so that changing
// the audience, title or dates loses none of them.
type keptChoices struct {
	Audience  imhars.Audience // whom the wording was written for
	Practices []string        // keys of the ticked practices
	Texts     []keptText      // wording by practice, in key order
}

type keptText struct {
	Key  string
	Text string
}

// readKeptChoices reads the second step's choices from a request that went
// back from it, with audience as the audience that step was for.
func readKeptChoices(r *http.Request, audience imhars.Audience) *keptChoices {
	k := &keptChoices{Audience: audience, Practices: r.PostForm["practices"]}
	for name, values := range r.PostForm {
		if key, ok := strings.CutPrefix(name, "text-"); ok && len(values) > 0 {
			k.Texts = append(k.Texts, keptText{Key: key, Text: values[0]})
		}
	}
	slices.SortFunc(k.Texts, func(a, b keptText) int { return strings.Compare(a.Key, b.Key) })
	return k
}

// keptChoicesOf returns the choices that the first step carries, or nil
// when it carries none.
func keptChoicesOf(r *http.Request) *keptChoices {
	audience, ok := r.PostForm["kept_for"]
	if !ok {
		return nil
	}
	return readKeptChoices(r, imhars.Audience(audience[0]))
}

// restore ticks the kept practices in groups. The kept wording replaces
// the framework's only when it was written for the same audience, because
// each audience has its own wording of every practice.
func (k *keptChoices) restore(groups []practiceGroup, r *http.Request, audience imhars.Audience) {
	if k.Audience == audience {
		readChoices(groups, r)
		return
	}
	for gi := range groups {
		for ci := range groups[gi].Choices {
			c := &groups[gi].Choices[ci]
			c.Checked = slices.Contains(k.Practices, c.Key)
		}
	}
}

func (s *Server) newQuestionnairePage(r *http.Request) *newQuestionnairePage {
	st := stateOf(r)
	today := s.today(st.school)
	q := &imhars.Questionnaire{OpensOn: today, ClosesOn: addDays(today, 14), Comments: true}
	return &newQuestionnairePage{Page: s.page(r, "Create a questionnaire"), Audit: st.audit,
		URL: questionnairesURL(st.audit), Form: newSettingsForm(q), Audiences: imhars.Audiences}
}

func (s *Server) showNewQuestionnaire(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "q-manage-new", s.newQuestionnairePage(r))
}

// readFirstStep reads and checks the audience, title and dates. A blank
// title becomes the audience's default title.
func (p *newQuestionnairePage) readFirstStep(r *http.Request) imhars.FieldErrors {
	p.Form.read(r)
	if p.Form.Title == "" && p.Form.Audience.Valid() {
		p.Form.Title = defaultTitle(p.Form.Audience)
	}
	if _, ok := r.PostForm["help_text"]; !ok && p.Form.Audience.IsPupil() {
		p.Form.HelpText = defaultHelpText
	}
	p.Errors = p.Form.apply(&imhars.Questionnaire{})
	p.Errors = without(p.Errors, "help_text")
	return p.Errors
}

// chooseQuestionnaireItems checks the first step and shows the second,
// with every practice ticked and worded for the audience. The second
// step's Change button comes back here with "back" set, which shows the
// first step again as it was typed, carrying the second step's choices.
// Sending the first step again restores them.
func (s *Server) chooseQuestionnaireItems(w http.ResponseWriter, r *http.Request) error {
	p := s.newQuestionnairePage(r)
	if r.PostFormValue("back") != "" {
		p.Form.read(r)
		p.Kept = readKeptChoices(r, p.Form.Audience)
		return s.render(w, r, "q-manage-new", p)
	}
	p.Kept = keptChoicesOf(r)
	if p.readFirstStep(r).Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-new", p)
	}
	if err := s.offerPractices(r, p); err != nil {
		return err
	}
	if p.Kept != nil {
		p.Kept.restore(p.Groups, r, p.Form.Audience)
	}
	p.Title = "Choose what to ask"
	return s.render(w, r, "q-manage-new-items", p)
}

func (s *Server) offerPractices(r *http.Request, p *newQuestionnairePage) error {
	f, err := s.store.Framework(r.Context(), p.Audit.FrameworkID)
	if err != nil {
		return fmt.Errorf("get framework %d: %w", p.Audit.FrameworkID, err)
	}
	p.Groups = practiceGroups(f, p.Form.Audience, nil, true)
	if p.Form.Audience == imhars.AudiencePupils5to7 {
		tickFirst(p.Groups, youngPupilsPerComponent)
	}
	return nil
}

// youngPupilsPerComponent is how many practices of each component are
// ticked at first for pupils aged 5 to 7: two of each of the seven
// components makes 14 statements, which a young child can answer, read
// aloud, in well under ten minutes. The lead can tick more.
const youngPupilsPerComponent = 2

// tickFirst leaves only the first n choices of each group ticked.
func tickFirst(groups []practiceGroup, n int) {
	for i := range groups {
		for j := range groups[i].Choices {
			groups[i].Choices[j].Checked = j < n
		}
	}
}

// createQuestionnaire stores a draft questionnaire from both steps.
func (s *Server) createQuestionnaire(w http.ResponseWriter, r *http.Request) error {
	st := stateOf(r)
	p := s.newQuestionnairePage(r)
	if p.readFirstStep(r).Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-new", p)
	}
	if err := s.offerPractices(r, p); err != nil {
		return err
	}
	p.Title = "Choose what to ask"
	readChoices(p.Groups, r)
	q := &imhars.Questionnaire{AuditID: st.audit.ID, SchoolID: st.school.ID, TimeZone: st.school.TimeZone}
	p.Errors = p.Form.apply(q)
	items, itemErrs := chosenItems(p.Groups)
	p.Errors = append(p.Errors, itemErrs...)
	if p.Errors.Any() {
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "q-manage-new-items", p)
	}
	if err := s.store.CreateQuestionnaire(r.Context(), q, items); err != nil {
		return fmt.Errorf("create questionnaire for audit %d: %w", st.audit.ID, err)
	}
	s.setFlash(w, fmt.Sprintf("Questionnaire created as a draft with %d %s. Check it, then open it to start collecting answers.",
		len(items), plural(len(items), "item", "items")))
	http.Redirect(w, r, questionnaireURL(st.audit, q), http.StatusSeeOther)
	return nil
}

// without returns errs less the message for field.
func without(errs imhars.FieldErrors, field string) imhars.FieldErrors {
	var out imhars.FieldErrors
	for _, e := range errs {
		if e.Field != field {
			out = append(out, e)
		}
	}
	return out
}
