package web

import (
	"net/http"

	"github.com/imhars/imhars/web/static"
)

// routes registers every route of the application.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.handle(mux, "GET /static/", http.StripPrefix("/static/", staticHandler(static.FS)))
	s.handle(mux, "GET /healthz", http.HandlerFunc(s.showHealth))

	s.handle(mux, "GET /{$}", s.public(s.showHome))
	s.handle(mux, "GET /setup", s.public(s.showSetup))
	s.handle(mux, "POST /setup", s.signInForm(s.createFirstAdmin))
	s.handle(mux, "GET /sign-in", s.public(s.showSignIn))
	s.handle(mux, "POST /sign-in", s.signInForm(s.signIn))
	s.handle(mux, "POST /sign-out", s.signedIn(s.signOut))
	s.handle(mux, "GET /resume", s.signedIn(s.showResume))
	s.handle(mux, "GET /account", s.signedIn(s.showAccount))
	s.handle(mux, "POST /account/password", s.signedIn(s.changePassword))
	s.handle(mux, "GET /invitations/{token}", s.public(s.showInvitation))
	s.handle(mux, "POST /invitations/{token}", s.public(s.acceptInvitation))
	s.handle(mux, "GET /rating-scale", s.public(s.showRatingScale))

	s.handle(mux, "GET /frameworks", s.admin(s.listFrameworks))
	s.handle(mux, "GET /frameworks/import", s.admin(s.showImportFramework))
	s.handle(mux, "POST /frameworks/import", s.admin(s.importFramework))
	s.handle(mux, "GET /frameworks/{framework}", s.signedIn(s.showFramework))

	s.handle(mux, "GET /schools/new", s.admin(s.showNewSchool))
	s.handle(mux, "POST /schools", s.admin(s.createSchool))
	s.schoolRoutes(mux)
	s.auditRoutes(mux)
	s.manageRoutes(mux)
	s.resultsRoutes(mux)
	s.flagRoutes(mux)
	s.respondRoutes(mux)
	s.dataRoutes(mux)
	return s.withMiddleware(mux)
}

func (s *Server) schoolRoutes(mux *http.ServeMux) {
	s.handle(mux, "GET /schools/{school}", s.inSchool(s.showSchool))
	s.handle(mux, "GET /schools/{school}/edit", s.asLead(s.showEditSchool))
	s.handle(mux, "POST /schools/{school}/edit", s.asLead(s.updateSchool))
	s.handle(mux, "GET /schools/{school}/team", s.inSchool(s.showTeam))
	s.handle(mux, "POST /schools/{school}/invitations", s.asLead(s.createInvitation))
	s.handle(mux, "POST /schools/{school}/invitations/{invitation}/revoke", s.asLead(s.revokeInvitation))
	s.handle(mux, "POST /schools/{school}/members/{user}/role", s.asLead(s.changeMemberRole))
	s.handle(mux, "POST /schools/{school}/members/{user}/remove", s.asLead(s.removeMember))
	s.handle(mux, "GET /schools/{school}/audits/new", s.asLead(s.showNewAudit))
	s.handle(mux, "POST /schools/{school}/audits", s.asLead(s.createAudit))
}

func (s *Server) auditRoutes(mux *http.ServeMux) {
	const a = "/schools/{school}/audits/{audit}"
	s.handle(mux, "GET "+a, s.inAudit(s.showAudit))
	s.handle(mux, "GET "+a+"/components/{component}", s.inAudit(s.showComponent))
	s.handle(mux, "GET "+a+"/components/{component}/findings", s.inAudit(s.showFindings))
	s.handle(mux, "POST "+a+"/components/{component}/findings", s.editingAudit(s.saveFindings))
	s.handle(mux, "GET "+a+"/practices/{practice}", s.inAudit(s.showPractice))
	s.handle(mux, "POST "+a+"/practices/{practice}", s.editingAudit(s.saveAssessment))
	s.handle(mux, "POST "+a+"/complete", s.leadingAudit(s.completeAudit))
	s.handle(mux, "POST "+a+"/reopen", s.leadingAudit(s.reopenAudit))
	s.handle(mux, "GET "+a+"/report", s.inAudit(s.showReport))
	s.handle(mux, "GET "+a+"/report.pdf", s.inAudit(s.downloadPDF))
	s.handle(mux, "GET "+a+"/report.xlsx", s.inAudit(s.downloadXLSX))
	s.handle(mux, "GET "+a+"/report.csv", s.inAudit(s.downloadCSV))
}

// handle registers h and records the pattern, so that tests can walk every
// route.
func (s *Server) handle(mux *http.ServeMux, pattern string, h http.Handler) {
	mux.Handle(pattern, h)
	s.patterns = append(s.patterns, pattern)
}
