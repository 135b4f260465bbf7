package web

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/imhars/imhars"
)

// excelStaffList is a staff list as Excel saves "CSV UTF-8": a byte order
// mark, CRLF line ends, and quotes around fields with commas or line breaks.
const excelStaffList = "\uFEFFemail,name,role,notes\r\n" +
	"ana@school.org.uk,Ana Smith,Teacher,starts in May\r\n" +
	"ben@school.org.uk,Ben Jones,Teaching assistant ,\r\n" +
	"ANA@school.org.uk,Ana Smith,Teacher,second copy\r\n" +
	",Cat Brown,Office,\r\n" +
	"dan@school.org.uk,\"O'Neill, Dan\",SENCo,\"line one\r\nline two\"\r\n"

func TestParseStaffList(t *testing.T) {
	listed := []imhars.Recipient{{Email: "Ben@School.org.uk"}}
	tests := []struct {
		name     string
		file     string
		existing []imhars.Recipient
		want     *staffImport
	}{
		{
			name: "excel file with problems",
			file: excelStaffList,
			want: &staffImport{
				Valid: []staffRow{
					{Line: 2, Email: "ana@school.org.uk", Name: "Ana Smith", Role: "Teacher"},
					{Line: 3, Email: "ben@school.org.uk", Name: "Ben Jones", Role: "Teaching assistant",
						Notes: []string{"Spaces removed around the role."}},
					{Line: 6, Email: "dan@school.org.uk", Name: "O'Neill, Dan", Role: "SENCo"},
				},
				Rejected: []staffRow{
					{Line: 4, Email: "ANA@school.org.uk", Name: "Ana Smith", Role: "Teacher", Reason: "Same email as line 2."},
					{Line: 5, Name: "Cat Brown", Role: "Office", Reason: "Email is blank."},
				},
				Ignored: []string{"notes"},
			},
		},
		{
			name:     "already on the list",
			file:     "email,name\nben@school.org.uk,Ben\nBEN@school.org.uk,Ben again\neve@school.org.uk,Eve\n",
			existing: listed,
			want: &staffImport{
				Valid:    []staffRow{{Line: 4, Email: "eve@school.org.uk", Name: "Eve"}},
				Rejected: []staffRow{{Line: 3, Email: "BEN@school.org.uk", Name: "Ben again", Reason: "Same email as line 2."}},
				Listed:   []staffRow{{Line: 2, Email: "ben@school.org.uk", Name: "Ben"}},
			},
		},
		{
			name: "invalid email and long role",
			file: "Email Address,Job Title\nnot an email,Teacher\nfay@school.org.uk," + strings.Repeat("r", 101) + "\n",
			want: &staffImport{Rejected: []staffRow{
				{Line: 2, Email: "not an email", Role: "Teacher", Reason: "Email is not in the correct format, like name@school.org.uk."},
				{Line: 3, Email: "fay@school.org.uk", Role: strings.Repeat("r", 101), Reason: "Role is longer than 100 characters."},
			}},
		},
		{
			name: "blank rows and short rows",
			file: "role,email\r\n,,\r\n\r\nLead\r\nHead,gus@school.org.uk\r\n",
			want: &staffImport{
				Valid:    []staffRow{{Line: 5, Email: "gus@school.org.uk", Role: "Head"}},
				Rejected: []staffRow{{Line: 4, Role: "Lead", Reason: "Email is blank."}},
			},
		},
		{
			name: "windows-1252 file",
			file: "email,name\nzoe@school.org.uk,Zo\xeb Caf\xe9\n",
			want: &staffImport{Valid: []staffRow{{Line: 2, Email: "zoe@school.org.uk", Name: "Zoë Café"}}},
		},
		{
			name: "unnamed and repeated columns",
			file: "email,,email\nhal@school.org.uk,x,other@school.org.uk\n",
			want: &staffImport{
				Valid:   []staffRow{{Line: 2, Email: "hal@school.org.uk"}},
				Ignored: []string{"number 2 (no name)", "email"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseStaffList([]byte(tt.file), tt.existing)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseStaffList (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseStaffListFileErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"empty file", "", "The file is empty."},
		{"only a byte order mark", "\uFEFF", "The file is empty."},
		{"no email column", "name,role\nAna,Teacher\n", "no column named email"},
		{"unclosed quote", "email,name\nana@school.org.uk,\"Ana\nben@school.org.uk,Ben\n", "Line 2 of the file could not be read"},
		{"too many rows", "email\n" + strings.Repeat("a@school.org.uk\n", maxStaffRows+1), "more than 2000 people"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseStaffList([]byte(tt.file), nil)
			if err == nil {
				t.Fatal("no error")
			}
			if imhars.ErrorCode(err) != imhars.EINVALID {
				t.Errorf("error code = %q, want %q", imhars.ErrorCode(err), imhars.EINVALID)
			}
			if msg := imhars.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message = %q, want it to contain %q", msg, tt.want)
			}
		})
	}
}
