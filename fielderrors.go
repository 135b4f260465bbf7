package imhars

import "fmt"

// FieldError is one validation message for a form field.
type FieldError struct {
	Field   string // form field name; the error summary links to the element with this id
	Message string // a sentence that says what to change
}

// FieldErrors lists validation messages in the order of the form's fields.
// Only the first message per field is kept.
type FieldErrors []FieldError

// Add records a message for field unless one is already recorded.
func (e *FieldErrors) Add(field, format string, args ...any) {
	if e.Get(field) != "" {
		return
	}
	*e = append(*e, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Get returns the message for field, or "" when it has none.
func (e FieldErrors) Get(field string) string {
	for _, fe := range e {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// Any reports whether at least one field has an error.
func (e FieldErrors) Any() bool { return len(e) > 0 }
