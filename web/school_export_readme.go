package web

import (
	"fmt"
	"time"
)

// exportReadmeText is README.txt of a school's data export. Its
// placeholders are the school's name, the time of the export and the
// name of the person who made it.
const exportReadmeText = `Data export of %s
Made in imhars on %s (UTC) by %s.

This archive contains all of the school's data in imhars, as JSON files
in UTF-8. Times are in UTC, written as in RFC 3339. The days on which
questionnaires open and close and on which responses were submitted are
written as YYYY-MM-DD in the school's time zone.

school.json          the school's details, its privacy thresholds for
                     questionnaire results (min_group, min_comments)
                     and its risk phrases for safeguarding
members.json         the school's team: name, email, role, and whether
                     each person is a designated safeguarding lead
audits.json          each audit with its framework (slug, version,
                     title), every practice assessment and each
                     component's findings at the three tiers of need
questionnaires.json  each questionnaire with its statements (items),
                     retired ones included
responses.json       the anonymous questionnaire responses that may be
                     shared ("responses"): a random id, the day
                     submitted, the answers and the comments; and each
                     questionnaire whose responses or comments were left
                     out, with the reason ("withheld")
recipients.json      the people sent a personal questionnaire link:
                     email, name, role and whether they responded
events.json          the school's activity log, such as exports,
                     deletions and changes of settings: who did what,
                     and when

Ratings in audits.json: -1 not yet assessed, 0 not in place,
1 emerging, 2 established, 3 embedded.

Answers in responses.json: value is the point chosen on the
questionnaire's scale, 1 (strongly disagree) to 5 (strongly agree), or
1 (no) to 3 (yes) on the faces scale for pupils aged 5 to 7. value is
0 when dont_know is true. item_id matches an item's id in the same
questionnaire.

Privacy

- The responses are anonymous. Nothing in them says who responded, and
  recipients.json says whether someone responded but never which
  response is theirs or when it was sent.
- This export keeps to the school's privacy thresholds in school.json,
  as screens, reports and other downloads do, because people who know a
  group could work out who gave which answers. It leaves out the
  responses to a questionnaire with fewer respondents than min_group,
  and the comments in responses to one with fewer than min_comments.
- It also leaves out the responses to a questionnaire that sent personal
  links until that questionnaire closes, because the recipients' list
  shows who has responded, and two exports made while they answer could
  be compared to find one person's response.
- "withheld" in responses.json lists each questionnaire left out in
  this way, what was left out and why.
- Comments flagged for safeguarding are not included. The designated
  safeguarding lead reads them in imhars.
- Password hashes, sessions, invitations to join the school, and the
  tokens of personal questionnaire links are not included.

Keep this archive as securely as the service itself: it contains staff
names and email addresses and what pupils, parents and staff wrote.
`

// exportReadme returns README.txt for an export of the named school made
// by userName at the time at.
func exportReadme(schoolName, userName string, at time.Time) string {
	return fmt.Sprintf(exportReadmeText, schoolName, at.UTC().Format("2 January 2006 at 15:04"), userName)
}
